"""The AWS CLI's own DynamoDB commands against dynamodesk-server, compared
with what real DynamoDB prints (the issue's MusicCollection walk-through)."""
import json
import os
import re
import tempfile
import unittest

from dynamodesk import Server, aws, aws_json

CREATE = ['dynamodb', 'create-table', '--table-name', 'MusicCollection',
          '--attribute-definitions', 'AttributeName=Artist,AttributeType=S', 'AttributeName=SongTitle,AttributeType=S',
          '--key-schema', 'AttributeName=Artist,KeyType=HASH', 'AttributeName=SongTitle,KeyType=RANGE',
          '--provisioned-throughput', 'ReadCapacityUnits=5,WriteCapacityUnits=5',
          '--tags', 'Key=Owner,Value=blueTeam']
ITEM = '{"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}, "Year": {"N": "2024"}}'
KEY = {"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "Happy Day"}}


class AwsCliTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()
        self.tmp = tempfile.mkdtemp()
        with open(os.path.join(self.tmp, 'key.json'), 'w') as f:
            json.dump(KEY, f)

    def tearDown(self):
        self.server.cleanup()

    def create(self):
        return aws_json(self.server, *CREATE)

    def test_create_table_prints_aws_shape(self):
        out = self.create()['TableDescription']
        self.assertEqual(out['TableName'], 'MusicCollection')
        self.assertEqual(out['KeySchema'], [{'AttributeName': 'Artist', 'KeyType': 'HASH'},
                                            {'AttributeName': 'SongTitle', 'KeyType': 'RANGE'}])
        self.assertEqual(out['AttributeDefinitions'], [{'AttributeName': 'Artist', 'AttributeType': 'S'},
                                                       {'AttributeName': 'SongTitle', 'AttributeType': 'S'}])
        self.assertEqual(out['ProvisionedThroughput'],
                         {'NumberOfDecreasesToday': 0, 'ReadCapacityUnits': 5, 'WriteCapacityUnits': 5})
        self.assertEqual(out['TableArn'], 'arn:aws:dynamodb:us-east-1:000000000000:table/MusicCollection')
        self.assertRegex(out['TableId'], r'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
        self.assertEqual(out['ItemCount'], 0)
        self.assertEqual(out['TableSizeBytes'], 0)
        self.assertIn(out['TableStatus'], ('ACTIVE', 'CREATING'))
        # The CLI renders CreationDateTime from epoch seconds as an ISO time.
        self.assertRegex(out['CreationDateTime'], r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d')

    def test_put_then_get_item_with_consumed_capacity(self):
        self.create()
        _, out, _ = aws(self.server, 'dynamodb', 'put-item', '--table-name', 'MusicCollection', '--item', ITEM)
        self.assertEqual(out.strip(), '')
        _, out, _ = aws(self.server, 'dynamodb', 'get-item', '--table-name', 'MusicCollection',
                        '--key', 'file://key.json', '--return-consumed-capacity', 'TOTAL', cwd=self.tmp)
        self.assertEqual(json.loads(out), {
            'Item': {'Artist': {'S': 'Acme Band'}, 'SongTitle': {'S': 'Happy Day'}, 'Year': {'N': '2024'}},
            'ConsumedCapacity': {'TableName': 'MusicCollection', 'CapacityUnits': 0.5},
        })
        self.assertIn('"CapacityUnits": 0.5', out)

    def test_describe_and_list_tables_and_tags(self):
        self.create()
        aws(self.server, 'dynamodb', 'put-item', '--table-name', 'MusicCollection', '--item', ITEM)
        table = aws_json(self.server, 'dynamodb', 'describe-table', '--table-name', 'MusicCollection')['Table']
        self.assertEqual(table['TableStatus'], 'ACTIVE')
        self.assertEqual(table['ItemCount'], 1)
        # Artist 6+9, SongTitle 9+9, Year 4 + 3 (two digit pairs + 1) bytes
        self.assertEqual(table['TableSizeBytes'], 40)
        self.assertEqual(aws_json(self.server, 'dynamodb', 'list-tables'), {'TableNames': ['MusicCollection']})
        tags = aws_json(self.server, 'dynamodb', 'list-tags-of-resource', '--resource-arn', table['TableArn'])
        self.assertEqual(tags, {'Tags': [{'Key': 'Owner', 'Value': 'blueTeam'}]})
        aws(self.server, 'dynamodb', 'tag-resource', '--resource-arn', table['TableArn'], '--tags', 'Key=Env,Value=dev')
        aws(self.server, 'dynamodb', 'untag-resource', '--resource-arn', table['TableArn'], '--tag-keys', 'Owner')
        tags = aws_json(self.server, 'dynamodb', 'list-tags-of-resource', '--resource-arn', table['TableArn'])
        self.assertEqual(tags, {'Tags': [{'Key': 'Env', 'Value': 'dev'}]})

    def test_what_is_not_emulated_is_described_as_off(self):
        # Inventory tools describe these with every table: Contributor
        # Insights is DISABLED and there is no Kinesis destination, as on a
        # table where nobody turned them on; unknown tables and indexes are
        # ResourceNotFoundException.
        self.create()
        aws(self.server, 'dynamodb', 'update-table', '--table-name', 'MusicCollection',
            '--attribute-definitions', 'AttributeName=Year,AttributeType=N', '--global-secondary-index-updates',
            '[{"Create":{"IndexName":"byYear","KeySchema":[{"AttributeName":"Year","KeyType":"HASH"}],'
            '"Projection":{"ProjectionType":"KEYS_ONLY"},"ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1}}}]')
        self.assertEqual(aws_json(self.server, 'dynamodb', 'describe-contributor-insights', '--table-name', 'MusicCollection'),
                         {'TableName': 'MusicCollection', 'ContributorInsightsStatus': 'DISABLED'})
        self.assertEqual(aws_json(self.server, 'dynamodb', 'describe-contributor-insights', '--table-name', 'MusicCollection',
                                  '--index-name', 'byYear'),
                         {'TableName': 'MusicCollection', 'IndexName': 'byYear', 'ContributorInsightsStatus': 'DISABLED'})
        self.assertEqual(aws_json(self.server, 'dynamodb', 'describe-kinesis-streaming-destination', '--table-name', 'MusicCollection'),
                         {'TableName': 'MusicCollection', 'KinesisDataStreamDestinations': []})
        for args in (['describe-contributor-insights', '--table-name', 'Nope'],
                     ['describe-contributor-insights', '--table-name', 'MusicCollection', '--index-name', 'nope'],
                     ['describe-kinesis-streaming-destination', '--table-name', 'Nope']):
            code, _, err = aws(self.server, 'dynamodb', *args, check=False)
            self.assertNotEqual(code, 0)
            self.assertIn('ResourceNotFoundException', err)

    def test_update_item_and_delete_item(self):
        self.create()
        aws(self.server, 'dynamodb', 'put-item', '--table-name', 'MusicCollection', '--item', ITEM)
        out = aws_json(self.server, 'dynamodb', 'update-item', '--table-name', 'MusicCollection',
                       '--key', 'file://key.json', '--update-expression', 'SET AlbumTitle = :t, #y = #y + :one',
                       '--expression-attribute-names', '{"#y": "Year"}',
                       '--expression-attribute-values', '{":t": {"S": "Updated Album Title"}, ":one": {"N": "1"}}',
                       '--return-values', 'ALL_NEW', cwd=self.tmp)
        self.assertEqual(out['Attributes'], {'Artist': {'S': 'Acme Band'}, 'SongTitle': {'S': 'Happy Day'},
                                             'Year': {'N': '2025'}, 'AlbumTitle': {'S': 'Updated Album Title'}})
        code, _, err = aws(self.server, 'dynamodb', 'delete-item', '--table-name', 'MusicCollection',
                           '--key', 'file://key.json', '--condition-expression', 'attribute_not_exists(Artist)',
                           check=False, cwd=self.tmp)
        self.assertNotEqual(code, 0)
        self.assertIn('ConditionalCheckFailedException', err)
        out = aws_json(self.server, 'dynamodb', 'delete-item', '--table-name', 'MusicCollection',
                       '--key', 'file://key.json', '--return-values', 'ALL_OLD', cwd=self.tmp)
        self.assertEqual(out['Attributes']['Year'], {'N': '2025'})
        out = aws_json(self.server, 'dynamodb', 'get-item', '--table-name', 'MusicCollection',
                       '--key', 'file://key.json', cwd=self.tmp)
        self.assertEqual(out, {})

    def test_update_table_and_delete_table(self):
        self.create()
        out = aws_json(self.server, 'dynamodb', 'update-table', '--table-name', 'MusicCollection',
                       '--provisioned-throughput', 'ReadCapacityUnits=10,WriteCapacityUnits=10')
        pt = out['TableDescription']['ProvisionedThroughput']
        self.assertEqual((pt['ReadCapacityUnits'], pt['WriteCapacityUnits']), (10, 10))
        self.assertIn('LastIncreaseDateTime', pt)
        out = aws_json(self.server, 'dynamodb', 'update-table', '--table-name', 'MusicCollection',
                       '--billing-mode', 'PAY_PER_REQUEST')
        self.assertEqual(out['TableDescription']['BillingModeSummary']['BillingMode'], 'PAY_PER_REQUEST')
        out = aws_json(self.server, 'dynamodb', 'delete-table', '--table-name', 'MusicCollection')
        self.assertEqual(out['TableDescription']['TableStatus'], 'DELETING')
        code, _, err = aws(self.server, 'dynamodb', 'describe-table', '--table-name', 'MusicCollection', check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('ResourceNotFoundException', err)
        self.assertIn('Requested resource not found: Table: MusicCollection not found', err)

    def test_errors_are_dynamodbs(self):
        self.create()
        code, _, err = aws(self.server, 'dynamodb', 'put-item', '--table-name', 'MusicCollection',
                           '--item', '{"Artist": {"S": "x"}}', check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('ValidationException', err)
        self.assertIn('One or more parameter values were invalid: Missing the key SongTitle in the item', err)
        code, _, err = aws(self.server, 'dynamodb', 'get-item', '--table-name', 'MusicCollection',
                           '--key', '{"Artist": {"S": "x"}}', check=False)
        self.assertIn('The provided key element does not match the schema', err)
        code, _, err = aws(self.server, 'dynamodb', 'create-table', '--table-name', 'ab',
                           '--attribute-definitions', 'AttributeName=a,AttributeType=S',
                           '--key-schema', 'AttributeName=a,KeyType=HASH', '--billing-mode', 'PAY_PER_REQUEST',
                           check=False)
        # The CLI validates the length itself before sending; either way it fails.
        self.assertNotEqual(code, 0)
        code, _, err = aws(self.server, 'dynamodb', 'create-table', *CREATE[2:], check=False)
        self.assertIn('ResourceInUseException', err)

    def test_data_survives_restart(self):
        self.create()
        aws(self.server, 'dynamodb', 'put-item', '--table-name', 'MusicCollection', '--item', ITEM)
        self.server.stop()
        self.server.start()
        out = aws_json(self.server, 'dynamodb', 'get-item', '--table-name', 'MusicCollection',
                       '--key', 'file://key.json', cwd=self.tmp)
        self.assertEqual(out['Item']['Year'], {'N': '2024'})


if __name__ == '__main__':
    unittest.main()
