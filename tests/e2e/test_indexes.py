"""Secondary indexes as DynamoDB has them: GSIs and LSIs declared at
CreateTable with KEYS_ONLY, INCLUDE and ALL projections; sparse indexes;
writes whose index key has the wrong type rejected; Query and Scan on
indexes with pagination (LastEvaluatedKey holds index and table keys);
Select rules (ALL_ATTRIBUTES on a GSI that does not project ALL is an error,
on an LSI it fetches from the table); no ConsistentRead on a GSI;
DescribeTable's ItemCount and IndexSizeBytes per index; consumed capacity
with INDEXES on reads and writes; GSIs added by UpdateTable (CREATING and
Backfilling while existing items are copied, with writes going on, then an
index equal to the table's contents) and removed; UpdateTable's index
errors; the LSI item-collection size limit and ReturnItemCollectionMetrics.
Runnable against real DynamoDB except where the limit is made small."""
import decimal
import random
import threading
import time
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, boto3_client, error_of

D = decimal.Decimal


def paginate(ddb, op, **kwargs):
    items, pages, keys = [], 0, []
    while True:
        r = getattr(ddb, op)(**kwargs)
        pages += 1
        items += r.get('Items', [])
        if 'LastEvaluatedKey' not in r:
            return items, pages, keys
        keys.append(r['LastEvaluatedKey'])
        kwargs['ExclusiveStartKey'] = r['LastEvaluatedKey']


def put_all(ddb, table, items):
    for i in range(0, len(items), 25):
        ddb.batch_write_item(RequestItems={table: [{'PutRequest': {'Item': it}} for it in items[i:i + 25]]})


def S(v):
    return {'S': v}


def N(v):
    return {'N': str(v)}


def index_of(desc, name):
    for kind in ('GlobalSecondaryIndexes', 'LocalSecondaryIndexes'):
        for i in desc['Table'].get(kind, []):
            if i['IndexName'] == name:
                return i
    return None


