#!/usr/bin/python3
"""Server memory under a steady mixed workload.

Starts dynamodesk-server on disk and, on one table with a GSI, a stream and
PITR, repeats for SECONDS: a PutItem with an attribute name not seen before
(so new expression texts too), an UpdateItem, a Query with a filter, a GSI
Query, a TransactWriteItems with a new ClientRequestToken, and every tenth
round GetRecords and a 20-key BatchGetItem. Prints the server's resident
memory (VmRSS) every 500 rounds: it should stay flat (caches bounded, nothing
kept per request).

  tests/bench/steady_memory.py [--seconds 180] [--server PATH]
"""
import argparse
import os
import random
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
from dynamodesk import Server, boto3_client  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seconds', type=float, default=180)
    ap.add_argument('--server')
    args = ap.parse_args()
    import dynamodesk  # its SERVER is $DYNAMODESK_SERVER or the build's
    if args.server:
        dynamodesk.SERVER = args.server
    server = Server().start()
    try:
        ddb = boto3_client(server)
        streams = boto3_client(server, 'dynamodbstreams')
        ddb.create_table(
            TableName='steady', BillingMode='PAY_PER_REQUEST',
            AttributeDefinitions=[{'AttributeName': a, 'AttributeType': 'S'} for a in ('pk', 'sk', 'g')],
            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
            GlobalSecondaryIndexes=[{'IndexName': 'gsi', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                     'Projection': {'ProjectionType': 'ALL'}}],
            StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})
        ddb.update_continuous_backups(TableName='steady',
                                      PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
        arn = ddb.describe_table(TableName='steady')['Table']['LatestStreamArn']
        shard = streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards'][0]['ShardId']
        iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard,
                                              ShardIteratorType='TRIM_HORIZON')['ShardIterator']
        started = time.time()
        rounds = 0
        print('rounds  seconds  VmRSS (MB)')
        print('%6d  %7.0f  %10.1f' % (0, 0, server.rss_mb()), flush=True)
        while time.time() - started < args.seconds:
            rounds += 1
            pk, sk = {'S': 'p%d' % random.randrange(200)}, {'S': 's%d' % random.randrange(50)}
            name = 'a%d' % rounds
            ddb.put_item(TableName='steady', Item={'pk': pk, 'sk': sk, 'g': {'S': 'g%d' % random.randrange(20)},
                                                   name: {'S': 'x' * random.randrange(2000)}})
            ddb.update_item(TableName='steady', Key={'pk': pk, 'sk': sk}, UpdateExpression='SET #x = :v',
                            ExpressionAttributeNames={'#x': name + 'u'},
                            ExpressionAttributeValues={':v': {'N': str(rounds)}})
            ddb.query(TableName='steady', KeyConditionExpression='pk = :p',
                      FilterExpression='attribute_exists(%s)' % name, ExpressionAttributeValues={':p': pk})
            ddb.query(TableName='steady', IndexName='gsi', KeyConditionExpression='g = :g',
                      ExpressionAttributeValues={':g': {'S': 'g1'}}, Limit=5)
            ddb.transact_write_items(TransactItems=[{'Put': {'TableName': 'steady',
                                                             'Item': {'pk': {'S': 't' + pk['S']}, 'sk': sk}}}],
                                     ClientRequestToken='token-%d' % rounds)
            if rounds % 10 == 0:
                iterator = streams.get_records(ShardIterator=iterator, Limit=1000)['NextShardIterator']
                ddb.batch_get_item(RequestItems={'steady': {'Keys': [
                    {'pk': {'S': 'p%d' % i}, 'sk': {'S': 's1'}} for i in range(20)]}})
            if rounds % 500 == 0:
                print('%6d  %7.0f  %10.1f' % (rounds, time.time() - started, server.rss_mb()), flush=True)
    finally:
        server.stop()


if __name__ == '__main__':
    main()
