"""DAX clusters against a real dynamodesk-server, with the AWS CLI v2
(`aws dax ...`, the control plane) and boto3 (both planes): a cluster is
created, described and deleted as on AWS; a DynamoDB client pointed at the
cluster's endpoint (ClusterDiscoveryEndpoint.URL, the server's /dax/<name>)
reads items and query results from its caches, so that writes made around
the cluster stay unseen until their TTL ends, while writes through it are
seen at once; operations DAX does not serve get the DAX client's
ValidationException; parameter groups set the TTLs; the counters DAX
publishes are there (Dynamodesk.DescribeClusterMetrics); and the clusters
survive a restart of the server."""
import json
import time
import unittest

import boto3
from botocore.config import Config

from dynamodesk import Server, aws, aws_json, boto3_client, error_of

ROLE = 'arn:aws:iam::000000000000:role/DAXServiceRole'


def dax_data_client(url):
    """A plain boto3 DynamoDB client for a cluster's endpoint URL."""
    return boto3.client('dynamodb', endpoint_url=url, region_name='us-east-1', aws_access_key_id='AKIDEXAMPLE',
                        aws_secret_access_key='secret', config=Config(retries={'max_attempts': 1}))


def metrics(server, cluster):
    import urllib.request
    req = urllib.request.Request(server.url, data=json.dumps({'ClusterName': cluster}).encode(), method='POST', headers={
        'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'Dynamodesk_20261101.DescribeClusterMetrics',
        'X-Amz-Date': '20261127T000000Z',
        'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/dynamodb/aws4_request, '
                         'SignedHeaders=host, Signature=0'})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())['Metrics']


class DaxTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()
        self.ddb = boto3_client(self.server)
        self.ddb.create_table(TableName='Orders', BillingMode='PAY_PER_REQUEST',
                              AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                    {'AttributeName': 'sk', 'AttributeType': 'N'}],
                              KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                         {'AttributeName': 'sk', 'KeyType': 'RANGE'}])

    def tearDown(self):
        self.server.cleanup()

    def test_cli_control_plane(self):
        created = aws_json(self.server, 'dax', 'create-cluster', '--cluster-name', 'OrdersCache', '--node-type',
                           'dax.r5.large', '--replication-factor', '3', '--iam-role-arn', ROLE,
                           '--tags', 'Key=team,Value=orders')['Cluster']
        self.assertEqual(created['ClusterName'], 'orderscache')
        self.assertEqual(created['Status'], 'available')
        self.assertEqual([n['NodeId'] for n in created['Nodes']], ['orderscache-a', 'orderscache-b', 'orderscache-c'])
        self.assertEqual(created['ClusterDiscoveryEndpoint']['URL'], self.server.url + '/dax/orderscache')
        self.assertEqual(created['ClusterDiscoveryEndpoint']['Port'], self.server.port)

        clusters = aws_json(self.server, 'dax', 'describe-clusters')['Clusters']
        self.assertEqual([c['ClusterName'] for c in clusters], ['orderscache'])
        tags = aws_json(self.server, 'dax', 'list-tags', '--resource-name', created['ClusterArn'])['Tags']
        self.assertEqual(tags, [{'Key': 'team', 'Value': 'orders'}])

        code, _, err = aws(self.server, 'dax', 'create-cluster', '--cluster-name', 'orderscache', '--node-type',
                           'dax.r5.large', '--replication-factor', '1', '--iam-role-arn', ROLE, check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('ClusterAlreadyExistsFault', err)
        code, _, err = aws(self.server, 'dax', 'create-cluster', '--cluster-name', 'bad--name', '--node-type',
                           'dax.r5.large', '--replication-factor', '1', '--iam-role-arn', ROLE, check=False)
        self.assertIn('InvalidParameterValueException', err)
        self.assertIn('Cluster ID specified is not a valid identifier', err)

        groups = aws_json(self.server, 'dax', 'describe-parameter-groups')['ParameterGroups']
        self.assertEqual(groups[0]['ParameterGroupName'], 'default.dax1.0')
        params = aws_json(self.server, 'dax', 'describe-default-parameters')['Parameters']
        self.assertEqual({p['ParameterName']: p['ParameterValue'] for p in params},
                         {'record-ttl-millis': '300000', 'query-ttl-millis': '300000'})
        self.assertEqual(aws_json(self.server, 'dax', 'describe-subnet-groups')['SubnetGroups'][0]['SubnetGroupName'], 'default')

        resized = aws_json(self.server, 'dax', 'decrease-replication-factor', '--cluster-name', 'orderscache',
                           '--new-replication-factor', '1')['Cluster']
        self.assertEqual(resized['TotalNodes'], 1)
        events = aws_json(self.server, 'dax', 'describe-events', '--source-name', 'orderscache')['Events']
        self.assertIn('Removed node orderscache-c.', [e['Message'] for e in events])

        deleted = aws_json(self.server, 'dax', 'delete-cluster', '--cluster-name', 'orderscache')['Cluster']
        self.assertEqual(deleted['Status'], 'deleting')
        code, _, err = aws(self.server, 'dax', 'describe-clusters', '--cluster-names', 'orderscache', check=False)
        self.assertIn('ClusterNotFoundFault', err)

    def test_caches_through_the_cluster_endpoint(self):
        dax = boto3_client(self.server, service='dax')
        url = dax.create_cluster(ClusterName='c1', NodeType='dax.t3.small', ReplicationFactor=1,
                                 IamRoleArn=ROLE)['Cluster']['ClusterDiscoveryEndpoint']['URL']
        cached = dax_data_client(url)
        key = {'pk': {'S': 'order#1'}, 'sk': {'N': '1'}}
        self.ddb.put_item(TableName='Orders', Item={**key, 'status': {'S': 'new'}})

        # Read through the cluster: a miss, then the item stays cached.
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['status'], {'S': 'new'})
        self.ddb.update_item(TableName='Orders', Key=key, UpdateExpression='SET #s = :s',
                             ExpressionAttributeNames={'#s': 'status'}, ExpressionAttributeValues={':s': {'S': 'paid'}})
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['status'], {'S': 'new'})
        self.assertEqual(cached.get_item(TableName='Orders', Key=key, ConsistentRead=True)['Item']['status'], {'S': 'paid'})

        # A write through the cluster is seen at once, by the item cache.
        cached.update_item(TableName='Orders', Key=key, UpdateExpression='SET #s = :s',
                           ExpressionAttributeNames={'#s': 'status'}, ExpressionAttributeValues={':s': {'S': 'shipped'}})
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['status'], {'S': 'shipped'})

        # The query cache keeps its results whatever is written.
        q = dict(TableName='Orders', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'order#1'}})
        self.assertEqual(cached.query(**q)['Count'], 1)
        cached.put_item(TableName='Orders', Item={'pk': {'S': 'order#1'}, 'sk': {'N': '2'}})
        self.assertEqual(cached.query(**q)['Count'], 1)
        self.assertEqual(cached.query(**q, ConsistentRead=True)['Count'], 2)
        self.assertEqual(self.ddb.query(**q)['Count'], 2)

        # Batches and transactions go through too.
        cached.batch_write_item(RequestItems={'Orders': [{'PutRequest': {'Item': {'pk': {'S': 'b'}, 'sk': {'N': str(i)}}}}
                                                         for i in range(5)]})
        got = cached.batch_get_item(RequestItems={'Orders': {'Keys': [{'pk': {'S': 'b'}, 'sk': {'N': str(i)}} for i in range(5)]}})
        self.assertEqual(len(got['Responses']['Orders']), 5)
        cached.transact_write_items(TransactItems=[{'Delete': {'TableName': 'Orders', 'Key': {'pk': {'S': 'b'}, 'sk': {'N': '0'}}}}])
        self.assertNotIn('Item', cached.get_item(TableName='Orders', Key={'pk': {'S': 'b'}, 'sk': {'N': '0'}}))

        # What DAX does not serve, with the DAX client's message; nothing changes.
        code, message = error_of(cached.delete_table, TableName='Orders')
        self.assertEqual((code, message), ('ValidationException', 'deleteTable is not supported for DAX. Use DynamoDB instead.'))
        self.assertEqual(self.ddb.list_tables()['TableNames'], ['Orders'])
        code, message = error_of(cached.execute_statement, Statement='SELECT * FROM Orders')
        self.assertEqual(code, 'ValidationException')

        m = metrics(self.server, 'c1')
        self.assertEqual(m['ItemCacheHits'], 8)   # the stale read, shipped, 5 in the batch, the deleted one
        self.assertEqual(m['ItemCacheMisses'], 1)
        self.assertEqual(m['QueryCacheHits'], 1)
        self.assertEqual(m['QueryCacheMisses'], 1)
        self.assertEqual(m['TransactWriteItemsCount'], 1)
        self.assertGreater(m['EstimatedDbSize'], 0)

        # An unknown cluster's endpoint.
        code, message = error_of(dax_data_client(self.server.url + '/dax/nope').get_item, TableName='Orders', Key=key)
        self.assertEqual(code, 'ResourceNotFoundException')
        self.assertIn('DAX cluster nope not found', message)

    def test_parameter_group_ttls_and_restart(self):
        dax = boto3_client(self.server, service='dax')
        dax.create_parameter_group(ParameterGroupName='short')
        dax.update_parameter_group(ParameterGroupName='short', ParameterNameValues=[
            {'ParameterName': 'record-ttl-millis', 'ParameterValue': '300'},
            {'ParameterName': 'query-ttl-millis', 'ParameterValue': '0'}])
        params = {p['ParameterName']: p['ParameterValue'] for p in dax.describe_parameters(ParameterGroupName='short')['Parameters']}
        self.assertEqual(params, {'record-ttl-millis': '300', 'query-ttl-millis': '0'})
        url = dax.create_cluster(ClusterName='short', NodeType='dax.t3.small', ReplicationFactor=1, IamRoleArn=ROLE,
                                 ParameterGroupName='short')['Cluster']['ClusterDiscoveryEndpoint']['URL']
        cached = dax_data_client(url)
        key = {'pk': {'S': 'k'}, 'sk': {'N': '1'}}
        self.ddb.put_item(TableName='Orders', Item={**key, 'v': {'N': '1'}})
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['v'], {'N': '1'})
        self.ddb.put_item(TableName='Orders', Item={**key, 'v': {'N': '2'}})
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['v'], {'N': '1'})
        time.sleep(0.4)  # record-ttl-millis 300
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['v'], {'N': '2'})
        # query-ttl-millis 0: every query reads the table.
        q = dict(TableName='Orders', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'k'}})
        self.assertEqual(cached.query(**q)['Count'], 1)
        self.ddb.put_item(TableName='Orders', Item={'pk': {'S': 'k'}, 'sk': {'N': '2'}})
        self.assertEqual(cached.query(**q)['Count'], 2)

        self.server.stop()
        self.server.start()
        dax = boto3_client(self.server, service='dax')
        self.assertEqual([c['ClusterName'] for c in dax.describe_clusters()['Clusters']], ['short'])
        self.assertEqual([g['ParameterGroupName'] for g in dax.describe_parameter_groups()['ParameterGroups']],
                         ['default.dax1.0', 'short'])
        cached = dax_data_client(self.server.url + '/dax/short')
        self.assertEqual(cached.get_item(TableName='Orders', Key=key)['Item']['v'], {'N': '2'})


