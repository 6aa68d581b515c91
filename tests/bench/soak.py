#!/usr/bin/python3
"""Server memory, file descriptors and disk over a long mixed workload.

A server that runs all day must not grow. Starts dynamodesk-server (on disk,
or --in-memory) with a short TTL sweep interval, creates a table with a GSI,
an LSI, a NEW_AND_OLD_IMAGES stream, point-in-time recovery and TTL, and
runs --clients threads of boto3 requests for --minutes: puts (some with a
TTL in the past, some with a failing condition), updates, deletes, gets,
queries on the table and both indexes, short scans, two-action
transactions and batch writes, while one more thread reads the stream
(GetShardIterator LATEST, GetRecords). Every --every seconds it prints the
server's VmRSS, its open file descriptors, the data folder's bytes and the
requests so far. Memory, descriptors and (after the first minutes) disk
should level off; what PITR keeps grows with the changes within its window.

With --replica REGION the table is made a global table with a replica in
REGION, and every other client writes there: both regions write the same
keys, so last writer wins settles conflicts all the time. The status lines
then also show the replica's item count, and at the end the two regions
must hold the same items (the time that took is printed).

  tests/bench/soak.py [--minutes 10] [--clients 4] [--keys 5000] [--every 60] [--in-memory] [--server PATH] [--replica REGION]
"""
import argparse
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
from botocore.exceptions import ClientError  # noqa: E402
from dynamodesk import Server, boto3_client, wait_active  # noqa: E402

TABLE = 'soak'


def create(ddb):
    s = {'AttributeType': 'S'}
    ddb.create_table(
        TableName=TABLE, BillingMode='PAY_PER_REQUEST',
        AttributeDefinitions=[dict(s, AttributeName=a) for a in ('pk', 'sk', 'g', 'l')],
        KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
        GlobalSecondaryIndexes=[{'IndexName': 'byG', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'},
                                                                   {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                                 'Projection': {'ProjectionType': 'ALL'}}],
        LocalSecondaryIndexes=[{'IndexName': 'byL', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                                                  {'AttributeName': 'l', 'KeyType': 'RANGE'}],
                                'Projection': {'ProjectionType': 'KEYS_ONLY'}}],
        StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})
    wait_active(ddb, TABLE)
    ddb.update_continuous_backups(TableName=TABLE, PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
    ddb.update_time_to_live(TableName=TABLE, TimeToLiveSpecification={'Enabled': True, 'AttributeName': 'expires'})


def client_loop(server, seed, keys, stop, counts, region='us-east-1'):
    ddb = boto3_client(server, region=region)
    rnd = random.Random(seed)
    n = 0

    def key():
        k = rnd.randrange(keys)
        return {'pk': {'S': 'p%d' % (k % 200)}, 'sk': {'S': 's%06d' % k}}

    while not stop.is_set():
        op = rnd.randrange(100)
        try:
            if op < 30:
                item = dict(key(), g={'S': 'g%d' % rnd.randrange(50)}, l={'S': 'l%d' % rnd.randrange(1000)},
                            n={'N': str(rnd.randrange(10 ** 6))}, payload={'S': 'x' * rnd.randrange(10, 2000)})
                if rnd.random() < 0.1:
                    item['expires'] = {'N': str(int(time.time()) - 10)}
                kwargs = {}
                if rnd.random() < 0.1:
                    kwargs = {'ConditionExpression': 'attribute_not_exists(pk)'}
                ddb.put_item(TableName=TABLE, Item=item, **kwargs)
            elif op < 45:
                ddb.update_item(TableName=TABLE, Key=key(), UpdateExpression='SET n = if_not_exists(n, :z) + :one, g = :g',
                                ExpressionAttributeValues={':z': {'N': '0'}, ':one': {'N': '1'},
                                                           ':g': {'S': 'g%d' % rnd.randrange(50)}})
            elif op < 50:
                ddb.delete_item(TableName=TABLE, Key=key())
            elif op < 70:
                ddb.get_item(TableName=TABLE, Key=key(), ConsistentRead=rnd.random() < 0.5)
            elif op < 78:
                ddb.query(TableName=TABLE, KeyConditionExpression='pk = :p',
                          ExpressionAttributeValues={':p': {'S': 'p%d' % rnd.randrange(200)}}, Limit=10)
            elif op < 84:
                ddb.query(TableName=TABLE, IndexName='byG', KeyConditionExpression='g = :g',
                          ExpressionAttributeValues={':g': {'S': 'g%d' % rnd.randrange(50)}}, Limit=10)
            elif op < 88:
                ddb.query(TableName=TABLE, IndexName='byL', KeyConditionExpression='pk = :p AND l > :l',
                          ExpressionAttributeValues={':p': {'S': 'p%d' % rnd.randrange(200)}, ':l': {'S': 'l5'}}, Limit=10)
            elif op < 91:
                ddb.scan(TableName=TABLE, Limit=25, FilterExpression='n > :n', ExpressionAttributeValues={':n': {'N': '500000'}})
            elif op < 96:
                a, b = key(), key()
                if a != b:
                    ddb.transact_write_items(TransactItems=[
                        {'Update': {'TableName': TABLE, 'Key': a, 'UpdateExpression': 'ADD n :one',
                                    'ExpressionAttributeValues': {':one': {'N': '1'}}}},
                        {'Put': {'TableName': TABLE, 'Item': dict(b, g={'S': 'gT'}, l={'S': 'lT'})}}])
            else:
                seen, reqs = set(), []
                for _ in range(10):
                    k = key()
                    if k['sk']['S'] not in seen:
                        seen.add(k['sk']['S'])
                        reqs.append({'PutRequest': {'Item': dict(k, g={'S': 'gB'})}} if rnd.random() < 0.7 else
                                    {'DeleteRequest': {'Key': k}})
                ddb.batch_write_item(RequestItems={TABLE: reqs})
        except ClientError as e:
            if e.response['Error']['Code'] not in ('ConditionalCheckFailedException', 'TransactionCanceledException'):
                raise
        n += 1
        if n % 100 == 0:
            counts[seed] = n
    counts[seed] = n


def stream_loop(server, stop, counts):
    ddb = boto3_client(server)
    streams = boto3_client(server, 'dynamodbstreams')
    arn = ddb.describe_table(TableName=TABLE)['Table']['LatestStreamArn']
    records = 0
    while not stop.is_set():
        shards = streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards']
        open_shards = [s for s in shards if 'EndingSequenceNumber' not in s['SequenceNumberRange']]
        for shard in open_shards or shards[-1:]:
            it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard['ShardId'],
                                            ShardIteratorType='LATEST')['ShardIterator']
            for _ in range(20):
                if stop.is_set() or not it:
                    break
                r = streams.get_records(ShardIterator=it, Limit=1000)
                records += len(r['Records'])
                it = r.get('NextShardIterator')
                time.sleep(0.2)
    counts['stream'] = records


