"""Multi-attribute keys of global secondary indexes end to end, with the AWS
SDK for JavaScript v3 (js/multiattribute.mjs; Debian's boto3 may check a
KeySchema of more than two elements itself) against dynamodesk-server:
CreateTable and UpdateTable with such a GSI, DescribeTable, sparse entries,
Query in tuple order with the left-to-right rule and DynamoDB's message for
a gap, pages, and backfill."""
import unittest

from dynamodesk import Server, run_node_scenario


class MultiAttributeKeysTest(unittest.TestCase):
    def test_js_sdk_scenario(self):
        with Server() as server:
            run_node_scenario(self, 'multiattribute.mjs', server.url, steps=6)


if __name__ == '__main__':
    unittest.main()
