"""DynamoDB Streams and TTL as DynamoDB does them, through boto3's
`dynamodbstreams` client and `aws dynamodbstreams`: a stream per enabling of
StreamSpecification (a new label when re-enabled, the old one DISABLED but
readable), one record per item change (none for a write that changes
nothing, one per item of a transaction) shaped as AWS's for every view type,
the four iterator types, AWS's errors for bad input, records trimmed past a
short retention, and TTL deletions that arrive as REMOVE records with the
service's userIdentity."""
import json
import time
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, aws_json, boto3_client, error_of

VIEW_TYPES = ['KEYS_ONLY', 'NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES']


def create_table(ddb, name, view_type=None):
    kwargs = {}
    if view_type:
        kwargs['StreamSpecification'] = {'StreamEnabled': True, 'StreamViewType': view_type}
    return ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                            AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                  {'AttributeName': 'sk', 'AttributeType': 'N'}],
                            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                       {'AttributeName': 'sk', 'KeyType': 'RANGE'}], **kwargs)['TableDescription']


def shard_of(streams, arn):
    return streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards'][0]['ShardId']


def iterator(streams, arn, kind, seq=None):
    kwargs = {'SequenceNumber': seq} if seq else {}
    return streams.get_shard_iterator(StreamArn=arn, ShardId=shard_of(streams, arn), ShardIteratorType=kind,
                                      **kwargs)['ShardIterator']


def read_all(streams, it):
    """All records from `it` up to the present, following NextShardIterator."""
    records = []
    while it:
        r = streams.get_records(ShardIterator=it)
        records += r['Records']
        if not r['Records']:
            return records, r.get('NextShardIterator')
        it = r.get('NextShardIterator')
    return records, None


class StreamsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.streams = boto3_client(cls.server, 'dynamodbstreams')
        cls.raw = boto3_client(cls.server, 'dynamodbstreams', validate=False)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_every_view_type(self):
        for view in VIEW_TYPES:
            with self.subTest(view=view):
                name = 'views_' + view.lower()
                desc = create_table(self.ddb, name, view)
                arn = desc['LatestStreamArn']
                self.assertEqual(arn, desc['TableArn'] + '/stream/' + desc['LatestStreamLabel'])
                key = {'pk': {'S': 'a'}, 'sk': {'N': '1'}}
                self.ddb.put_item(TableName=name, Item={**key, 'v': {'S': 'one'}})
                self.ddb.update_item(TableName=name, Key=key, UpdateExpression='SET v = :v',
                                     ExpressionAttributeValues={':v': {'S': 'two'}})
                self.ddb.update_item(TableName=name, Key=key, UpdateExpression='SET v = :v',
                                     ExpressionAttributeValues={':v': {'S': 'two'}})  # no change, no record
                self.ddb.delete_item(TableName=name, Key=key)
                self.ddb.delete_item(TableName=name, Key=key)  # nothing there, no record
                records, _ = read_all(self.streams, iterator(self.streams, arn, 'TRIM_HORIZON'))
                self.assertEqual([r['eventName'] for r in records], ['INSERT', 'MODIFY', 'REMOVE'])
                seqs = [r['dynamodb']['SequenceNumber'] for r in records]
                self.assertTrue(all(s.isdecimal() and len(s) >= 21 for s in seqs))
                self.assertEqual(seqs, sorted(seqs))
                for r in records:
                    self.assertEqual(r['eventVersion'], '1.1')
                    self.assertEqual(r['eventSource'], 'aws:dynamodb')
                    self.assertEqual(r['awsRegion'], 'us-east-1')
                    self.assertEqual(len(r['eventID']), 32)
                    self.assertNotIn('userIdentity', r)
                    d = r['dynamodb']
                    self.assertEqual(d['Keys'], key)
                    self.assertEqual(d['StreamViewType'], view)
                    self.assertGreater(d['SizeBytes'], 0)
                    self.assertLess(abs(d['ApproximateCreationDateTime'].timestamp() - time.time()), 60)
                new = view in ('NEW_IMAGE', 'NEW_AND_OLD_IMAGES')
                old = view in ('OLD_IMAGE', 'NEW_AND_OLD_IMAGES')
                insert, modify, remove = (r['dynamodb'] for r in records)
                self.assertEqual('NewImage' in insert, new)
                self.assertNotIn('OldImage', insert)
                self.assertEqual(modify.get('NewImage', {}).get('v'), {'S': 'two'} if new else None)
                self.assertEqual(modify.get('OldImage', {}).get('v'), {'S': 'one'} if old else None)
                self.assertNotIn('NewImage', remove)
                self.assertEqual(remove.get('OldImage', {}).get('v'), {'S': 'two'} if old else None)

    def test_describe_and_list(self):
        desc = create_table(self.ddb, 'described', 'NEW_IMAGE')
        arn = desc['LatestStreamArn']
        d = self.streams.describe_stream(StreamArn=arn)['StreamDescription']
        self.assertEqual(d['StreamArn'], arn)
        self.assertEqual(d['StreamLabel'], desc['LatestStreamLabel'])
        self.assertEqual(d['StreamStatus'], 'ENABLED')
        self.assertEqual(d['StreamViewType'], 'NEW_IMAGE')
        self.assertEqual(d['TableName'], 'described')
        self.assertEqual(d['KeySchema'], desc['KeySchema'])
        self.assertIn('CreationRequestDateTime', d)
        shard = d['Shards'][0]
        self.assertRegex(shard['ShardId'], r'^shardId-\d{20}-[0-9a-f]{8}$')
        self.assertTrue(shard['SequenceNumberRange']['StartingSequenceNumber'].isdecimal())
        self.assertNotIn('EndingSequenceNumber', shard['SequenceNumberRange'])
        self.assertEqual(self.streams.describe_stream(StreamArn=arn, ExclusiveStartShardId=shard['ShardId'])
                         ['StreamDescription']['Shards'], [])
        listed = self.streams.list_streams(TableName='described')['Streams']
        self.assertEqual(listed, [{'StreamArn': arn, 'TableName': 'described', 'StreamLabel': desc['LatestStreamLabel']}])
        # Paging over all streams visits each once.
        seen, start = [], None
        while True:
            page = self.streams.list_streams(Limit=1, **({'ExclusiveStartStreamArn': start} if start else {}))
            seen += [s['StreamArn'] for s in page['Streams']]
            start = page.get('LastEvaluatedStreamArn')
            if not start:
                break
        self.assertIn(arn, seen)
        self.assertEqual(len(seen), len(set(seen)))
        # A table without a stream lists none.
        create_table(self.ddb, 'streamless')
        self.assertEqual(self.streams.list_streams(TableName='streamless')['Streams'], [])

    def test_iterator_types(self):
        arn = create_table(self.ddb, 'iterators', 'KEYS_ONLY')['LatestStreamArn']
        for i in range(3):
            self.ddb.put_item(TableName='iterators', Item={'pk': {'S': 'k'}, 'sk': {'N': str(i)}})
        records, _ = read_all(self.streams, iterator(self.streams, arn, 'TRIM_HORIZON'))
        self.assertEqual(len(records), 3)
        second = records[1]['dynamodb']['SequenceNumber']
        at, _ = read_all(self.streams, iterator(self.streams, arn, 'AT_SEQUENCE_NUMBER', second))
        after, _ = read_all(self.streams, iterator(self.streams, arn, 'AFTER_SEQUENCE_NUMBER', second))
        self.assertEqual([r['dynamodb']['Keys']['sk']['N'] for r in at], ['1', '2'])
        self.assertEqual([r['dynamodb']['Keys']['sk']['N'] for r in after], ['2'])
        latest = iterator(self.streams, arn, 'LATEST')
        r = self.streams.get_records(ShardIterator=latest)
        self.assertEqual(r['Records'], [])
        self.ddb.put_item(TableName='iterators', Item={'pk': {'S': 'k'}, 'sk': {'N': '9'}})
        r = self.streams.get_records(ShardIterator=r['NextShardIterator'])
        self.assertEqual([x['dynamodb']['Keys']['sk']['N'] for x in r['Records']], ['9'])
        # Limit pages in order.
        it, got = iterator(self.streams, arn, 'TRIM_HORIZON'), []
        for _ in range(4):
            r = self.streams.get_records(ShardIterator=it, Limit=1)
            got += [x['dynamodb']['Keys']['sk']['N'] for x in r['Records']]
            it = r['NextShardIterator']
        self.assertEqual(got, ['0', '1', '2', '9'])

    def test_disable_then_enable_makes_a_new_stream(self):
        first = create_table(self.ddb, 'relabel', 'NEW_IMAGE')['LatestStreamArn']
        self.ddb.put_item(TableName='relabel', Item={'pk': {'S': 'before'}, 'sk': {'N': '1'}})
        self.ddb.update_table(TableName='relabel', StreamSpecification={'StreamEnabled': False})
        self.ddb.put_item(TableName='relabel', Item={'pk': {'S': 'between'}, 'sk': {'N': '1'}})
        time.sleep(0.002)  # labels have millisecond resolution
        second = self.ddb.update_table(TableName='relabel', StreamSpecification={
            'StreamEnabled': True, 'StreamViewType': 'OLD_IMAGE'})['TableDescription']['LatestStreamArn']
        self.ddb.put_item(TableName='relabel', Item={'pk': {'S': 'after'}, 'sk': {'N': '1'}})
        self.assertNotEqual(first, second)
        old = self.streams.describe_stream(StreamArn=first)['StreamDescription']
        self.assertEqual(old['StreamStatus'], 'DISABLED')
        self.assertIn('EndingSequenceNumber', old['Shards'][0]['SequenceNumberRange'])
        self.assertEqual(self.streams.describe_stream(StreamArn=second)['StreamDescription']['StreamStatus'], 'ENABLED')
        r = self.streams.get_records(ShardIterator=iterator(self.streams, first, 'TRIM_HORIZON'))
        self.assertEqual([x['dynamodb']['Keys']['pk']['S'] for x in r['Records']], ['before'])
        self.assertNotIn('NextShardIterator', r)  # closed and read to the end
        records, _ = read_all(self.streams, iterator(self.streams, second, 'TRIM_HORIZON'))
        self.assertEqual([x['dynamodb']['Keys']['pk']['S'] for x in records], ['after'])
        self.assertEqual(records[0]['dynamodb']['StreamViewType'], 'OLD_IMAGE')
        self.assertEqual(sorted(s['StreamArn'] for s in self.streams.list_streams(TableName='relabel')['Streams']),
                         sorted([first, second]))
        self.assertEqual(error_of(self.ddb.update_table, TableName='relabel', StreamSpecification={
            'StreamEnabled': True, 'StreamViewType': 'KEYS_ONLY'})[0], 'ValidationException')

    def test_batch_and_transaction_records(self):
        arn = create_table(self.ddb, 'multi', 'NEW_AND_OLD_IMAGES')['LatestStreamArn']
        it = iterator(self.streams, arn, 'LATEST')
        self.ddb.batch_write_item(RequestItems={'multi': [
            {'PutRequest': {'Item': {'pk': {'S': 'b'}, 'sk': {'N': str(i)}}}} for i in range(5)]})
        try:
            self.ddb.transact_write_items(TransactItems=[
                {'Put': {'TableName': 'multi', 'Item': {'pk': {'S': 't'}, 'sk': {'N': '1'}}}},
                {'Update': {'TableName': 'multi', 'Key': {'pk': {'S': 'b'}, 'sk': {'N': '0'}},
                            'UpdateExpression': 'SET x = :x', 'ExpressionAttributeValues': {':x': {'N': '1'}}}},
                {'Delete': {'TableName': 'multi', 'Key': {'pk': {'S': 'b'}, 'sk': {'N': '1'}}}},
                {'ConditionCheck': {'TableName': 'multi', 'Key': {'pk': {'S': 'b'}, 'sk': {'N': '2'}},
                                    'ConditionExpression': 'attribute_exists(pk)'}},
            ])
            transactions = True
        except ClientError as e:
            if e.response['Error']['Code'] != 'UnknownOperationException':
                raise
            transactions = False
        records, _ = read_all(self.streams, it)
        names = [(r['eventName'], r['dynamodb']['Keys']['pk']['S'], r['dynamodb']['Keys']['sk']['N']) for r in records]
        expected = [('INSERT', 'b', str(i)) for i in range(5)]
        if transactions:
            # One record per changed item; none for the condition check.
            expected += [('INSERT', 't', '1'), ('MODIFY', 'b', '0'), ('REMOVE', 'b', '1')]
            self.assertEqual(sorted(names[5:]), sorted(expected[5:]))
            names = names[:5] + sorted(names[5:])
            expected = expected[:5] + sorted(expected[5:])
        self.assertEqual(names, expected)

    def test_aws_cli_get_records(self):
        arn = create_table(self.ddb, 'cli', 'NEW_AND_OLD_IMAGES')['LatestStreamArn']
        self.ddb.put_item(TableName='cli', Item={'pk': {'S': 'c'}, 'sk': {'N': '1'}, 'n': {'N': '1.50'}})
        shard = aws_json(self.server, 'dynamodbstreams', 'describe-stream', '--stream-arn', arn)[
            'StreamDescription']['Shards'][0]['ShardId']
        it = aws_json(self.server, 'dynamodbstreams', 'get-shard-iterator', '--stream-arn', arn, '--shard-id', shard,
                      '--shard-iterator-type', 'TRIM_HORIZON')['ShardIterator']
        out = aws_json(self.server, 'dynamodbstreams', 'get-records', '--shard-iterator', it)
        self.assertEqual(len(out['Records']), 1)
        r = out['Records'][0]
        self.assertEqual(r['eventName'], 'INSERT')
        self.assertEqual(r['dynamodb']['NewImage'], {'pk': {'S': 'c'}, 'sk': {'N': '1'}, 'n': {'N': '1.5'}})
        self.assertIn('NextShardIterator', out)
        listed = aws_json(self.server, 'dynamodbstreams', 'list-streams', '--table-name', 'cli')
        self.assertEqual(listed['Streams'][0]['StreamArn'], arn)

    def test_errors(self):
        arn = create_table(self.ddb, 'errors', 'KEYS_ONLY')['LatestStreamArn']
        shard = shard_of(self.streams, arn)
        self.assertEqual(error_of(self.streams.get_records, ShardIterator='x' * 40)[0], 'ValidationException')
        unknown = arn.rsplit('/', 1)[0] + '/2001-01-01T00:00:00.000'
        code, message = error_of(self.streams.describe_stream, StreamArn=unknown)
        self.assertEqual((code, message), ('ResourceNotFoundException',
                                           'Requested resource not found: Stream: %s not found' % unknown))
        self.assertEqual(error_of(self.streams.describe_stream, StreamArn='x' * 50)[0], 'ValidationException')
        self.assertEqual(error_of(self.streams.get_shard_iterator, StreamArn=arn, ShardId='shardId-' + '0' * 30,
                                  ShardIteratorType='LATEST')[0], 'ResourceNotFoundException')
        self.assertEqual(error_of(self.streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
                                  ShardIteratorType='AT_SEQUENCE_NUMBER')[0], 'ValidationException')
        self.assertEqual(error_of(self.streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
                                  ShardIteratorType='LATEST', SequenceNumber='1' * 21)[0], 'ValidationException')
        self.assertEqual(error_of(self.streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
                                  ShardIteratorType='AT_SEQUENCE_NUMBER', SequenceNumber='9' * 21)[0],
                         'ValidationException')
        it = iterator(self.streams, arn, 'LATEST')
        code, message = error_of(self.raw.get_records, ShardIterator=it, Limit=1001)
        self.assertEqual(code, 'ValidationException')
        self.assertIn('less than or equal to 1000', message)
        self.assertEqual(error_of(self.raw.get_records, ShardIterator=it, Limit=0)[0], 'ValidationException')
        self.assertEqual(error_of(self.streams.list_streams, TableName='no_such_table')[0], 'ResourceNotFoundException')


