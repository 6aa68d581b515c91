"""Global tables with boto3 and the AWS CLI against dynamodesk-server: a
replica added with UpdateTable ReplicaUpdates in another region (the region
of each client's SigV4 scope) holds the source's items, boto3's table_exists
waiter and the CLI's `wait table-exists` see it ACTIVE, writes made in either
region reach the other, the replica's stream (DynamoDB Streams in its region)
has the replicated writes, the CLI gets AWS's errors, and a server restarted
on its data folder goes on replicating."""
import json
import time
import unittest

from dynamodesk import Server, aws, aws_json, boto3_client, bulk_put, error_of


def all_items(ddb, table):
    items = []
    for page in ddb.get_paginator('scan').paginate(TableName=table, ConsistentRead=True):
        items += page['Items']
    return sorted(items, key=lambda i: json.dumps(i, sort_keys=True))


def wait_same(a, b, table, timeout=15):
    deadline = time.time() + timeout
    while True:
        x, y = all_items(a, table), all_items(b, table)
        if x == y:
            return x
        if time.time() > deadline:
            raise AssertionError('the regions still differ: %d against %d items' % (len(x), len(y)))
        time.sleep(0.1)


def create_orders(ddb, name):
    ddb.create_table(TableName=name,
                     AttributeDefinitions=[{'AttributeName': 'customer', 'AttributeType': 'S'},
                                           {'AttributeName': 'n', 'AttributeType': 'N'}],
                     KeySchema=[{'AttributeName': 'customer', 'KeyType': 'HASH'},
                                {'AttributeName': 'n', 'KeyType': 'RANGE'}],
                     BillingMode='PAY_PER_REQUEST')


class GlobalTablesTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()
        self.east = boto3_client(self.server, region='us-east-1')
        self.west = boto3_client(self.server, region='eu-west-1')

    def tearDown(self):
        self.server.cleanup()

    def test_boto3_replica_holds_the_items_and_writes_go_both_ways(self):
        create_orders(self.east, 'Orders')
        bulk_put(self.server, 'Orders', [{'customer': {'S': 'c%d' % (i % 13)}, 'n': {'N': str(i)}, 'note': {'S': 'x' * (i % 700)}}
                                         for i in range(2000)])
        r = self.east.update_table(TableName='Orders', ReplicaUpdates=[{'Create': {'RegionName': 'eu-west-1'}}])['TableDescription']
        self.assertEqual(r['GlobalTableVersion'], '2019.11.21')
        self.assertEqual(r['Replicas'], [{'RegionName': 'eu-west-1', 'ReplicaStatus': 'CREATING'}])
        self.west.get_waiter('table_exists').wait(TableName='Orders', WaiterConfig={'Delay': 1, 'MaxAttempts': 30})
        deadline = time.time() + 30
        while self.west.describe_table(TableName='Orders')['Table']['TableStatus'] != 'ACTIVE':
            self.assertLess(time.time(), deadline)
            time.sleep(0.1)
        west = self.west.describe_table(TableName='Orders')['Table']
        self.assertEqual(west['Replicas'], [{'RegionName': 'us-east-1', 'ReplicaStatus': 'ACTIVE'}])
        self.assertIn(':eu-west-1:', west['TableArn'])
        items = wait_same(self.east, self.west, 'Orders')
        self.assertEqual(len(items), 2000)

        self.west.put_item(TableName='Orders', Item={'customer': {'S': 'west'}, 'n': {'N': '1'}})
        self.east.delete_item(TableName='Orders', Key={'customer': {'S': 'c0'}, 'n': {'N': '0'}})
        self.east.update_item(TableName='Orders', Key={'customer': {'S': 'c1'}, 'n': {'N': '1'}},
                              UpdateExpression='SET seen = :t', ExpressionAttributeValues={':t': {'BOOL': True}})
        items = wait_same(self.east, self.west, 'Orders')
        self.assertEqual(len(items), 2000)
        self.assertEqual(self.east.get_item(TableName='Orders', Key={'customer': {'S': 'west'}, 'n': {'N': '1'}})['Item']['customer'], {'S': 'west'})
        self.assertTrue(self.west.get_item(TableName='Orders', Key={'customer': {'S': 'c1'}, 'n': {'N': '1'}})['Item']['seen']['BOOL'])

        # The replica's own stream, read in its region, has the write made in the other.
        streams = boto3_client(self.server, service='dynamodbstreams', region='eu-west-1')
        arn = west['LatestStreamArn']
        shard = streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards'][0]['ShardId']
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType='TRIM_HORIZON')['ShardIterator']
        records = streams.get_records(ShardIterator=it)['Records']
        names = [(r['eventName'], r['dynamodb']['Keys']['customer']['S']) for r in records]
        self.assertIn(('REMOVE', 'c0'), names)
        self.assertIn(('MODIFY', 'c1'), names)
        self.assertIn(('INSERT', 'west'), names)

    def test_cli_adds_a_replica_waits_for_it_and_gets_aws_errors(self):
        aws(self.server, 'dynamodb', 'create-table', '--table-name', 'Cli',
            '--attribute-definitions', 'AttributeName=id,AttributeType=S', '--key-schema', 'AttributeName=id,KeyType=HASH',
            '--billing-mode', 'PAY_PER_REQUEST')
        aws(self.server, 'dynamodb', 'put-item', '--table-name', 'Cli', '--item', '{"id":{"S":"before"}}')
        out = aws_json(self.server, 'dynamodb', 'update-table', '--table-name', 'Cli',
                       '--replica-updates', '[{"Create":{"RegionName":"ap-southeast-2"}}]')
        self.assertEqual(out['TableDescription']['TableStatus'], 'UPDATING')
        aws(self.server, 'dynamodb', 'wait', 'table-exists', '--table-name', 'Cli', '--region', 'ap-southeast-2')
        deadline = time.time() + 30
        while True:
            d = aws_json(self.server, 'dynamodb', 'describe-table', '--table-name', 'Cli', '--region', 'ap-southeast-2')['Table']
            if d['TableStatus'] == 'ACTIVE':
                break
            self.assertLess(time.time(), deadline)
            time.sleep(0.2)
        self.assertEqual(d['Replicas'], [{'RegionName': 'us-east-1', 'ReplicaStatus': 'ACTIVE'}])
        got = aws_json(self.server, 'dynamodb', 'get-item', '--table-name', 'Cli', '--key', '{"id":{"S":"before"}}',
                       '--region', 'ap-southeast-2')
        self.assertEqual(got['Item'], {'id': {'S': 'before'}})

        code, _, err = aws(self.server, 'dynamodb', 'update-table', '--table-name', 'Cli',
                           '--replica-updates', '[{"Create":{"RegionName":"us-east-1"}}]', check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('ValidationException', err)
        self.assertIn('Cannot add or delete the local region through ReplicaUpdates', err)
        code, _, err = aws(self.server, 'dynamodb', 'update-table', '--table-name', 'Cli',
                           '--replica-updates', '[{"Delete":{"RegionName":"eu-north-1"}}]', check=False)
        self.assertIn('Please retry the request without these replicas: [eu-north-1]', err)

        aws(self.server, 'dynamodb', 'update-table', '--table-name', 'Cli', '--replica-updates', '[{"Delete":{"RegionName":"ap-southeast-2"}}]')
        code, _, err = aws(self.server, 'dynamodb', 'describe-table', '--table-name', 'Cli', '--region', 'ap-southeast-2', check=False)
        self.assertIn('ResourceNotFoundException', err)
        self.assertNotIn('Replicas', aws_json(self.server, 'dynamodb', 'describe-table', '--table-name', 'Cli')['Table'])

    def test_replication_goes_on_after_a_restart(self):
        create_orders(self.east, 'Orders')
        self.east.update_table(TableName='Orders', ReplicaUpdates=[{'Create': {'RegionName': 'eu-west-1'}}])
        deadline = time.time() + 30
        while self.east.describe_table(TableName='Orders')['Table']['TableStatus'] != 'ACTIVE':
            self.assertLess(time.time(), deadline)
            time.sleep(0.1)
        bulk_put(self.server, 'Orders', [{'customer': {'S': 'a'}, 'n': {'N': str(i)}} for i in range(500)])
        self.server.stop()
        self.server.start()
        self.east = boto3_client(self.server, region='us-east-1')
        self.west = boto3_client(self.server, region='eu-west-1')
        self.west.put_item(TableName='Orders', Item={'customer': {'S': 'b'}, 'n': {'N': '1'}})
        self.assertEqual(len(wait_same(self.east, self.west, 'Orders')), 501)
        code, message = error_of(self.west.update_table, TableName='Orders', StreamSpecification={'StreamEnabled': False})
        self.assertEqual((code, message), ('ValidationException', 'One or more parameter values were invalid: '
                                                                  'Disabling Stream is not allowed for a Global Table replica.'))


if __name__ == '__main__':
    unittest.main()
