"""The AWS SDK for JavaScript v3 (the low-level client, the DocumentClient and the
Streams client, from npm, versions pinned in js/package-lock.json) against a
dynamodesk-server on disk: js/sdk_scenario.mjs runs each step and asserts what
real DynamoDB answers. The packages are installed with `npm ci` into
js/node_modules on first use (the npm registry); the SDK needs Node.js 20 or
later, so the test is skipped, saying why, on a machine without one."""
import os
import shutil
import subprocess
import unittest

from dynamodesk import Server

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'js')


def node_major():
    node = shutil.which('node')
    if not node:
        return 0
    out = subprocess.run([node, '--version'], capture_output=True, text=True).stdout.strip()  # "v20.20.2"
    try:
        return int(out.lstrip('v').split('.')[0])
    except ValueError:
        return 0


class JsSdkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if node_major() < 20 or not shutil.which('npm'):
            raise unittest.SkipTest('the AWS SDK for JavaScript v3 needs Node.js 20 or later and npm')
        lock = os.path.join(HERE, 'package-lock.json')
        stamp = os.path.join(HERE, 'node_modules', '.package-lock.json')
        if not os.path.exists(stamp) or os.path.getmtime(stamp) < os.path.getmtime(lock):
            p = subprocess.run(['npm', 'ci', '--no-audit', '--no-fund'], cwd=HERE, capture_output=True, text=True, timeout=300)
            if p.returncode != 0:
                raise AssertionError('npm ci failed: %s' % p.stderr)

    def test_scenario(self):
        with Server() as server:
            env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
            p = subprocess.run(['node', 'sdk_scenario.mjs', server.url, os.path.join(server.data_dir, 's3')], cwd=HERE, capture_output=True, text=True,
                               timeout=300, env=env)
            self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
            steps = [line for line in p.stdout.splitlines() if line.startswith('ok ')]
            self.assertEqual(len(steps), 15, p.stdout)
            self.assertIn('all steps passed', p.stdout)


if __name__ == '__main__':
    unittest.main()
