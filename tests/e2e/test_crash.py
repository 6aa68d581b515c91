"""Durability: every acknowledged write survives kill -9 of the server, also
in the middle of writes, restores and checkpoints, with the database intact
and unfinished restores gone; a second server on the same data directory is
refused with the owner named."""
import concurrent.futures
import os
import sqlite3
import subprocess
import threading
import time
import unittest

from botocore.exceptions import ClientError

from dynamodesk import SERVER, Server, boto3_client, bulk_put, wait_active, wait_available


def scan_all(ddb, table, **kwargs):
    """Every item a Scan returns, page after page."""
    items, page = [], {}
    while True:
        r = ddb.scan(TableName=table, **kwargs, **page)
        items += r['Items']
        if 'LastEvaluatedKey' not in r:
            return items
        page['ExclusiveStartKey'] = r['LastEvaluatedKey']


def scan_keys(ddb, table):
    return {i['k']['S'] for i in scan_all(ddb, table, ConsistentRead=True, ProjectionExpression='k')}


def kill9_during(server, worker, meanwhile, threads=3):
    """Runs worker(w, stop) on `threads` threads and meanwhile() on this one,
    then kills the server (SIGKILL), stops and joins the threads, starts the
    server again on its data and returns a new client. A worker's request
    that fails because the server is gone was not acknowledged."""
    stop = threading.Event()
    workers = [threading.Thread(target=worker, args=(w, stop)) for w in range(threads)]
    for t in workers:
        t.start()
    try:
        meanwhile()
    finally:
        server.kill9()
        stop.set()
        for t in workers:
            t.join()
    server.start()
    return boto3_client(server)


def table_status(ddb, table):
    try:
        return ddb.describe_table(TableName=table)['Table']['TableStatus']
    except ClientError as e:
        if e.response['Error']['Code'] == 'ResourceNotFoundException':
            return None
        raise


