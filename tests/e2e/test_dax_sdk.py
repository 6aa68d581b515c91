"""DAX's own protocol (dynamodesk-server --dax-port) with AWS's DAX SDK
clients, from npm, versions pinned in js-dax/package-lock.json: the
JavaScript v3 client (@amazon-dax-sdk/client-dax with lib-dax's
DaxDocument) runs js-dax/dax_scenario.js against a cluster made with the
control plane, and the client for the AWS SDK v2 (amazon-dax-client 1.x with
the DocumentClient) runs js-dax/dax_v2_scenario.js; both connect to
dax://127.0.0.1:PORT as applications do to a DAX cluster on AWS. A client
that outlives a restart of the server keeps meaning the same attributes by
the attribute list ids it cached (js-dax/dax_restart_scenario.js). With
--auth, a connection's signature and each call's policy are checked
(js-dax/dax_auth_scenario.js). With a raw
socket: the clusters' ports follow their creation and deletion, and a node
describes itself (the endpoints method) with the address the client dialled.
The packages are installed with `npm ci` into js-dax/node_modules on first
use (the npm registry); the test is skipped, saying why, without Node.js 18
or later."""
import os
import socket
import subprocess
import tempfile
import time
import unittest

import dynamodesk
from dynamodesk import Server, boto3_client, npm_packages

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'js-dax')
ROLE = 'arn:aws:iam::000000000000:role/DAXServiceRole'
# The connection preamble of @amazon-dax-sdk/client-dax 3.1.0 (captured):
# magic, 0, a 16-byte session id, {"UserAgent": ...}, 0.
PREAMBLE = bytes.fromhex('674a37796e65354700' '50d316128e10c616227a61204fbe7cdcb7'
                         'a169557365724167656e74734461784a535633436c69656e742d332e312e3000')
ENDPOINTS = bytes.fromhex('011a1b2bcf02')  # service 1, method endpoints, no arguments


def free_ports(n):
    """A port P with P..P+n-1 free now (the server binds them a moment later)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            base = s.getsockname()[1]
        if base + n > 65535:
            continue
        try:
            held = []
            for p in range(base, base + n):
                s = socket.socket()
                held.append(s)
                s.bind(('127.0.0.1', p))
            return base
        except OSError:
            continue
        finally:
            for s in held:
                s.close()
    raise RuntimeError('no free port range')


def wait_for_port(port, up=True, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise AssertionError('port %d did not %s' % (port, 'open' if up else 'close'))


def endpoints_of(port):
    """The raw answer of a node's endpoints method (all that arrives until it pauses)."""
    with socket.create_connection(('127.0.0.1', port), timeout=5) as s:
        s.sendall(PREAMBLE + ENDPOINTS)
        data = s.recv(4096)
        s.settimeout(0.3)
        try:
            while True:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
        except socket.timeout:
            pass
        return data


def create_tables(ddb):
    def table(name, keys, **extra):
        ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': n, 'AttributeType': t} for n, t, _ in keys] +
                         extra.pop('definitions', []),
                         KeySchema=[{'AttributeName': n, 'KeyType': k} for n, _, k in keys], **extra)
    table('Music', [('Artist', 'S', 'HASH'), ('SongTitle', 'S', 'RANGE')],
          definitions=[{'AttributeName': 'Genre', 'AttributeType': 'S'}, {'AttributeName': 'Year', 'AttributeType': 'N'}],
          GlobalSecondaryIndexes=[{'IndexName': 'ByGenre', 'Projection': {'ProjectionType': 'ALL'},
                                   'KeySchema': [{'AttributeName': 'Genre', 'KeyType': 'HASH'},
                                                 {'AttributeName': 'Year', 'KeyType': 'RANGE'}]}])
    table('Counters', [('id', 'N', 'HASH')])
    table('Nums', [('h', 'S', 'HASH'), ('n', 'N', 'RANGE')])
    table('Blobs', [('h', 'B', 'HASH'), ('r', 'B', 'RANGE')])


def create_cluster(server, name):
    dax = boto3_client(server, 'dax')
    return dax.create_cluster(ClusterName=name, NodeType='dax.t3.small', ReplicationFactor=1, IamRoleArn=ROLE)['Cluster']


class DaxSdkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        npm_packages(HERE, 18, "AWS's DAX SDK for JavaScript needs Node.js 18 or later and npm")

    def setUp(self):
        self.dax_port = free_ports(3)
        self.server = Server(extra_args=['--dax-port', str(self.dax_port)]).start()
        create_tables(boto3_client(self.server))

    def tearDown(self):
        self.server.cleanup()

    def run_node(self, script, *args):
        env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        p = subprocess.run(['node', script] + list(args), cwd=HERE, capture_output=True, text=True, timeout=300, env=env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertIn('all steps passed', p.stdout)
        return [line for line in p.stdout.splitlines() if line.startswith('ok ')]

    def test_js_v3_client(self):
        create_cluster(self.server, 'jscache')
        wait_for_port(self.dax_port)
        steps = self.run_node('dax_scenario.js', 'dax://127.0.0.1:%d' % self.dax_port, self.server.url, 'jscache')
        self.assertEqual(len(steps), 15, steps)

    def test_js_v2_client(self):
        create_cluster(self.server, 'v2cache')
        wait_for_port(self.dax_port)
        steps = self.run_node('dax_v2_scenario.js', '127.0.0.1:%d' % self.dax_port)
        self.assertEqual(len(steps), 5, steps)

    def test_restart_keeps_attribute_lists(self):
        create_cluster(self.server, 'durable')
        wait_for_port(self.dax_port)
        env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        node = subprocess.Popen(['node', 'dax_restart_scenario.js', 'dax://127.0.0.1:%d' % self.dax_port], cwd=HERE, env=env,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            out = []
            for line in node.stdout:
                out.append(line)
                if line.startswith('restart now'):
                    break
            self.assertEqual(out[-1:], ['restart now\n'], ''.join(out) + node.stderr.read() if node.poll() is not None else ''.join(out))
            self.server.stop()
            self.server.start()  # the same data directory and --dax-port
            wait_for_port(self.dax_port)
            node.stdin.write('go\n')
            node.stdin.flush()
            rest, err = node.communicate(timeout=120)
        finally:
            if node.poll() is None:
                node.kill()
                node.wait()
        self.assertEqual(node.returncode, 0, ''.join(out) + rest + err)
        self.assertIn('all steps passed', rest, ''.join(out) + rest + err)
        self.assertTrue(os.path.exists(os.path.join(self.server.data_dir, 'dax-attribute-lists.jsonl')))

    def test_ports_follow_clusters(self):
        base = self.dax_port
        with socket.socket() as s:  # nothing before a cluster exists
            self.assertNotEqual(s.connect_ex(('127.0.0.1', base)), 0)
        create_cluster(self.server, 'first')
        wait_for_port(base)
        create_cluster(self.server, 'second')
        wait_for_port(base + 1)
        # endpoints: one node, the address dialled (127.0.0.1) and the cluster's port, leader.
        answer = endpoints_of(base + 1)
        self.assertTrue(answer.startswith(b'\x80\x81\xa7'), answer.hex())
        self.assertIn(b'\x02\x44\x7f\x00\x00\x01', answer)
        self.assertIn(b'\x03\x19' + (base + 1).to_bytes(2, 'big'), answer)
        self.assertIn(b'\x04\x01', answer)
        # A deleted cluster's port closes and goes to the next cluster created.
        boto3_client(self.server, 'dax').delete_cluster(ClusterName='first')
        wait_for_port(base, up=False)
        wait_for_port(base + 1)
        create_cluster(self.server, 'third')
        wait_for_port(base)
        # A connection that sends garbage is closed, and the node keeps serving.
        with socket.create_connection(('127.0.0.1', base), timeout=5) as s:
            s.sendall(b'GET / HTTP/1.1\r\n\r\n')
            self.assertEqual(s.recv(100), b'')
        self.assertTrue(endpoints_of(base).startswith(b'\x80\x81'))


class DaxAuthTest(unittest.TestCase):
    """--auth checks DAX connections too: their signature, then each call against the user's policy."""
    USERS = {'Users': [
        {'UserName': 'admin', 'AccessKeyId': 'AKIDADMIN', 'SecretAccessKey': 'admin-secret'},
        {'UserName': 'app', 'AccessKeyId': 'AKIDAPP', 'SecretAccessKey': 'right'},
        {'UserName': 'reader', 'AccessKeyId': 'AKIDREADER', 'SecretAccessKey': 'r',
         'Policy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'dax:GetItem', 'Resource': '*'}]}}]}

    @classmethod
    def setUpClass(cls):
        DaxSdkTest.setUpClass()

    def test_signatures_and_policies(self):
        import boto3
        import json
        with tempfile.NamedTemporaryFile('w', suffix='.json') as users:
            json.dump(self.USERS, users)
            users.flush()
            port = free_ports(1)
            server = Server(in_memory=True, extra_args=['--dax-port', str(port), '--auth', users.name]).start()
            try:
                def client(service):
                    return boto3.client(service, endpoint_url=server.url, region_name='us-east-1', aws_access_key_id='AKIDADMIN',
                                        aws_secret_access_key='admin-secret')
                client('dynamodb').create_table(TableName='Counters', BillingMode='PAY_PER_REQUEST',
                                                AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'N'}],
                                                KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}])
                client('dax').create_cluster(ClusterName='guarded', NodeType='dax.t3.small', ReplicationFactor=1, IamRoleArn=ROLE)
                wait_for_port(port)
                env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
                p = subprocess.run(['node', 'dax_auth_scenario.js', 'dax://127.0.0.1:%d' % port], cwd=HERE, capture_output=True, text=True,
                                   timeout=120, env=env)
                self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
                self.assertIn('all steps passed', p.stdout)
            finally:
                server.cleanup()


class DaxPortFlagTest(unittest.TestCase):
    def test_invalid_port(self):
        p = subprocess.run([dynamodesk.SERVER, '--in-memory', '--port', '0', '--dax-port', '70000'], capture_output=True, text=True, timeout=30)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("Invalid DAX port '70000'", p.stderr)


if __name__ == '__main__':
    unittest.main()