class RestartTest(unittest.TestCase):
    """Streams, their records and TTL settings live in the data directory."""

    def test_survives_restart(self):
        server = Server()
        try:
            server.start()
            ddb = boto3_client(server)
            arn = create_table(ddb, 'durable', 'NEW_IMAGE')['LatestStreamArn']
            ddb.put_item(TableName='durable', Item={'pk': {'S': 'kept'}, 'sk': {'N': '1'}})
            ddb.update_time_to_live(TableName='durable', TimeToLiveSpecification={'Enabled': True, 'AttributeName': 'exp'})
            server.stop()
            server.start()
            ddb = boto3_client(server)
            streams = boto3_client(server, 'dynamodbstreams')
            self.assertEqual([s['StreamArn'] for s in streams.list_streams()['Streams']], [arn])
            records, _ = read_all(streams, iterator(streams, arn, 'TRIM_HORIZON'))
            self.assertEqual([r['dynamodb']['NewImage']['pk']['S'] for r in records], ['kept'])
            self.assertEqual(ddb.describe_time_to_live(TableName='durable')['TimeToLiveDescription'],
                             {'TimeToLiveStatus': 'ENABLED', 'AttributeName': 'exp'})
            ddb.put_item(TableName='durable', Item={'pk': {'S': 'later'}, 'sk': {'N': '1'}})
            records, _ = read_all(streams, iterator(streams, arn, 'TRIM_HORIZON'))
            seqs = [r['dynamodb']['SequenceNumber'] for r in records]
            self.assertEqual(len(seqs), 2)
            self.assertLess(seqs[0], seqs[1])
        finally:
            server.cleanup()