def create_table(ddb, name):
    ddb.create_table(TableName=name, AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                     KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')


class CrashTest(unittest.TestCase):
    def test_kill9_loses_no_acknowledged_write(self):
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'crash')

            def writer(w):
                acked = []
                client = boto3_client(server)
                for i in range(150):
                    k = 'w%d-%d' % (w, i)
                    client.put_item(TableName='crash', Item={'k': {'S': k}, 'v': {'N': str(i)}})
                    acked.append(k)
                return acked

            with concurrent.futures.ThreadPoolExecutor(4) as pool:
                acked = sum(pool.map(writer, range(4)), [])
            server.kill9()
            server.start()
            ddb = boto3_client(server)
            missing = [k for k in acked if 'Item' not in ddb.get_item(TableName='crash', Key={'k': {'S': k}})]
            self.assertEqual(missing, [])
            self.assertEqual(ddb.describe_table(TableName='crash')['Table']['ItemCount'], len(acked))
        finally:
            server.cleanup()

    def test_kill9_midflight_keeps_acknowledged_writes_and_drops_unfinished_restores(self):
        # A source of 30,000 items of 2 kB (60 MB) with a backup and PITR, so
        # that each restore takes a good part of a second; then rounds of:
        # three threads putting new items into `live`, a restore from the
        # backup and one to the latest restorable time started, kill -9 at
        # a different moment each round (decoding, loading, after), restart.
        # A backup of the source is requested too. After each restart: every
        # acknowledged put is there and counted, each restored table is gone
        # (unfinished, dropped at the start) or ACTIVE with all of the
        # source's items, the backup is gone with its files or AVAILABLE,
        # and the source is intact.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'src')
            create_table(ddb, 'live')
            ddb.update_continuous_backups(TableName='src', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
            n = 30000
            bulk_put(server, 'src', [{'k': {'S': 's%05d' % i}, 'p': {'S': 'x' * 2000}} for i in range(n)])
            source = {'s%05d' % i for i in range(n)}
            arn = ddb.create_backup(TableName='src', BackupName='before')['BackupDetails']['BackupArn']
            wait_available(ddb, arn, timeout=60)

            acked = set()
            outcomes, mids = [], []
            for rnd, delay in enumerate([0.05, 0.4, 3.0]):
                def writer(w, stop, rnd=rnd):
                    client = boto3_client(server)
                    i = 0
                    while not stop.is_set():
                        k = 'r%d-w%d-%d' % (rnd, w, i)
                        try:
                            client.put_item(TableName='live', Item={'k': {'S': k}, 'v': {'N': str(i)}})
                        except Exception:
                            return
                        acked.add(k)
                        i += 1

                def background_work(rnd=rnd, delay=delay):
                    time.sleep(0.1)
                    ddb.restore_table_from_backup(TargetTableName='dst%d' % rnd, BackupArn=arn)
                    ddb.restore_table_to_point_in_time(SourceTableName='src', TargetTableName='pitr%d' % rnd,
                                                       UseLatestRestorableTime=True)
                    mids.append(ddb.create_backup(TableName='src', BackupName='mid%d' % rnd)['BackupDetails']['BackupArn'])
                    time.sleep(delay)

                ddb = kill9_during(server, writer, background_work)
                mid = mids[-1]

                self.assertEqual(acked - scan_keys(ddb, 'live'), set(), 'round %d lost acknowledged puts' % rnd)
                live = ddb.describe_table(TableName='live')['Table']['ItemCount']
                self.assertEqual(live, len(scan_keys(ddb, 'live')))
                for table in ('dst%d' % rnd, 'pitr%d' % rnd):
                    status = table_status(ddb, table)
                    outcomes.append(status)
                    if status is None:
                        continue  # unfinished at the kill: dropped
                    wait_active(ddb, table, timeout=60)
                    self.assertEqual(scan_keys(ddb, table), source, table)
                self.assertEqual(scan_keys(ddb, 'src'), source)
                # A backup still being written is gone, with its files; one written is whole.
                listed = [b['BackupArn'] for b in ddb.list_backups(TableName='src')['BackupSummaries']]
                if mid in listed:
                    self.assertEqual(ddb.describe_backup(BackupArn=mid)['BackupDescription']['BackupDetails']['BackupStatus'], 'AVAILABLE')
                backups_dir = os.path.join(server.data_dir, 'backups')
                self.assertEqual(len(os.listdir(backups_dir)), 2 * len(listed), sorted(os.listdir(backups_dir)))

            # The backup and the history survived every kill: both restore in full now.
            ddb.restore_table_from_backup(TargetTableName='after', BackupArn=arn)
            ddb.restore_table_to_point_in_time(SourceTableName='src', TargetTableName='after_pitr', UseLatestRestorableTime=True)
            for table in ('after', 'after_pitr'):
                wait_active(ddb, table, timeout=60)
                self.assertEqual(scan_keys(ddb, table), source)
            self.assertIn(None, outcomes, 'no restore was cut short by a kill: %r' % outcomes)
            server.stop()
            db = sqlite3.connect(os.path.join(server.data_dir, 'us-east-1.db'))
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchall(), [('ok',)])
            db.close()
        finally:
            server.cleanup()

    def test_kill9_during_an_index_backfill_resumes_it(self):
        # 50,000 items; a GSI on `g` is added while three threads overwrite
        # items with new `g` values (each its own keys, remembering the last
        # acknowledged value of each), and the server is killed during the
        # backfill. After the restart every acknowledged value is there, the
        # backfill finishes, and the index holds exactly the items' (key, g)
        # pairs: none missing, none stale.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'tbl')
            n = 50000
            bulk_put(server, 'tbl', [{'k': {'S': '%05d' % i}, 'g': {'S': 'g%d' % (i % 50)}, 'p': {'S': 'x' * 100}} for i in range(n)])
            expected = {'%05d' % i: 'g%d' % (i % 50) for i in range(n)}
            in_flight = {}

            def writer(w, stop):
                client = boto3_client(server)
                i = 0
                while not stop.is_set():
                    k = '%05d' % ((i * 3 + w) % n)
                    g = 'w%d-%d' % (w, i)
                    in_flight[w] = (k, g)
                    try:
                        client.put_item(TableName='tbl', Item={'k': {'S': k}, 'g': {'S': g}})
                    except Exception:
                        return  # the server is gone: this put may or may not have landed
                    expected[k] = g
                    del in_flight[w]
                    i += 1

            def add_the_index():
                time.sleep(0.2)
                ddb.update_table(TableName='tbl', AttributeDefinitions=[{'AttributeName': 'g', 'AttributeType': 'S'}],
                                 GlobalSecondaryIndexUpdates=[{'Create': {'IndexName': 'byG', 'KeySchema': [
                                     {'AttributeName': 'g', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'KEYS_ONLY'}}}])
                time.sleep(0.1)  # (the backfill pauses 1 ms after each 200 items: 250 ms at least)
                index = ddb.describe_table(TableName='tbl')['Table']['GlobalSecondaryIndexes'][0]
                self.assertEqual(index['IndexStatus'], 'CREATING', 'the backfill ended before the kill')

            ddb = kill9_during(server, writer, add_the_index)
            for _ in range(600):
                if ddb.describe_table(TableName='tbl')['Table']['GlobalSecondaryIndexes'][0]['IndexStatus'] == 'ACTIVE':
                    break
                time.sleep(0.05)
            else:
                self.fail('the backfill did not finish after the restart')

            def pairs(**kwargs):
                return {i['k']['S']: i['g']['S'] for i in scan_all(ddb, 'tbl', ProjectionExpression='k, g', **kwargs)}

            items = pairs(ConsistentRead=True)
            for k, g in in_flight.values():
                if items.get(k) == g:
                    expected[k] = g  # landed before the kill, unacknowledged
            self.assertEqual(items, expected)
            self.assertEqual(pairs(IndexName='byG'), items)
        finally:
            server.cleanup()

    def test_kill9_during_transactions_keeps_them_whole(self):
        # 50 accounts of 1,000; three threads move random amounts between two
        # accounts with TransactWriteItems (the debit conditional on the
        # balance, each transfer also recorded as an item of its own), and
        # the server is killed among them. After the restart the balances
        # still add up to 50,000, none is negative, every acknowledged
        # transfer's record is there, and the records that are there add up
        # to what the balances moved.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'accounts')
            create_table(ddb, 'transfers')
            accounts = ['a%02d' % i for i in range(50)]
            for a in accounts:
                ddb.put_item(TableName='accounts', Item={'k': {'S': a}, 'balance': {'N': '1000'}})
            acked = set()

            def mover(w, stop):
                import random
                rng = random.Random(w)
                client = boto3_client(server)
                i = 0
                while not stop.is_set():
                    src, dst = rng.sample(accounts, 2)
                    amount = rng.randint(1, 50)
                    tid = 'w%d-%d' % (w, i)
                    i += 1
                    try:
                        client.transact_write_items(TransactItems=[
                            {'Update': {'TableName': 'accounts', 'Key': {'k': {'S': src}},
                                        'UpdateExpression': 'SET balance = balance - :a', 'ConditionExpression': 'balance >= :a',
                                        'ExpressionAttributeValues': {':a': {'N': str(amount)}}}},
                            {'Update': {'TableName': 'accounts', 'Key': {'k': {'S': dst}},
                                        'UpdateExpression': 'SET balance = balance + :a',
                                        'ExpressionAttributeValues': {':a': {'N': str(amount)}}}},
                            {'Put': {'TableName': 'transfers', 'Item': {'k': {'S': tid}, 'src': {'S': src}, 'dst': {'S': dst},
                                                                        'amount': {'N': str(amount)}}}}])
                    except ClientError as e:
                        if e.response['Error']['Code'] in ('TransactionCanceledException', 'TransactionConflictException'):
                            continue
                        raise
                    except Exception:
                        return  # the server is gone
                    acked.add(tid)

            ddb = kill9_during(server, mover, lambda: time.sleep(1.5))
            self.assertGreater(len(acked), 50)
            balances = {i['k']['S']: int(i['balance']['N']) for i in ddb.scan(TableName='accounts', ConsistentRead=True)['Items']}
            self.assertEqual(sum(balances.values()), 50 * 1000)
            self.assertTrue(all(b >= 0 for b in balances.values()), balances)
            records = scan_all(ddb, 'transfers', ConsistentRead=True)
            self.assertEqual(acked - {r['k']['S'] for r in records}, set())
            moved = {a: 1000 for a in accounts}
            for r in records:
                moved[r['src']['S']] -= int(r['amount']['N'])
                moved[r['dst']['S']] += int(r['amount']['N'])
            self.assertEqual(moved, balances)
        finally:
            server.cleanup()

    def test_kill9_during_writes_keeps_the_stream_whole(self):
        # A table with a NEW_AND_OLD_IMAGES stream; three threads put new
        # items, and the server is killed among them. After the restart the
        # stream holds one INSERT for each item in the table (acknowledged or
        # landed just before the kill), with its new image, in increasing
        # sequence numbers, and nothing else.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(TableName='streamed', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}],
                             StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'NEW_AND_OLD_IMAGES'})
            acked = set()

            def writer(w, stop):
                client = boto3_client(server)
                i = 0
                while not stop.is_set():
                    k = 'w%d-%d' % (w, i)
                    try:
                        client.put_item(TableName='streamed', Item={'k': {'S': k}, 'v': {'N': str(i)}})
                    except Exception:
                        return
                    acked.add(k)
                    i += 1

            ddb = kill9_during(server, writer, lambda: time.sleep(1.0))
            streams = boto3_client(server, 'dynamodbstreams')
            table = scan_keys(ddb, 'streamed')
            self.assertEqual(acked - table, set())
            arn = streams.list_streams(TableName='streamed')['Streams'][0]['StreamArn']
            records = []
            for shard in streams.describe_stream(StreamArn=arn)['StreamDescription']['Shards']:
                it = streams.get_shard_iterator(StreamArn=arn, ShardId=shard['ShardId'], ShardIteratorType='TRIM_HORIZON')['ShardIterator']
                while it:
                    r = streams.get_records(ShardIterator=it)
                    records += r['Records']
                    if not r['Records']:
                        break
                    it = r.get('NextShardIterator')
            keys = [r['dynamodb']['Keys']['k']['S'] for r in records]
            self.assertEqual(sorted(keys), sorted(table))  # one record per item, none for a write that did not land
            self.assertEqual({r['eventName'] for r in records}, {'INSERT'})
            self.assertTrue(all(r['dynamodb']['NewImage']['k']['S'] == r['dynamodb']['Keys']['k']['S'] for r in records))
            seqs = [int(r['dynamodb']['SequenceNumber']) for r in records]
            self.assertEqual(seqs, sorted(seqs))
            self.assertEqual(len(set(seqs)), len(seqs))
        finally:
            server.cleanup()

    def test_kill9_among_large_item_writes_keeps_items_and_index_entries_whole(self):
        # Items of 10 B to 6 kB, overwritten so that they cross the size past
        # which their JSON lives apart from their row (and ALL index entries
        # refer to it), move between index partitions, and are deleted. After
        # kill -9 and a restart, each key holds its last acknowledged write
        # or the one in flight at the kill, whole; the table, its ALL GSI and
        # its ALL LSI agree item for item; and in the file every reference
        # leads to its body, with no body left over.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(TableName='large', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': a, 'AttributeType': t}
                                                   for a, t in (('k', 'S'), ('s', 'N'), ('g', 'S'), ('l', 'N'))],
                             KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}, {'AttributeName': 's', 'KeyType': 'RANGE'}],
                             GlobalSecondaryIndexes=[{'IndexName': 'by_g', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                                      'Projection': {'ProjectionType': 'ALL'}}],
                             LocalSecondaryIndexes=[{'IndexName': 'by_l', 'KeySchema': [{'AttributeName': 'k', 'KeyType': 'HASH'},
                                                                                          {'AttributeName': 'l', 'KeyType': 'RANGE'}],
                                                     'Projection': {'ProjectionType': 'ALL'}}])

            def item(w, n, v):  # version v of key n of writer w; v % 7 == 6 is a delete
                size = [10, 700, 950, 1500, 3000, 6000][(n + v) % 6]
                return {'k': {'S': 'w%d' % w}, 's': {'N': str(n)}, 'g': {'S': 'g%d' % ((n + v) % 5)},
                        'l': {'N': str(v)}, 'v': {'N': str(v)}, 'p': {'S': chr(97 + v % 26) * size}}

            acked = {}      # (w, n) -> the last acknowledged version
            attempted = {}  # (w, n) -> the version in flight, if any

            def writer(w, stop):
                client = boto3_client(server)
                v = 0
                while not stop.is_set():
                    v += 1
                    for n in range(40):
                        attempted[(w, n)] = v
                        try:
                            if v % 7 == 6:
                                client.delete_item(TableName='large', Key={'k': {'S': 'w%d' % w}, 's': {'N': str(n)}})
                            else:
                                client.put_item(TableName='large', Item=item(w, n, v))
                        except Exception:
                            return
                        acked[(w, n)] = v

            ddb = kill9_during(server, writer, lambda: time.sleep(2.0))
            self.assertGreater(sum(acked.values()), 3 * 40 * 3)  # each writer went round its keys at least three times
            table = {(int(i['k']['S'][1:]), int(i['s']['N'])): i for i in scan_all(ddb, 'large', ConsistentRead=True)}
            for key, v in acked.items():
                got = table.get(key)
                expected = [None if x % 7 == 6 else item(key[0], key[1], x) for x in {v, attempted[key]}]
                self.assertIn(got, expected, 'key %r: acknowledged version %d' % (key, v))
            gsi = scan_all(ddb, 'large', IndexName='by_g')
            lsi = scan_all(ddb, 'large', IndexName='by_l')
            key = lambda i: (i['k']['S'], int(i['s']['N']))  # noqa: E731
            self.assertEqual(sorted(gsi, key=key), sorted(table.values(), key=key))
            self.assertEqual(sorted(lsi, key=key), sorted(table.values(), key=key))
            server.stop()
            db = sqlite3.connect(os.path.join(server.data_dir, 'us-east-1.db'))
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchall(), [('ok',)])
            tid = db.execute("SELECT id FROM tables WHERE name = 'large'").fetchone()[0]
            ref = "length(item) = 9 AND substr(item, 1, 1) = X'00'"
            refs = db.execute('SELECT count(*) FROM t%d WHERE %s' % (tid, ref)).fetchone()[0]
            self.assertGreater(refs, 0)
            self.assertEqual(db.execute('SELECT count(*) FROM b%d' % tid).fetchone()[0], refs)
            for (store,) in db.execute("SELECT name FROM sqlite_schema WHERE name GLOB 'i%d_*'" % tid).fetchall():
                orphans = db.execute('SELECT count(*) FROM %s i WHERE %s AND NOT EXISTS (SELECT 1 FROM t%d t '
                                     'WHERE t.pk = i.tpk AND t.sk = i.tsk AND t.item = i.item)' % (store, ref, tid)).fetchone()[0]
                self.assertEqual(orphans, 0, store)
                self.assertEqual(db.execute('SELECT count(*) FROM %s WHERE %s' % (store, ref)).fetchone()[0], refs, store)
            db.close()
        finally:
            server.cleanup()

    def test_optimize_db_before_startup_gives_a_deleted_tables_space_back(self):
        # DynamoDB Local's -optimizeDbBeforeStartup: the free pages a deleted
        # table left stay in the file (later writes reuse them) until a start
        # with the flag compacts it, reporting the sizes on stderr; what is
        # left is all there.
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'keep')
            kept = [{'k': {'S': 'k%d' % i}, 'p': {'S': 'v' * (i * 37 % 3000)}} for i in range(300)]
            bulk_put(server, 'keep', kept)
            ddb.create_table(TableName='big', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}, {'AttributeName': 'g', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}],
                             GlobalSecondaryIndexes=[{'IndexName': 'by_g', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                                      'Projection': {'ProjectionType': 'ALL'}}])
            bulk_put(server, 'big', [{'k': {'S': 'b%d' % i}, 'g': {'S': str(i % 9)}, 'p': {'S': 'x' * 1500}} for i in range(6000)])
            ddb.delete_table(TableName='big')
            server.stop()
            db_file = os.path.join(server.data_dir, 'us-east-1.db')
            before = os.path.getsize(db_file)
            self.assertGreater(before, 10_000_000)

            server = Server(data_dir=server.data_dir, extra_args=['-optimizeDbBeforeStartup']).start()
            server.owns_dir = True
            report = server.proc.stderr.readline()
            self.assertRegex(report, r'^Compacted us-east-1\.db: %d bytes, then \d+\n$' % before)
            ddb = boto3_client(server)
            self.assertEqual(ddb.list_tables()['TableNames'], ['keep'])
            key = lambda i: i['k']['S']  # noqa: E731
            self.assertEqual(sorted(scan_all(ddb, 'keep', ConsistentRead=True), key=key), sorted(kept, key=key))
            server.stop()
            after = os.path.getsize(db_file)
            self.assertLess(after, before / 5)
            self.assertEqual(int(report.split()[-1]), after)
            db = sqlite3.connect(db_file)
            self.assertEqual(db.execute('PRAGMA integrity_check').fetchall(), [('ok',)])
            db.close()
        finally:
            server.cleanup()
        with Server(in_memory=True, extra_args=['-optimizeDbBeforeStartup']) as server:
            self.assertIn('nothing to compact', server.proc.stderr.readline())
            self.assertEqual(boto3_client(server).list_tables()['TableNames'], [])

    def test_second_process_on_same_directory_is_refused(self):
        with Server() as first:
            p = subprocess.run([SERVER, '--port', '0', '--db-path', first.data_dir], capture_output=True, text=True,
                               timeout=30)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn('is in use by another process (pid %d' % first.proc.pid, p.stderr)

    def test_bad_flags_and_taken_port(self):
        p = subprocess.run([SERVER, '--no-such-flag'], capture_output=True, text=True, timeout=30)
        self.assertEqual(p.returncode, 2)
        self.assertEqual(len(p.stderr.strip().splitlines()), 1)
        with Server(in_memory=True) as first:
            p = subprocess.run([SERVER, '-inMemory', '-port', str(first.port)], capture_output=True, text=True, timeout=30)
            self.assertNotEqual(p.returncode, 0)
            self.assertIn('Address already in use', p.stderr)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1)


if __name__ == '__main__':
    unittest.main()
