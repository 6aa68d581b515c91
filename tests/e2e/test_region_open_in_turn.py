"""Regression test for "region opened inside an HTTP turn": the region of a
request comes from its SigV4 credential scope, and a region's database opens
on its first request, with install steps (streams, PITR, triggers) that are
writes. They used to join the HTTP turn's transaction: other connections could
use a region whose installs were not committed ("no such table: dd_streams"),
and an install that failed after another had written crashed the server at the
turn's commit. Here the very first requests to several new regions arrive at
once on many connections, each pipelining reads and writes, and a region whose
file is broken answers a clean InternalServerError while the others serve on."""
import os
import sqlite3
import threading
import unittest

from dynamodesk import RawConnection, Server, raw_request

KEY = {'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],
       'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}], 'BillingMode': 'PAY_PER_REQUEST'}


def first_requests(region, table):
    """What a client's first pipelined burst to a region asks: reads, then a table and its item."""
    return [
        raw_request('Streams.ListStreams', {}, region),
        raw_request('CreateTable', dict(KEY, TableName=table), region),
        raw_request('PutItem', {'TableName': table, 'Item': {'pk': {'S': 'a'}}}, region),
        raw_request('GetItem', {'TableName': table, 'Key': {'pk': {'S': 'a'}}}, region),
        raw_request('ListTables', {}, region),
        raw_request('Dynamodesk.ListTriggers', {}, region),
    ]


def burst(server, plans):
    """Opens one connection per plan, then sends every plan's requests at once (pipelined), so that
    they reach the server's event loops together; returns each plan's answers."""
    conns = [RawConnection(server) for _ in plans]
    answers = [None] * len(plans)
    errors = []
    barrier = threading.Barrier(len(plans))

    def run(i):
        try:
            barrier.wait()
            conns[i].send(plans[i])
            answers[i] = [conns[i].read() for _ in plans[i]]
        except Exception as e:  # reported by the test
            errors.append(repr(e))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(plans))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    for c in conns:
        c.close()
    if errors:
        raise AssertionError(errors)
    return answers


class RegionOpenInTurnTest(unittest.TestCase):
    def setUp(self):
        self.server = Server(extra_args=['--threads', '2']).start()

    def tearDown(self):
        self.server.cleanup()

    def test_first_requests_to_new_regions_arrive_together(self):
        regions = ['ap-e2e-%d' % i for i in range(4)]
        plans = [first_requests(regions[i % len(regions)], 'table%d' % i) for i in range(24)]
        answers = burst(self.server, plans)
        for i, got in enumerate(answers):
            for status, body in got:
                self.assertEqual(status, 200, (i, body))
            self.assertEqual(got[3][1].get('Item'), {'pk': {'S': 'a'}})
        for j, region in enumerate(regions):
            conn = RawConnection(self.server)
            conn.send([raw_request('ListTables', {}, region)])
            status, body = conn.read()
            conn.close()
            self.assertEqual(status, 200)
            self.assertEqual(len(body['TableNames']), 6)
        self.assertIsNone(self.server.proc.poll())

    def test_broken_region_is_a_clean_error_and_others_serve_on(self):
        # A region file whose stored trigger cannot be read: the stream and PITR
        # installs write, then the trigger install fails.
        db = sqlite3.connect(os.path.join(self.server.data_dir, 'eu-bad-1.db'))
        db.executescript("""
            CREATE TABLE dd_triggers(name TEXT PRIMARY KEY, config TEXT NOT NULL, checkpoint INTEGER NOT NULL,
                                     created_ms INTEGER NOT NULL, incarnation INTEGER NOT NULL);
            INSERT INTO dd_triggers VALUES('broken', 'not json', 0, 0, 1);""")
        db.close()
        plans = []
        for i in range(16):
            region = 'eu-bad-1' if i % 2 else ('us-east-1', 'eu-good-1')[i % 4 // 2]
            plans.append(first_requests(region, 'table%d' % i))
        for _ in range(2):
            answers = burst(self.server, plans)
            for i, got in enumerate(answers):
                bad = i % 2 == 1
                for status, body in got:
                    if bad:
                        self.assertEqual(status, 500, (i, body))
                        self.assertEqual(body['__type'], 'com.amazonaws.dynamodb.v20120810#InternalServerError')
                        self.assertIn('broken', body['message'])
                    else:
                        # CreateTable answers ResourceInUseException the second time round.
                        self.assertIn(status, (200, 400), (i, body))
                        self.assertNotEqual(status, 500)
                if not bad:
                    self.assertEqual(got[3], (200, {'Item': {'pk': {'S': 'a'}}}))
        self.assertIsNone(self.server.proc.poll())


if __name__ == '__main__':
    unittest.main()
