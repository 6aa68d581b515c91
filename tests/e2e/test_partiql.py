"""PartiQL with boto3 and the AWS CLI against dynamodesk-server: statements
with parameters of every type, SELECT pages followed by NextToken giving the
same items as Query and Scan (also through the CLI's own pagination),
UPDATE and DELETE with RETURNING, the errors SDKs see (DuplicateItemException,
ConditionalCheckFailedException, ValidationException), BatchExecuteStatement's
per-statement answers, and ExecuteTransaction all or nothing and idempotent."""
import unittest

from botocore.exceptions import ClientError

from dynamodesk import RawConnection, Server, aws, aws_json, boto3_client, bulk_put, error_of, raw_request


def all_pages(ddb, statement, parameters=None, limit=None):
    items, pages, token = [], 0, None
    while True:
        args = {'Statement': statement}
        if parameters:
            args['Parameters'] = parameters
        if limit:
            args['Limit'] = limit
        if token:
            args['NextToken'] = token
        r = ddb.execute_statement(**args)
        items += r['Items']
        pages += 1
        token = r.get('NextToken')
        if not token:
            return items, pages


class PartiqlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.ddb.create_table(TableName='Orders',
                             AttributeDefinitions=[{'AttributeName': 'customer', 'AttributeType': 'S'},
                                                   {'AttributeName': 'n', 'AttributeType': 'N'},
                                                   {'AttributeName': 'status', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'customer', 'KeyType': 'HASH'},
                                        {'AttributeName': 'n', 'KeyType': 'RANGE'}],
                             GlobalSecondaryIndexes=[{'IndexName': 'ByStatus',
                                                      'KeySchema': [{'AttributeName': 'status', 'KeyType': 'HASH'}],
                                                      'Projection': {'ProjectionType': 'ALL'}}],
                             BillingMode='PAY_PER_REQUEST')
        # 3 customers x 400 orders of about 1 KB: pages end at Limit and at 1 MB.
        items = [{'customer': {'S': 'c%d' % c}, 'n': {'N': str(i)}, 'status': {'S': ['open', 'paid', 'sent'][i % 3]},
                  'total': {'N': str(i * 1.5)}, 'note': {'S': 'x' * 1000}}
                 for c in range(3) for i in range(400)]
        bulk_put(cls.server, 'Orders', items)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_every_type_through_parameters(self):
        self.ddb.create_table(TableName='Types', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'B'}],
                              KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
        values = [{'B': b'\x00\x01'}, {'S': "it's"}, {'N': '-12.5'}, {'BOOL': True}, {'NULL': True},
                  {'SS': ['a', 'b']}, {'NS': ['1', '2']}, {'BS': [b'\x01', b'\x02']},
                  {'L': [{'S': 'x'}, {'N': '1'}]}, {'M': {'k': {'S': 'v'}}}]
        names = ['id', 's', 'n', 'b', 'z', 'ss', 'ns', 'bs', 'l', 'm']
        self.ddb.execute_statement(
            Statement='INSERT INTO "Types" VALUE {%s}' % ', '.join("'%s': ?" % n for n in names), Parameters=values)
        r = self.ddb.execute_statement(Statement='SELECT * FROM "Types" WHERE id = ?', Parameters=[{'B': b'\x00\x01'}])
        self.assertEqual(r['Items'], [dict(zip(names, values))])
        # The literals of the language give the same values.
        self.ddb.execute_statement(Statement="UPDATE \"Types\" SET s = 'it''s', n = -12.5, ss = <<'b', 'a'>>, "
                                             "l = ['x', 1], m = {'k': 'v'} WHERE id = ?", Parameters=[{'B': b'\x00\x01'}])
        got = self.ddb.get_item(TableName='Types', Key={'id': {'B': b'\x00\x01'}})['Item']
        self.assertEqual(got, dict(zip(names, values)))

    def test_pages_give_what_query_and_scan_give(self):
        query = self.ddb.get_paginator('query').paginate(
            TableName='Orders', KeyConditionExpression='customer = :c AND n BETWEEN :a AND :b',
            FilterExpression='#s <> :s', ExpressionAttributeNames={'#s': 'status'},
            ExpressionAttributeValues={':c': {'S': 'c1'}, ':a': {'N': '10'}, ':b': {'N': '300'}, ':s': {'S': 'paid'}},
            ScanIndexForward=False)
        expected = [it for page in query for it in page['Items']]
        self.assertEqual(len(expected), 194)
        statement = "SELECT * FROM Orders WHERE customer = ? AND n BETWEEN 10 AND 300 AND status <> 'paid' ORDER BY n DESC"
        for limit in (None, 7, 100):
            got, pages = all_pages(self.ddb, statement, [{'S': 'c1'}], limit)
            self.assertEqual(got, expected, limit)
            self.assertGreater(pages, 1 if limit else 0)
        # A Scan: every item exactly once.
        got, pages = all_pages(self.ddb, 'SELECT customer, n FROM Orders WHERE total >= 0', limit=250)
        self.assertEqual(len(got), 1200)
        self.assertEqual(len({(it['customer']['S'], it['n']['N']) for it in got}), 1200)
        self.assertGreaterEqual(pages, 5)
        # IN on the partition key: one Query per value, in the order given.
        got, _ = all_pages(self.ddb, "SELECT customer FROM Orders WHERE customer IN ['c2', 'nobody', 'c0'] AND n < 5", limit=3)
        self.assertEqual([it['customer']['S'] for it in got], ['c2'] * 5 + ['c0'] * 5)
        # An index.
        got, _ = all_pages(self.ddb, 'SELECT n FROM "Orders"."ByStatus" WHERE status = \'sent\' AND customer = \'c0\'')
        self.assertEqual(sorted(int(it['n']['N']) for it in got), list(range(2, 400, 3)))

    def test_cli_runs_statements_and_pages(self):
        aws(self.server, 'dynamodb', 'execute-statement', '--statement',
            "INSERT INTO Orders VALUE {'customer': 'cli', 'n': 1, 'status': 'open'}")
        out = aws_json(self.server, 'dynamodb', 'execute-statement', '--statement',
                       'SELECT * FROM Orders WHERE customer = ?', '--parameters', '[{"S": "cli"}]')
        self.assertEqual(out['Items'], [{'customer': {'S': 'cli'}, 'n': {'N': '1'}, 'status': {'S': 'open'}}])
        # Pages through --next-token (the CLI does not page ExecuteStatement itself).
        ns, token, pages = [], None, 0
        while True:
            args = ['dynamodb', 'execute-statement', '--statement', "SELECT n FROM Orders WHERE customer = 'c2'", '--limit', '150']
            out = aws_json(self.server, *args, *(['--next-token', token] if token else []))
            ns += [int(it['n']['N']) for it in out['Items']]
            pages += 1
            token = out.get('NextToken')
            if not token:
                break
        self.assertEqual(ns, list(range(400)))
        self.assertEqual(pages, 3)
        code, _, err = aws(self.server, 'dynamodb', 'execute-statement', '--statement',
                           "INSERT INTO Orders VALUE {'customer': 'cli', 'n': 1}", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('DuplicateItemException', err)
        self.assertIn('Duplicate primary key exists in table', err)

    def test_update_and_delete(self):
        ddb = self.ddb
        ddb.execute_statement(Statement="INSERT INTO Orders VALUE {'customer': 'u', 'n': 1, 'tags': <<'a'>>, 'hist': [1]}")
        r = ddb.execute_statement(Statement="UPDATE Orders SET total = 10 SET tags = set_add(tags, <<'b'>>) "
                                            "SET hist = list_append(hist, [2]) WHERE customer = 'u' AND n = 1 RETURNING MODIFIED NEW *")
        self.assertEqual(r['Items'], [{'total': {'N': '10'}, 'tags': {'SS': ['a', 'b']}, 'hist': {'L': [{'N': '1'}, {'N': '2'}]}}])
        r = ddb.execute_statement(Statement="UPDATE Orders SET total = total + 5 WHERE customer = 'u' AND n = 1 RETURNING ALL OLD *")
        self.assertEqual(r['Items'][0]['total'], {'N': '10'})
        self.assertEqual(ddb.execute_statement(Statement="UPDATE Orders SET total = 0 WHERE customer = 'u' AND n = 1")['Items'], [])
        self.assertEqual(error_of(ddb.execute_statement, Statement="UPDATE Orders SET total = 1 WHERE customer = 'u' AND n = 2"),
                         ('ConditionalCheckFailedException', 'The conditional request failed'))
        self.assertNotIn('Item', ddb.get_item(TableName='Orders', Key={'customer': {'S': 'u'}, 'n': {'N': '2'}}))
        self.assertEqual(error_of(ddb.execute_statement,
                                  Statement="DELETE FROM Orders WHERE customer = 'u' AND n = 1 AND attribute_type(tags, 'NS')"),
                         ('ConditionalCheckFailedException', 'The conditional request failed'))
        r = ddb.execute_statement(Statement="DELETE FROM Orders WHERE customer = 'u' AND n = 1 RETURNING ALL OLD *")
        self.assertEqual(r['Items'][0]['customer'], {'S': 'u'})
        # A DELETE of an item that is not there succeeds and returns nothing.
        self.assertEqual(ddb.execute_statement(Statement="DELETE FROM Orders WHERE customer = 'u' AND n = 1 RETURNING ALL OLD *")['Items'], [])

    def test_errors_sdks_see(self):
        ddb = self.ddb
        code, message = error_of(ddb.execute_statement, Statement='SELECT * FROM Orders WHERE')
        self.assertEqual((code, message), ('ValidationException', "Statement wasn't well formed, can't be processed: Unexpected end of statement"))
        self.assertEqual(error_of(ddb.execute_statement, Statement='SELECT * FROM Nothing'),
                         ('ResourceNotFoundException', 'Requested resource not found'))
        self.assertEqual(error_of(ddb.execute_statement, Statement='SELECT * FROM Orders WHERE customer = ?',
                                  Parameters=[{'S': 'a'}, {'S': 'b'}]),
                         ('ValidationException', "Number of parameters in request and statement don't match."))
        self.assertEqual(error_of(ddb.execute_statement, Statement='SELECT * FROM "Orders"."ByStatus" WHERE status = \'open\'',
                                  ConsistentRead=True)[1],
                         'Strongly consistent read is not supported on Global Secondary Indexes')

    def test_select_of_list_elements_and_nested_paths(self):
        """Each selected element is the one at its index in the stored item, keyed by its last name and index."""
        letters = {'L': [{'S': c} for c in 'abcd']}
        self.ddb.put_item(TableName='Orders', Item={'customer': {'S': 'lists'}, 'n': {'N': '1'}, 'l': letters,
                                                    'm': {'M': {'l': letters, 'x': {'N': '7'}}}})
        where = " FROM Orders WHERE customer = 'lists' AND n = 1"
        def select(what):
            return self.ddb.execute_statement(Statement='SELECT ' + what + where)['Items']
        self.assertEqual(select('l[1], l[3]'), [{'l[1]': {'S': 'b'}, 'l[3]': {'S': 'd'}}])
        self.assertEqual(select('m.l[2]'), [{'l[2]': {'S': 'c'}}])
        self.assertEqual(select('m.l[0], m.x, l[3]'), [{'l[0]': {'S': 'a'}, 'x': {'N': '7'}, 'l[3]': {'S': 'd'}}])
        self.assertEqual(select('l[9]'), [{}])
        # The same in a transaction and a batch, whose reads are GetItems.
        got = self.ddb.execute_transaction(TransactStatements=[{'Statement': 'SELECT l[1], m.l[3]' + where}])
        self.assertEqual(got['Responses'], [{'Item': {'l[1]': {'S': 'b'}, 'l[3]': {'S': 'd'}}}])
        got = self.ddb.batch_execute_statement(Statements=[{'Statement': 'SELECT l[2]' + where}])
        self.assertEqual(got['Responses'], [{'TableName': 'Orders', 'Item': {'l[2]': {'S': 'c'}}}])

    def test_batch(self):
        ddb = self.ddb
        r = ddb.batch_execute_statement(Statements=[
            {'Statement': "INSERT INTO Orders VALUE {'customer': 'b', 'n': 1}"},
            {'Statement': "INSERT INTO Orders VALUE {'customer': 'c0', 'n': 1}"},
            {'Statement': "UPDATE Orders SET total = 0 WHERE customer = ? AND n = ?", 'Parameters': [{'S': 'c0'}, {'N': '2'}]},
            {'Statement': "UPDATE Orders SET total = 0 WHERE customer = 'nobody' AND n = 1"},
        ], ReturnConsumedCapacity='TOTAL')
        self.assertEqual([x.get('Error', {}).get('Code') for x in r['Responses']], [None, 'DuplicateItem', None, 'ConditionalCheckFailed'])
        # ALL_OLD puts the item that failed its condition in the statement's error (BatchStatementError.Item);
        # Debian's botocore does not know the member yet, so the request goes raw.
        conn = RawConnection(self.server)
        conn.send([raw_request('BatchExecuteStatement', {'Statements': [
            {'Statement': "DELETE FROM Orders WHERE customer = 'c0' AND n = 2 AND total = 12345", 'ReturnValuesOnConditionCheckFailure': 'ALL_OLD'},
            {'Statement': "DELETE FROM Orders WHERE customer = 'c0' AND n = 3 AND total = 12345"}]})])
        status, failed = conn.read()
        conn.close()
        self.assertEqual(status, 200)
        self.assertEqual(failed['Responses'][0]['Error']['Code'], 'ConditionalCheckFailed')
        self.assertEqual(failed['Responses'][0]['Error']['Item']['total'], {'N': '0'})
        self.assertNotIn('Item', failed['Responses'][1]['Error'])
        self.assertEqual(r['ConsumedCapacity'][0]['TableName'], 'Orders')
        r = ddb.batch_execute_statement(Statements=[
            {'Statement': "SELECT total FROM Orders WHERE customer = 'c0' AND n = 2"},
            {'Statement': "SELECT * FROM Orders WHERE customer = 'b' AND n = 1", 'ConsistentRead': True},
            {'Statement': "SELECT * FROM Orders WHERE customer = 'b' AND n = 9"},
        ])
        self.assertEqual(r['Responses'], [{'TableName': 'Orders', 'Item': {'total': {'N': '0'}}},
                                          {'TableName': 'Orders', 'Item': {'customer': {'S': 'b'}, 'n': {'N': '1'}}},
                                          {'TableName': 'Orders'}])
        code, message = error_of(ddb.batch_execute_statement, Statements=[
            {'Statement': "SELECT * FROM Orders WHERE customer = 'b' AND n = 1"},
            {'Statement': "DELETE FROM Orders WHERE customer = 'b' AND n = 1"}])
        self.assertEqual((code, message), ('ValidationException', 'Read and write requests together in the same batch is not supported.'))

    def test_transaction_all_or_nothing_and_idempotent(self):
        ddb = self.ddb
        statements = [
            {'Statement': "INSERT INTO Orders VALUE {'customer': 't', 'n': 1, 'total': 5}"},
            {'Statement': "UPDATE Orders SET total = total - 5 WHERE customer = 'c2' AND n = 10 AND total >= ?",
             'Parameters': [{'N': '1000'}]},
        ]
        try:
            ddb.execute_transaction(TransactStatements=statements)
            self.fail('the transaction ran')
        except ClientError as e:
            self.assertEqual(e.response['Error']['Code'], 'TransactionCanceledException')
            self.assertEqual([r['Code'] for r in e.response['CancellationReasons']], ['None', 'ConditionalCheckFailed'])
        self.assertNotIn('Item', ddb.get_item(TableName='Orders', Key={'customer': {'S': 't'}, 'n': {'N': '1'}}))
        statements[1]['Parameters'] = [{'N': '5'}]
        for _ in range(2):  # the second call replays the first
            ddb.execute_transaction(TransactStatements=statements, ClientRequestToken='order-t-1')
        total = ddb.get_item(TableName='Orders', Key={'customer': {'S': 'c2'}, 'n': {'N': '10'}})['Item']['total']
        self.assertEqual(total, {'N': '10'})  # 15 - 5, once
        r = ddb.execute_transaction(TransactStatements=[
            {'Statement': "SELECT total FROM Orders WHERE customer = 't' AND n = 1"},
            {'Statement': "SELECT total FROM Orders WHERE customer = 'c2' AND n = 10"}])
        self.assertEqual(r['Responses'], [{'Item': {'total': {'N': '5'}}}, {'Item': {'total': {'N': '10'}}}])


if __name__ == '__main__':
    unittest.main()
