#!/usr/bin/python3
"""Server memory while clients create and delete tables all day.

Test suites often give each test a table of its own: create, a few writes
and reads (on the table and a GSI), delete. Starts dynamodesk-server (on
disk, or --in-memory), runs N such rounds through boto3 and prints the
server's resident memory (VmRSS) five times along the way. The memory should
stay flat: nothing of a deleted table may stay behind.

  tests/bench/table_churn.py [--tables 2500] [--in-memory] [--server PATH]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
from dynamodesk import Server, boto3_client  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tables', type=int, default=2500)
    ap.add_argument('--in-memory', action='store_true')
    ap.add_argument('--server')
    args = ap.parse_args()
    import dynamodesk  # its SERVER is $DYNAMODESK_SERVER or the build's
    if args.server:
        dynamodesk.SERVER = args.server
    server = Server(in_memory=args.in_memory).start()
    try:
        ddb = boto3_client(server)
        key = {'pk': {'S': 'a'}, 'sk': {'S': 'b'}}
        started = time.time()
        print('tables  VmRSS (MB)  seconds')
        print('%6d  %10.1f  %7.0f' % (0, server.rss_mb(), 0), flush=True)
        for i in range(args.tables):
            name = 'churn-%d' % i
            ddb.create_table(
                TableName=name, BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': a, 'AttributeType': 'S'} for a in ('pk', 'sk', 'g')],
                KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                GlobalSecondaryIndexes=[{'IndexName': 'gsi', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                         'Projection': {'ProjectionType': 'ALL'}}])
            ddb.put_item(TableName=name, Item=dict(key, g={'S': 'c'}))
            ddb.update_item(TableName=name, Key=key, UpdateExpression='SET n = :n',
                            ExpressionAttributeValues={':n': {'N': '1'}})
            ddb.get_item(TableName=name, Key=key)
            ddb.query(TableName=name, KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'a'}})
            ddb.query(TableName=name, IndexName='gsi', KeyConditionExpression='g = :g',
                      ExpressionAttributeValues={':g': {'S': 'c'}})
            ddb.scan(TableName=name)
            ddb.delete_item(TableName=name, Key=key)
            ddb.delete_table(TableName=name)
            if (i + 1) % max(1, args.tables // 5) == 0:
                print('%6d  %10.1f  %7.0f' % (i + 1, server.rss_mb(), time.time() - started), flush=True)
    finally:
        server.stop()


if __name__ == '__main__':
    main()
