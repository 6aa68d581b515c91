"""Dynamodesk's own history operations over the wire, as the desktop app
sends them to a dynamodesk-server: X-Amz-Target
Dynamodesk_20261101.DescribeTableHistory and .PreviewRestore, SigV4-signed
by botocore, after boto3 wrote a history (three puts, an update, a delete)
on a table with point-in-time recovery. Bad requests are
ValidationExceptions; an unknown Dynamodesk operation is an
UnknownOperationException, as AWS answers every Dynamodesk operation."""
import json
import time
import unittest
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from dynamodesk import Server, boto3_client


def dynamodesk_call(server, op, body):
    """Signs and sends one Dynamodesk operation; returns (status, json body)."""
    data = json.dumps(body).encode()
    req = AWSRequest(method='POST', url=server.url + '/', data=data,
                     headers={'Content-Type': 'application/x-amz-json-1.0',
                              'X-Amz-Target': 'Dynamodesk_20261101.' + op})
    SigV4Auth(Credentials('AKIDEXAMPLE', 'secret'), 'dynamodb', 'us-east-1').add_auth(req)
    http = urllib.request.Request(server.url + '/', data=data, method='POST', headers=dict(req.headers))
    try:
        with urllib.request.urlopen(http, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b'{}')


class TestHistory(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.ddb.create_table(TableName='hist', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
        cls.ddb.update_continuous_backups(TableName='hist',
                                          PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
        cls.start = time.time()
        for k in ('a', 'b', 'c'):
            cls.ddb.put_item(TableName='hist', Item={'pk': {'S': k}, 'v': {'N': '1'}})
        cls.ddb.put_item(TableName='hist', Item={'pk': {'S': 'a'}, 'v': {'N': '2'}})
        cls.ddb.delete_item(TableName='hist', Key={'pk': {'S': 'b'}})

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_history_counts_the_writes(self):
        status, r = dynamodesk_call(self.server, 'DescribeTableHistory',
                                    {'TableName': 'hist', 'StartTime': self.start - 60, 'EndTime': time.time() + 60,
                                     'Buckets': 1})
        self.assertEqual(status, 200, r)
        self.assertEqual(len(r['Buckets']), 1)
        b = r['Buckets'][0]
        self.assertEqual((b['Inserts'], b['Updates'], b['Deletes']), (3, 1, 1))
        self.assertGreaterEqual(r['HistoryStart'], self.start - 1)

    def test_preview_of_the_latest_time(self):
        status, r = dynamodesk_call(self.server, 'PreviewRestore', {'TableName': 'hist', 'UseLatestRestorableTime': True})
        self.assertEqual(status, 200, r)
        self.assertEqual(r['ItemCount'], 2)
        self.assertEqual(r['DifferenceCount'], 0)
        self.assertEqual(sorted(i['pk']['S'] for i in r['Items']), ['a', 'c'])

    def test_bad_requests(self):
        status, r = dynamodesk_call(self.server, 'DescribeTableHistory',
                                    {'TableName': 'hist', 'StartTime': 10, 'EndTime': 20, 'Buckets': 5000})
        self.assertEqual(status, 400)
        self.assertTrue(r['__type'].endswith('ValidationException'), r)
        status, r = dynamodesk_call(self.server, 'PreviewRestore', {'TableName': 'hist', 'RestoreDateTime': 1.0})
        self.assertEqual(status, 400)
        self.assertTrue(r['__type'].endswith('InvalidRestoreTimeException'), r)
        status, r = dynamodesk_call(self.server, 'NoSuchOperation', {})
        self.assertEqual(status, 400)
        self.assertTrue(r['__type'].endswith('UnknownOperationException'), r)


if __name__ == '__main__':
    unittest.main()
