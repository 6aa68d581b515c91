"""The AWS SDK for JavaScript v3 (the low-level client, the DocumentClient and the
Streams client, from npm, versions pinned in js/package-lock.json) against a
dynamodesk-server on disk: js/sdk_scenario.mjs runs each step and asserts what
real DynamoDB answers. The packages are installed with `npm ci` into
js/node_modules on first use (the npm registry); the SDK needs Node.js 20 or
later, so the test is skipped, saying why, on a machine without one."""
import os
import subprocess
import unittest

from dynamodesk import Server, npm_packages

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'js')


class JsSdkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        npm_packages(HERE, 20, 'the AWS SDK for JavaScript v3 needs Node.js 20 or later and npm')

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
