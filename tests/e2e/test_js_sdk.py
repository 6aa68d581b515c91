"""The AWS SDK for JavaScript v3 (the low-level client, the DocumentClient and the
Streams client, from npm, versions pinned in js/package-lock.json) against a
dynamodesk-server on disk: js/sdk_scenario.mjs runs each step and asserts what
real DynamoDB answers. The packages are installed with `npm ci` into
js/node_modules on first use (the npm registry); the SDK needs Node.js 20 or
later, so the test is skipped, saying why, on a machine without one."""
import os
import unittest

from dynamodesk import Server, run_node_scenario


class JsSdkTest(unittest.TestCase):
    def test_scenario(self):
        with Server() as server:
            run_node_scenario(self, 'sdk_scenario.mjs', server.url, os.path.join(server.data_dir, 's3'), steps=15)


if __name__ == '__main__':
    unittest.main()
