"""Signature checks and IAM policies with boto3 and the AWS CLI against
dynamodesk-server --auth FILE: the right keys work, a wrong secret is
InvalidSignatureException, an unknown key UnrecognizedClientException, a
user whose policy does not allow an action gets AccessDeniedException with
AWS's text and changes nothing, and the CLI prints the same errors. Without
--auth any key is accepted, as by DynamoDB Local."""
import json
import os
import subprocess
import tempfile
import unittest

import boto3
from botocore.config import Config

from dynamodesk import AWS, Server, aws_env, error_of

USERS = {'Users': [
    {'UserName': 'admin', 'AccessKeyId': 'AKIDADMIN', 'SecretAccessKey': 'admin-secret'},
    {'UserName': 'reader', 'AccessKeyId': 'AKIDREADER', 'SecretAccessKey': 'reader-secret',
     'Policy': {'Version': '2012-10-17', 'Statement': [
         {'Effect': 'Allow', 'Action': ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:DescribeTable',
                                        'dynamodb:ListTables'], 'Resource': '*'},
         {'Effect': 'Deny', 'Action': 'dynamodb:*', 'Resource': 'arn:aws:dynamodb:*:*:table/Secret'}]}},
]}


def client(server, key, secret):
    return boto3.client('dynamodb', endpoint_url=server.url, region_name='us-east-1', aws_access_key_id=key,
                        aws_secret_access_key=secret, config=Config(retries={'max_attempts': 1}))


class AuthTest(unittest.TestCase):
    def setUp(self):
        fd, self.users = tempfile.mkstemp(suffix='.json')
        with os.fdopen(fd, 'w') as f:
            json.dump(USERS, f)
        self.server = Server(extra_args=['--auth', self.users]).start()

    def tearDown(self):
        self.server.cleanup()
        os.unlink(self.users)

    def test_boto3_signatures_and_policies(self):
        admin = client(self.server, 'AKIDADMIN', 'admin-secret')
        for name in ('Orders', 'Secret'):
            admin.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                               AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                               KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
            admin.put_item(TableName=name, Item={'pk': {'S': 'a'}})

        self.assertEqual(error_of(client(self.server, 'AKIDADMIN', 'not-the-secret').list_tables),
                         ('InvalidSignatureException',
                          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access '
                          'Key and signing method. Consult the service documentation for details.'))
        self.assertEqual(error_of(client(self.server, 'AKIDNOBODY', 'x').list_tables),
                         ('UnrecognizedClientException', 'The security token included in the request is invalid.'))

        reader = client(self.server, 'AKIDREADER', 'reader-secret')
        self.assertEqual(reader.get_item(TableName='Orders', Key={'pk': {'S': 'a'}})['Item'], {'pk': {'S': 'a'}})
        self.assertEqual(sorted(reader.list_tables()['TableNames']), ['Orders', 'Secret'])
        self.assertEqual(error_of(reader.put_item, TableName='Orders', Item={'pk': {'S': 'b'}}),
                         ('AccessDeniedException',
                          'User: arn:aws:iam::000000000000:user/reader is not authorized to perform: dynamodb:PutItem on resource: '
                          'arn:aws:dynamodb:us-east-1:000000000000:table/Orders because no identity-based policy allows the '
                          'dynamodb:PutItem action'))
        code, message = error_of(reader.get_item, TableName='Secret', Key={'pk': {'S': 'a'}})
        self.assertEqual(code, 'AccessDeniedException')
        self.assertTrue(message.endswith('with an explicit deny in an identity-based policy'), message)
        self.assertEqual(error_of(reader.delete_table, TableName='Orders')[0], 'AccessDeniedException')
        # Nothing the reader was refused happened.
        self.assertEqual(admin.scan(TableName='Orders')['Count'], 1)
        self.assertEqual(admin.describe_table(TableName='Orders')['Table']['TableStatus'], 'ACTIVE')

    def test_cli_with_keys_from_the_environment(self):
        def cli(key, secret, *args):
            env = aws_env()
            env.update({'AWS_ACCESS_KEY_ID': key, 'AWS_SECRET_ACCESS_KEY': secret})
            p = subprocess.run([AWS, 'dynamodb', *args, '--endpoint-url', self.server.url, '--output', 'json'],
                               capture_output=True, text=True, env=env, timeout=120)
            return p.returncode, p.stdout, p.stderr

        rc, out, err = cli('AKIDADMIN', 'admin-secret', 'list-tables')
        self.assertEqual(rc, 0, err)
        self.assertEqual(json.loads(out)['TableNames'], [])
        rc, _, err = cli('AKIDADMIN', 'wrong', 'list-tables')
        self.assertNotEqual(rc, 0)
        self.assertIn('InvalidSignatureException', err)
        rc, _, err = cli('AKIDREADER', 'reader-secret', 'create-table', '--table-name', 'Nope', '--billing-mode', 'PAY_PER_REQUEST',
                         '--attribute-definitions', 'AttributeName=pk,AttributeType=S', '--key-schema', 'AttributeName=pk,KeyType=HASH')
        self.assertNotEqual(rc, 0)
        self.assertIn('AccessDeniedException', err)
        self.assertIn('is not authorized to perform: dynamodb:CreateTable', err)
        rc, out, _ = cli('AKIDADMIN', 'admin-secret', 'list-tables')
        self.assertEqual(json.loads(out)['TableNames'], [])


class NoAuthTest(unittest.TestCase):
    def test_any_key_is_accepted_without_auth(self):
        with Server(in_memory=True) as server:
            self.assertEqual(client(server, 'anything', 'at all').list_tables()['TableNames'], [])

    def test_a_bad_users_file_stops_the_server(self):
        fd, path = tempfile.mkstemp(suffix='.json')
        with os.fdopen(fd, 'w') as f:
            f.write('{"Users": [{"UserName": "x"}]}')
        try:
            with self.assertRaises(RuntimeError) as ctx:
                Server(in_memory=True, extra_args=['--auth', path]).start()
            self.assertIn('needs a UserName, an AccessKeyId and a SecretAccessKey', str(ctx.exception))
        finally:
            os.unlink(path)


if __name__ == '__main__':
    unittest.main()
