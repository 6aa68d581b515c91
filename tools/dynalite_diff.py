#!/usr/bin/env python3
"""Differential run: the request fuzzer's corpus (tests/fuzz/corpus/request)
against dynamodesk-server and dynalite 4 (npm), request by request, each input
on the same fresh fixture in both (request_harness.h's tables and items).

It prints how the answers compare (same error, both succeeded, another error
type, one side failed) and then each difference worth a look: another error
type or one side failing (always), another message for the same type
(--messages), another body for a success (--bodies; scan order, live item
counts and instant ACTIVE states differ by design). dynalite is a reference,
not the truth: it answers syntax errors in its own words ("Expected ... but
... found" where AWS says `Syntax error; token: "X", near: "..."`), ignores
the region of an ARN and lacks transactions; a difference is a question to
settle with AWS's documentation, not a bug by itself.

  tools/dynalite_diff.py [--messages] [--bodies] [--build DIR]

Needs npm (dynalite is installed into DIR/dynalite, by default build/), and
python3-boto3 for request signing. About 30 s.
"""
import argparse
import collections
import glob
import json
import os
import socket
import subprocess
import sys
import time

import urllib3
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'e2e'))
from dynamodesk import Server  # noqa: E402

# request_harness.h's operations(), in its order: an input's first byte picks one.
OPERATIONS = [
    'PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem',
    'TransactWriteItems', 'TransactGetItems', 'CreateTable', 'UpdateTable', 'DescribeTable', 'DeleteTable',
    'ListTables', 'UpdateTimeToLive', 'DescribeTimeToLive', 'TagResource', 'UntagResource', 'ListTagsOfResource',
    'DescribeLimits', 'Streams.ListStreams', 'Streams.DescribeStream', 'Streams.GetShardIterator',
    'Streams.GetRecords', 'CreateBackup', 'DescribeBackup', 'ListBackups', 'DeleteBackup', 'RestoreTableFromBackup',
    'UpdateContinuousBackups', 'DescribeContinuousBackups', 'RestoreTableToPointInTime',
    'Dynamodesk.DescribeTableHistory', 'Dynamodesk.PreviewRestore', 'Dynamodesk.ListTriggers']
# What dynalite implements: an input stops at its first other request.
COMPARED = {'PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchWriteItem', 'BatchGetItem',
            'CreateTable', 'UpdateTable', 'DescribeTable', 'DeleteTable', 'ListTables', 'TagResource',
            'UntagResource', 'ListTagsOfResource'}
FIXTURE = [
    ('CreateTable', {
        'TableName': 'tab', 'BillingMode': 'PAY_PER_REQUEST',
        'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'},
                                 {'AttributeName': 'g', 'AttributeType': 'S'}, {'AttributeName': 'l', 'AttributeType': 'S'}],
        'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
        'GlobalSecondaryIndexes': [{'IndexName': 'gsi', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'},
                                                                      {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                                    'Projection': {'ProjectionType': 'ALL'}}],
        'LocalSecondaryIndexes': [{'IndexName': 'lsi', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                                                     {'AttributeName': 'l', 'KeyType': 'RANGE'}],
                                   'Projection': {'ProjectionType': 'KEYS_ONLY'}}],
        'StreamSpecification': {'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'}}),
    ('CreateTable', {'TableName': 'hsh', 'BillingMode': 'PAY_PER_REQUEST',
                     'AttributeDefinitions': [{'AttributeName': 'id', 'AttributeType': 'B'}],
                     'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'}]}),
    ('PutItem', {'TableName': 'tab', 'Item': {'pk': {'S': 'a'}, 'sk': {'N': '1'}, 'g': {'S': 'x'}, 'l': {'S': 'm'},
                                             'n': {'N': '5'}, 'ss': {'SS': ['p', 'q']},
                                             'm': {'M': {'k': {'L': [{'S': 'v'}, {'N': '2'}]}}}, 'b': {'B': 'AAE='}}}),
    ('PutItem', {'TableName': 'tab', 'Item': {'pk': {'S': 'a'}, 'sk': {'N': '2'}, 'g': {'S': 'y'}, 'n': {'N': '-1.5'},
                                             'bool': {'BOOL': True}, 'nul': {'NULL': True}, 'ns': {'NS': ['1', '2']}}}),
    ('PutItem', {'TableName': 'tab', 'Item': {'pk': {'S': 'b'}, 'sk': {'N': '1'}, 'l': {'S': 'z'}, 'bs': {'BS': ['AQ==']}}}),
    ('PutItem', {'TableName': 'hsh', 'Item': {'id': {'B': 'AQI='}, 'v': {'S': 'w'}}}),
]
# Fields of a success that differ by design or by the clock.
VOLATILE = {'ConsumedCapacity', 'CreationDateTime', 'TableArn', 'LatestStreamArn', 'LatestStreamLabel', 'TableId',
            'LastIncreaseDateTime', 'LastDecreaseDateTime', 'LastUpdateToPayPerRequestDateTime', 'IndexArn',
            'NumberOfDecreasesToday', 'TableSizeBytes', 'IndexSizeBytes', 'TableClassSummary',
            'DeletionProtectionEnabled', 'WarmThroughput', 'TableThroughputModeSummary'}

HTTP = urllib3.PoolManager()
CREDENTIALS = Credentials('AKIDEXAMPLE', 'secret')


