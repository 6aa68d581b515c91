"""Local triggers, the stand-in for Lambda event source mappings on a table's
stream: a command (or URL) receives batches of stream records as the exact
event Lambda passes ({"Records": [...]}, each record as GetRecords returns it
plus eventSourceARN), in order, every change exactly once in normal
operation; a failed batch is retried, with bisect a poison record is
isolated and, after MaximumRetryAttempts, described in the on-failure file
in the shape of Lambda's on-failure destination record; a hanging command is
killed at its timeout while writes and other triggers go on; triggers pause
and resume through Dynamodesk's own operations, and a restarted server
resumes after the checkpoint. Triggers come from --trigger, --triggers FILE
and Dynamodesk.CreateTrigger."""
import http.server
import json
import os
import shutil
import sys
import tempfile
import threading
import time
import unittest
import urllib.error
import urllib.request

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from dynamodesk import Server, boto3_client

RECORDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'trigger_recorder.py')
PYTHON = sys.executable


def call(server, target, body):
    """A signed JSON 1.0 request to the server; returns (HTTP status, JSON body)."""
    data = json.dumps(body)
    req = AWSRequest(method='POST', url=server.url + '/', data=data,
                     headers={'X-Amz-Target': target, 'Content-Type': 'application/x-amz-json-1.0'})
    SigV4Auth(Credentials('AKIDEXAMPLE', 'secret'), 'dynamodb', 'us-east-1').add_auth(req)
    request = urllib.request.Request(req.url, data=data.encode(), headers=dict(req.headers), method='POST')
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, json.loads(r.read() or b'{}')
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b'{}')


def dd(server, op, **body):
    """Calls Dynamodesk.<op>; fails the test on an error."""
    status, out = call(server, 'Dynamodesk_20261101.' + op, body)
    if status != 200:
        raise AssertionError('%s failed: %s' % (op, out))
    return out


def dd_error(server, op, **body):
    status, out = call(server, 'Dynamodesk_20261101.' + op, body)
    assert status == 400, (status, out)
    return out['__type'].split('#')[-1], out.get('message', '')


def create_table(ddb, name, stream=True):
    kwargs = {'StreamSpecification': {'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'}} if stream else {}
    return ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                            AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}], **kwargs)['TableDescription']


def stream_records(server, table):
    """Every record of the table's stream, raw, as GetRecords returns them."""
    s, out = call(server, 'DynamoDBStreams_20120810.ListStreams', {'TableName': table})
    arn = out['Streams'][0]['StreamArn']
    s, out = call(server, 'DynamoDBStreams_20120810.DescribeStream', {'StreamArn': arn})
    shard = out['StreamDescription']['Shards'][0]['ShardId']
    s, out = call(server, 'DynamoDBStreams_20120810.GetShardIterator',
                  {'StreamArn': arn, 'ShardId': shard, 'ShardIteratorType': 'TRIM_HORIZON'})
    it, records = out['ShardIterator'], []
    while it:
        s, out = call(server, 'DynamoDBStreams_20120810.GetRecords', {'ShardIterator': it})
        assert s == 200, out
        records += out['Records']
        if not out['Records']:
            break
        it = out.get('NextShardIterator')
    return arn, shard, records


def read_lines(path):
    # The recorder may be appending a batch meanwhile, in more than one
    # write: a last line without its newline is not written yet.
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.endswith('\n') and line.strip()]


def wait_for(predicate, timeout=120, what='condition'):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError('timed out waiting for ' + what)


def key_of(record):
    return record['dynamodb']['Keys']['pk']['S']


class TriggerTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='dynamodesk-triggers-')
        self.servers = []

    def tearDown(self):
        for s in self.servers:
            s.cleanup()
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name):
        return os.path.join(self.dir, name)

    def start(self, **kwargs):
        server = Server(**kwargs).start()
        self.servers.append(server)
        return server

    def assert_exactly_once_in_order(self, received, expected):
        seqs = [r['dynamodb']['SequenceNumber'] for r in received]
        self.assertEqual(len(seqs), len(set(seqs)), 'a record was delivered twice')
        self.assertEqual(sorted(seqs), sorted(r['dynamodb']['SequenceNumber'] for r in expected))
        # In order: overall (one shard), hence per key.
        self.assertEqual(seqs, sorted(seqs))
        per_key = {}
        for r in received:
            per_key.setdefault(key_of(r), []).append(r['dynamodb']['SequenceNumber'])
        expected_per_key = {}
        for r in expected:
            expected_per_key.setdefault(key_of(r), []).append(r['dynamodb']['SequenceNumber'])
        self.assertEqual(per_key, expected_per_key)

    def test_ten_thousand_writes_arrive_exactly_once_in_order_with_a_failed_batch_retried(self):
        out, marker = self.path('received.jsonl'), self.path('failed-once')
        config = self.path('triggers.json')
        with open(config, 'w') as f:
            json.dump([{'TriggerName': 'recorder', 'TableName': 'Events', 'BatchSize': 100,
                        'StartingPosition': 'TRIM_HORIZON',
                        'Command': '%s %s %s --fail-once %s' % (PYTHON, RECORDER, out, marker)}], f)
        server = self.start(in_memory=True, extra_args=['--triggers', config])
        ddb = boto3_client(server)
        create_table(ddb, 'Events')
        keys = ['key-%03d' % i for i in range(300)]
        writes = 0
        n = 0
        while writes < 10000:
            if n % 5 == 4:
                # UpdateItem: a counter per key (MODIFY, or INSERT the first time).
                for _ in range(25):
                    ddb.update_item(TableName='Events', Key={'pk': {'S': keys[writes % 300]}},
                                    UpdateExpression='ADD n :one', ExpressionAttributeValues={':one': {'N': '1'}})
                    writes += 1
            else:
                # BatchWriteItem: 25 distinct keys, puts with a few deletes.
                requests = []
                for j in range(25):
                    k = keys[(writes + j * 7) % 300]
                    if (writes + j) % 11 == 0:
                        requests.append({'DeleteRequest': {'Key': {'pk': {'S': k}}}})
                    else:
                        requests.append({'PutRequest': {'Item': {'pk': {'S': k}, 'v': {'N': str(writes + j)}}}})
                # Distinct keys per batch, as BatchWriteItem requires.
                seen, unique = set(), []
                for r in requests:
                    k = (r.get('PutRequest', {}).get('Item') or r['DeleteRequest']['Key'])['pk']['S']
                    if k not in seen:
                        seen.add(k)
                        unique.append(r)
                self.assertEqual(ddb.batch_write_item(RequestItems={'Events': unique})['UnprocessedItems'], {})
                writes += len(unique)
            n += 1
        arn, shard, expected = stream_records(server, 'Events')
        self.assertGreater(len(expected), 9000)  # deletes of missing items change nothing
        wait_for(lambda: len(read_lines(out)) >= len(expected), what='%d records' % len(expected))
        received = read_lines(out)
        self.assert_exactly_once_in_order(received, expected)
        # The exact event records: GetRecords' records plus eventSourceARN.
        by_seq = {r['dynamodb']['SequenceNumber']: r for r in expected}
        for r in received:
            self.assertEqual(r.pop('eventSourceARN'), arn)
            self.assertEqual(r, by_seq[r['dynamodb']['SequenceNumber']])
        # The batch that failed was retried.
        self.assertTrue(os.path.exists(marker))
        trigger = dd(server, 'DescribeTrigger', TriggerName='recorder')['Trigger']
        self.assertEqual(trigger['Counters']['FailedInvocations'], 1)
        self.assertEqual(trigger['Counters']['RecordsDelivered'], len(expected))
        self.assertEqual(trigger['Counters']['RecordsFailed'], 0)
        self.assertEqual(trigger['LastProcessedSequenceNumber'], expected[-1]['dynamodb']['SequenceNumber'])
        self.assertEqual(trigger['State'], 'RUNNING')
        self.assertEqual(trigger['StreamArn'], arn)

    def test_bisect_isolates_a_poison_record_into_the_failure_file(self):
        out, failures = self.path('received.jsonl'), self.path('failures.jsonl')
        server = self.start(in_memory=True)
        ddb = boto3_client(server)
        create_table(ddb, 'Poisoned')
        dd(server, 'CreateTrigger', TriggerName='bisector', TableName='Poisoned', BatchSize=10,
           MaximumBatchingWindowInSeconds=1, BisectBatchOnFunctionError=True, MaximumRetryAttempts=1,
           OnFailureFile=failures, Command='%s %s %s --poison poison' % (PYTHON, RECORDER, out))
        items = [{'PutRequest': {'Item': {'pk': {'S': 'item-%02d' % i}}}} for i in range(20)]
        items[13]['PutRequest']['Item']['poison'] = {'BOOL': True}
        ddb.batch_write_item(RequestItems={'Poisoned': items})
        arn, shard, expected = stream_records(server, 'Poisoned')
        self.assertEqual(len(expected), 20)
        poison = [r for r in expected if 'poison' in r['dynamodb']['NewImage']][0]
        wait_for(lambda: len(read_lines(failures)) >= 1 and len(read_lines(out)) >= 19, what='the poison record to be passed over')
        received = read_lines(out)
        self.assert_exactly_once_in_order(received, [r for r in expected if r is not poison])
        [failure] = read_lines(failures)
        self.assertEqual(failure['version'], '1.0')
        self.assertEqual(failure['requestContext']['condition'], 'RetryAttemptsExhausted')
        self.assertEqual(failure['requestContext']['approximateInvokeCount'], 2)  # the first try and one retry
        self.assertTrue(failure['requestContext']['functionArn'].endswith(':function:bisector'))
        self.assertEqual(failure['responseContext'], {'statusCode': 200, 'executedVersion': '$LATEST', 'functionError': 'Unhandled'})
        info = failure['DDBStreamBatchInfo']
        self.assertEqual(info['shardId'], shard)
        self.assertEqual(info['streamArn'], arn)
        self.assertEqual(info['batchSize'], 1)
        self.assertEqual(info['startSequenceNumber'], poison['dynamodb']['SequenceNumber'])
        self.assertEqual(info['endSequenceNumber'], poison['dynamodb']['SequenceNumber'])
        self.assertRegex(info['approximateArrivalOfFirstRecord'], r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$')
        trigger = dd(server, 'DescribeTrigger', TriggerName='bisector')['Trigger']
        self.assertEqual(trigger['Counters']['RecordsFailed'], 1)
        self.assertEqual(trigger['RecentFailures'][0]['FirstSequenceNumber'], poison['dynamodb']['SequenceNumber'])
        self.assertIn('poison record', ''.join(run.get('Stderr', '') for run in trigger['RecentRuns']))
        # Nothing is skipped after the poison record either.
        ddb.put_item(TableName='Poisoned', Item={'pk': {'S': 'after'}})
        wait_for(lambda: any(key_of(r) == 'after' for r in read_lines(out)), what='the record after the poison one')

    def test_a_hanging_command_is_killed_at_its_timeout_while_writes_and_other_triggers_go_on(self):
        out = self.path('received.jsonl')
        server = self.start(in_memory=True, extra_args=[
            '--trigger', 'Busy=%s %s %s' % (PYTHON, RECORDER, out),
            '--trigger', 'Busy=%s %s %s --hang' % (PYTHON, RECORDER, self.path('never.jsonl'))])
        dd(server, 'UpdateTrigger', TriggerName='Busy-2', TimeoutSeconds=1, MaximumRetryAttempts=0)
        ddb = boto3_client(server)
        create_table(ddb, 'Busy')
        for i in range(50):
            ddb.put_item(TableName='Busy', Item={'pk': {'S': 'k%02d' % i}})
        arn, shard, expected = stream_records(server, 'Busy')
        wait_for(lambda: len(read_lines(out)) >= 50, what='the healthy trigger')
        self.assert_exactly_once_in_order(read_lines(out), expected)

        def timed_out():
            runs = dd(server, 'DescribeTrigger', TriggerName='Busy-2')['Trigger']['RecentRuns']
            return any(r['Outcome'] == 'TIMED_OUT' for r in runs)
        wait_for(timed_out, what='a timed-out run')
        hung = dd(server, 'DescribeTrigger', TriggerName='Busy-2')['Trigger']
        run = [r for r in hung['RecentRuns'] if r['Outcome'] == 'TIMED_OUT'][0]
        self.assertIn('Timed out', run['Error'])
        self.assertLess(run['DurationMs'], 60000)  # killed, not waited for
        self.assertEqual(read_lines(self.path('never.jsonl')), [])
        listed = dd(server, 'ListTriggers', TableName='Busy')['Triggers']
        self.assertEqual([t['TriggerName'] for t in listed], ['Busy-1', 'Busy-2'])

    def test_pause_and_resume_through_dynamodesk_operations(self):
        out = self.path('received.jsonl')
        server = self.start(in_memory=True)
        ddb = boto3_client(server)
        create_table(ddb, 'Plain', stream=False)
        create_table(ddb, 'Paused')
        command = '%s %s %s' % (PYTHON, RECORDER, out)
        # Bad input: DynamoDB's exception types, clear messages.
        code, message = dd_error(server, 'CreateTrigger', TriggerName='t1', TableName='Plain', Command=command)
        self.assertEqual(code, 'ValidationException')
        self.assertIn('Stream not enabled', message)
        self.assertEqual(dd_error(server, 'CreateTrigger', TriggerName='t1', TableName='Missing', Command=command)[0],
                         'ResourceNotFoundException')
        code, message = dd_error(server, 'CreateTrigger', TriggerName='t1', TableName='Paused', Command=command, BatchSize=0)
        self.assertEqual(code, 'ValidationException')
        self.assertIn("at 'batchSize'", message)
        self.assertEqual(dd_error(server, 'CreateTrigger', TriggerName='t1', TableName='Paused')[0], 'ValidationException')
        self.assertEqual(dd_error(server, 'DescribeTrigger', TriggerName='nope')[0], 'ResourceNotFoundException')

        created = dd(server, 'CreateTrigger', TriggerName='pausable', TableName='Paused', Command=command)['Trigger']
        self.assertEqual(created['State'], 'RUNNING')
        self.assertEqual(created['BatchSize'], 100)
        self.assertEqual(created['MaximumRetryAttempts'], -1)
        self.assertEqual(created['TimeoutSeconds'], 3)
        self.assertEqual(dd_error(server, 'CreateTrigger', TriggerName='pausable', TableName='Paused', Command=command)[0],
                         'ResourceInUseException')
        ddb.put_item(TableName='Paused', Item={'pk': {'S': 'before'}})
        wait_for(lambda: len(read_lines(out)) == 1, what='the first record')

        paused = dd(server, 'UpdateTrigger', TriggerName='pausable', Enabled=False)['Trigger']
        self.assertEqual(paused['State'], 'PAUSED')
        for i in range(5):
            ddb.put_item(TableName='Paused', Item={'pk': {'S': 'while-paused-%d' % i}})
        time.sleep(1)
        self.assertEqual(len(read_lines(out)), 1)
        self.assertEqual(dd(server, 'DescribeTrigger', TriggerName='pausable')['Trigger']['State'], 'PAUSED')

        self.assertEqual(dd(server, 'UpdateTrigger', TriggerName='pausable', Enabled=True)['Trigger']['State'], 'RUNNING')
        arn, shard, expected = stream_records(server, 'Paused')
        wait_for(lambda: len(read_lines(out)) >= 6, what='the records written while paused')
        self.assert_exactly_once_in_order(read_lines(out), expected)

        self.assertEqual(dd(server, 'DeleteTrigger', TriggerName='pausable')['Trigger']['TriggerName'], 'pausable')
        self.assertEqual(dd(server, 'ListTriggers')['Triggers'], [])

    def test_a_restarted_server_resumes_after_the_checkpoint(self):
        out, data = self.path('received.jsonl'), self.path('data')
        args = ['--trigger', 'Durable=%s %s %s' % (PYTHON, RECORDER, out)]
        server = self.start(data_dir=data, extra_args=args)
        ddb = boto3_client(server)
        create_table(ddb, 'Durable')
        for i in range(60):
            ddb.put_item(TableName='Durable', Item={'pk': {'S': 'first-%02d' % i}})
        wait_for(lambda: len(read_lines(out)) >= 60, what='the first records')
        # Stop only once the checkpoint covers them: a batch whose command is
        # still running when the server stops is killed and delivered again
        # after the restart (at least once, as Lambda), which this test does
        # not look at.
        last = int(stream_records(server, 'Durable')[2][-1]['dynamodb']['SequenceNumber'])
        wait_for(lambda: int(dd(server, 'DescribeTrigger', TriggerName='Durable-1')['Trigger']['LastProcessedSequenceNumber']) >= last,
                 what='the checkpoint after the first records')
        server.stop()

        server = self.start(data_dir=data, extra_args=args)
        ddb = boto3_client(server)
        for i in range(40):
            ddb.put_item(TableName='Durable', Item={'pk': {'S': 'second-%02d' % i}})
        arn, shard, expected = stream_records(server, 'Durable')
        self.assertEqual(len(expected), 100)
        wait_for(lambda: len(read_lines(out)) >= 100, what='the records after the restart')
        time.sleep(0.5)
        self.assert_exactly_once_in_order(read_lines(out), expected)
        log = os.path.join(data, 'triggers', 'us-east-1', 'Durable-1.log')
        self.assertTrue(all(line['Outcome'] == 'OK' for line in read_lines(log)))
        self.assertEqual(sum(line['BatchSize'] for line in read_lines(log)), 100)

    def test_a_url_trigger_gets_the_event_posted_and_a_failed_post_is_retried(self):
        received, statuses = [], [500]

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers['Content-Length'])))
                status = statuses.pop(0) if statuses else 200
                if status == 200:
                    received.extend(body['Records'])
                self.send_response(status)
                self.send_header('Content-Length', '2')
                self.end_headers()
                self.wfile.write(b'ok')

            def log_message(self, *args):
                pass

        httpd = http.server.HTTPServer(('127.0.0.1', 0), Handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            server = self.start(in_memory=True)
            ddb = boto3_client(server)
            create_table(ddb, 'Posted')
            dd(server, 'CreateTrigger', TriggerName='poster', TableName='Posted',
               Url='http://127.0.0.1:%d/hook' % httpd.server_address[1])
            for i in range(10):
                ddb.put_item(TableName='Posted', Item={'pk': {'S': 'p%d' % i}})
            arn, shard, expected = stream_records(server, 'Posted')
            wait_for(lambda: len(received) >= 10, what='the posted records')
            self.assert_exactly_once_in_order(received, expected)
            runs = dd(server, 'DescribeTrigger', TriggerName='poster')['Trigger']['RecentRuns']
            self.assertEqual(runs[0]['StatusCode'], 500)
            self.assertEqual(runs[0]['Outcome'], 'FAILED')
            self.assertEqual(runs[-1]['StatusCode'], 200)
        finally:
            httpd.shutdown()
            httpd.server_close()


if __name__ == '__main__':
    unittest.main()
