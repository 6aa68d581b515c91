"""TransactWriteItems and TransactGetItems as DynamoDB does them: Put, Update,
Delete and ConditionCheck across tables, all or nothing; a cancelled
transaction answers TransactionCanceledException with one reason per action,
in order, with the item seen when the action asked for ALL_OLD; two actions on
one item, more than 100 actions and more than 4 MB are ValidationExceptions;
ClientRequestToken makes a write idempotent (its 10-minute expiry is tested
with an injected clock in tests/engine/api/tst_transactions.cpp); capacity
counts double. Checked with boto3, raw HTTP and the AWS CLI."""
import http.client
import json
import os
import tempfile
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, aws, aws_json, boto3_client

AUTH = ('AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/us-east-1/dynamodb/aws4_request, '
        'SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=' + '0' * 64)


def raw(server, operation, request):
    """Posts `request` as DynamoDB_20120810.<operation>; returns (status, parsed body)."""
    conn = http.client.HTTPConnection('127.0.0.1', server.port, timeout=30)
    conn.request('POST', '/', json.dumps(request), {
        'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.' + operation,
        'X-Amz-Date': '20261125T000000Z', 'Authorization': AUTH})
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, json.loads(body)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e
    raise AssertionError('expected a ClientError')


def transfer(amount, src='a', dst='b', **extra):
    n = {':n': {'N': str(amount)}}
    return [
        {'Update': {'TableName': 'Accounts', 'Key': {'id': {'S': src}}, 'UpdateExpression': 'SET balance = balance - :n',
                    'ConditionExpression': 'balance >= :n', 'ExpressionAttributeValues': n, **extra}},
        {'Update': {'TableName': 'Accounts', 'Key': {'id': {'S': dst}}, 'UpdateExpression': 'SET balance = balance + :n',
                    'ExpressionAttributeValues': n}},
        {'Put': {'TableName': 'Ledger', 'Item': {'pk': {'S': src + '>' + dst}, 'seq': {'N': str(amount)}}}},
    ]


class TransactionsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.raw = boto3_client(cls.server, validate=False)
        cls.ddb.create_table(TableName='Accounts', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        cls.ddb.create_table(TableName='Ledger',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                   {'AttributeName': 'seq', 'AttributeType': 'N'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                        {'AttributeName': 'seq', 'KeyType': 'RANGE'}], BillingMode='PAY_PER_REQUEST')

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def setUp(self):
        for i, balance in (('a', 100), ('b', 5)):
            self.ddb.put_item(TableName='Accounts', Item={'id': {'S': i}, 'balance': {'N': str(balance)}, 'name': {'S': i.upper()}})

    def balance(self, i):
        item = self.ddb.get_item(TableName='Accounts', Key={'id': {'S': i}}, ConsistentRead=True).get('Item')
        return int(item['balance']['N']) if item else None

    def test_every_action_type_across_tables(self):
        self.ddb.put_item(TableName='Ledger', Item={'pk': {'S': 'old'}, 'seq': {'N': '1'}})
        r = self.ddb.transact_write_items(TransactItems=[
            {'ConditionCheck': {'TableName': 'Accounts', 'Key': {'id': {'S': 'b'}},
                                'ConditionExpression': 'attribute_exists(#i)', 'ExpressionAttributeNames': {'#i': 'id'}}},
            {'Update': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}, 'UpdateExpression': 'ADD balance :m',
                        'ExpressionAttributeValues': {':m': {'N': '-40'}}}},
            {'Put': {'TableName': 'Ledger', 'Item': {'pk': {'S': 'new'}, 'seq': {'N': '1'}, 'v': {'N': '40'}},
                     'ConditionExpression': 'attribute_not_exists(pk)'}},
            {'Delete': {'TableName': 'Ledger', 'Key': {'pk': {'S': 'old'}, 'seq': {'N': '1'}},
                        'ConditionExpression': 'attribute_exists(pk)'}},
        ])
        self.assertNotIn('ConsumedCapacity', r)
        self.assertEqual(self.balance('a'), 60)
        self.assertNotIn('Item', self.ddb.get_item(TableName='Ledger', Key={'pk': {'S': 'old'}, 'seq': {'N': '1'}}))
        self.assertEqual(self.ddb.get_item(TableName='Ledger', Key={'pk': {'S': 'new'}, 'seq': {'N': '1'}})['Item']['v'],
                         {'N': '40'})

    def test_condition_failure_cancels_all_with_reasons_in_order(self):
        e = error_of(self.ddb.transact_write_items,
                     TransactItems=transfer(1000, ReturnValuesOnConditionCheckFailure='ALL_OLD'))
        self.assertEqual(e.response['Error']['Code'], 'TransactionCanceledException')
        self.assertEqual(e.response['Error']['Message'], 'Transaction cancelled, please refer cancellation reasons '
                                                         'for specific reasons [ConditionalCheckFailed, None, None]')
        self.assertEqual(e.response['CancellationReasons'], [
            {'Code': 'ConditionalCheckFailed', 'Message': 'The conditional request failed',
             'Item': {'id': {'S': 'a'}, 'balance': {'N': '100'}, 'name': {'S': 'A'}}},
            {'Code': 'None'}, {'Code': 'None'}])
        self.assertEqual((self.balance('a'), self.balance('b')), (100, 5))
        self.assertNotIn('Item', self.ddb.get_item(TableName='Ledger', Key={'pk': {'S': 'a>b'}, 'seq': {'N': '1000'}}))

    def test_every_cancellation_reason_on_the_wire(self):
        status, body = raw(self.server, 'TransactWriteItems', {'TransactItems': [
            {'Put': {'TableName': 'Ledger', 'Item': {'pk': {'S': 'w'}, 'seq': {'N': '1'}}}},
            {'ConditionCheck': {'TableName': 'Accounts', 'Key': {'id': {'S': 'nobody'}},
                                'ConditionExpression': 'attribute_exists(id)', 'ReturnValuesOnConditionCheckFailure': 'ALL_OLD'}},
            {'Update': {'TableName': 'Accounts', 'Key': {'id': {'S': 'b'}}, 'UpdateExpression': 'ADD #n :one',
                        'ExpressionAttributeNames': {'#n': 'name'}, 'ExpressionAttributeValues': {':one': {'N': '1'}}}},
            {'Update': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}, 'UpdateExpression': 'SET p1 = :v, p2 = :v',
                        'ExpressionAttributeValues': {':v': {'S': 'x' * 300000}}}},
            {'Delete': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a2'}}, 'ConditionExpression': 'size(id) > :one',
                        'ExpressionAttributeValues': {':one': {'N': '1'}}, 'ReturnValuesOnConditionCheckFailure': 'ALL_OLD'}},
        ]})
        self.assertEqual(status, 400)
        self.assertEqual(body['__type'], 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException')
        self.assertEqual(body['Message'], 'Transaction cancelled, please refer cancellation reasons for specific reasons '
                                          '[None, ConditionalCheckFailed, ValidationError, ValidationError, ConditionalCheckFailed]')
        self.assertEqual(body['CancellationReasons'], [
            {'Code': 'None'},
            {'Code': 'ConditionalCheckFailed', 'Message': 'The conditional request failed'},  # no item to return
            {'Code': 'ValidationError', 'Message': 'An operand in the update expression has an incorrect data type'},
            {'Code': 'ValidationError', 'Message': 'Item size to update has exceeded the maximum allowed size'},
            {'Code': 'ConditionalCheckFailed', 'Message': 'The conditional request failed'},
        ])
        self.assertNotIn('Item', self.ddb.get_item(TableName='Ledger', Key={'pk': {'S': 'w'}, 'seq': {'N': '1'}}))

    def test_validation_errors(self):
        cases = [
            (transfer(1)[:1] + [{'Delete': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}}}],
             'Transaction request cannot include multiple operations on one item'),
            ([{'Put': {'TableName': 'Accounts', 'Item': {'id': {'S': 'q'}}},
               'Delete': {'TableName': 'Accounts', 'Key': {'id': {'S': 'q'}}}}],
             'TransactItems can only contain one of Check, Put, Update or Delete'),
            ([{'Delete': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}, 'x': {'S': 'y'}}}}],
             'The provided key element does not match the schema'),
            ([{'Put': {'TableName': 'Accounts', 'Item': {'id': {'S': 'q'}, 'd': {'S': 'x' * 410000}}}}],
             'Item size has exceeded the maximum allowed size'),
            ([{'Put': {'TableName': 'Accounts', 'Item': {'id': {'S': 'q%d' % i}, 'd': {'S': 'x' * 390000}}}} for i in range(11)],
             'Collection size of items exceeded, which can also be caused by the aggregate size of the items in the '
             'transaction exceeding the 4MB limit'),
            ([{'ConditionCheck': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}, 'ConditionExpression': 'a <',
                                  }}],
             'Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "<"'),
        ]
        for items, message in cases:
            e = error_of(self.raw.transact_write_items, TransactItems=items)
            self.assertEqual((e.response['Error']['Code'], e.response['Error']['Message']),
                             ('ValidationException', message))
        e = error_of(self.raw.transact_write_items,
                     TransactItems=[{'Delete': {'TableName': 'Accounts', 'Key': {'id': {'S': 'k%d' % i}}}} for i in range(101)])
        self.assertEqual(e.response['Error']['Code'], 'ValidationException')
        self.assertIn("at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100",
                      e.response['Error']['Message'])
        e = error_of(self.raw.transact_write_items,
                     TransactItems=[{'Delete': {'TableName': 'Missing', 'Key': {'id': {'S': 'a'}}}}])
        self.assertEqual(e.response['Error']['Code'], 'ResourceNotFoundException')
        self.assertEqual((self.balance('a'), self.balance('b')), (100, 5))

    def test_hundred_actions(self):
        r = self.ddb.transact_write_items(
            TransactItems=[{'Put': {'TableName': 'Ledger', 'Item': {'pk': {'S': 'h'}, 'seq': {'N': str(i)}}}}
                           for i in range(100)], ReturnConsumedCapacity='TOTAL')
        self.assertEqual(r['ConsumedCapacity'], [{'TableName': 'Ledger', 'CapacityUnits': 200.0}])
        q = self.ddb.query(TableName='Ledger', KeyConditionExpression='pk = :h',
                           ExpressionAttributeValues={':h': {'S': 'h'}}, Select='COUNT')
        self.assertEqual(q['Count'], 100)

    def test_idempotency(self):
        r1 = self.ddb.transact_write_items(TransactItems=transfer(10), ClientRequestToken='token-1',
                                           ReturnConsumedCapacity='TOTAL')
        self.assertEqual(r1['ConsumedCapacity'], [{'TableName': 'Accounts', 'CapacityUnits': 4.0},
                                                  {'TableName': 'Ledger', 'CapacityUnits': 2.0}])
        # The same request again succeeds without applying anything; capacity is what reading the items costs.
        r2 = self.ddb.transact_write_items(TransactItems=transfer(10), ClientRequestToken='token-1',
                                           ReturnConsumedCapacity='TOTAL')
        self.assertEqual(r2['ConsumedCapacity'], [{'TableName': 'Accounts', 'CapacityUnits': 4.0},
                                                  {'TableName': 'Ledger', 'CapacityUnits': 2.0}])
        self.ddb.transact_write_items(TransactItems=transfer(10), ClientRequestToken='token-1')
        self.assertEqual((self.balance('a'), self.balance('b')), (90, 15))
        e = error_of(self.ddb.transact_write_items, TransactItems=transfer(11), ClientRequestToken='token-1')
        self.assertEqual(e.response['Error']['Code'], 'IdempotentParameterMismatchException')
        self.assertEqual((self.balance('a'), self.balance('b')), (90, 15))
        # Without a token the same request applies each time.
        self.ddb.transact_write_items(TransactItems=transfer(10))
        self.ddb.transact_write_items(TransactItems=transfer(10))
        self.assertEqual((self.balance('a'), self.balance('b')), (70, 35))
        # botocore fills in a token of its own when none is given (idempotencyToken), so retries are safe.

    def test_capacity_indexes(self):
        r = self.ddb.transact_write_items(TransactItems=[
            {'ConditionCheck': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}, 'ConditionExpression': 'attribute_exists(id)'}},
            {'Put': {'TableName': 'Ledger', 'Item': {'pk': {'S': 'big'}, 'seq': {'N': '1'}, 'd': {'S': 'x' * 2500}}}},
        ], ReturnConsumedCapacity='INDEXES', ReturnItemCollectionMetrics='SIZE')
        self.assertEqual(r['ConsumedCapacity'], [
            {'TableName': 'Accounts', 'CapacityUnits': 2.0, 'Table': {'CapacityUnits': 2.0}},
            {'TableName': 'Ledger', 'CapacityUnits': 6.0, 'Table': {'CapacityUnits': 6.0}}])

    def test_transact_get_items(self):
        self.ddb.put_item(TableName='Ledger', Item={'pk': {'S': 'g'}, 'seq': {'N': '1'}, 'm': {'M': {'x': {'N': '1'}, 'y': {'N': '2'}}}})
        r = self.ddb.transact_get_items(TransactItems=[
            {'Get': {'TableName': 'Ledger', 'Key': {'pk': {'S': 'g'}, 'seq': {'N': '1'}}, 'ProjectionExpression': 'm.y'}},
            {'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': 'nobody'}}}},
            {'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': 'b'}}, 'ProjectionExpression': '#b',
                     'ExpressionAttributeNames': {'#b': 'balance'}}},
        ], ReturnConsumedCapacity='TOTAL')
        self.assertEqual(r['Responses'], [{'Item': {'m': {'M': {'y': {'N': '2'}}}}}, {}, {'Item': {'balance': {'N': '5'}}}])
        self.assertEqual(r['ConsumedCapacity'], [{'TableName': 'Ledger', 'CapacityUnits': 2.0},
                                                 {'TableName': 'Accounts', 'CapacityUnits': 4.0}])
        e = error_of(self.ddb.transact_get_items, TransactItems=[
            {'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}}},
            {'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': 'a'}}}}])
        self.assertEqual(e.response['Error']['Message'], 'Transaction request cannot include multiple operations on one item')
        e = error_of(self.raw.transact_get_items,
                     TransactItems=[{'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': 'k%d' % i}}}} for i in range(101)])
        self.assertIn('Member must have length less than or equal to 100', e.response['Error']['Message'])

    def test_aws_cli(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, 'items.json')
            with open(path, 'w') as f:
                json.dump(transfer(20), f)
            out = aws_json(self.server, 'dynamodb', 'transact-write-items', '--transact-items', 'file://' + path,
                           '--return-consumed-capacity', 'TOTAL')
            self.assertEqual(out['ConsumedCapacity'][0], {'TableName': 'Accounts', 'CapacityUnits': 4.0})
            self.assertEqual((self.balance('a'), self.balance('b')), (80, 25))
            with open(path, 'w') as f:
                json.dump(transfer(500), f)
            rc, _, err = aws(self.server, 'dynamodb', 'transact-write-items', '--transact-items', 'file://' + path, check=False)
            self.assertNotEqual(rc, 0)
            self.assertIn('TransactionCanceledException', err)
            self.assertIn('[ConditionalCheckFailed, None, None]', err)
            with open(path, 'w') as f:
                json.dump([{'Get': {'TableName': 'Accounts', 'Key': {'id': {'S': i}}}} for i in 'ab'], f)
            out = aws_json(self.server, 'dynamodb', 'transact-get-items', '--transact-items', 'file://' + path)
            self.assertEqual([int(r['Item']['balance']['N']) for r in out['Responses']], [80, 25])


if __name__ == '__main__':
    unittest.main()
