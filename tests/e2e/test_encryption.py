"""Encryption at rest end to end: dynamodesk-server --encryption-key-file with
the AWS CLI and boto3. Nothing written reaches the disk in the clear, every
acknowledged write survives kill -9, the directory does not open without
its key or with another, and --encrypt-data-dir, --new-encryption-key-file
and --decrypt-data-dir convert a directory and change its key keeping every
item and backup."""
import os
import subprocess
import tempfile
import threading
import unittest

from dynamodesk import SERVER, Server, aws, boto3_client, wait_active, wait_available

SECRET = 'PAYROLL-7731'


def write_secret(folder, name, text):
    path = os.path.join(folder, name)
    with open(path, 'w') as f:
        f.write(text + '\n')
    return path


def files_holding(folder, needle):
    found = []
    for root, _, files in os.walk(folder):
        for name in files:
            with open(os.path.join(root, name), 'rb') as f:
                if needle.encode() in f.read():
                    found.append(os.path.relpath(os.path.join(root, name), folder))
    return found


def refused(data_dir, *args):
    """Runs the server expecting it not to start; returns its stderr."""
    p = subprocess.run([SERVER, '--port', '0', '--db-path', data_dir, *args], capture_output=True, text=True, timeout=60)
    assert p.returncode != 0, p.stdout
    return p.stderr


def count(ddb, table):
    total, page = 0, {}
    while True:
        r = ddb.scan(TableName=table, Select='COUNT', **page)
        total += r['Count']
        if 'LastEvaluatedKey' not in r:
            return total
        page['ExclusiveStartKey'] = r['LastEvaluatedKey']


def create_table(ddb, name):
    ddb.create_table(TableName=name, AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                     KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')


class EncryptionTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix='dynamodesk-enc-')
        self.data = os.path.join(self.tmp.name, 'data')
        self.key = write_secret(self.tmp.name, 'key', 'a passphrase nobody guesses')
        self.other = write_secret(self.tmp.name, 'other', os.urandom(32).hex())

    def tearDown(self):
        self.tmp.cleanup()

    def test_kill9_with_writes_in_flight_keeps_every_acknowledged_write_encrypted(self):
        server = Server(self.data, extra_args=['--encryption-key-file', self.key]).start()
        try:
            aws(server, 'dynamodb', 'create-table', '--table-name', 'Salaries',
                '--attribute-definitions', 'AttributeName=k,AttributeType=S',
                '--key-schema', 'AttributeName=k,KeyType=HASH', '--billing-mode', 'PAY_PER_REQUEST')
            acked, stop = set(), threading.Event()

            def writer(w):
                client = boto3_client(server)
                i = 0
                while not stop.is_set():
                    k = 'w%d-%d' % (w, i)
                    try:
                        client.put_item(TableName='Salaries', Item={'k': {'S': k}, 'v': {'S': '%s-%d' % (SECRET, i)},
                                                                    'pad': {'S': 'p' * 1500}})
                    except Exception:
                        return
                    acked.add(k)
                    i += 1

            threads = [threading.Thread(target=writer, args=(w,)) for w in range(3)]
            for t in threads:
                t.start()
            while len(acked) < 1500:
                threading.Event().wait(0.05)
            server.kill9()
            stop.set()
            for t in threads:
                t.join()
            # Killed with commits in the WAL: none of it in the clear.
            self.assertEqual(files_holding(self.data, SECRET), [])
            self.assertEqual(files_holding(self.data, 'Salaries'), [])

            self.assertIn('is encrypted', refused(self.data))
            self.assertIn('does not open', refused(self.data, '--encryption-key-file', self.other))

            server.start()
            ddb = boto3_client(server)
            missing = [k for k in acked if 'Item' not in ddb.get_item(TableName='Salaries', Key={'k': {'S': k}})]
            self.assertEqual(missing, [])
            arn = ddb.create_backup(TableName='Salaries', BackupName='nightly')['BackupDetails']['BackupArn']
            wait_available(ddb, arn)
            ddb.restore_table_from_backup(TargetTableName='Restored', BackupArn=arn)
            wait_active(ddb, 'Restored', timeout=60)
            self.assertGreaterEqual(count(ddb, 'Restored'), len(acked))
            server.stop()
            self.assertEqual(files_holding(self.data, SECRET), [])
        finally:
            server.cleanup()

    def test_convert_change_key_and_decrypt_by_flags(self):
        server = Server(self.data).start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'Ledger')
            for i in range(100):
                ddb.put_item(TableName='Ledger', Item={'k': {'S': 'k%d' % i}, 'v': {'S': '%s-%d' % (SECRET, i)}})
            arn = ddb.create_backup(TableName='Ledger', BackupName='before')['BackupDetails']['BackupArn']
            wait_available(ddb, arn)
            server.stop()
            self.assertNotEqual(files_holding(self.data, SECRET), [])
            self.assertIn('in the clear', refused(self.data, '--encryption-key-file', self.key))

            server.extra_args = ['--encryption-key-file', self.key, '--encrypt-data-dir']
            server.start()
            self.assertEqual(boto3_client(server).scan(TableName='Ledger', Select='COUNT')['Count'], 100)
            server.stop()
            self.assertEqual(files_holding(self.data, SECRET), [])

            server.extra_args = ['--encryption-key-file', self.key, '--new-encryption-key-file', self.other]
            server.start()
            server.stop()
            self.assertIn('does not open', refused(self.data, '--encryption-key-file', self.key))

            server.extra_args = ['--encryption-key-file', self.other]
            server.start()
            ddb = boto3_client(server)
            ddb.restore_table_from_backup(TargetTableName='LedgerCopy', BackupArn=arn)
            wait_active(ddb, 'LedgerCopy', timeout=60)
            self.assertEqual(ddb.scan(TableName='LedgerCopy', Select='COUNT')['Count'], 100)
            server.stop()

            server.extra_args = ['--encryption-key-file', self.other, '--decrypt-data-dir']
            server.start()
            server.stop()
            self.assertFalse(os.path.exists(os.path.join(self.data, 'encryption.json')))
            server.extra_args = []
            server.start()
            ddb = boto3_client(server)
            self.assertEqual(ddb.get_item(TableName='LedgerCopy', Key={'k': {'S': 'k7'}})['Item']['v']['S'], SECRET + '-7')
        finally:
            server.cleanup()

    def test_flag_misuse_is_refused(self):
        p = subprocess.run([SERVER, '--port', '0', '--in-memory', '--encryption-key-file', self.key],
                           capture_output=True, text=True, timeout=60)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn('nothing to encrypt', p.stderr)
        self.assertIn('need --encryption-key-file', refused(self.data, '--encrypt-data-dir'))
        empty = write_secret(self.tmp.name, 'empty', '')
        self.assertIn('is empty', refused(self.data, '--encryption-key-file', empty))
        self.assertIn('cannot be used together',
                      refused(self.data, '--encryption-key-file', self.key, '--encrypt-data-dir', '--decrypt-data-dir'))


if __name__ == '__main__':
    unittest.main()
