"""Multi-attribute keys of global secondary indexes end to end, with the AWS
SDK for JavaScript v3 (js/multiattribute.mjs; Debian's boto3 may check a
KeySchema of more than two elements itself) against dynamodesk-server:
CreateTable and UpdateTable with such a GSI, DescribeTable, sparse entries,
Query in tuple order with the left-to-right rule and DynamoDB's message for
a gap, pages, and backfill."""
import os
import subprocess
import unittest

from dynamodesk import Server, npm_packages

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'js')


class MultiAttributeKeysTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()

    def tearDown(self):
        self.server.cleanup()

    def test_js_sdk_scenario(self):
        npm_packages(HERE, 20, 'the AWS SDK for JavaScript v3 needs Node.js 20 or later and npm')
        env = dict(os.environ, NODE_NO_WARNINGS='1', AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull)
        p = subprocess.run(['node', 'multiattribute.mjs', self.server.url], cwd=HERE, capture_output=True, text=True, timeout=300, env=env)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        steps = [line for line in p.stdout.splitlines() if line.startswith('ok ')]
        self.assertEqual(len(steps), 6, p.stdout)
        self.assertIn('all steps passed', p.stdout)


if __name__ == '__main__':
    unittest.main()
