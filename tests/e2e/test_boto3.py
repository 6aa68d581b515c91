"""A boto3 application scenario against dynamodesk-server: the control plane,
every attribute type round-tripped exactly, conditional writes, ReturnValues,
consumed capacity arithmetic, DynamoDB's errors, and an in-memory server."""
import decimal
import unittest

from dynamodesk import Server, boto3_client, error_of


class Boto3Test(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.ddb = boto3_client(cls.server)
        cls.ddb.create_table(TableName='Orders',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                   {'AttributeName': 'sk', 'AttributeType': 'N'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                        {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                             BillingMode='PAY_PER_REQUEST')

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_waiter_and_describe(self):
        self.ddb.get_waiter('table_exists').wait(TableName='Orders', WaiterConfig={'Delay': 1, 'MaxAttempts': 5})
        t = self.ddb.describe_table(TableName='Orders')['Table']
        self.assertEqual(t['BillingModeSummary']['BillingMode'], 'PAY_PER_REQUEST')
        self.assertEqual(t['ProvisionedThroughput']['ReadCapacityUnits'], 0)

    def test_every_type_round_trips(self):
        item = {
            'pk': {'S': 'types'}, 'sk': {'N': '1'},
            's': {'S': 'héllo 🌍'}, 'empty': {'S': ''}, 'n': {'N': '-01.50'}, 'big': {'N': '1' + '0' * 37},
            'tiny': {'N': '1E-130'}, 'b': {'B': b'\x00\x01\xff'}, 't': {'BOOL': True}, 'nul': {'NULL': True},
            'm': {'M': {'a': {'L': [{'N': '1'}, {'S': 'x'}, {'M': {}}]}}}, 'l': {'L': []},
            'ss': {'SS': ['b', 'a']}, 'ns': {'NS': ['3', '1.0', '2']}, 'bs': {'BS': [b'x', b'y']},
        }
        self.ddb.put_item(TableName='Orders', Item=item)
        got = self.ddb.get_item(TableName='Orders', Key={'pk': {'S': 'types'}, 'sk': {'N': '1.0'}},
                                ConsistentRead=True)['Item']
        self.assertEqual(got['n'], {'N': '-1.5'})
        self.assertEqual(got['big'], {'N': '1' + '0' * 37})
        self.assertEqual(got['b'], {'B': b'\x00\x01\xff'})
        self.assertEqual(sorted(got['ss']['SS']), ['a', 'b'])
        self.assertEqual(sorted(got['ns']['NS'], key=decimal.Decimal), ['1', '2', '3'])
        self.assertEqual(got['m'], item['m'])
        self.assertEqual(got['s'], item['s'])
        self.assertEqual(got['empty'], {'S': ''})
        self.assertEqual(got['nul'], {'NULL': True})

    def test_conditions_and_return_values(self):
        key = {'pk': {'S': 'acct'}, 'sk': {'N': '7'}}
        self.ddb.put_item(TableName='Orders', Item={**key, 'balance': {'N': '100'}},
                          ConditionExpression='attribute_not_exists(pk)')
        code, msg = error_of(self.ddb.put_item, TableName='Orders', Item={**key, 'balance': {'N': '0'}},
                             ConditionExpression='attribute_not_exists(pk)')
        self.assertEqual((code, msg), ('ConditionalCheckFailedException', 'The conditional request failed'))
        out = self.ddb.update_item(TableName='Orders', Key=key,
                                   UpdateExpression='SET balance = balance - :amt',
                                   ConditionExpression='balance >= :amt',
                                   ExpressionAttributeValues={':amt': {'N': '30.5'}},
                                   ReturnValues='UPDATED_NEW', ReturnConsumedCapacity='INDEXES')
        self.assertEqual(out['Attributes'], {'balance': {'N': '69.5'}})
        self.assertEqual(out['ConsumedCapacity'], {'TableName': 'Orders', 'CapacityUnits': 1.0,
                                                   'Table': {'CapacityUnits': 1.0}})
        out = self.ddb.update_item(TableName='Orders', Key=key, UpdateExpression='REMOVE balance',
                                   ReturnValues='UPDATED_OLD')
        self.assertEqual(out['Attributes'], {'balance': {'N': '69.5'}})

    def test_capacity_arithmetic(self):
        key = {'pk': {'S': 'cap'}, 'sk': {'N': '1'}}
        # 9000 bytes of value: reads 3 units of 4 KB, writes 9 units of 1 KB.
        self.ddb.put_item(TableName='Orders', Item={**key, 'data': {'S': 'x' * 9000}})
        def read(consistent):
            return self.ddb.get_item(TableName='Orders', Key=key, ConsistentRead=consistent,
                                     ReturnConsumedCapacity='TOTAL')['ConsumedCapacity']['CapacityUnits']
        self.assertEqual(read(True), 3.0)
        self.assertEqual(read(False), 1.5)
        out = self.ddb.put_item(TableName='Orders', Item={**key, 'data': {'S': 'y'}}, ReturnConsumedCapacity='TOTAL')
        self.assertEqual(out['ConsumedCapacity']['CapacityUnits'], 9.0)  # the larger of old and new
        out = self.ddb.get_item(TableName='Orders', Key={'pk': {'S': 'none'}, 'sk': {'N': '0'}},
                                ReturnConsumedCapacity='TOTAL')
        self.assertNotIn('Item', out)
        self.assertEqual(out['ConsumedCapacity']['CapacityUnits'], 0.5)

    def test_validation_errors_change_nothing(self):
        key = {'pk': {'S': 'v'}, 'sk': {'N': '1'}}
        cases = [
            ({'Item': {**key, 'x': {'N': '1e126'}}},
             'Number overflow. Attempting to store a number with magnitude larger than supported range'),
            ({'Item': {**key, 'x': {'N': '1' * 39}}}, 'Attempting to store more than 38 significant digits in a Number'),
            ({'Item': {**key, 'x': {'SS': []}}}, 'One or more parameter values were invalid: An string set  may not be empty'),
            ({'Item': {**key, 'x': {'SS': ['a', 'a']}}}, 'One or more parameter values were invalid: Input collection [a, a] contains duplicates.'),
            ({'Item': {**key, 'x': {}}}, 'Supplied AttributeValue is empty, must contain exactly one of the supported datatypes'),
            ({'Item': {'pk': {'S': ''}, 'sk': {'N': '1'}}}, 'The AttributeValue for a key attribute cannot contain an empty string value. Key: pk'),
            ({'Item': {'pk': {'N': '1'}, 'sk': {'N': '1'}}}, 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N'),
            ({'Item': {'pk': {'S': 'x' * 2049}, 'sk': {'N': '1'}}}, 'Size of hashkey has exceeded the maximum size limit of2048 bytes'),
            ({'Item': {**key, 'x': {'S': 'x' * (400 * 1024)}}}, 'Item size has exceeded the maximum allowed size'),
            ({'Item': key, 'ReturnValues': 'ALL_NEW'}, 'ReturnValues can only be ALL_OLD or NONE'),
            ({'Item': key, 'ConditionExpression': 'a = :v', 'ExpressionAttributeValues': {':v': {'S': 'a'}, ':w': {'S': 'b'}}},
             'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}'),
        ]
        for params, message in cases:
            with self.subTest(message=message):
                code, msg = error_of(self.ddb.put_item, TableName='Orders', **params)
                self.assertEqual(code, 'ValidationException')
                self.assertIn(message, msg)
        self.assertNotIn('Item', self.ddb.get_item(TableName='Orders', Key=key))
        code, msg = error_of(self.ddb.get_item, TableName='Missing', Key=key)
        self.assertEqual((code, msg), ('ResourceNotFoundException', 'Requested resource not found'))
        code, msg = error_of(self.ddb.update_item, TableName='Orders', Key=key, UpdateExpression='SET pk = :v',
                             ExpressionAttributeValues={':v': {'S': 'z'}})
        self.assertEqual(msg, 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key')

    def test_list_tables_pagination(self):
        for i in range(5):
            self.ddb.create_table(TableName='page%02d' % i,
                                  AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                                  KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        first = self.ddb.list_tables(ExclusiveStartTableName='page', Limit=2)
        self.assertEqual(first['TableNames'], ['page00', 'page01'])
        self.assertEqual(first['LastEvaluatedTableName'], 'page01')
        rest = self.ddb.list_tables(ExclusiveStartTableName='page01', Limit=10)
        self.assertEqual(rest['TableNames'][:3], ['page02', 'page03', 'page04'])
        raw = boto3_client(self.server, validate=False)
        code, msg = error_of(raw.list_tables, Limit=0)
        self.assertEqual(code, 'ValidationException')
        self.assertIn("Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1", msg)


class InMemoryTest(unittest.TestCase):
    def test_in_memory_server_keeps_nothing(self):
        with Server(in_memory=True) as server:
            ddb = boto3_client(server)
            ddb.create_table(TableName='mem', AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'B'}],
                             KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
            ddb.put_item(TableName='mem', Item={'k': {'B': b'\x01'}})
            self.assertEqual(ddb.get_item(TableName='mem', Key={'k': {'B': b'\x01'}})['Item'], {'k': {'B': b'\x01'}})
        with Server(in_memory=True) as server:
            self.assertEqual(boto3_client(server).list_tables()['TableNames'], [])

    def test_regions_are_separate_databases(self):
        with Server(in_memory=True) as server:
            east, west = boto3_client(server, region='us-east-1'), boto3_client(server, region='eu-west-1')
            east.create_table(TableName='only-east', AttributeDefinitions=[{'AttributeName': 'k', 'AttributeType': 'S'}],
                              KeySchema=[{'AttributeName': 'k', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
            self.assertEqual(east.list_tables()['TableNames'], ['only-east'])
            self.assertEqual(west.list_tables()['TableNames'], [])
            arn = east.describe_table(TableName='only-east')['Table']['TableArn']
            self.assertEqual(arn, 'arn:aws:dynamodb:us-east-1:000000000000:table/only-east')


if __name__ == '__main__':
    unittest.main()
