"""Regression test for "a read of an uncommitted CreateTable -> 500": the
endpoint commits each event-loop turn's writes together, and CreateTable,
UpdateTable (a new index) and DeleteTable used to change the table catalog
before that commit, so requests on other connections found tables that their
reader connections could not see yet ("no such table", InternalServerError).
Here clients pipeline table changes with item writes and reads of the same
tables while others read those tables on many connections at once: nobody may
ever get a server error, and every client sees its own changes."""
import threading
import unittest

from dynamodesk import RawConnection, Server, raw_request

KEY = {'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],
       'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}], 'BillingMode': 'PAY_PER_REQUEST'}
ADD_INDEX = {'AttributeDefinitions': [{'AttributeName': 'g', 'AttributeType': 'S'}],
             'GlobalSecondaryIndexUpdates': [{'Create': {
                 'IndexName': 'byG', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                 'Projection': {'ProjectionType': 'ALL'}}}]}
ITEM = {'pk': {'S': 'a'}, 'g': {'S': 'x'}}


def changes(table):
    """A client's life of one table, pipelined: create, write, read, add an index, delete."""
    return [
        ('CreateTable', dict(KEY, TableName=table)),
        ('PutItem', {'TableName': table, 'Item': ITEM}),
        ('GetItem', {'TableName': table, 'Key': {'pk': {'S': 'a'}}}),
        ('UpdateTable', dict(ADD_INDEX, TableName=table)),
        ('PutItem', {'TableName': table, 'Item': dict(ITEM, v={'N': '1'})}),
        ('Scan', {'TableName': table}),
        ('DeleteTable', {'TableName': table}),
    ]


def reads(table):
    return [
        ('DescribeTable', {'TableName': table}),
        ('GetItem', {'TableName': table, 'Key': {'pk': {'S': 'a'}}}),
        ('Scan', {'TableName': table}),
        ('Query', {'TableName': table, 'KeyConditionExpression': 'pk = :k',
                   'ExpressionAttributeValues': {':k': {'S': 'a'}}}),
        ('Query', {'TableName': table, 'IndexName': 'byG', 'KeyConditionExpression': 'g = :g',
                   'ExpressionAttributeValues': {':g': {'S': 'x'}}}),
        ('ListTables', {}),
        ('DescribeTimeToLive', {'TableName': table}),
    ]


class UncommittedCatalogTest(unittest.TestCase):
    def run_rounds(self, server, rounds=20, writers=4, readers=16):
        failures = []
        lock = threading.Lock()

        def client(plan, check_own):
            conn = RawConnection(server)
            try:
                conn.send([raw_request(op, body) for op, body in plan])
                got = [conn.read() for _ in plan]
            finally:
                conn.close()
            with lock:
                for (op, _), (status, body) in zip(plan, got):
                    if status >= 500:
                        failures.append((op, status, body))
                if check_own:
                    # A client sees its own table at once: created, written, read back, deleted.
                    for k in (0, 1, 2, 3, 4, 5):
                        if got[k][0] != 200:
                            failures.append(('own', plan[k][0], got[k]))
                    if got[2][1].get('Item') != ITEM:
                        failures.append(('own item', got[2]))
                    # DeleteTable waits for nothing: while the new index backfills it is ResourceInUse.
                    if got[6][0] != 200 and 'ResourceInUseException' not in got[6][1].get('__type', ''):
                        failures.append(('own delete', got[6]))

        for r in range(rounds):
            tables = ['round%d_%d' % (r, w) for w in range(writers)]
            threads = [threading.Thread(target=client, args=(changes(t), True)) for t in tables]
            for i in range(readers):
                plan = reads(tables[i % writers]) * 6
                threads.append(threading.Thread(target=client, args=(plan, False)))
            for t in threads:
                t.start()
            for t in threads:
                t.join(300)
        self.assertEqual(failures, [])
        self.assertIsNone(server.proc.poll())

    def test_table_changes_with_concurrent_readers_on_disk(self):
        with Server(extra_args=['--threads', '2']) as server:
            self.run_rounds(server)

    def test_table_changes_with_concurrent_readers_in_memory(self):
        with Server(in_memory=True, extra_args=['--threads', '2']) as server:
            self.run_rounds(server)


if __name__ == '__main__':
    unittest.main()