def wait_active(ddb, table, name, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        i = index_of(ddb.describe_table(TableName=table), name)
        if i and i['IndexStatus'] == 'ACTIVE':
            return i
        time.sleep(0.05)
    raise AssertionError('index %s did not become ACTIVE' % name)


def entry_key(item, names):
    return tuple((n, tuple(sorted(item[n].items()))) for n in names)


class IndexTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.raw = boto3_client(cls.server, validate=False)
        cls.ddb.create_table(
            TableName='idx',
            AttributeDefinitions=[{'AttributeName': a, 'AttributeType': t} for a, t in
                                  [('pk', 'S'), ('sk', 'S'), ('gk', 'S'), ('gs', 'N'), ('lk', 'N')]],
            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
            BillingMode='PAY_PER_REQUEST',
            GlobalSecondaryIndexes=[
                {'IndexName': 'keys', 'KeySchema': [{'AttributeName': 'gk', 'KeyType': 'HASH'}, {'AttributeName': 'gs', 'KeyType': 'RANGE'}],
                 'Projection': {'ProjectionType': 'KEYS_ONLY'}},
                {'IndexName': 'incl', 'KeySchema': [{'AttributeName': 'gk', 'KeyType': 'HASH'}],
                 'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['a']}},
                {'IndexName': 'all', 'KeySchema': [{'AttributeName': 'gs', 'KeyType': 'HASH'}],
                 'Projection': {'ProjectionType': 'ALL'}},
            ],
            LocalSecondaryIndexes=[
                {'IndexName': 'lsi', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'lk', 'KeyType': 'RANGE'}],
                 'Projection': {'ProjectionType': 'KEYS_ONLY'}},
            ])
        rnd = random.Random(11)
        cls.items = []
        for i in range(400):
            it = {'pk': S('p%d' % (i % 4)), 'sk': S('s%04d' % i), 'a': S('a%d' % i), 'b': S('b' * rnd.randint(1, 50))}
            if i % 5 != 0:  # sparse: every fifth item has no GSI key
                it['gk'] = S('g%d' % (i % 3))
                it['gs'] = N(rnd.randint(0, 40))
            if i % 2 == 0:
                it['lk'] = N(rnd.randint(-100, 100))
            cls.items.append(it)
        put_all(cls.ddb, 'idx', cls.items)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def expected(self, index_keys, table_keys=('pk', 'sk'), where=lambda it: True):
        """Items in the index, in index order: index keys, then table keys (S/N ordering)."""
        def conv(v):
            return D(v['N']) if 'N' in v else v['S']
        have = [it for it in self.items if all(k in it for k in index_keys) and where(it)]
        return sorted(have, key=lambda it: [conv(it[k]) for k in list(index_keys) + list(table_keys)])

    def test_projections(self):
        r = self.ddb.query(TableName='idx', IndexName='keys', KeyConditionExpression='gk = :g', ExpressionAttributeValues={':g': S('g1')})
        self.assertTrue(r['Items'])
        for it in r['Items']:
            self.assertEqual(set(it), {'pk', 'sk', 'gk', 'gs'})
        r = self.ddb.query(TableName='idx', IndexName='incl', KeyConditionExpression='gk = :g', ExpressionAttributeValues={':g': S('g1')})
        for it in r['Items']:
            self.assertEqual(set(it), {'pk', 'sk', 'gk', 'a'})
        r = self.ddb.query(TableName='idx', IndexName='all', KeyConditionExpression='gs = :g', ExpressionAttributeValues={':g': N(7)})
        full = {(it['pk']['S'], it['sk']['S']): it for it in self.items}
        for it in r['Items']:
            self.assertEqual(it, full[(it['pk']['S'], it['sk']['S'])])
        r = self.ddb.query(TableName='idx', IndexName='lsi', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': S('p2')})
        for it in r['Items']:
            self.assertEqual(set(it), {'pk', 'sk', 'lk'})

    def test_sparse_scan_and_counts(self):
        items, _, _ = paginate(self.ddb, 'scan', TableName='idx', IndexName='incl', Limit=33)
        expected = [it for it in self.items if 'gk' in it]
        self.assertEqual(len(items), len(expected))
        self.assertEqual(sorted((i['pk']['S'], i['sk']['S']) for i in items),
                         sorted((i['pk']['S'], i['sk']['S']) for i in expected))
        desc = self.ddb.describe_table(TableName='idx')
        self.assertEqual(index_of(desc, 'incl')['ItemCount'], len(expected))
        self.assertEqual(index_of(desc, 'lsi')['ItemCount'], len([i for i in self.items if 'lk' in i]))
        # ALL entries are whole items: the table's bytes less those of the items it lacks.
        self.assertLess(index_of(desc, 'all')['IndexSizeBytes'], desc['Table']['TableSizeBytes'])
        self.assertGreater(index_of(desc, 'all')['IndexSizeBytes'], desc['Table']['TableSizeBytes'] * 3 // 4)
        self.assertGreater(index_of(desc, 'keys')['IndexSizeBytes'], 0)
        self.assertLess(index_of(desc, 'keys')['IndexSizeBytes'], index_of(desc, 'all')['IndexSizeBytes'])
        for name in ('keys', 'incl', 'all'):
            self.assertEqual(index_of(desc, name)['IndexStatus'], 'ACTIVE')

    def test_parallel_scan_on_index(self):
        seen = []
        for seg in range(3):
            items, _, _ = paginate(self.ddb, 'scan', TableName='idx', IndexName='all', Segment=seg, TotalSegments=3, Limit=17)
            seen += [(i['pk']['S'], i['sk']['S']) for i in items]
        self.assertEqual(sorted(seen), sorted((i['pk']['S'], i['sk']['S']) for i in self.items if 'gs' in i))

    def test_gsi_query_pagination(self):
        for forward in (True, False):
            for limit in (1, 7, 50):
                items, pages, keys = paginate(self.ddb, 'query', TableName='idx', IndexName='keys', Limit=limit,
                                              ScanIndexForward=forward,
                                              KeyConditionExpression='gk = :g AND gs BETWEEN :lo AND :hi',
                                              ExpressionAttributeValues={':g': S('g2'), ':lo': N(5), ':hi': N(30)})
                exp = self.expected(('gk', 'gs'), where=lambda it: it.get('gk') == S('g2') and 5 <= int(it['gs']['N']) <= 30)
                if not forward:
                    exp = exp[::-1]
                self.assertEqual([(i['pk']['S'], i['sk']['S']) for i in items], [(i['pk']['S'], i['sk']['S']) for i in exp])
                for k in keys:
                    self.assertEqual(set(k), {'gk', 'gs', 'pk', 'sk'})

    def test_lsi_query_pagination_and_fetch(self):
        items, _, keys = paginate(self.ddb, 'query', TableName='idx', IndexName='lsi', Limit=9, ScanIndexForward=False,
                                  KeyConditionExpression='pk = :p AND lk > :v', ExpressionAttributeValues={':p': S('p0'), ':v': N(-50)})
        exp = self.expected(('pk', 'lk'), table_keys=('sk',), where=lambda it: it['pk'] == S('p0') and 'lk' in it and int(it['lk']['N']) > -50)[::-1]
        self.assertEqual([(i['sk']['S']) for i in items], [i['sk']['S'] for i in exp])
        self.assertTrue(keys)
        self.assertEqual(set(keys[0]), {'pk', 'sk', 'lk'})
        # Attributes outside an LSI's projection are fetched from the table, at the table's cost.
        r = self.ddb.query(TableName='idx', IndexName='lsi', Select='ALL_ATTRIBUTES', ReturnConsumedCapacity='INDEXES',
                           KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': S('p0')})
        full = {(it['pk']['S'], it['sk']['S']): it for it in self.items}
        self.assertTrue(r['Items'])
        for it in r['Items']:
            self.assertEqual(it, full[(it['pk']['S'], it['sk']['S'])])
        cc = r['ConsumedCapacity']
        self.assertGreater(cc['Table']['CapacityUnits'], 0)
        self.assertGreater(cc['LocalSecondaryIndexes']['lsi']['CapacityUnits'], 0)
        self.assertAlmostEqual(cc['CapacityUnits'], cc['Table']['CapacityUnits'] + cc['LocalSecondaryIndexes']['lsi']['CapacityUnits'])
        r = self.ddb.query(TableName='idx', IndexName='lsi', ProjectionExpression='b, sk',
                           KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': S('p0')})
        for it in r['Items']:
            self.assertEqual(it['b'], full[('p0', it['sk']['S'])]['b'])

    def test_read_rules(self):
        self.assertEqual(error_of(self.ddb.query, TableName='idx', IndexName='keys', Select='ALL_ATTRIBUTES',
                                  KeyConditionExpression='gk = :g', ExpressionAttributeValues={':g': S('g1')}),
                         ('ValidationException', 'One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported '
                                                 'for global secondary index keys because its projection type is not ALL'))
        self.assertEqual(error_of(self.ddb.query, TableName='idx', IndexName='keys', ConsistentRead=True,
                                  KeyConditionExpression='gk = :g', ExpressionAttributeValues={':g': S('g1')}),
                         ('ValidationException', 'Consistent reads are not supported on global secondary indexes'))
        self.assertEqual(error_of(self.ddb.scan, TableName='idx', IndexName='nope'),
                         ('ValidationException', 'The table does not have the specified index: nope'))
        # ExclusiveStartKey on an index holds the index and the table keys.
        self.assertEqual(error_of(self.ddb.query, TableName='idx', IndexName='keys', ExclusiveStartKey={'pk': S('p1'), 'sk': S('s0001')},
                                  KeyConditionExpression='gk = :g', ExpressionAttributeValues={':g': S('g1')}),
                         ('ValidationException', 'The provided starting key is invalid'))
        self.assertEqual(error_of(self.ddb.scan, TableName='idx', IndexName='keys',
                                  ExclusiveStartKey={'pk': S('p0'), 'sk': S('s0001'), 'gk': N(1), 'gs': N(1)}),
                         ('ValidationException', 'The provided key element does not match the schema'))
        r = self.ddb.query(TableName='idx', IndexName='all', ReturnConsumedCapacity='INDEXES',
                           KeyConditionExpression='gs = :g', ExpressionAttributeValues={':g': N(3)})
        self.assertEqual(r['ConsumedCapacity']['Table'], {'CapacityUnits': 0.0})
        self.assertIn('all', r['ConsumedCapacity']['GlobalSecondaryIndexes'])

    def test_wrong_type_index_key_rejected(self):
        code, msg = error_of(self.ddb.put_item, TableName='idx', Item={'pk': S('x'), 'sk': S('y'), 'gk': N(1)})
        self.assertEqual(code, 'ValidationException')
        self.assertIn('Type mismatch for Index Key gk Expected: S Actual: N IndexName:', msg)
        code, msg = error_of(self.ddb.update_item, TableName='idx', Key={'pk': S('p0'), 'sk': S('s0000')},
                             UpdateExpression='SET gs = :v', ExpressionAttributeValues={':v': S('text')})
        self.assertIn('Type mismatch for Index Key gs', msg)
        self.assertNotIn('Item', self.ddb.get_item(TableName='idx', Key={'pk': S('x'), 'sk': S('y')}))

    def test_index_key_size_limits(self):
        """A write whose index key is past the key limits is rejected (AWS), not left out of the index."""
        big = 'z' * 2049
        writes = [
            lambda: self.ddb.put_item(TableName='idx', Item={'pk': S('big'), 'sk': S('1'), 'gk': S(big), 'gs': N(1)}),
            lambda: self.ddb.update_item(TableName='idx', Key={'pk': S('p1'), 'sk': S('s0001')},
                                         UpdateExpression='SET gk = :v', ExpressionAttributeValues={':v': S(big)}),
            lambda: self.ddb.batch_write_item(RequestItems={'idx': [{'PutRequest': {'Item': {'pk': S('big'), 'sk': S('2'), 'gk': S(big)}}}]}),
            lambda: self.ddb.transact_write_items(TransactItems=[{'Put': {'TableName': 'idx', 'Item': {'pk': S('big'), 'sk': S('3'), 'gk': S(big)}}}]),
        ]
        before = self.ddb.get_item(TableName='idx', Key={'pk': S('p1'), 'sk': S('s0001')})['Item']
        for write in writes:
            code, msg = error_of(write)
            self.assertEqual(code, 'ValidationException')
            self.assertRegex(msg, r'^One or more parameter values were invalid: Size limit exceeded for Index Key gk Actual Size: 2049 bytes '
                                  r'Max Size: 2048 bytes IndexName: (keys|incl)$')
        self.assertEqual(self.ddb.get_item(TableName='idx', Key={'pk': S('p1'), 'sk': S('s0001')})['Item'], before)
        self.assertEqual(self.ddb.query(TableName='idx', KeyConditionExpression='pk = :p', ExpressionAttributeValues={':p': S('big')})['Count'], 0)
        # A sort key of an index is held to 1024 bytes; 2048 and 1024 bytes themselves are fine.
        self.ddb.put_item(TableName='idx', Item={'pk': S('big'), 'sk': S('5'), 'gk': S('q' * 2048), 'gs': N(1)})
        self.assertEqual(self.ddb.query(TableName='idx', IndexName='keys', KeyConditionExpression='gk = :g',
                                        ExpressionAttributeValues={':g': S('q' * 2048)})['Count'], 1)
        self.ddb.delete_item(TableName='idx', Key={'pk': S('big'), 'sk': S('5')})

    def test_include_projection_rules(self):
        def table(indexes, name='proj', call=None):
            return (call or (lambda **kw: error_of(self.raw.create_table, **kw)))(TableName=name, BillingMode='PAY_PER_REQUEST',
                            AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'g', 'AttributeType': 'S'}],
                            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}], GlobalSecondaryIndexes=indexes)
        def gsi(name, projection):
            return {'IndexName': 'index-' + name, 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}], 'Projection': projection}
        self.assertEqual(table([gsi('g1', {'ProjectionType': 'INCLUDE'})]),
                         ('ValidationException', 'One or more parameter values were invalid: ProjectionType is INCLUDE, but NonKeyAttributes is not specified'))
        # 100 NonKeyAttributes across the indexes (an attribute in two counts twice), not 101.
        six = [gsi('g%d' % i, {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['a%d' % (j + 20 * (i // 2)) for j in range(20)]}) for i in range(6)]
        code, msg = table(six)
        self.assertEqual(code, 'ValidationException')
        self.assertIn('Number of projected attributes in all indexes exceeds limit of 100', msg)
        self.assertNotIn('proj', self.ddb.list_tables()['TableNames'])
        table(six[:5], 'proj100', self.ddb.create_table)
        self.assertEqual(error_of(self.ddb.update_table, TableName='proj100', AttributeDefinitions=[{'AttributeName': 'g', 'AttributeType': 'S'}],
                                  GlobalSecondaryIndexUpdates=[{'Create': gsi('g9', {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['b']})}])[1],
                         'One or more parameter values were invalid: Number of projected attributes in all indexes exceeds limit of 100, '
                         'number of projected attributes: 101')
        self.ddb.update_table(TableName='proj100', AttributeDefinitions=[{'AttributeName': 'g', 'AttributeType': 'S'}],
                              GlobalSecondaryIndexUpdates=[{'Create': gsi('g9', {'ProjectionType': 'KEYS_ONLY'})}])
        wait_active(self.ddb, 'proj100', 'index-g9')  # a table is not deleted while an index backfills
        self.ddb.delete_table(TableName='proj100')

    def test_write_capacity_with_indexes(self):
        self.ddb.create_table(
            TableName='cap', BillingMode='PAY_PER_REQUEST',
            AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'x', 'AttributeType': 'S'},
                                  {'AttributeName': 'y', 'AttributeType': 'S'}],
            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
            GlobalSecondaryIndexes=[
                {'IndexName': 'gsx', 'KeySchema': [{'AttributeName': 'x', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'}},
                {'IndexName': 'gsy', 'KeySchema': [{'AttributeName': 'y', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'KEYS_ONLY'}}])
        r = self.ddb.put_item(TableName='cap', Item={'pk': S('1'), 'x': S('a'), 'y': S('b')}, ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['ConsumedCapacity'], {'TableName': 'cap', 'CapacityUnits': 3.0, 'Table': {'CapacityUnits': 1.0},
                                                 'GlobalSecondaryIndexes': {'gsx': {'CapacityUnits': 1.0}, 'gsy': {'CapacityUnits': 1.0}}})
        # x changes: delete and put in gsx; y unchanged and gsy holds keys only: gsy untouched.
        r = self.ddb.put_item(TableName='cap', Item={'pk': S('1'), 'x': S('c'), 'y': S('b')}, ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['ConsumedCapacity']['GlobalSecondaryIndexes'], {'gsx': {'CapacityUnits': 2.0}})
        self.assertEqual(r['ConsumedCapacity']['CapacityUnits'], 3.0)
        r = self.ddb.update_item(TableName='cap', Key={'pk': S('1')}, UpdateExpression='SET z = :z',
                                 ExpressionAttributeValues={':z': S('zz')}, ReturnConsumedCapacity='TOTAL')
        self.assertEqual(r['ConsumedCapacity'], {'TableName': 'cap', 'CapacityUnits': 2.0})
        r = self.ddb.delete_item(TableName='cap', Key={'pk': S('1')}, ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['ConsumedCapacity']['GlobalSecondaryIndexes'], {'gsx': {'CapacityUnits': 1.0}, 'gsy': {'CapacityUnits': 1.0}})
        r = self.ddb.batch_write_item(RequestItems={'cap': [{'PutRequest': {'Item': {'pk': S(str(i)), 'x': S('q')}}} for i in range(3)]},
                                      ReturnConsumedCapacity='INDEXES')
        self.assertEqual(r['ConsumedCapacity'], [{'TableName': 'cap', 'CapacityUnits': 6.0, 'Table': {'CapacityUnits': 3.0},
                                                  'GlobalSecondaryIndexes': {'gsx': {'CapacityUnits': 3.0}}}])

    def test_backfill_while_writing(self):
        ddb = self.ddb
        ddb.create_table(TableName='bfill', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'N'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
        n = 6000
        put_all(ddb, 'bfill', [{'pk': N(i), 'v': S('v%d' % (i % 50)), 'w': N(i)} for i in range(n)]
                + [{'pk': N(n + i), 'v': N(i)} for i in range(20)])  # wrong type for the new key: skipped
        r = ddb.update_table(TableName='bfill', AttributeDefinitions=[{'AttributeName': 'v', 'AttributeType': 'S'}],
                             GlobalSecondaryIndexUpdates=[{'Create': {'IndexName': 'byv', 'KeySchema': [{'AttributeName': 'v', 'KeyType': 'HASH'}],
                                                                      'Projection': {'ProjectionType': 'ALL'}}}])
        created = index_of({'Table': r['TableDescription']}, 'byv')
        self.assertEqual(created['IndexStatus'], 'CREATING')
        self.assertTrue(created['Backfilling'])
        code, msg = error_of(ddb.query, TableName='bfill', IndexName='byv', KeyConditionExpression='v = :v',
                             ExpressionAttributeValues={':v': S('v1')})
        self.assertEqual((code, msg), ('ValidationException', 'Cannot read from backfilling global secondary index: byv'))
        self.assertEqual(error_of(ddb.update_table, TableName='bfill', AttributeDefinitions=[{'AttributeName': 'w', 'AttributeType': 'N'}],
                                  GlobalSecondaryIndexUpdates=[{'Create': {'IndexName': 'byw', 'KeySchema': [{'AttributeName': 'w', 'KeyType': 'HASH'}],
                                                                           'Projection': {'ProjectionType': 'ALL'}}}])[0],
                         'LimitExceededException')
        # Writes go on during the backfill: moves, removals of the key, deletes, inserts.
        stop = threading.Event()
        errors = []

        def writer(seed):
            c = boto3_client(self.server)
            rnd = random.Random(seed)
            try:
                while not stop.is_set():
                    i = rnd.randrange(n + 200)
                    op = rnd.random()
                    if op < 0.4:
                        c.put_item(TableName='bfill', Item={'pk': N(i), 'v': S('x%d' % rnd.randrange(30)), 'w': N(seed)})
                    elif op < 0.6:
                        c.update_item(TableName='bfill', Key={'pk': N(i)}, UpdateExpression='REMOVE v')
                    elif op < 0.8:
                        c.delete_item(TableName='bfill', Key={'pk': N(i)})
                    else:
                        c.update_item(TableName='bfill', Key={'pk': N(i)}, UpdateExpression='SET v = :v',
                                      ExpressionAttributeValues={':v': S('u%d' % rnd.randrange(9))})
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=writer, args=(s,)) for s in range(3)]
        for t in threads:
            t.start()
        try:
            idx = wait_active(ddb, 'bfill', 'byv', timeout=120)
        finally:
            stop.set()
            for t in threads:
                t.join()
        self.assertEqual(errors, [])
        self.assertNotIn('Backfilling', idx)
        table_items, _, _ = paginate(ddb, 'scan', TableName='bfill')
        index_items, _, _ = paginate(ddb, 'scan', TableName='bfill', IndexName='byv', Limit=500)
        expected = sorted(((it['pk']['N'], it['v']['S']) for it in table_items if 'S' in it.get('v', {})))
        got = sorted((it['pk']['N'], it['v']['S']) for it in index_items)
        self.assertEqual(got, expected)
        full = {it['pk']['N']: it for it in table_items}
        for it in index_items:
            self.assertEqual(it, full[it['pk']['N']])
        desc = index_of(ddb.describe_table(TableName='bfill'), 'byv')
        self.assertEqual(desc['ItemCount'], len(expected))
        # Wrong types are rejected now that the index exists.
        self.assertIn('Type mismatch for Index Key v', error_of(ddb.put_item, TableName='bfill', Item={'pk': N(1), 'v': N(3)})[1])

        # Delete: gone at once (no delayed statuses), its key type no longer enforced.
        r = ddb.update_table(TableName='bfill', GlobalSecondaryIndexUpdates=[{'Delete': {'IndexName': 'byv'}}])
        self.assertEqual(index_of({'Table': r['TableDescription']}, 'byv')['IndexStatus'], 'DELETING')
        self.assertIsNone(index_of(ddb.describe_table(TableName='bfill'), 'byv'))
        self.assertEqual(error_of(ddb.query, TableName='bfill', IndexName='byv', KeyConditionExpression='v = :v',
                                  ExpressionAttributeValues={':v': S('v1')}),
                         ('ValidationException', 'The table does not have the specified index: byv'))
        ddb.put_item(TableName='bfill', Item={'pk': N(1), 'v': N(3)})
        self.assertEqual(ddb.describe_table(TableName='bfill')['Table']['AttributeDefinitions'],
                         [{'AttributeName': 'pk', 'AttributeType': 'N'}])
        ddb.delete_table(TableName='bfill')

    def test_update_table_index_errors(self):
        ddb, raw = self.ddb, self.raw
        create = {'IndexName': 'incl', 'KeySchema': [{'AttributeName': 'a', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'}}
        self.assertEqual(error_of(ddb.update_table, TableName='idx', AttributeDefinitions=[{'AttributeName': 'a', 'AttributeType': 'S'}],
                                  GlobalSecondaryIndexUpdates=[{'Create': create}]),
                         ('ValidationException', 'Attempting to create an index which already exists'))
        two = [{'Create': dict(create, IndexName='new1')}, {'Create': dict(create, IndexName='new2')}]
        self.assertEqual(error_of(ddb.update_table, TableName='idx', AttributeDefinitions=[{'AttributeName': 'a', 'AttributeType': 'S'}],
                                  GlobalSecondaryIndexUpdates=two),
                         ('LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table'))
        self.assertEqual(error_of(ddb.update_table, TableName='idx', GlobalSecondaryIndexUpdates=[{'Create': dict(create, IndexName='new1')}]),
                         ('ValidationException', 'One or more parameter values were invalid: AttributeDefinitions is not specified for index: new1'))
        self.assertEqual(error_of(ddb.update_table, TableName='idx', GlobalSecondaryIndexUpdates=[{'Delete': {'IndexName': 'ghost'}}]),
                         ('ResourceNotFoundException', 'Requested resource not found: Index: ghost not found for table: idx'))
        self.assertEqual(error_of(ddb.update_table, TableName='idx', GlobalSecondaryIndexUpdates=[{'Delete': {'IndexName': 'lsi'}}]),
                         ('ValidationException', 'Cannot delete an index that is not a GlobalSecondaryIndex: lsi'))
        self.assertEqual(error_of(raw.update_table, TableName='idx', GlobalSecondaryIndexUpdates=[{}]),
                         ('ValidationException', 'One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, '
                                                 'GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null'))
        self.assertIn('redefined', error_of(ddb.update_table, TableName='idx', AttributeDefinitions=[{'AttributeName': 'gk', 'AttributeType': 'N'}],
                                            GlobalSecondaryIndexUpdates=[{'Create': {'IndexName': 'new3', 'KeySchema': [{'AttributeName': 'gk', 'KeyType': 'HASH'}],
                                                                                     'Projection': {'ProjectionType': 'ALL'}}}])[1])


    def test_switch_to_provisioned_needs_every_gsi_capacity(self):
        """From on-demand to provisioned, each GSI the table keeps needs its capacity in the same call; a refused
        switch changes nothing."""
        ddb = self.ddb
        ddb.create_table(TableName='bill', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'a', 'AttributeType': 'S'},
                                               {'AttributeName': 'b', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
                         GlobalSecondaryIndexes=[{'IndexName': name, 'KeySchema': [{'AttributeName': attr, 'KeyType': 'HASH'}],
                                                  'Projection': {'ProjectionType': 'KEYS_ONLY'}} for name, attr in (('gia', 'a'), ('gib', 'b'))])
        capacity = {'ReadCapacityUnits': 2, 'WriteCapacityUnits': 3}
        update = lambda name: {'Update': {'IndexName': name, 'ProvisionedThroughput': capacity}}
        self.assertEqual(error_of(ddb.update_table, TableName='bill', BillingMode='PROVISIONED', ProvisionedThroughput=capacity),
                         ('ValidationException', 'One or more parameter values were invalid: ProvisionedThroughput must be specified for index: gia,gib'))
        self.assertEqual(error_of(ddb.update_table, TableName='bill', BillingMode='PROVISIONED', ProvisionedThroughput=capacity,
                                  GlobalSecondaryIndexUpdates=[update('gia')]),
                         ('ValidationException', 'One or more parameter values were invalid: ProvisionedThroughput must be specified for index: gib'))
        table = ddb.describe_table(TableName='bill')['Table']
        self.assertEqual(table['BillingModeSummary']['BillingMode'], 'PAY_PER_REQUEST')
        ddb.update_table(TableName='bill', BillingMode='PROVISIONED', ProvisionedThroughput=capacity,
                         GlobalSecondaryIndexUpdates=[update('gia'), update('gib')])
        table = ddb.describe_table(TableName='bill')['Table']
        self.assertEqual(table['BillingModeSummary']['BillingMode'], 'PROVISIONED')
        for index in table['GlobalSecondaryIndexes']:
            self.assertEqual((index['ProvisionedThroughput']['ReadCapacityUnits'], index['ProvisionedThroughput']['WriteCapacityUnits']), (2, 3))
        # Back on demand the indexes have no capacity either, so the same values may be given again later.
        ddb.update_table(TableName='bill', BillingMode='PAY_PER_REQUEST')
        for index in ddb.describe_table(TableName='bill')['Table']['GlobalSecondaryIndexes']:
            self.assertEqual((index['ProvisionedThroughput']['ReadCapacityUnits'], index['ProvisionedThroughput']['WriteCapacityUnits']), (0, 0))
        self.assertIn('gib', error_of(ddb.update_table, TableName='bill', BillingMode='PROVISIONED', ProvisionedThroughput=capacity,
                                      GlobalSecondaryIndexUpdates=[update('gia')])[1])
        ddb.update_table(TableName='bill', BillingMode='PROVISIONED', ProvisionedThroughput=capacity,
                         GlobalSecondaryIndexUpdates=[update('gia'), update('gib')])
        for index in ddb.describe_table(TableName='bill')['Table']['GlobalSecondaryIndexes']:
            self.assertEqual((index['ProvisionedThroughput']['ReadCapacityUnits'], index['ProvisionedThroughput']['WriteCapacityUnits']), (2, 3))
        ddb.delete_table(TableName='bill')

class ItemCollectionTest(unittest.TestCase):
    """A small limit (--item-collection-limit-bytes) so that tests reach it."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True, extra_args=['--item-collection-limit-bytes', '3000']).start()
        cls.ddb = boto3_client(cls.server)
        cls.ddb.create_table(
            TableName='coll', BillingMode='PAY_PER_REQUEST',
            AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'},
                                  {'AttributeName': 'l', 'AttributeType': 'S'}],
            KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
            LocalSecondaryIndexes=[{'IndexName': 'byl', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'l', 'KeyType': 'RANGE'}],
                                    'Projection': {'ProjectionType': 'ALL'}}])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_metrics_and_limit(self):
        ddb = self.ddb
        r = ddb.put_item(TableName='coll', Item={'pk': S('a'), 'sk': N(1), 'l': S('x'), 'd': S('d' * 500)}, ReturnItemCollectionMetrics='SIZE')
        self.assertEqual(r['ItemCollectionMetrics'], {'ItemCollectionKey': {'pk': S('a')}, 'SizeEstimateRangeGB': [0.0, 1.0]})
        # Items and their LSI entries count: ~1 KB per item here.
        code = None
        for i in range(2, 10):
            try:
                ddb.put_item(TableName='coll', Item={'pk': S('a'), 'sk': N(i), 'l': S('x'), 'd': S('d' * 500)})
            except ClientError as e:
                code, msg = e.response['Error']['Code'], e.response['Error']['Message']
                break
        self.assertEqual(code, 'ItemCollectionSizeLimitExceededException')
        self.assertEqual(msg, 'Item collection size limit exceeded')
        self.assertNotIn('Item', ddb.get_item(TableName='coll', Key={'pk': S('a'), 'sk': N(i)}))
        # Another partition key is another collection; shrinking a full one works.
        ddb.put_item(TableName='coll', Item={'pk': S('b'), 'sk': N(1), 'd': S('d' * 500)})
        ddb.delete_item(TableName='coll', Key={'pk': S('a'), 'sk': N(1)})
        ddb.put_item(TableName='coll', Item={'pk': S('a'), 'sk': N(1), 'l': S('y')})
        r = ddb.batch_write_item(RequestItems={'coll': [{'PutRequest': {'Item': {'pk': S('c'), 'sk': N(1)}}},
                                                        {'DeleteRequest': {'Key': {'pk': S('b'), 'sk': N(1)}}}]},
                                 ReturnItemCollectionMetrics='SIZE')
        got = sorted(m['ItemCollectionKey']['pk']['S'] for m in r['ItemCollectionMetrics']['coll'])
        self.assertEqual(got, ['b', 'c'])
        # Tables without LSIs report no metrics.
        ddb.create_table(TableName='plain', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
        r = ddb.put_item(TableName='plain', Item={'pk': S('a'), 'd': S('d' * 5000)}, ReturnItemCollectionMetrics='SIZE')
        self.assertNotIn('ItemCollectionMetrics', r)


if __name__ == '__main__':
    unittest.main()