def all_items(ddb):
    items = []
    for page in ddb.get_paginator('scan').paginate(TableName=TABLE, ConsistentRead=True):
        items += page['Items']
    return sorted(repr(sorted(i.items())) for i in items)


def folder_bytes(path):
    if not path:
        return 0
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--minutes', type=float, default=10)
    ap.add_argument('--clients', type=int, default=4)
    ap.add_argument('--keys', type=int, default=5000)
    ap.add_argument('--every', type=float, default=60)
    ap.add_argument('--in-memory', action='store_true')
    ap.add_argument('--server')
    ap.add_argument('--replica')
    args = ap.parse_args()
    import dynamodesk
    if args.server:
        dynamodesk.SERVER = args.server
    server = Server(in_memory=args.in_memory, extra_args=['--ttl-interval-ms', '5000']).start()
    stop = threading.Event()
    counts = {}
    threads = []
    replica = None
    try:
        ddb = boto3_client(server)
        create(ddb)
        if args.replica:
            ddb.update_table(TableName=TABLE, ReplicaUpdates=[{'Create': {'RegionName': args.replica}}])
            replica = boto3_client(server, region=args.replica)
            while ddb.describe_table(TableName=TABLE)['Table']['TableStatus'] != 'ACTIVE':
                time.sleep(0.1)
        threads = [threading.Thread(target=client_loop, args=(server, seed, args.keys, stop, counts,
                                                              args.replica if args.replica and seed % 2 else 'us-east-1'))
                   for seed in range(args.clients)]
        threads.append(threading.Thread(target=stream_loop, args=(server, stop, counts)))
        for t in threads:
            t.start()
        started = time.time()
        print('seconds  requests  VmRSS (MB)  fds  folder (MB)  items' + ('  replica items' if replica else ''), flush=True)
        while True:
            elapsed = time.time() - started
            fds = len(os.listdir('/proc/%d/fd' % server.proc.pid))
            items = ddb.describe_table(TableName=TABLE)['Table']['ItemCount']
            done = sum(v for k, v in counts.items() if k != 'stream')
            line = '%7.0f  %8d  %10.1f  %3d  %11.1f  %5d' % (elapsed, done, server.rss_mb(), fds,
                                                            folder_bytes(server.data_dir) / 1e6, items)
            if replica:
                line += '  %13d' % replica.describe_table(TableName=TABLE)['Table']['ItemCount']
            print(line, flush=True)
            if elapsed >= args.minutes * 60 or any(not t.is_alive() for t in threads):
                break
            time.sleep(min(args.every, max(0.0, args.minutes * 60 - elapsed)))
    finally:
        stop.set()
        for t in threads:
            t.join()
        print('stream records read: %d' % counts.get('stream', 0), flush=True)
        if replica and server.proc:
            started = time.time()
            while all_items(ddb) != all_items(replica):
                if time.time() - started > 120:
                    print('the regions still differ after 120 s', flush=True)
                    sys.exit(1)
                time.sleep(0.5)
            print('both regions held the same %d items %.1f s after the clients stopped'
                  % (len(all_items(ddb)), time.time() - started), flush=True)
        server.stop()


if __name__ == '__main__':
    main()
