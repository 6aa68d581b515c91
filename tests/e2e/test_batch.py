"""BatchGetItem as DynamoDB does it: up to 100 keys across tables, per-table
projections and consistency, Responses keyed by table (missing items are
simply absent), a ConsumedCapacity entry per table, duplicate and oversized
requests rejected with AWS's messages, and the 16 MB response limit handing
the rest back in UnprocessedKeys."""
import unittest

from dynamodesk import Server, aws_json, boto3_client, error_of


def put_all(ddb, table, items):
    for i in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{'PutRequest': {'Item': it}} for it in items[i:i + 25]]})


class BatchGetTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.raw = boto3_client(cls.server, validate=False)
        cls.ddb.create_table(TableName='Users', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        cls.ddb.create_table(TableName='Events',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                   {'AttributeName': 'ts', 'AttributeType': 'N'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                        {'AttributeName': 'ts', 'KeyType': 'RANGE'}], BillingMode='PAY_PER_REQUEST')
        put_all(cls.ddb, 'Users', [{'id': {'S': 'u%d' % i}, 'name': {'S': 'n%d' % i}, 'm': {'M': {'a': {'N': str(i)}}}}
                                   for i in range(120)])
        put_all(cls.ddb, 'Events', [{'pk': {'S': 'e'}, 'ts': {'N': str(i)}, 'x': {'S': 'y' * 5000}} for i in range(10)])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_across_tables_with_projection_and_capacity(self):
        r = self.ddb.batch_get_item(RequestItems={
            'Users': {'Keys': [{'id': {'S': 'u1'}}, {'id': {'S': 'u2'}}, {'id': {'S': 'missing'}}],
                      'ProjectionExpression': '#n, m.a', 'ExpressionAttributeNames': {'#n': 'name'}},
            'Events': {'Keys': [{'pk': {'S': 'e'}, 'ts': {'N': '3'}}, {'pk': {'S': 'e'}, 'ts': {'N': '4.0'}}],
                       'ConsistentRead': True},
        }, ReturnConsumedCapacity='TOTAL')
        users = sorted(r['Responses']['Users'], key=lambda it: it['name']['S'])
        self.assertEqual(users, [{'name': {'S': 'n1'}, 'm': {'M': {'a': {'N': '1'}}}},
                                 {'name': {'S': 'n2'}, 'm': {'M': {'a': {'N': '2'}}}}])
        self.assertEqual(sorted(int(it['ts']['N']) for it in r['Responses']['Events']), [3, 4])
        self.assertEqual(r['UnprocessedKeys'], {})
        capacity = {c['TableName']: c['CapacityUnits'] for c in r['ConsumedCapacity']}
        # Users: three eventually consistent reads (missing items count too); Events: two 5 KB items read consistently.
        self.assertEqual(capacity, {'Users': 1.5, 'Events': 4.0})

    def test_attributes_to_get_and_indexes_capacity(self):
        r = self.ddb.batch_get_item(RequestItems={'Users': {'Keys': [{'id': {'S': 'u7'}}], 'AttributesToGet': ['id']}},
                                    ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['Responses'], {'Users': [{'id': {'S': 'u7'}}]})
        self.assertEqual(r['ConsumedCapacity'], [{'TableName': 'Users', 'CapacityUnits': 0.5, 'Table': {'CapacityUnits': 0.5}}])

    def test_hundred_keys_and_limits(self):
        keys = [{'id': {'S': 'u%d' % i}} for i in range(100)]
        r = self.ddb.batch_get_item(RequestItems={'Users': {'Keys': keys}})
        self.assertEqual(len(r['Responses']['Users']), 100)
        code, msg = error_of(self.raw.batch_get_item, RequestItems={
            'Users': {'Keys': keys[:60]}, 'Events': {'Keys': [{'pk': {'S': 'e'}, 'ts': {'N': str(i)}} for i in range(41)]}})
        self.assertEqual((code, msg), ('ValidationException', 'Too many items requested for the BatchGetItem call'))

    def test_duplicates_and_key_errors(self):
        cases = [
            ({'Users': {'Keys': [{'id': {'S': 'a'}}, {'id': {'S': 'a'}}]}}, 'Provided list of item keys contains duplicates'),
            ({'Events': {'Keys': [{'pk': {'S': 'e'}, 'ts': {'N': '1'}}, {'ts': {'N': '1.00'}, 'pk': {'S': 'e'}}]}},
             'Provided list of item keys contains duplicates'),
            ({'Users': {'Keys': [{'nope': {'S': 'a'}}]}}, 'The provided key element does not match the schema'),
            ({'Users': {'Keys': [{'id': {'N': '1'}}]}}, 'The provided key element does not match the schema'),
            ({'Users': {'Keys': [{'id': {'S': 'a'}}], 'AttributesToGet': ['a'], 'ProjectionExpression': 'a'}},
             'Can not use both expression and non-expression parameters in the same request: '
             'Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}'),
            ({'Users': {'Keys': [{'id': {'S': 'a'}}], 'ProjectionExpression': 'a', 'ExpressionAttributeNames': {'#x': 'y'}}},
             'Value provided in ExpressionAttributeNames unused in expressions: keys: {#x}'),
        ]
        for items, message in cases:
            with self.subTest(items=items):
                self.assertEqual(error_of(self.raw.batch_get_item, RequestItems=items), ('ValidationException', message))
        code, _ = error_of(self.raw.batch_get_item, RequestItems={'Missing': {'Keys': [{'id': {'S': 'a'}}]}})
        self.assertEqual(code, 'ResourceNotFoundException')

    def test_sixteen_megabyte_limit_returns_unprocessed_keys(self):
        self.ddb.create_table(TableName='Blobs', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'N'}],
                              KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        blob = b'\x00' * (390 * 1024)
        for i in range(60):
            self.ddb.put_item(TableName='Blobs', Item={'id': {'N': str(i)}, 'b': {'B': blob}})
        keys = [{'id': {'N': str(i)}} for i in range(60)]
        r = self.ddb.batch_get_item(RequestItems={'Blobs': {'Keys': keys, 'ConsistentRead': True}})
        got = len(r['Responses']['Blobs'])
        unprocessed = r['UnprocessedKeys']['Blobs']
        self.assertLess(got, 60)
        self.assertGreater(got * 390 * 1024, 15 * 1024 * 1024)
        self.assertEqual(got + len(unprocessed['Keys']), 60)
        self.assertTrue(unprocessed['ConsistentRead'])
        # Sending UnprocessedKeys back as they are fetches the rest.
        r2 = self.ddb.batch_get_item(RequestItems=r['UnprocessedKeys'])
        ids = {it['id']['N'] for it in r['Responses']['Blobs'] + r2['Responses']['Blobs']}
        self.assertEqual(ids, {str(i) for i in range(60)})
        self.assertEqual(r2['UnprocessedKeys'], {})

    def test_aws_cli(self):
        out = aws_json(self.server, 'dynamodb', 'batch-get-item', '--request-items',
                       '{"Users": {"Keys": [{"id": {"S": "u5"}}], "ProjectionExpression": "id"}}')
        self.assertEqual(out['Responses'], {'Users': [{'id': {'S': 'u5'}}]})


if __name__ == '__main__':
    unittest.main()
