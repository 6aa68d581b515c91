"""Isolation and durability of transactions under load, against a server on
disk. Writer threads move money between accounts in two tables with
TransactWriteItems: each transaction takes an amount from one account of each
table (guarded by balance >= amount) and gives it to another account of each
table, and records itself in a Log table. So the total of each table is
constant, and every read of a whole table (one Scan page, one Query page) or
of every account (one TransactGetItems) must see that total. Meanwhile other
threads make plain writes (UpdateItem) to the same accounts. The server is
then killed with SIGKILL while transactions are in flight and restarted: the
totals still hold, every acknowledged transaction is in the Log, and every
balance equals its opening balance plus the moves the Log records (nothing of
a transaction without the rest of it)."""
import random
import threading
import time
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, boto3_client

ACCOUNTS = 10          # per table
OPENING = 1000         # balance of every account at the start
LOAD_SECONDS = 12      # the whole test stays well under a minute
WRITERS, PLAIN_WRITERS, READERS = 4, 1, 3


def a_key(i):
    return {'id': {'S': 'a%d' % i}}


def b_key(i):
    return {'bank': {'S': 'bank'}, 'n': {'N': str(i)}}


def move(table, key, amount, guard):
    u = {'TableName': table, 'Key': key, 'UpdateExpression': 'SET balance = balance + :d',
         'ExpressionAttributeValues': {':d': {'N': str(amount)}}}
    if guard:
        u['ConditionExpression'] = 'balance >= :need'
        u['ExpressionAttributeValues'][':need'] = {'N': str(-amount)}
    return {'Update': u}


class TransactionTortureTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()
        ddb = boto3_client(self.server)
        ddb.create_table(TableName='BankA', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        ddb.create_table(TableName='BankB', AttributeDefinitions=[{'AttributeName': 'bank', 'AttributeType': 'S'},
                                                              {'AttributeName': 'n', 'AttributeType': 'N'}],
                         KeySchema=[{'AttributeName': 'bank', 'KeyType': 'HASH'}, {'AttributeName': 'n', 'KeyType': 'RANGE'}],
                         BillingMode='PAY_PER_REQUEST')
        ddb.create_table(TableName='Log', AttributeDefinitions=[{'AttributeName': 'tx', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'tx', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        for i in range(ACCOUNTS):
            ddb.put_item(TableName='BankA', Item={**a_key(i), 'balance': {'N': str(OPENING)}})
            ddb.put_item(TableName='BankB', Item={**b_key(i), 'balance': {'N': str(OPENING)}})

    def tearDown(self):
        self.server.cleanup()

    def check_totals(self, ddb, where):
        """Every whole-table read sees each table's total; returns the number of reads made."""
        total = ACCOUNTS * OPENING
        r = ddb.transact_get_items(TransactItems=[{'Get': {'TableName': 'BankA', 'Key': a_key(i)}} for i in range(ACCOUNTS)] +
                                   [{'Get': {'TableName': 'BankB', 'Key': b_key(i)}} for i in range(ACCOUNTS)])
        balances = [int(x['Item']['balance']['N']) for x in r['Responses']]
        self.assertEqual((sum(balances[:ACCOUNTS]), sum(balances[ACCOUNTS:])), (total, total), where + ': TransactGetItems')
        self.assertTrue(all(b >= 0 for b in balances), where + ': a balance went negative')
        scan = ddb.scan(TableName='BankA', ConsistentRead=True)
        self.assertNotIn('LastEvaluatedKey', scan)
        self.assertEqual(sum(int(x['balance']['N']) for x in scan['Items']), total, where + ': Scan')
        q = ddb.query(TableName='BankB', KeyConditionExpression='bank = :b', ExpressionAttributeValues={':b': {'S': 'bank'}})
        self.assertEqual(sum(int(x['balance']['N']) for x in q['Items']), total, where + ': Query')
        return 3

    def test_transfers_under_load_then_kill9(self):
        stop = threading.Event()
        acked, cancelled, reads, plain = [], [0], [0], [0]
        failures = []
        lock = threading.Lock()

        def writer(w):
            ddb = boto3_client(self.server)
            rnd = random.Random(w)
            n = 0
            while not stop.is_set():
                i, j = rnd.sample(range(ACCOUNTS), 2)
                k, m = rnd.sample(range(ACCOUNTS), 2)
                amount = rnd.randint(1, 400)
                tx = 'w%d-%d' % (w, n)
                n += 1
                items = [move('BankA', a_key(i), -amount, True), move('BankA', a_key(j), amount, False),
                         move('BankB', b_key(k), -amount, True), move('BankB', b_key(m), amount, False),
                         {'Put': {'TableName': 'Log', 'Item': {'tx': {'S': tx}, 'moves': {'S': 'a%d a%d b%d b%d %d' % (i, j, k, m, amount)}}}}]
                try:
                    ddb.transact_write_items(TransactItems=items)
                    with lock:
                        acked.append(tx)
                except ClientError as e:
                    if e.response['Error']['Code'] != 'TransactionCanceledException':
                        failures.append(repr(e))
                        return
                    with lock:
                        cancelled[0] += 1
                except Exception:  # the server was killed under us
                    return

        def plain_writer():
            ddb = boto3_client(self.server)
            rnd = random.Random(99)
            while not stop.is_set():
                try:
                    ddb.update_item(TableName='BankA', Key=a_key(rnd.randrange(ACCOUNTS)), UpdateExpression='ADD touches :one',
                                    ExpressionAttributeValues={':one': {'N': '1'}})
                    ddb.update_item(TableName='BankB', Key=b_key(rnd.randrange(ACCOUNTS)), UpdateExpression='ADD touches :one',
                                    ExpressionAttributeValues={':one': {'N': '1'}})
                    with lock:
                        plain[0] += 2
                except Exception:
                    return

        def reader():
            ddb = boto3_client(self.server)
            while not stop.is_set():
                try:
                    done = self.check_totals(ddb, 'under load')
                except AssertionError as e:
                    failures.append(str(e))
                    return
                except Exception:
                    return
                with lock:
                    reads[0] += done

        threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
        threads += [threading.Thread(target=plain_writer) for _ in range(PLAIN_WRITERS)]
        threads += [threading.Thread(target=reader) for _ in range(READERS)]
        for t in threads:
            t.start()
        time.sleep(LOAD_SECONDS)
        # Readers stop first, so that none of them sees the server go away; writers are still sending.
        stop.set()
        self.server.kill9()
        for t in threads:
            t.join(30)
        self.assertEqual(failures, [])
        self.assertGreater(len(acked), 100)
        self.assertGreater(cancelled[0], 0, 'no transaction was cancelled: the guard was never tested')
        self.assertGreater(reads[0], 30)
        print('\n%d transactions acknowledged, %d cancelled, %d plain writes, %d whole-table reads'
              % (len(acked), cancelled[0], plain[0], reads[0]))

        self.server.start()
        ddb = boto3_client(self.server)
        self.check_totals(ddb, 'after kill -9')
        log = {}
        kwargs = {'TableName': 'Log', 'ConsistentRead': True}
        while True:
            page = ddb.scan(**kwargs)
            log.update({x['tx']['S']: x['moves']['S'] for x in page['Items']})
            if 'LastEvaluatedKey' not in page:
                break
            kwargs['ExclusiveStartKey'] = page['LastEvaluatedKey']
        self.assertEqual([tx for tx in acked if tx not in log], [])
        expected = {'a%d' % i: OPENING for i in range(ACCOUNTS)}
        expected.update({'b%d' % i: OPENING for i in range(ACCOUNTS)})
        for moves in log.values():
            src_a, dst_a, src_b, dst_b, amount = moves.split()
            for acct, delta in ((src_a, -1), (dst_a, 1), (src_b, -1), (dst_b, 1)):
                expected[acct] += delta * int(amount)
        actual = {}
        for i in range(ACCOUNTS):
            actual['a%d' % i] = int(ddb.get_item(TableName='BankA', Key=a_key(i), ConsistentRead=True)['Item']['balance']['N'])
            actual['b%d' % i] = int(ddb.get_item(TableName='BankB', Key=b_key(i), ConsistentRead=True)['Item']['balance']['N'])
        self.assertEqual(actual, expected)


if __name__ == '__main__':
    unittest.main()