class DaxCacheSizeTest(unittest.TestCase):
    def test_cache_limit_flag(self):
        """--dax-cache-mb caps a cluster's caches below its node type's memory; a bad value stops the server."""
        with Server(in_memory=True, extra_args=['--dax-cache-mb', '1']) as server:
            dax = boto3_client(server, service='dax')
            dax.create_cluster(ClusterName='small', NodeType='dax.r5.large', ReplicationFactor=1, IamRoleArn=ROLE)
            ddb = boto3_client(server)
            ddb.create_table(TableName='Big', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
            cached = dax_data_client(server.url + '/dax/small')
            for i in range(40):  # 40 items of 100 KB: four times the cache
                cached.put_item(TableName='Big', Item={'pk': {'S': str(i)}, 'data': {'S': 'x' * 100000}})
            import urllib.request
            req = urllib.request.Request(server.url, data=json.dumps({'ClusterName': 'small'}).encode(), method='POST', headers={
                'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'Dynamodesk_20261101.DescribeClusterMetrics',
                'X-Amz-Date': '20261127T000000Z',
                'Authorization': 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/dynamodb/aws4_request, '
                                 'SignedHeaders=host, Signature=0'})
            with urllib.request.urlopen(req) as r:
                described = json.loads(r.read())
            self.assertEqual(described['CacheBudgetBytes'], 1024 * 1024)
            self.assertLessEqual(described['Metrics']['EstimatedDbSize'], 1024 * 1024)
            self.assertGreater(described['Metrics']['EvictedSize'], 0)
        bad = Server(in_memory=True, extra_args=['--dax-cache-mb', 'lots'])
        with self.assertRaises(RuntimeError) as e:
            bad.start()
        self.assertIn("Invalid DAX cache size 'lots'", str(e.exception))
        bad.cleanup()


if __name__ == '__main__':
    unittest.main()
