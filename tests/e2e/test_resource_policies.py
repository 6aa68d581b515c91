"""Resource-based policies and fine-grained access control end to end, with
the AWS SDK for JavaScript v3 (js/resource_policy.mjs: Debian's boto3 and
AWS CLI predate PutResourcePolicy) against dynamodesk-server --auth USERS:
policies put, read back and deleted with AWS's answers, enforced together
with each user's identity-based policy, a stream's own policy, the
self-lockout check, and a user confined to her own partition and attributes
by dynamodb:LeadingKeys and dynamodb:Attributes. Also boto3 against the
same server: the conditions of identity-based policies, from the caller's
address (aws:SourceIp)."""
import json
import os
import tempfile
import unittest

import boto3
from botocore.config import Config

from dynamodesk import Server, error_of, run_node_scenario

USERS = {'Users': [
    {'UserName': 'admin', 'AccessKeyId': 'AKIDADMIN', 'SecretAccessKey': 'admin-secret'},
    {'UserName': 'bob', 'AccessKeyId': 'AKIDBOB', 'SecretAccessKey': 'bob-secret',
     'Policy': {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'dynamodb:ListTables', 'Resource': '*'}]}},
    {'UserName': 'alice', 'AccessKeyId': 'AKIDALICE', 'SecretAccessKey': 'alice-secret',
     'Policy': {'Version': '2012-10-17', 'Statement': [
         {'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query', 'dynamodb:Scan'],
          'Resource': 'arn:aws:dynamodb:*:*:table/Orders',
          'Condition': {'ForAllValues:StringEquals': {'dynamodb:LeadingKeys': ['${aws:username}'],
                                                      'dynamodb:Attributes': ['pk', 'sk', 'note']},
                        'StringEqualsIfExists': {'dynamodb:Select': 'SPECIFIC_ATTRIBUTES'}}}]}},
    {'UserName': 'office', 'AccessKeyId': 'AKIDOFFICE', 'SecretAccessKey': 'office-secret',
     'Policy': {'Version': '2012-10-17', 'Statement': [
         {'Effect': 'Allow', 'Action': 'dynamodb:ListTables', 'Resource': '*', 'Condition': {'IpAddress': {'aws:SourceIp': '127.0.0.0/8'}}},
         {'Effect': 'Allow', 'Action': 'dynamodb:DescribeLimits', 'Resource': '*',
          'Condition': {'NotIpAddress': {'aws:SourceIp': '127.0.0.0/8'}}}]}},
]}


class ResourcePoliciesTest(unittest.TestCase):
    def setUp(self):
        fd, self.users = tempfile.mkstemp(suffix='.json')
        with os.fdopen(fd, 'w') as f:
            json.dump(USERS, f)
        self.server = Server(extra_args=['--auth', self.users]).start()

    def tearDown(self):
        self.server.cleanup()
        os.unlink(self.users)

    def test_js_sdk_scenario(self):
        run_node_scenario(self, 'resource_policy.mjs', self.server.url, steps=9)

    def test_boto3_source_ip_condition(self):
        office = boto3.client('dynamodb', endpoint_url=self.server.url, region_name='us-east-1', aws_access_key_id='AKIDOFFICE',
                              aws_secret_access_key='office-secret', config=Config(retries={'max_attempts': 1}))
        self.assertEqual(office.list_tables()['TableNames'], [])
        code, message = error_of(office.describe_limits)
        self.assertEqual(code, 'AccessDeniedException')
        self.assertEqual(message, 'User: arn:aws:iam::000000000000:user/office is not authorized to perform: dynamodb:DescribeLimits on '
                                  'resource: * because no identity-based policy allows the dynamodb:DescribeLimits action')


if __name__ == '__main__':
    unittest.main()
