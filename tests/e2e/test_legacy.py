"""DynamoDB's legacy parameters, which older SDKs and scripts still send:
Expected (Value/Exists and every ComparisonOperator) with ConditionalOperator
on PutItem, DeleteItem and UpdateItem; AttributeUpdates (PUT, ADD, DELETE);
KeyConditions; QueryFilter and ScanFilter. Each operator is checked on
matching and non-matching items, and the legacy error messages are AWS's."""
import unittest

from dynamodesk import Server, boto3_client, error_of


ITEM = {'pk': {'S': 'k'}, 's': {'S': 'hello'}, 'n': {'N': '5'}, 'b': {'B': b'\x01\x02'},
        'ss': {'SS': ['a', 'b']}, 'ns': {'NS': ['1', '2']}, 'l': {'L': [{'S': 'x'}, {'N': '3'}]}, 't': {'BOOL': True}}

# (attribute, operator, values, holds on ITEM)
OPERATORS = [
    ('s', 'EQ', [{'S': 'hello'}], True), ('s', 'EQ', [{'S': 'other'}], False), ('n', 'EQ', [{'N': '5.0'}], True),
    ('ss', 'EQ', [{'SS': ['b', 'a']}], True), ('missing', 'EQ', [{'S': 'x'}], False),
    ('s', 'NE', [{'S': 'other'}], True), ('s', 'NE', [{'S': 'hello'}], False), ('missing', 'NE', [{'S': 'x'}], True),
    ('n', 'LT', [{'N': '6'}], True), ('n', 'LT', [{'N': '5'}], False), ('n', 'LE', [{'N': '5'}], True),
    ('n', 'GT', [{'N': '4.99'}], True), ('n', 'GT', [{'N': '5'}], False), ('n', 'GE', [{'N': '5'}], True),
    ('s', 'GT', [{'S': 'hell'}], True), ('b', 'LT', [{'B': b'\x01\x03'}], True), ('s', 'LT', [{'N': '1'}], False),
    ('s', 'NOT_NULL', [], True), ('missing', 'NOT_NULL', [], False), ('missing', 'NULL', [], True), ('s', 'NULL', [], False),
    ('s', 'CONTAINS', [{'S': 'ell'}], True), ('ss', 'CONTAINS', [{'S': 'a'}], True), ('ns', 'CONTAINS', [{'N': '3'}], False),
    ('l', 'CONTAINS', [{'S': 'x'}], True), ('b', 'CONTAINS', [{'B': b'\x02'}], True),
    ('s', 'NOT_CONTAINS', [{'S': 'z'}], True), ('ss', 'NOT_CONTAINS', [{'S': 'a'}], False),
    ('s', 'BEGINS_WITH', [{'S': 'he'}], True), ('s', 'BEGINS_WITH', [{'S': 'lo'}], False), ('b', 'BEGINS_WITH', [{'B': b'\x01'}], True),
    ('n', 'IN', [{'N': '1'}, {'N': '5'}], True), ('n', 'IN', [{'N': '1'}, {'N': '2'}], False),
    ('n', 'BETWEEN', [{'N': '5'}, {'N': '9'}], True), ('n', 'BETWEEN', [{'N': '6'}, {'N': '9'}], False),
    ('s', 'BETWEEN', [{'S': 'a'}, {'S': 'z'}], True),
]


class LegacyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.raw = boto3_client(cls.server, validate=False)
        cls.ddb.create_table(TableName='Legacy', AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        cls.ddb.create_table(TableName='Ranged', AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                                       {'AttributeName': 'sk', 'AttributeType': 'N'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                             BillingMode='PAY_PER_REQUEST')
        for i in range(20):
            cls.ddb.put_item(TableName='Ranged', Item={'pk': {'S': 'r'}, 'sk': {'N': str(i)}, 'odd': {'BOOL': i % 2 == 1},
                                                       'n': {'N': str(i * 10)}})

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_expected_every_operator(self):
        self.ddb.put_item(TableName='Legacy', Item=ITEM)
        for attr, op, values, holds in OPERATORS:
            with self.subTest(attr=attr, op=op, values=values):
                cond = {attr: {'ComparisonOperator': op, 'AttributeValueList': values}} if values else \
                    {attr: {'ComparisonOperator': op}}
                call = lambda: self.ddb.put_item(TableName='Legacy', Item=ITEM, Expected=cond)
                if holds:
                    call()
                else:
                    self.assertEqual(error_of(call)[0], 'ConditionalCheckFailedException')

    def test_filters_every_operator(self):
        """QueryFilter and ScanFilter evaluate the same operators."""
        self.ddb.put_item(TableName='Legacy', Item=ITEM)
        for attr, op, values, holds in OPERATORS:
            with self.subTest(attr=attr, op=op, values=values):
                cond = {attr: {'ComparisonOperator': op, 'AttributeValueList': values}}
                r = self.ddb.scan(TableName='Legacy', ScanFilter=dict(cond, pk={'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'k'}]}))
                self.assertEqual(r['Count'], 1 if holds else 0)
                if attr != 'pk':
                    r = self.ddb.query(TableName='Legacy', KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'k'}]}},
                                       QueryFilter=cond)
                    self.assertEqual(r['Count'], 1 if holds else 0)

    def test_exists_and_value(self):
        self.ddb.put_item(TableName='Legacy', Item={'pk': {'S': 'e'}, 'a': {'N': '1'}})
        self.ddb.put_item(TableName='Legacy', Item={'pk': {'S': 'e'}, 'a': {'N': '2'}}, Expected={'a': {'Value': {'N': '1'}}})
        self.ddb.put_item(TableName='Legacy', Item={'pk': {'S': 'e'}, 'a': {'N': '3'}},
                          Expected={'a': {'Value': {'N': '2'}, 'Exists': True}, 'b': {'Exists': False}})
        self.assertEqual(error_of(self.ddb.put_item, TableName='Legacy', Item={'pk': {'S': 'e'}}, Expected={'a': {'Exists': False}})[0],
                         'ConditionalCheckFailedException')
        self.assertEqual(error_of(self.ddb.delete_item, TableName='Legacy', Key={'pk': {'S': 'e'}}, Expected={'a': {'Value': {'N': '9'}}})[0],
                         'ConditionalCheckFailedException')
        self.ddb.delete_item(TableName='Legacy', Key={'pk': {'S': 'e'}}, Expected={'a': {'Value': {'N': '3'}}})
        self.assertNotIn('Item', self.ddb.get_item(TableName='Legacy', Key={'pk': {'S': 'e'}}))

    def test_conditional_operator(self):
        self.ddb.put_item(TableName='Legacy', Item={'pk': {'S': 'c'}, 'a': {'N': '1'}, 'b': {'N': '2'}})
        wrong_a = {'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '9'}]},
                   'b': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '2'}]}}
        self.assertEqual(error_of(self.ddb.put_item, TableName='Legacy', Item={'pk': {'S': 'c'}}, Expected=wrong_a)[0],
                         'ConditionalCheckFailedException')
        self.assertEqual(error_of(self.ddb.put_item, TableName='Legacy', Item={'pk': {'S': 'c'}}, Expected=wrong_a,
                                  ConditionalOperator='AND')[0], 'ConditionalCheckFailedException')
        self.ddb.put_item(TableName='Legacy', Item={'pk': {'S': 'c'}, 'a': {'N': '1'}}, Expected=wrong_a, ConditionalOperator='OR')
        r = self.ddb.scan(TableName='Ranged', ScanFilter={'odd': {'ComparisonOperator': 'NOT_NULL'},
                                                          'n': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'N': '30'}]},
                                                          'sk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '17'}]}},
                          ConditionalOperator='OR')
        self.assertEqual(r['Count'], 20)
        r = self.ddb.scan(TableName='Ranged', ScanFilter={'n': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'N': '30'}]},
                                                          'sk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '17'}]}},
                          ConditionalOperator='OR')
        self.assertEqual(sorted(int(it['sk']['N']) for it in r['Items']), [0, 1, 2, 18, 19])

    def test_attribute_updates(self):
        key = {'pk': {'S': 'u'}}
        self.ddb.update_item(TableName='Legacy', Key=key, AttributeUpdates={
            'n': {'Action': 'ADD', 'Value': {'N': '5'}}, 'ss': {'Action': 'ADD', 'Value': {'SS': ['a', 'b']}},
            'l': {'Action': 'PUT', 'Value': {'L': [{'N': '1'}]}}, 'gone': {'Action': 'DELETE'}})
        r = self.ddb.update_item(TableName='Legacy', Key=key, ReturnValues='ALL_NEW', AttributeUpdates={
            'n': {'Action': 'ADD', 'Value': {'N': '-7.5'}}, 'ss': {'Action': 'DELETE', 'Value': {'SS': ['a', 'z']}},
            'l': {'Action': 'ADD', 'Value': {'L': [{'S': 'x'}]}}, 'p': {'Value': {'S': 'default put'}}})
        self.assertEqual(r['Attributes'], {'pk': {'S': 'u'}, 'n': {'N': '-2.5'}, 'ss': {'SS': ['b']},
                                           'l': {'L': [{'N': '1'}, {'S': 'x'}]}, 'p': {'S': 'default put'}})
        r = self.ddb.update_item(TableName='Legacy', Key=key, ReturnValues='UPDATED_OLD', AttributeUpdates={
            'ss': {'Action': 'DELETE', 'Value': {'SS': ['b']}}, 'p': {'Action': 'DELETE'}},
            Expected={'n': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'N': '0'}]}})
        self.assertEqual(r['Attributes'], {'ss': {'SS': ['b']}, 'p': {'S': 'default put'}})
        got = self.ddb.get_item(TableName='Legacy', Key=key)['Item']
        self.assertNotIn('ss', got)
        self.assertNotIn('p', got)
        self.assertEqual(error_of(self.ddb.update_item, TableName='Legacy', Key=key,
                                  AttributeUpdates={'n': {'Action': 'ADD', 'Value': {'SS': ['x']}}}),
                         ('ValidationException', 'Type mismatch for attribute to update'))
        self.assertEqual(error_of(self.ddb.update_item, TableName='Legacy', Key=key,
                                  AttributeUpdates={'pk': {'Action': 'PUT', 'Value': {'S': 'x'}}}),
                         ('ValidationException', 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key'))

    def test_key_conditions(self):
        def keys(conditions, **kw):
            r = self.ddb.query(TableName='Ranged', KeyConditions=conditions, **kw)
            return [int(it['sk']['N']) for it in r['Items']]
        pk = {'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'r'}]}}
        self.assertEqual(keys(pk), list(range(20)))
        for op, vals, expected in (('LT', ['3'], [0, 1, 2]), ('LE', ['2'], [0, 1, 2]), ('GT', ['17'], [18, 19]),
                                   ('GE', ['18'], [18, 19]), ('EQ', ['7'], [7]), ('BETWEEN', ['4', '6'], [4, 5, 6])):
            with self.subTest(op=op):
                cond = dict(pk, sk={'ComparisonOperator': op, 'AttributeValueList': [{'N': v} for v in vals]})
                self.assertEqual(keys(cond), expected)
                self.assertEqual(keys(cond, ScanIndexForward=False), expected[::-1])
        # KeyConditions may go with expression filters and projections.
        r = self.ddb.query(TableName='Ranged', KeyConditions=pk, FilterExpression='#o = :t', ProjectionExpression='sk',
                           ExpressionAttributeNames={'#o': 'odd'}, ExpressionAttributeValues={':t': {'BOOL': True}}, Limit=4)
        self.assertEqual((r['Items'], r['ScannedCount']), ([{'sk': {'N': '1'}}, {'sk': {'N': '3'}}], 4))

    def test_errors(self):
        put = lambda **kw: error_of(self.raw.put_item, TableName='Legacy', Item={'pk': {'S': 'x'}}, **kw)
        upd = lambda **kw: error_of(self.raw.update_item, TableName='Legacy', Key={'pk': {'S': 'x'}}, **kw)
        scan = lambda **kw: error_of(self.raw.scan, TableName='Legacy', **kw)
        query = lambda **kw: error_of(self.raw.query, TableName='Ranged', **kw)
        prefix = 'One or more parameter values were invalid: '
        cases = [
            (put(Expected={'a': {'Value': {'S': 'x'}, 'AttributeValueList': [{'S': 'x'}]}}),
             prefix + 'Value and AttributeValueList cannot be used together for Attribute: a'),
            (put(Expected={'a': {'Exists': True, 'ComparisonOperator': 'NULL'}}),
             prefix + 'Exists and ComparisonOperator cannot be used together for Attribute: a'),
            (put(Expected={'a': {'ComparisonOperator': 'EQ'}}),
             prefix + 'Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a'),
            (put(Expected={'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '1'}]}}),
             prefix + 'Invalid number of argument(s) for the BETWEEN ComparisonOperator'),
            (put(Expected={'a': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'N': '1'}, {'S': '1'}]}}),
             prefix + 'AttributeValues inside AttributeValueList must be of same type'),
            (put(Expected={'a': {'AttributeValueList': [{'N': '1'}]}}),
             prefix + 'AttributeValueList can only be used with a ComparisonOperator for Attribute: a'),
            (put(Expected={'a': {'Exists': True}}), prefix + 'Value must be provided when Exists is true for Attribute: a'),
            (put(Expected={'a': {}}), prefix + 'Value must be provided when Exists is null for Attribute: a'),
            (put(Expected={'a': {'Exists': False, 'Value': {'S': 'x'}}}),
             prefix + 'Value cannot be used when Exists is false for Attribute: a'),
            (put(Expected={'a': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '2'}, {'N': '1'}]}}),
             'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound'),
            (put(Expected={'a': {'Exists': False}}, ConditionExpression='attribute_exists(a)'),
             'Can not use both expression and non-expression parameters in the same request: '
             'Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}'),
            (upd(AttributeUpdates={'a': {'Action': 'ADD'}}), prefix + 'Only DELETE action is allowed when no attribute value is specified'),
            (upd(AttributeUpdates={'a': {'Action': 'DELETE', 'Value': {'S': 'x'}}}),
             prefix + 'DELETE action with value is not supported for the type S'),
            (upd(AttributeUpdates={'a': {'Action': 'ADD', 'Value': {'S': 'x'}}}), prefix + 'ADD action is not supported for the type S'),
            (upd(AttributeUpdates={'a': {'Action': 'PUT', 'Value': {'S': 'x'}}}, UpdateExpression='SET b = :v',
                 ExpressionAttributeValues={':v': {'S': 'y'}}),
             'Can not use both expression and non-expression parameters in the same request: '
             'Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}'),
            (scan(ScanFilter={'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': []}}),
             prefix + 'Invalid number of argument(s) for the EQ ComparisonOperator'),
            (scan(ScanFilter={'a': {'ComparisonOperator': 'NULL', 'AttributeValueList': [{'S': 'x'}]}}),
             prefix + 'Invalid number of argument(s) for the NULL ComparisonOperator'),
            (scan(ScanFilter={'a': {'ComparisonOperator': 'LT', 'AttributeValueList': [{'SS': ['x']}]}}),
             prefix + 'ComparisonOperator LT is not valid for SS AttributeValue type'),
            (scan(ScanFilter={'a': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'N': '1'}]}}),
             prefix + 'ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type'),
            (scan(ScanFilter={'a': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'BOOL': True}]}}),
             prefix + 'ComparisonOperator EQ is not valid for BOOL AttributeValue type'),
            (query(KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'r'}]},
                                  'sk': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'N': '1'}]}}),
             prefix + 'ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type'),
            (query(KeyConditions={'pk': {'ComparisonOperator': 'BEGINS_WITH', 'AttributeValueList': [{'S': 'r'}]}}),
             'Query key condition not supported'),
            (query(KeyConditions={'sk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'N': '1'}]}}),
             'Query condition missed key schema element: pk'),
            (query(KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'r'}]},
                                  'sk': {'ComparisonOperator': 'IN', 'AttributeValueList': [{'N': '1'}]}}),
             'Attempted conditional constraint is not an indexable operation'),
            (query(KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'r'}]}},
                   KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'r'}}),
             'Can not use both expression and non-expression parameters in the same request: '
             'Non-expression parameters: {KeyConditions} Expression parameters: {KeyConditionExpression}'),
        ]
        for got, message in cases:
            with self.subTest(message=message):
                self.assertEqual(got, ('ValidationException', message))


if __name__ == '__main__':
    unittest.main()
