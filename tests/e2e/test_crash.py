"""Durability: every acknowledged write survives kill -9 of the server, and a
second server on the same data directory is refused with the owner named."""
import concurrent.futures
import subprocess
import unittest

from dynamodesk import SERVER, Server, boto3_client


class CrashTest(unittest.TestCase):
    def test_kill9_loses_no_acknowledged_write(self):
        server = Server().start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(TableName='crash', AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')

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