class TrimmingTest(unittest.TestCase):
    """A two-second retention: records older than it are trimmed."""

    def test_trimmed_records(self):
        with Server(in_memory=True, extra_args=['--stream-retention-seconds', '2']) as server:
            ddb = boto3_client(server)
            streams = boto3_client(server, 'dynamodbstreams')
            arn = create_table(ddb, 'trim', 'KEYS_ONLY')['LatestStreamArn']
            ddb.put_item(TableName='trim', Item={'pk': {'S': 'old'}, 'sk': {'N': '1'}})
            horizon = iterator(streams, arn, 'TRIM_HORIZON')
            old_seq = streams.get_records(ShardIterator=horizon)['Records'][0]['dynamodb']['SequenceNumber']
            time.sleep(2.5)
            ddb.put_item(TableName='trim', Item={'pk': {'S': 'new'}, 'sk': {'N': '1'}})
            self.assertEqual(error_of(streams.get_records, ShardIterator=horizon)[0], 'TrimmedDataAccessException')
            self.assertEqual(error_of(streams.get_shard_iterator, StreamArn=arn, ShardId=shard_of(streams, arn),
                                      ShardIteratorType='AT_SEQUENCE_NUMBER', SequenceNumber=old_seq)[0],
                             'TrimmedDataAccessException')
            records, _ = read_all(streams, iterator(streams, arn, 'TRIM_HORIZON'))
            self.assertEqual([r['dynamodb']['Keys']['pk']['S'] for r in records], ['new'])
            # A consumer that keeps polling is never trimmed.
            it = iterator(streams, arn, 'LATEST')
            for _ in range(6):
                time.sleep(0.5)
                it = streams.get_records(ShardIterator=it)['NextShardIterator']


