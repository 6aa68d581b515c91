"""Small print of the wire protocol, through boto3 with its own validation off
so that each request reaches the server as sent: attribute names must be 1 to
65,535 bytes long; list indexes in document paths have no leading zeros and go
up to 4294967294; tags follow AWS's tagging restrictions (no "aws:" keys, a
limited character set, any letters); a table ARN of another account names no
table; a replayed idempotent TransactWriteItems reports the read capacity of
its items, not their write capacity; stream specifications are checked in AWS's order and words, and a
table whose stream is off shows no StreamSpecification. Every refused request changes nothing."""
import unittest

from dynamodesk import Server, boto3_client, error_of, wait_active


def S(v):
    return {'S': v}


class TestWireRules(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server, validate=False)
        cls.ddb.create_table(TableName='rules', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}])
        wait_active(cls.ddb, 'rules')
        cls.arn = cls.ddb.describe_table(TableName='rules')['Table']['TableArn']

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def scan(self):
        return sorted(self.ddb.scan(TableName='rules')['Items'], key=lambda i: i['id']['S'])

    def test_attribute_names_are_one_to_65535_bytes(self):
        self.ddb.put_item(TableName='rules', Item={'id': S('kept'), 'a': S('1')})
        before = self.scan()
        empty = 'One or more parameter values were invalid: Empty attribute name'
        writes = [
            lambda: self.ddb.put_item(TableName='rules', Item={'id': S('n1'), '': S('1')}),
            lambda: self.ddb.batch_write_item(RequestItems={'rules': [{'PutRequest': {'Item': {'id': S('n2'), '': S('1')}}}]}),
            lambda: self.ddb.transact_write_items(TransactItems=[{'Put': {'TableName': 'rules', 'Item': {'id': S('n3'), '': S('1')}}}]),
            lambda: self.ddb.update_item(TableName='rules', Key={'id': S('kept')}, AttributeUpdates={'': {'Value': S('1')}}),
        ]
        for write in writes:
            self.assertEqual(error_of(write), ('ValidationException', empty))
        self.assertEqual(error_of(self.ddb.put_item, TableName='rules', Item={'id': S('n4'), 'é' * 32768: S('1')}),
                         ('ValidationException', 'One or more parameter values were invalid: Attribute name is too long; '
                                                 'name size: 65536 bytes, maximum: 65535 bytes'))
        self.assertEqual(self.scan(), before)
        # 65,535 bytes are a name; a member of a map may be empty, as in AWS's model.
        self.ddb.put_item(TableName='rules', Item={'id': S('long'), 'x' * 65535: S('1'), 'm': {'M': {'': S('e')}}})
        item = self.ddb.get_item(TableName='rules', Key={'id': S('long')})['Item']
        self.assertIn('x' * 65535, item)
        self.assertEqual(item['m'], {'M': {'': S('e')}})

    def test_list_indexes(self):
        self.ddb.put_item(TableName='rules', Item={'id': S('list'), 'l': {'L': [S('a'), S('b')]}})
        def projection(expr):
            return error_of(self.ddb.get_item, TableName='rules', Key={'id': S('list')}, ProjectionExpression=expr)
        self.assertEqual(projection('l[01]'), ('ValidationException', 'Invalid ProjectionExpression: Syntax error; token: "0", near: "[01"'))
        self.assertEqual(projection('l[4294967295]'),
                         ('ValidationException', 'Invalid ProjectionExpression: List index is not within the allowable range; index: [4294967295]'))
        self.assertEqual(error_of(self.ddb.update_item, TableName='rules', Key={'id': S('list')}, UpdateExpression='REMOVE l[99999999999]'),
                         ('ValidationException', 'Invalid UpdateExpression: List index is not within the allowable range; index: [99999999999]'))
        # Up to 4294967294 is an index: past the end of the list, it reads nothing and SET appends.
        self.assertEqual(self.ddb.get_item(TableName='rules', Key={'id': S('list')}, ProjectionExpression='l[0], l[4294967294]')['Item'],
                         {'l': {'L': [S('a')]}})
        self.ddb.update_item(TableName='rules', Key={'id': S('list')}, UpdateExpression='SET l[4294967294] = :v',
                             ExpressionAttributeValues={':v': S('c')})
        self.assertEqual(self.ddb.get_item(TableName='rules', Key={'id': S('list')})['Item']['l'], {'L': [S('a'), S('b'), S('c')]})

    def tags(self):
        return self.ddb.list_tags_of_resource(ResourceArn=self.arn)['Tags']

    def test_tag_rules(self):
        self.ddb.tag_resource(ResourceArn=self.arn, Tags=[{'Key': 'team', 'Value': 'a b+c-d=e.f_g:h/i@j'},
                                                          {'Key': 'законные буквы', 'Value': 'ѮѮ 1'}])
        before = self.tags()
        self.assertEqual(len(before), 2)
        for key, value, message in [
                ('aws:owner', 'x', 'Tag keys starting with aws: are reserved for AWS; key: aws:owner'),
                ('AWS:owner', 'x', 'Tag keys starting with aws: are reserved for AWS; key: AWS:owner'),
                ('bad!key', 'x', 'Tag key bad!key has characters that tags cannot have'),
                ('ok', '#!%^$&', 'Tag value #!%^$& has characters that tags cannot have')]:
            code, msg = error_of(self.ddb.tag_resource, ResourceArn=self.arn, Tags=[{'Key': 'fine', 'Value': '1'}, {'Key': key, 'Value': value}])
            self.assertEqual(code, 'ValidationException')
            self.assertTrue(msg.startswith('One or more parameter values were invalid: ' + message), msg)
        self.assertEqual(self.tags(), before)
        # CreateTable holds its Tags to the same rules, and creates no table.
        code, msg = error_of(self.ddb.create_table, TableName='tagged', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], Tags=[{'Key': 'aws:x', 'Value': '1'}])
        self.assertEqual(code, 'ValidationException')
        self.assertNotIn('tagged', self.ddb.list_tables()['TableNames'])

    def test_arn_of_another_account(self):
        foreign = self.arn.replace(':000000000000:', ':123456789012:')
        self.assertNotEqual(foreign, self.arn)
        for call in [lambda: self.ddb.list_tags_of_resource(ResourceArn=foreign),
                     lambda: self.ddb.tag_resource(ResourceArn=foreign, Tags=[{'Key': 'k', 'Value': 'v'}]),
                     lambda: self.ddb.untag_resource(ResourceArn=foreign, TagKeys=['team'])]:
            self.assertEqual(error_of(call)[0], 'ResourceNotFoundException')

    def test_stream_specification_rules(self):
        """UpdateTable's and CreateTable's stream rules in AWS's order and words (ack-api-quirks DDB-TABLE-050, -442)."""
        self.ddb.create_table(TableName='streamed', BillingMode='PAY_PER_REQUEST',
                              AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                              KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}],
                              StreamSpecification={'StreamEnabled': True, 'StreamViewType': 'KEYS_ONLY'})
        wait_active(self.ddb, 'streamed')
        invalid = 'One or more parameter values were invalid: '
        def update(spec):
            return error_of(self.ddb.update_table, TableName='streamed', StreamSpecification=spec)
        self.assertEqual(update({'StreamEnabled': True}), ('ValidationException', invalid + 'If stream is being enabled then UpdateViewType is required'))
        self.assertEqual(update({'StreamEnabled': False, 'StreamViewType': 'KEYS_ONLY'}),
                         ('ValidationException', invalid + 'If stream is being disabled, then UpdateViewType must not be specified'))
        self.assertEqual(update({'StreamEnabled': True, 'StreamViewType': 'NEW_IMAGE'}),
                         ('ValidationException', 'Table already has an enabled stream: TableName: streamed'))
        before = self.ddb.describe_table(TableName='streamed')['Table']
        self.assertEqual(before['StreamSpecification'], {'StreamEnabled': True, 'StreamViewType': 'KEYS_ONLY'})
        # Turned off, the table shows no StreamSpecification, and still names its latest stream.
        self.ddb.update_table(TableName='streamed', StreamSpecification={'StreamEnabled': False})
        after = self.ddb.describe_table(TableName='streamed')['Table']
        self.assertNotIn('StreamSpecification', after)
        self.assertEqual(after['LatestStreamArn'], before['LatestStreamArn'])
        self.assertEqual(update({'StreamEnabled': False}), ('ValidationException', 'Table has no stream to disable: TableName: streamed'))
        for spec, message in [({'StreamEnabled': True}, 'Table is being created with a stream enabled, UpdateViewType is required'),
                              ({'StreamEnabled': False, 'StreamViewType': 'KEYS_ONLY'},
                               'Table is being created with a stream disabled, UpdateViewType should not be specified')]:
            self.assertEqual(error_of(self.ddb.create_table, TableName='streamed2', BillingMode='PAY_PER_REQUEST',
                                      AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                                      KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], StreamSpecification=spec),
                             ('ValidationException', invalid + message))

    def test_replayed_transaction_reports_read_capacity(self):
        item = {'id': S('big'), 'data': S('x' * 5000)}
        def write():
            return self.ddb.transact_write_items(TransactItems=[{'Put': {'TableName': 'rules', 'Item': item}}],
                                                 ClientRequestToken='replay-token-1', ReturnConsumedCapacity='TOTAL')
        first = write()['ConsumedCapacity'][0]
        # 5 KB: 5 write units, doubled in a transaction; the replay reads it, 2 strongly consistent read units, doubled.
        self.assertEqual(first['CapacityUnits'], 10.0)
        self.assertEqual(write()['ConsumedCapacity'][0]['CapacityUnits'], 4.0)


if __name__ == '__main__':
    unittest.main()