def call(url, operation, body):
    """(status, parsed body) of one signed request; body is bytes or str."""
    target = 'DynamoDB_20120810.' + operation
    request = AWSRequest(method='POST', url=url + '/', data=body,
                         headers={'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target})
    SigV4Auth(CREDENTIALS, 'dynamodb', 'us-east-1').add_auth(request)
    r = HTTP.request('POST', url + '/', body=body, headers=dict(request.headers), retries=False, timeout=30)
    try:
        answer = json.loads(r.data) if r.data else {}
    except ValueError:
        answer = None
    # TagResource's empty answer is a JSON string to dynalite.
    return r.status, answer if isinstance(answer, dict) else {'_raw': r.data[:200].decode('latin1')}


def drop_tables(url):
    """Deletes every table and waits until none is listed."""
    for name in call(url, 'ListTables', '{}')[1].get('TableNames', []):
        call(url, 'DeleteTable', json.dumps({'TableName': name}))
    for _ in range(500):
        if not call(url, 'ListTables', '{}')[1].get('TableNames'):
            break
        time.sleep(0.01)


def create_table(url, table):
    """CreateTable, then waits until the table is ACTIVE (dynalite creates in the
    background, even with --createTableMs 0)."""
    status, answer = call(url, 'CreateTable', json.dumps(table))
    if status != 200:
        sys.exit('CreateTable at %s: %s' % (url, answer))
    for _ in range(500):
        if call(url, 'DescribeTable', json.dumps({'TableName': table['TableName']}))[1].get('Table', {}).get('TableStatus') == 'ACTIVE':
            break
        time.sleep(0.01)


def reset(url):
    """Drops every table, then makes the fixture again."""
    drop_tables(url)
    for operation, body in FIXTURE:
        if operation == 'CreateTable':
            create_table(url, body)
            continue
        status, answer = call(url, operation, json.dumps(body))
        if status != 200:
            sys.exit('fixture %s at %s: %s' % (operation, url, answer))


def start_dynalite(directory):
    binary = os.path.join(directory, 'node_modules', '.bin', 'dynalite')
    if not os.path.exists(binary):
        os.makedirs(directory, exist_ok=True)
        subprocess.run(['npm', 'install', '--no-save', '--silent', 'dynalite@4'], cwd=directory, check=True)
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    process = subprocess.Popen([binary, '--host', '127.0.0.1', '--port', str(port), '--createTableMs', '0',
                                '--deleteTableMs', '0', '--updateTableMs', '0'], stdout=subprocess.DEVNULL)
    url = 'http://127.0.0.1:%d' % port
    for _ in range(100):
        try:
            call(url, 'ListTables', '{}')
            return process, url
        except Exception:  # not listening yet
            time.sleep(0.1)
    process.kill()
    sys.exit('dynalite did not start')


def kind(answer):
    return (answer.get('__type') or '').split('#')[-1]


def message(answer):
    return answer.get('message') or answer.get('Message') or ''


def normalized(value):
    if isinstance(value, dict):
        return {k: normalized(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [normalized(v) for v in value]
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--messages', action='store_true', help='also list other messages for the same error type')
    parser.add_argument('--bodies', action='store_true', help='also list other bodies for a success')
    parser.add_argument('--build', default=os.path.join(ROOT, 'build'))
    args = parser.parse_args()

    ours = Server(in_memory=True)
    ours.start()
    dynalite, durl = start_dynalite(os.path.join(args.build, 'dynalite'))
    results = []
    try:
        for path in sorted(glob.glob(os.path.join(ROOT, 'tests', 'fuzz', 'corpus', 'request', '*'))):
            requests = [r for r in open(path, 'rb').read().split(b'\0')[:4] if r]
            if not requests or OPERATIONS[requests[0][0] % len(OPERATIONS)] not in COMPARED:
                continue
            reset(ours.url)
            reset(durl)
            for request in requests:
                operation = OPERATIONS[request[0] % len(OPERATIONS)]
                if operation not in COMPARED:
                    break
                body = request[1:]
                results.append((os.path.basename(path), operation, body,
                                call(ours.url, operation, body), call(durl, operation, body)))
    finally:
        ours.stop()
        dynalite.kill()

    counts = collections.Counter()
    shown = []
    for name, operation, body, (sa, a), (sb, b) in results:
        if sa == 200 and sb == 200:
            same = normalized(a) == normalized(b)
            counts['both succeeded' + ('' if same else ', other body')] += 1
            if not same and args.bodies:
                shown.append(('other body', name, operation, body, a, b))
        elif sa != 200 and sb != 200:
            if kind(a) != kind(b):
                counts['other error type'] += 1
                shown.append(('other error type', name, operation, body, a, b))
            elif message(a) != message(b):
                counts['same error type, other message'] += 1
                if args.messages:
                    shown.append(('other message', name, operation, body, a, b))
            else:
                counts['same error'] += 1
        else:
            what = 'only dynamodesk succeeded' if sa == 200 else 'only dynalite succeeded'
            counts[what] += 1
            shown.append((what, name, operation, body, a, b))
    for what, name, operation, body, a, b in shown:
        print('== %s: %s %s (corpus %s)' % (what, operation, body[:300].decode('latin1'), name))
        print('   dynamodesk: %s %s' % (kind(a) or 'ok', message(a)[:300] if kind(a) else json.dumps(normalized(a))[:300]))
        print('   dynalite:   %s %s' % (kind(b) or 'ok', message(b)[:300] if kind(b) else json.dumps(normalized(b))[:300]))
    print('%d requests compared:' % len(results))
    for what, n in counts.most_common():
        print('  %5d  %s' % (n, what))


if __name__ == '__main__':
    main()
