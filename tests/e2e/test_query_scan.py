"""Query and Scan as DynamoDB does them: key conditions on S, N and B sort
keys (=, <, <=, >, >=, BETWEEN, begins_with) in both directions; Limit,
FilterExpression, ExclusiveStartKey/LastEvaluatedKey pagination over
thousands of items compared with the order computed here; 1 MB pages
measured on item sizes; Count/ScannedCount/Select; consumed capacity;
parallel Scan returning every item exactly once for any TotalSegments; and
AWS's validation messages."""
import decimal
import random
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, aws_json, boto3_client, error_of

D = decimal.Decimal


def create(ddb, name, sk_type=None, pk_type='S'):
    attrs = [{'AttributeName': 'pk', 'AttributeType': pk_type}]
    keys = [{'AttributeName': 'pk', 'KeyType': 'HASH'}]
    if sk_type:
        attrs.append({'AttributeName': 'sk', 'AttributeType': sk_type})
        keys.append({'AttributeName': 'sk', 'KeyType': 'RANGE'})
    ddb.create_table(TableName=name, AttributeDefinitions=attrs, KeySchema=keys, BillingMode='PAY_PER_REQUEST')


def put_all(ddb, table, items):
    for i in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{'PutRequest': {'Item': it}} for it in items[i:i + 25]]})


def paginate(ddb, op, check_page=None, **kwargs):
    items, pages = [], 0
    while True:
        r = getattr(ddb, op)(**kwargs)
        pages += 1
        if check_page:
            check_page(r)
        items += r.get('Items', [])
        if 'LastEvaluatedKey' not in r:
            return items, pages
        kwargs['ExclusiveStartKey'] = r['LastEvaluatedKey']


class QueryScanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.raw = boto3_client(cls.server, validate=False)
        rnd = random.Random(7)
        # N sort keys: 2000 distinct decimals, negative, fractional and large.
        create(cls.ddb, 'Nums', 'N')
        values = set()
        while len(values) < 2000:
            values.add(D(rnd.randint(-10 ** 6, 10 ** 6)) / D(10 ** rnd.randint(0, 4)))
        cls.nums = sorted(values)
        items = [{'pk': {'S': 'p'}, 'sk': {'N': str(v)}, 'v': {'N': str(i % 5)}} for i, v in enumerate(cls.nums)]
        rnd.shuffle(items)
        cls.v_of = {D(it['sk']['N']): int(it['v']['N']) for it in items}
        put_all(cls.ddb, 'Nums', items)
        put_all(cls.ddb, 'Nums', [{'pk': {'S': 'other'}, 'sk': {'N': str(i)}} for i in range(30)])
        # S sort keys, ordered by UTF-8 bytes (not UTF-16 units).
        create(cls.ddb, 'Strs', 'S')
        cls.strs = ['a', 'ab', 'abc', 'abd', 'b', 'B', 'Z', 'é', 'éa', '\uffff', '\U0001f600', 'a\U0001f600',
                    'ba', 'bb', 'bc', 'c'] + ['w%03d' % i for i in range(100)]
        put_all(cls.ddb, 'Strs', [{'pk': {'S': 'p'}, 'sk': {'S': s}} for s in cls.strs])
        # B sort keys, ordered by unsigned bytes; prefixes of 0xFF bytes.
        create(cls.ddb, 'Bins', 'B')
        cls.bins = [b'\x00', b'\x00\x01', b'\x01', b'\x01\xff', b'\x01\xff\x00', b'\x02', b'\x7f', b'\x80',
                    b'\xff', b'\xff\x00', b'\xff\xff', b'\xff\xff\x01', b'ab', b'abc']
        put_all(cls.ddb, 'Bins', [{'pk': {'S': 'p'}, 'sk': {'B': b}} for b in cls.bins])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def query_keys(self, table, cond, values, **kw):
        items, _ = paginate(self.ddb, 'query', TableName=table, KeyConditionExpression=cond,
                            ExpressionAttributeValues=values, **kw)
        return [it['sk'] for it in items]

    def test_number_sort_key_pagination_every_combination(self):
        """Limit x filter x direction x key condition, page by page, against Python's order."""
        lo, hi = self.nums[300], self.nums[1700]
        conditions = [
            ('pk = :p', {}, lambda v: True),
            ('pk = :p AND sk > :a', {':a': lo}, lambda v: v > lo),
            ('pk = :p AND sk <= :b', {':b': hi}, lambda v: v <= hi),
            ('pk = :p AND sk BETWEEN :a AND :b', {':a': lo, ':b': hi}, lambda v: lo <= v <= hi),
        ]
        for cond, vals, pred in conditions:
            for limit in (None, 13, 500):
                for filtered in (False, True):
                    for forward in (True, False):
                        with self.subTest(cond=cond, limit=limit, filtered=filtered, forward=forward):
                            kw = {'TableName': 'Nums', 'KeyConditionExpression': cond, 'ScanIndexForward': forward}
                            values = {':p': {'S': 'p'}}
                            values.update({k: {'N': str(v)} for k, v in vals.items()})
                            if filtered:
                                kw['FilterExpression'] = 'v = :z'
                                values[':z'] = {'N': '0'}
                            if limit:
                                kw['Limit'] = limit
                            kw['ExpressionAttributeValues'] = values

                            def check(r):
                                self.assertEqual(r['Count'], len(r['Items']))
                                if limit:
                                    self.assertLessEqual(r['ScannedCount'], limit)
                                    if 'LastEvaluatedKey' in r:
                                        self.assertEqual(r['ScannedCount'], limit)
                            items, pages = paginate(self.ddb, 'query', check_page=check, **kw)
                            expected = [v for v in self.nums if pred(v) and (not filtered or self.v_of[v] == 0)]
                            if not forward:
                                expected.reverse()
                            self.assertEqual([D(it['sk']['N']) for it in items], expected)
                            if limit:
                                scanned = sum(1 for v in self.nums if pred(v))
                                self.assertEqual(pages, scanned // limit + 1)

    def test_number_comparisons(self):
        p = {':p': {'S': 'p'}}
        mid = self.nums[1000]
        for op, pred in (('<', lambda v: v < mid), ('<=', lambda v: v <= mid), ('>', lambda v: v > mid),
                         ('>=', lambda v: v >= mid), ('=', lambda v: v == mid)):
            with self.subTest(op=op):
                got = self.query_keys('Nums', 'pk = :p AND sk %s :m' % op, dict(p, **{':m': {'N': str(mid)}}))
                self.assertEqual([D(k['N']) for k in got], [v for v in self.nums if pred(v)])
        # The value on the left flips the operator.
        got = self.query_keys('Nums', 'pk = :p AND :m < sk', dict(p, **{':m': {'N': str(mid)}}))
        self.assertEqual([D(k['N']) for k in got], [v for v in self.nums if v > mid])

    def test_string_sort_keys(self):
        order = sorted(self.strs, key=lambda s: s.encode('utf-8'))
        p = {':p': {'S': 'p'}}
        self.assertEqual([k['S'] for k in self.query_keys('Strs', 'pk = :p', p)], order)
        cases = [
            ('begins_with(sk, :x)', {':x': 'a'}, lambda s: s.startswith('a')),
            ('begins_with(sk, :x)', {':x': 'é'}, lambda s: s.startswith('é')),
            ('begins_with(sk, :x)', {':x': '\uffff'}, lambda s: s.startswith('\uffff')),
            ('begins_with(sk, :x)', {':x': 'w05'}, lambda s: s.startswith('w05')),
            ('sk BETWEEN :x AND :y', {':x': 'ab', ':y': 'bb'}, lambda s: b'ab' <= s.encode() <= b'bb'),
            ('sk < :x', {':x': 'b'}, lambda s: s.encode() < b'b'),
            ('sk >= :x', {':x': '\uffff'}, lambda s: s.encode() >= '\uffff'.encode()),
            ('sk > :x', {':x': 'Z'}, lambda s: s.encode() > b'Z'),
        ]
        for cond, vals, pred in cases:
            for forward in (True, False):
                with self.subTest(cond=cond, vals=vals, forward=forward):
                    values = dict(p, **{k: {'S': v} for k, v in vals.items()})
                    got = self.query_keys('Strs', 'pk = :p AND ' + cond, values, ScanIndexForward=forward, Limit=3)
                    expected = [s for s in order if pred(s)]
                    if not forward:
                        expected.reverse()
                    self.assertEqual([k['S'] for k in got], expected)

    def test_binary_sort_keys(self):
        order = sorted(self.bins)
        p = {':p': {'S': 'p'}}
        cases = [
            ('begins_with(sk, :x)', {':x': b'\xff'}, lambda b: b.startswith(b'\xff')),
            ('begins_with(sk, :x)', {':x': b'\xff\xff'}, lambda b: b.startswith(b'\xff\xff')),
            ('begins_with(sk, :x)', {':x': b'\x01\xff'}, lambda b: b.startswith(b'\x01\xff')),
            ('begins_with(sk, :x)', {':x': b'\x00'}, lambda b: b.startswith(b'\x00')),
            ('sk BETWEEN :x AND :y', {':x': b'\x01', ':y': b'\x80'}, lambda b: b'\x01' <= b <= b'\x80'),
            ('sk > :x', {':x': b'\x7f'}, lambda b: b > b'\x7f'),
            ('sk <= :x', {':x': b'\x01\xff'}, lambda b: b <= b'\x01\xff'),
        ]
        for cond, vals, pred in cases:
            for forward in (True, False):
                with self.subTest(cond=cond, vals=vals, forward=forward):
                    values = dict(p, **{k: {'B': v} for k, v in vals.items()})
                    got = self.query_keys('Bins', 'pk = :p AND ' + cond, values, ScanIndexForward=forward, Limit=2)
                    expected = [b for b in order if pred(b)]
                    if not forward:
                        expected.reverse()
                    self.assertEqual([k['B'] for k in got], expected)

    def test_limit_equal_to_remaining_still_returns_last_key(self):
        r = self.ddb.query(TableName='Nums', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'other'}},
                           Limit=30)
        self.assertEqual(r['Count'], 30)
        self.assertEqual(r['LastEvaluatedKey'], {'pk': {'S': 'other'}, 'sk': {'N': '29'}})
        r = self.ddb.query(TableName='Nums', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'other'}},
                           Limit=30, ExclusiveStartKey=r['LastEvaluatedKey'])
        self.assertEqual((r['Count'], r['ScannedCount'], 'LastEvaluatedKey' in r), (0, 0, False))
        r = self.ddb.query(TableName='Nums', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'S': 'other'}},
                           Limit=31)
        self.assertNotIn('LastEvaluatedKey', r)

    def test_count_select_projection_and_capacity(self):
        values = {':p': {'S': 'other'}, ':t': {'N': '10'}}
        r = self.ddb.query(TableName='Nums', KeyConditionExpression='pk = :p AND sk >= :t',
                           ExpressionAttributeValues=values, Select='COUNT', ReturnConsumedCapacity='TOTAL')
        self.assertNotIn('Items', r)
        self.assertEqual((r['Count'], r['ScannedCount']), (20, 20))
        self.assertEqual(r['ConsumedCapacity'], {'TableName': 'Nums', 'CapacityUnits': 0.5})
        r = self.ddb.query(TableName='Nums', KeyConditionExpression='pk = :p AND sk >= :t', ExpressionAttributeValues=values,
                           ProjectionExpression='sk', Limit=2, ConsistentRead=True, ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['Items'], [{'sk': {'N': '10'}}, {'sk': {'N': '11'}}])
        self.assertEqual(r['LastEvaluatedKey'], {'pk': {'S': 'other'}, 'sk': {'N': '11'}})
        self.assertEqual(r['ConsumedCapacity'], {'TableName': 'Nums', 'CapacityUnits': 1.0, 'Table': {'CapacityUnits': 1.0}})
        r = self.ddb.query(TableName='Nums', KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'other'}]},
                                                           'sk': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '3'}, {'N': '5'}]}},
                           AttributesToGet=['sk'])
        self.assertEqual(r['Items'], [{'sk': {'N': '3'}}, {'sk': {'N': '4'}}, {'sk': {'N': '5'}}])

    def test_one_megabyte_pages(self):
        """A page ends once 1 MB of item data has been read: 11 items of 100,013 bytes."""
        create(self.ddb, 'Big', 'S')
        pad = 'x' * 100000
        put_all(self.ddb, 'Big', [{'pk': {'S': 'mb'}, 'sk': {'S': 'k%03d' % i}, 'pad': {'S': pad}} for i in range(30)])
        for op, kw in (('query', {'KeyConditionExpression': 'pk = :p', 'ExpressionAttributeValues': {':p': {'S': 'mb'}}}),
                       ('scan', {})):
            with self.subTest(op=op):
                r = getattr(self.ddb, op)(TableName='Big', ReturnConsumedCapacity='TOTAL', **kw)
                self.assertEqual((r['Count'], r['ScannedCount']), (11, 11))
                self.assertEqual(r['LastEvaluatedKey'], {'pk': {'S': 'mb'}, 'sk': {'S': 'k010'}})
                self.assertEqual(r['ConsumedCapacity']['CapacityUnits'], 134.5)  # ceil(11 * 100013 / 4096) / 2
                items, pages = paginate(self.ddb, op, TableName='Big', **kw)
                self.assertEqual([it['sk']['S'] for it in items], ['k%03d' % i for i in range(30)])
                self.assertEqual(pages, 3)
                # A filter that drops everything still reads in 1 MB pages.
                r = getattr(self.ddb, op)(TableName='Big', Select='COUNT', ScanIndexForward=False,
                                          FilterExpression='attribute_exists(nothing)', **kw) if op == 'query' else \
                    self.ddb.scan(TableName='Big', Select='COUNT', FilterExpression='attribute_exists(nothing)')
                self.assertEqual((r['Count'], r['ScannedCount']), (0, 11))

    def test_parallel_scan_returns_every_item_once(self):
        create(self.ddb, 'Par', 'N')
        keys = {('p%d' % (i % 700), i) for i in range(3000)}
        put_all(self.ddb, 'Par', [{'pk': {'S': pk}, 'sk': {'N': str(sk)}} for pk, sk in keys])
        for total in (1, 2, 7, 1000):
            with self.subTest(total=total):
                seen = []
                for segment in range(total):
                    items, _ = paginate(self.ddb, 'scan', TableName='Par', Segment=segment, TotalSegments=total,
                                        Limit=400)
                    seen += [(it['pk']['S'], int(it['sk']['N'])) for it in items]
                self.assertEqual(len(seen), len(keys))
                self.assertEqual(set(seen), keys)
        # The largest split still covers everything: the first and last segments are valid.
        for segment in (0, 999999):
            self.ddb.scan(TableName='Par', Segment=segment, TotalSegments=1000000)
        # Scan order is stable: pagination with a small Limit gives the same order as one pass.
        one, _ = paginate(self.ddb, 'scan', TableName='Par')
        small, _ = paginate(self.ddb, 'scan', TableName='Par', Limit=97)
        self.assertEqual(one, small)
        # A start key from another segment is rejected.
        first = self.ddb.scan(TableName='Par', Segment=0, TotalSegments=2, Limit=1)['LastEvaluatedKey']
        code, msg = error_of(self.ddb.scan, TableName='Par', Segment=1, TotalSegments=2, ExclusiveStartKey=first)
        self.assertEqual(msg, 'The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey '
                              'with correct Segment. TotalSegments: 2 Segment: 1')

    def test_scan_filter_and_count(self):
        r = self.ddb.scan(TableName='Nums', FilterExpression='pk = :o', ExpressionAttributeValues={':o': {'S': 'other'}})
        self.assertEqual((r['Count'], r['ScannedCount']), (30, 2030))
        r = self.ddb.scan(TableName='Nums', ScanFilter={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'other'}]}},
                          Select='COUNT', Limit=1000)
        self.assertLessEqual(r['Count'], 30)
        self.assertEqual(r['ScannedCount'], 1000)

    def test_hash_only_table(self):
        create(self.ddb, 'Hash', pk_type='N')
        put_all(self.ddb, 'Hash', [{'pk': {'N': str(i)}, 'x': {'S': 'y'}} for i in range(50)])
        r = self.ddb.query(TableName='Hash', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'N': '7'}})
        self.assertEqual(r['Items'], [{'pk': {'N': '7'}, 'x': {'S': 'y'}}])
        items, _ = paginate(self.ddb, 'scan', TableName='Hash', Limit=9)
        self.assertEqual(sorted(int(it['pk']['N']) for it in items), list(range(50)))

    def test_aws_cli_paginates_scan(self):
        """The CLI follows LastEvaluatedKey itself (--page-size)."""
        out = aws_json(self.server, 'dynamodb', 'scan', '--table-name', 'Nums', '--page-size', '300',
                       '--select', 'COUNT')
        self.assertEqual(out['Count'], 2030)

    def test_errors(self):
        q = {'TableName': 'Nums'}
        v = {':p': {'S': 'p'}}
        cases = [
            (self.raw.query, dict(q), 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.'),
            (self.raw.query, dict(q, KeyConditionExpression='sk = :p', ExpressionAttributeValues={':p': {'N': '1'}}),
             'Query condition missed key schema element: pk'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p AND sk = :s', ExpressionAttributeValues={':p': {'S': 'p'}, ':s': {'S': 'x'}}),
             'One or more parameter values were invalid: Condition parameter type does not match schema type'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': {'N': '1'}}),
             'One or more parameter values were invalid: Condition parameter type does not match schema type'),
            (self.raw.query, dict(q, KeyConditionExpression='pk > :p', ExpressionAttributeValues=v), 'Query key condition not supported'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p OR sk = :p', ExpressionAttributeValues=v),
             'Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p AND x = :p', ExpressionAttributeValues=v),
             'Query condition missed key schema element: sk'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p AND begins_with(sk, :n)', ExpressionAttributeValues={':p': {'S': 'p'}, ':n': {'N': '1'}}),
             None),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', FilterExpression='sk > :n', ExpressionAttributeValues={':p': {'S': 'p'}, ':n': {'N': '1'}}),
             'Filter Expression can only contain non-primary key attributes: Primary key attribute: sk'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', QueryFilter={'pk': {'ComparisonOperator': 'NOT_NULL'}}),
             None),
            (self.raw.query, dict(q, KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'p'}]}},
                                  QueryFilter={'pk': {'ComparisonOperator': 'NOT_NULL'}}),
             'QueryFilter can only contain non-primary key attributes: Primary key attribute: pk'),
            (self.raw.query, dict(q, KeyConditions={'pk': {'ComparisonOperator': 'NE', 'AttributeValueList': [{'S': 'p'}]}}),
             'Attempted conditional constraint is not an indexable operation'),
            (self.raw.query, dict(q, KeyConditions={'pk': {'ComparisonOperator': 'EQ', 'AttributeValueList': [{'S': 'p'}]},
                                                    'sk': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '1'}]},
                                                    'x': {'ComparisonOperator': 'GT', 'AttributeValueList': [{'N': '1'}]}}),
             'Conditions can be of length 1 or 2 only'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', ExpressionAttributeValues=v, Select='SPECIFIC_ATTRIBUTES'),
             '1 validation error detected: Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES'),
            (self.raw.scan, dict(q, Select='ALL_PROJECTED_ATTRIBUTES'),
             'ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName'),
            (self.raw.scan, dict(q, Select='COUNT', ProjectionExpression='pk'),
             'Cannot specify the ProjectionExpression when choosing to get only the Count'),
            (self.raw.scan, dict(q, Select='ALL_ATTRIBUTES', AttributesToGet=['pk']),
             'Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES'),
            (self.raw.scan, dict(q, IndexName='nope'), 'The table does not have the specified index: nope'),
            (self.raw.query, dict(q, IndexName='nope', KeyConditionExpression='pk = :p', ExpressionAttributeValues=v),
             'The table does not have the specified index: nope'),
            (self.raw.scan, dict(q, Segment=1), 'The TotalSegments parameter is required but was not present in the request when Segment parameter is present'),
            (self.raw.scan, dict(q, TotalSegments=2), 'The Segment parameter is required but was not present in the request when parameter TotalSegments is present'),
            (self.raw.scan, dict(q, Segment=3, TotalSegments=3),
             'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 3 is not less than TotalSegments: 3'),
            (self.raw.scan, dict(q, ExclusiveStartKey={'pk': {'S': 'p'}}),
             'The provided starting key is invalid: The provided key element does not match the schema'),
            (self.raw.scan, dict(q, ExclusiveStartKey={'pk': {'S': 'p'}, 'sk': {'S': 'x'}}),
             'The provided starting key is invalid: The provided key element does not match the schema'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', ExpressionAttributeValues=v, ExclusiveStartKey={'pk': {'S': 'p'}}),
             'The provided starting key is invalid'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p', ExpressionAttributeValues=v,
                                  ExclusiveStartKey={'pk': {'S': 'q'}, 'sk': {'N': '1'}}),
             'The provided starting key is outside query boundaries based on provided conditions'),
            (self.raw.query, dict(q, KeyConditionExpression='pk = :p AND sk > :n', ExpressionAttributeValues=dict(v, **{':n': {'N': '5'}}),
                                  ExclusiveStartKey={'pk': {'S': 'p'}, 'sk': {'N': '1'}}),
             'The provided starting key does not match the range key predicate'),
            (self.raw.scan, dict(q, ProjectionExpression='pk.a'),
             "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: pk"),
            (self.raw.scan, dict(q, ScanFilter={'v': {'ComparisonOperator': 'BETWEEN', 'AttributeValueList': [{'N': '5'}, {'N': '1'}]}}),
             'The BETWEEN condition was provided a range where the lower bound is greater than the upper bound'),
            (self.raw.scan, dict(q, FilterExpression='v = :v', ScanFilter={'v': {'ComparisonOperator': 'NULL'}}, ExpressionAttributeValues={':v': {'N': '1'}}),
             'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {ScanFilter} Expression parameters: {FilterExpression}'),
        ]
        for call, kwargs, message in cases:
            with self.subTest(kwargs=kwargs):
                if message is None:
                    try:
                        call(**kwargs)
                    except ClientError as e:
                        self.assertEqual(e.response['Error']['Code'], 'ValidationException')
                    continue
                code, msg = error_of(call, **kwargs)
                self.assertEqual((code, msg), ('ValidationException', message))
        code, _ = error_of(self.raw.scan, TableName='Missing')
        self.assertEqual(code, 'ResourceNotFoundException')


if __name__ == '__main__':
    unittest.main()