class TtlTest(unittest.TestCase):
    """TTL with a 100 ms sweep: expired items are deleted as REMOVE records by the service."""

    def test_ttl(self):
        with Server(in_memory=True, extra_args=['--ttl-interval-ms', '100']) as server:
            ddb = boto3_client(server)
            streams = boto3_client(server, 'dynamodbstreams')
            arn = create_table(ddb, 'ttl', 'NEW_AND_OLD_IMAGES')['LatestStreamArn']
            self.assertEqual(ddb.describe_time_to_live(TableName='ttl')['TimeToLiveDescription'],
                             {'TimeToLiveStatus': 'DISABLED'})
            self.assertEqual(error_of(ddb.update_time_to_live, TableName='ttl', TimeToLiveSpecification={
                'Enabled': False, 'AttributeName': 'exp'}), ('ValidationException', 'TimeToLive is already disabled'))
            self.assertEqual(ddb.update_time_to_live(TableName='ttl', TimeToLiveSpecification={
                'Enabled': True, 'AttributeName': 'exp'})['TimeToLiveSpecification'],
                {'Enabled': True, 'AttributeName': 'exp'})
            self.assertEqual(ddb.describe_time_to_live(TableName='ttl')['TimeToLiveDescription'],
                             {'TimeToLiveStatus': 'ENABLED', 'AttributeName': 'exp'})
            self.assertEqual(error_of(ddb.update_time_to_live, TableName='ttl', TimeToLiveSpecification={
                'Enabled': True, 'AttributeName': 'exp'}), ('ValidationException', 'TimeToLive is already enabled'))
            self.assertEqual(error_of(ddb.update_time_to_live, TableName='ttl', TimeToLiveSpecification={
                'Enabled': True, 'AttributeName': 'other'}),
                ('ValidationException', 'TimeToLive is active on a different AttributeName: current AttributeName is exp'))
            self.assertEqual(error_of(ddb.update_time_to_live, TableName='nope', TimeToLiveSpecification={
                'Enabled': True, 'AttributeName': 'exp'})[0], 'ResourceNotFoundException')

            it = iterator(streams, arn, 'LATEST')
            now = int(time.time())
            items = {'expired': {'N': str(now - 5)}, 'future': {'N': str(now + 3600)},
                     'ancient': {'N': str(now - 6 * 365 * 86400)}, 'text': {'S': str(now - 5)},
                     'soon': {'N': str(now + 1)}}
            for pk, exp in items.items():
                ddb.put_item(TableName='ttl', Item={'pk': {'S': pk}, 'sk': {'N': '1'}, 'exp': exp})
            deadline = time.time() + 10
            while time.time() < deadline:
                left = {i['pk']['S'] for i in ddb.scan(TableName='ttl')['Items']}
                if left == {'future', 'ancient', 'text'}:
                    break
                time.sleep(0.1)
            self.assertEqual(left, {'future', 'ancient', 'text'})
            records, _ = read_all(streams, it)
            removes = [r for r in records if r['eventName'] == 'REMOVE']
            self.assertEqual(sorted(r['dynamodb']['Keys']['pk']['S'] for r in removes), ['expired', 'soon'])
            for r in removes:
                self.assertEqual(r['userIdentity'], {'Type': 'Service', 'PrincipalId': 'dynamodb.amazonaws.com'})
                self.assertIn('exp', r['dynamodb']['OldImage'])
            # A user's delete has no userIdentity.
            it = iterator(streams, arn, 'LATEST')
            ddb.delete_item(TableName='ttl', Key={'pk': {'S': 'future'}, 'sk': {'N': '1'}})
            records, _ = read_all(streams, it)
            self.assertEqual(len(records), 1)
            self.assertNotIn('userIdentity', records[0])


if __name__ == '__main__':
    unittest.main()
