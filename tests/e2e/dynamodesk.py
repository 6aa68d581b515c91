"""Starts and stops a real dynamodesk-server for end-to-end tests.

The server binds 127.0.0.1 on a free port (--port 0) and prints the port on
its first line; tests talk to it with the real AWS CLI v2 (/usr/bin/aws) and
boto3, never with a stand-in."""
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time

SERVER = os.environ.get('DYNAMODESK_SERVER') or os.path.join(
    os.path.dirname(__file__), '..', '..', 'build', 'bin', 'dynamodesk-server')
AWS = '/usr/bin/aws'


class Server:
    """A dynamodesk-server process. Use as a context manager or call start()/stop()."""

    def __init__(self, data_dir=None, in_memory=False, extra_args=()):
        self.owns_dir = data_dir is None and not in_memory
        self.data_dir = data_dir or (None if in_memory else tempfile.mkdtemp(prefix='dynamodesk-e2e-'))
        self.in_memory = in_memory
        self.extra_args = list(extra_args)
        self.proc = None
        self.port = None

    def start(self):
        args = [SERVER, '--port', '0']
        args += ['--in-memory'] if self.in_memory else ['--db-path', self.data_dir]
        self.proc = subprocess.Popen(args + self.extra_args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True)
        line = self.proc.stdout.readline()
        m = re.search(r'http://127\.0\.0\.1:(\d+)', line)
        if not m:
            err = self.proc.stderr.read()
            raise RuntimeError('server did not start: %r %r' % (line, err))
        self.port = int(m.group(1))
        return self

    @property
    def url(self):
        return 'http://127.0.0.1:%d' % self.port

    def rss_mb(self):
        """The running server's resident memory (VmRSS) in MB."""
        with open('/proc/%d/status' % self.proc.pid) as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) / 1024.0
        return float('nan')

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc:
            self.proc.stdout.close()
            self.proc.stderr.close()
        self.proc = None

    def kill9(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
        self.proc = None

    def cleanup(self):
        self.stop()
        if self.owns_dir and self.data_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.cleanup()


def aws_env():
    env = dict(os.environ)
    env.update({
        'AWS_ACCESS_KEY_ID': 'AKIDEXAMPLE',
        'AWS_SECRET_ACCESS_KEY': 'secret',
        'AWS_DEFAULT_REGION': 'us-east-1',
        'AWS_PAGER': '',
        'AWS_EC2_METADATA_DISABLED': 'true',
        'AWS_CONFIG_FILE': os.devnull,
        'AWS_SHARED_CREDENTIALS_FILE': os.devnull,
    })
    return env


def aws(server, *args, check=True, cwd=None):
    """Runs `/usr/bin/aws dynamodb ARGS --endpoint-url URL`; returns (returncode, stdout, stderr)."""
    cmd = [AWS, *args, '--endpoint-url', server.url, '--output', 'json']
    p = subprocess.run(cmd, capture_output=True, text=True, env=aws_env(), cwd=cwd, timeout=120)
    if check and p.returncode != 0:
        raise AssertionError('aws %s failed (%d): %s' % (' '.join(args), p.returncode, p.stderr))
    return p.returncode, p.stdout, p.stderr


def aws_json(server, *args, cwd=None):
    _, out, _ = aws(server, *args, cwd=cwd)
    return json.loads(out) if out.strip() else {}


def error_of(call, *args, **kwargs):
    """The (code, message) of the ClientError that call(*args, **kwargs) raises; fails if it raises none."""
    from botocore.exceptions import ClientError
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response['Error']['Code'], e.response['Error']['Message']
    raise AssertionError('expected a ClientError')


def boto3_client(server, service='dynamodb', region='us-east-1', validate=True):
    """A boto3 client for the server; validate=False lets invalid requests reach it."""
    import boto3
    from botocore.config import Config
    return boto3.client(service, endpoint_url=server.url, region_name=region,
                        aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret',
                        config=Config(retries={'max_attempts': 1}, parameter_validation=validate))


TARGET_PREFIXES = {'Streams': 'DynamoDBStreams_20120810.', 'Dynamodesk': 'Dynamodesk_20261101.'}


def raw_request(operation, body, region='us-east-1'):
    """The bytes of one HTTP/1.1 request for `operation` ("PutItem", "Streams.ListStreams",
    "Dynamodesk.ListTriggers") whose SigV4 credential scope names `region` (the signature is not
    checked)."""
    service, _, op = operation.rpartition('.')
    target = TARGET_PREFIXES.get(service, 'DynamoDB_20120810.') + op
    payload = json.dumps(body).encode()
    head = ('POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-amz-json-1.0\r\n'
            'X-Amz-Target: %s\r\nX-Amz-Date: 20261124T000000Z\r\n'
            'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261124/%s/dynamodb/aws4_request, '
            'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=%s\r\n'
            'Content-Length: %d\r\n\r\n' % (target, region, '0' * 64, len(payload)))
    return head.encode() + payload


class RawConnection:
    """One keep-alive connection that sends requests pipelined (all bytes at once) and reads
    their answers in order as (status, parsed JSON body)."""

    def __init__(self, server, timeout=120):
        import socket
        self.sock = socket.create_connection(('127.0.0.1', server.port), timeout=timeout)
        self.buf = b''

    def send(self, requests):
        self.sock.sendall(b''.join(requests))

    def _fill(self):
        data = self.sock.recv(65536)
        if not data:
            raise ConnectionError('server closed the connection')
        self.buf += data

    def read(self):
        while b'\r\n\r\n' not in self.buf:
            self._fill()
        head, self.buf = self.buf.split(b'\r\n\r\n', 1)
        lines = head.decode('latin-1').split('\r\n')
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(':')
            if name.strip().lower() == 'content-length':
                length = int(value.strip())
        while len(self.buf) < length:
            self._fill()
        body, self.buf = self.buf[:length], self.buf[length:]
        return status, (json.loads(body) if body.strip().startswith(b'{') else body)

    def close(self):
        self.sock.close()


def bulk_put(server, table, items):
    """Puts `items` with BatchWriteItem, 25 a request, 100 requests pipelined on one connection."""
    conn = RawConnection(server)
    requests = [raw_request('BatchWriteItem', {'RequestItems': {table: [{'PutRequest': {'Item': i}} for i in items[b:b + 25]]}})
                for b in range(0, len(items), 25)]
    for c in range(0, len(requests), 100):
        conn.send(requests[c:c + 100])
        for _ in requests[c:c + 100]:
            status, body = conn.read()
            assert status == 200 and body['UnprocessedItems'] == {}, body
    conn.close()


def wait_active(ddb, name, timeout=15):
    """Waits until table `name` is ACTIVE (DescribeTable's errors, such as
    ResourceNotFoundException for a table that is gone, propagate)."""
    deadline = time.time() + timeout
    while ddb.describe_table(TableName=name)['Table']['TableStatus'] != 'ACTIVE':
        if time.time() > deadline:
            raise AssertionError('%s never became ACTIVE' % name)
        time.sleep(0.05)


def wait_available(ddb, arn, timeout=15):
    """Waits until backup `arn` is AVAILABLE."""
    deadline = time.time() + timeout
    while ddb.describe_backup(BackupArn=arn)['BackupDescription']['BackupDetails']['BackupStatus'] != 'AVAILABLE':
        if time.time() > deadline:
            raise AssertionError('backup never became AVAILABLE')
        time.sleep(0.05)


def node_major():
    """The major version of the `node` on the PATH; 0 without one."""
    node = shutil.which('node')
    if not node:
        return 0
    out = subprocess.run([node, '--version'], capture_output=True, text=True).stdout.strip()  # "v20.20.2"
    try:
        return int(out.lstrip('v').split('.')[0])
    except ValueError:
        return 0


def npm_packages(folder, min_node, why):
    """Installs the npm packages pinned in folder/package-lock.json into folder/node_modules with `npm ci`
    when that is missing or older than the lock file. Raises unittest.SkipTest (saying `why`) without Node.js
    `min_node` or later and npm, AssertionError if npm ci fails."""
    import unittest
    if node_major() < min_node or not shutil.which('npm'):
        raise unittest.SkipTest(why)
    import fcntl
    import hashlib
    lock = os.path.join(folder, 'package-lock.json')
    # Written once `npm ci` succeeded: npm's own .package-lock.json appears before it has finished.
    stamp = os.path.join(folder, 'node_modules', '.dynamodesk-npm-ci')
    # Tests that CTest runs side by side share the folder: one `npm ci` at a time (two at once removed each
    # other's files: ENOTEMPTY, then packages missing), and the later ones find it done.
    lock_path = os.path.join(tempfile.gettempdir(), 'dynamodesk-npm-%s.lock' % hashlib.sha1(folder.encode()).hexdigest()[:12])
    with open(lock_path, 'w') as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(lock):
            p = subprocess.run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=folder, capture_output=True, text=True, timeout=300)
            if p.returncode != 0:
                raise AssertionError('npm ci failed: %s' % p.stderr)
            with open(stamp, 'w') as f:
                f.write('npm ci of %s\n' % lock)


JS_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'js')


def run_node_scenario(test, script, *args, steps):
    """Runs js/`script` (a scenario of the AWS SDK for JavaScript v3, js/steps.mjs) with `args` and checks, on
    unittest.TestCase `test`, that it passed all its `steps` steps. The npm packages are installed first
    (npm_packages); without Node.js 20 the test is skipped, saying why."""
    npm_packages(JS_DIR, 20, 'the AWS SDK for JavaScript v3 needs Node.js 20 or later and npm')
    env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
    p = subprocess.run(['node', script, *args], cwd=JS_DIR, capture_output=True, text=True, timeout=300, env=env)
    test.assertEqual(p.returncode, 0, p.stdout + p.stderr)
    done = [line for line in p.stdout.splitlines() if line.startswith('ok ')]
    test.assertEqual(len(done), steps, p.stdout)
    test.assertIn('all steps passed', p.stdout)
