#!/usr/bin/python3
"""Time from a write's acknowledgement to its record at GetRecords.

Starts dynamodesk-server (on disk, as users run it) unless --url is given,
creates a table with a NEW_AND_OLD_IMAGES stream, and runs N PutItems one at
a time with a short pause between them while a second thread polls
GetRecords in a tight loop. For each write: arrival time of its record minus
the time PutItem returned (negative values, a record seen before the
acknowledgement reached the client, count as 0). Prints p50, p99 and max.

  tests/bench/stream_latency.py [--writes 1000] [--gap-ms 2] [--url URL] [--server PATH]
"""
import argparse
import os
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
from dynamodesk import Server, boto3_client  # noqa: E402


def percentile(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, int(round(p / 100.0 * (len(s) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--writes', type=int, default=1000)
    ap.add_argument('--gap-ms', type=float, default=2.0)
    ap.add_argument('--url')
    ap.add_argument('--server')
    args = ap.parse_args()
    if args.server:
        os.environ['DYNAMODESK_SERVER'] = args.server
    server = None
    if args.url:
        class Remote:
            url = args.url
        target = Remote()
    else:
        import dynamodesk
        dynamodesk.SERVER = os.environ.get('DYNAMODESK_SERVER', dynamodesk.SERVER)
        server = Server().start()
        target = server
    try:
        ddb = boto3_client(target)
        streams = boto3_client(target, 'dynamodbstreams')
        name = 'stream_latency_%d' % int(time.time())
        arn = ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                               AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                               KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
                               StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})[
            'TableDescription']['LatestStreamArn']
        shard = streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards'][0]['ShardId']
        it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType='LATEST')['ShardIterator']

        arrived = {}
        done = threading.Event()

        def poll():
            nonlocal it
            while not done.is_set():
                r = streams.get_records(ShardIterator=it, Limit=1000)
                now = time.perf_counter()
                for rec in r['Records']:
                    arrived[rec['dynamodb']['Keys']['pk']['S']] = now
                it = r['NextShardIterator']

        poller = threading.Thread(target=poll)
        poller.start()
        acked = {}
        payload = 'x' * 200
        for i in range(args.writes):
            pk = 'k%06d' % i
            ddb.put_item(TableName=name, Item={'pk': {'S': pk}, 'data': {'S': payload}})
            acked[pk] = time.perf_counter()
            time.sleep(args.gap_ms / 1000.0)
        deadline = time.time() + 10
        while len(arrived) < len(acked) and time.time() < deadline:
            time.sleep(0.01)
        done.set()
        poller.join()
        lat = [max(0.0, arrived[k] - acked[k]) * 1000 for k in acked if k in arrived]
        missing = len(acked) - len(lat)
        print('writes %d  records %d  missing %d' % (len(acked), len(lat), missing))
        print('ack -> GetRecords: p50 %.2f ms  p99 %.2f ms  max %.2f ms' % (
            percentile(lat, 50), percentile(lat, 99), max(lat)))
        return 1 if missing else 0
    finally:
        if server:
            server.cleanup()


if __name__ == '__main__':
    sys.exit(main())
