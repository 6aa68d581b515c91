#!/usr/bin/env python3
"""Random requests against dynamodesk-server and dynalite 4, compared answer by
answer (tools/dynalite_diff.py does the same with the fuzzer's corpus):

  queries      Query on a table with a GSI (INCLUDE) and an LSI (KEYS_ONLY):
               key conditions of every operator, filters, Limit, direction,
               Select COUNT, projections, every page to the end. Items are
               compared as a whole (Count, the items as a set, or the error):
               the order of index entries with equal keys is the store's own.
  expressions  Scan filters, projections, conditional PutItem and UpdateItem
               (SET with + - list_append if_not_exists, REMOVE, ADD, DELETE)
               over items of every attribute type, nested maps and lists.
  legacy       the same through the legacy parameters: ScanFilter, Expected
               (ComparisonOperator, Value, Exists) with ConditionalOperator,
               AttributeUpdates (PUT, ADD, DELETE) with every ReturnValues.
  batches      BatchWriteItem and BatchGetItem over two tables: duplicates,
               wrong keys, empty and oversized lists, projections; after each
               request both tables are scanned, and their items must agree.
  tables       UpdateTable on a fresh on-demand table with a GSI: index
               create, delete and update, billing switches, capacity.

Known differences that are dynalite's, not ours (check new ones against AWS's
documentation before changing anything):
  - an LSI's unprojected attributes: dynalite does not fetch them from the
    table for a filter or a projection; AWS does, and so do we;
  - two missing operands compare equal in dynalite (`a = b`, `a <= b` with
    neither attribute present is true there); AWS compares nothing missing;
  - static operand checks: AWS refuses `:v < x` with :v a set, BOOL, NULL, M
    or L ("Incorrect operand type ..."), dynalite evaluates it;
  - `REMOVE l[0], l[1]` removes by the list's original positions on AWS and
    here (both first elements go); dynalite removes one after the other;
  - syntax errors are worded "Expected ... but ... found" by dynalite;
  - dynalite's IN with a missing operand crashes it (it is restarted);
  - legacy: dynalite drops matches of ConditionalOperator OR in ScanFilter
    and Expected (an attribute-less `Exists: false` OR'ed in, a NULL test);
    of several invalid conditions it reports the first in the request's
    order, we the first by name;
  - an UPDATED_OLD or UPDATED_NEW with nothing to return: dynalite answers
    `Attributes: {}`, AWS and we leave Attributes out.

  - a value echoed in a validation message: AWS prints Java objects (with
    hash codes), dynalite and we print JSON;

  - UpdateTable: dynalite accepts creating an index that exists and
    deleting one that does not, and knows no StreamSpecification there;

  tools/dynalite_random.py queries|expressions|legacy|batches|tables [--count N] [--seed S] [--build DIR]
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dynalite_diff as dd  # noqa: E402
from dynamodesk import Server  # noqa: E402  (dynalite_diff puts tests/e2e on the path)


def recreate(url, create, items):
    """Drops every table, then makes `create` (one table or a list) and puts `items` into the first."""
    creates = create if isinstance(create, list) else [create]
    dd.drop_tables(url)
    for table in creates:
        dd.create_table(url, table)
    for item in items:
        status, answer = dd.call(url, 'PutItem', json.dumps({'TableName': creates[0]['TableName'], 'Item': item}))
        if status != 200:
            sys.exit('PutItem at %s: %s' % (url, answer))


# ---- queries

QUERY_TABLE = {
    'TableName': 'qry', 'BillingMode': 'PAY_PER_REQUEST',
    'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'},
                             {'AttributeName': 'g', 'AttributeType': 'S'}, {'AttributeName': 's', 'AttributeType': 'S'}],
    'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
    'GlobalSecondaryIndexes': [{'IndexName': 'byg', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'},
                                                                  {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                                'Projection': {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['n']}}],
    'LocalSecondaryIndexes': [{'IndexName': 'bys', 'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                                                 {'AttributeName': 's', 'KeyType': 'RANGE'}],
                               'Projection': {'ProjectionType': 'KEYS_ONLY'}}]}


def query_items():
    items = []
    for p in ['a', 'b', 'c']:
        for i in range(30):
            item = {'pk': {'S': p}, 'sk': {'N': str(i * 3 - 20)}, 's': {'S': 'v%02d' % (i % 7)}, 'n': {'N': str(i % 5)}}
            if i % 4 == 0:
                item['g'] = {'S': 'g%d' % (i % 3)}
            if i % 6 == 0:
                item['big'] = {'S': 'x' * 300}
            if i % 5 == 0:
                item['ss'] = {'SS': ['q', 'r%d' % i]}
            items.append(item)
    for i in range(20):
        items.append({'pk': {'S': 'd'}, 'sk': {'N': str(i)}, 's': {'S': ['ab', 'abc', 'b', 'a', 'ba'][i % 5]}, 'n': {'N': str(-i)}})
    return items


def query_request(rnd):
    request = {'TableName': 'qry'}
    values, names = {}, {}
    index = rnd.choice([None, None, 'byg', 'bys'])
    if index:
        request['IndexName'] = index
    if index == 'byg':
        condition, values[':h'] = 'g = :h', {'S': rnd.choice(['g0', 'g1', 'g2', 'gx'])}
    else:
        condition, values[':h'] = 'pk = :h', {'S': rnd.choice(['a', 'b', 'c', 'd', 'zz'])}
    sort = 's' if index == 'bys' else 'sk'

    def sort_value():
        return {'S': rnd.choice(['a', 'ab', 'b', 'v03', 'v0', 'k'])} if sort == 's' else {'N': str(rnd.randint(-25, 70))}
    r = rnd.random()
    if r < 0.2:
        values[':a'] = sort_value()
        condition += ' AND %s %s :a' % (sort, rnd.choice(['=', '<', '<=', '>', '>=']))
    elif r < 0.35:
        values[':a'], values[':b'] = sort_value(), sort_value()
        condition += ' AND %s BETWEEN :a AND :b' % sort
    elif r < 0.45 and sort == 's':
        values[':a'] = {'S': rnd.choice(['a', 'v0', 'ab', 'b'])}
        condition += ' AND begins_with(s, :a)'
    request['KeyConditionExpression'] = condition
    if rnd.random() < 0.4:
        values[':f'] = {'N': str(rnd.randint(0, 4))}
        request['FilterExpression'] = rnd.choice(['n = :f', 'n > :f', 'attribute_exists(big) OR n < :f',
                                                  'NOT contains(ss, :q) AND n <> :f'])
        if ':q' in request['FilterExpression']:
            values[':q'] = {'S': 'q'}
    if rnd.random() < 0.5:
        request['Limit'] = rnd.randint(1, 12)
    if rnd.random() < 0.5:
        request['ScanIndexForward'] = rnd.random() < 0.5
    if rnd.random() < 0.2:
        request['Select'] = 'COUNT'
    elif rnd.random() < 0.2:
        request['ProjectionExpression'] = rnd.choice(['pk, sk', 'n, s', '#b', 'ss[0], n'])
        if request['ProjectionExpression'] == '#b':
            names['#b'] = 'big'
    request['ExpressionAttributeValues'] = values
    if names:
        request['ExpressionAttributeNames'] = names
    return 'Query', request


def query_outcome(url, request):
    """Count and items (as a sorted list) over every page, or the error."""
    request = dict(request)
    count, items = 0, []
    for _ in range(200):
        status, answer = dd.call(url, 'Query', json.dumps(request))
        if status != 200:
            return ('error', dd.kind(answer), dd.message(answer))
        count += answer.get('Count', 0)
        items += [json.dumps(i, sort_keys=True) for i in answer.get('Items', [])]
        if 'LastEvaluatedKey' not in answer:
            break
        request['ExclusiveStartKey'] = answer['LastEvaluatedKey']
    return ('ok', count, sorted(items))


# ---- expressions

EXPRESSION_TABLE = {'TableName': 'exp', 'BillingMode': 'PAY_PER_REQUEST',
                    'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}],
                    'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}]}
EXPRESSION_ITEMS = [
    {'pk': {'S': 'i1'}, 'n': {'N': '1'}, 's': {'S': 'abc'}, 'b': {'B': 'AQI='}, 'ss': {'SS': ['a', 'b']}, 'ns': {'NS': ['1', '2.5']},
     'l': {'L': [{'S': 'x'}, {'N': '3'}, {'L': [{'N': '1'}]}]},
     'm': {'M': {'x': {'N': '5'}, 'y': {'S': 'yy'}, 'z': {'M': {'q': {'BOOL': True}}}}}, 'bool': {'BOOL': True}},
    {'pk': {'S': 'i2'}, 'n': {'N': '-1.5'}, 's': {'S': 'b'}, 'bs': {'BS': ['AQ==', 'Ag==']}, 'l': {'L': []}, 'm': {'M': {}},
     'nul': {'NULL': True}, 'bool': {'BOOL': False}},
    {'pk': {'S': 'i3'}, 'n': {'N': '100'}, 's': {'S': 'ab'}, 'ss': {'SS': ['abc']}, 'ns': {'NS': ['100']}, 'l': {'L': [{'S': 'a'}]},
     'm': {'M': {'x': {'S': '5'}}}},
    {'pk': {'S': 'i4'}, 's': {'N': '7'}, 'n': {'S': '1'}, 'b': {'B': 'AQ=='}, 'l': {'L': [{'N': '1'}, {'N': '2'}, {'N': '3'}, {'N': '4'}]}},
    {'pk': {'S': 'i5'}, 'n': {'N': '0.001'}, 's': {'S': 'a'}, 'm': {'M': {'x': {'N': '-5'}, 'l': {'L': [{'M': {'k': {'S': 'v'}}}]}}},
     'ss': {'SS': ['b', 'c', 'd']}},
    {'pk': {'S': 'i6'}},
]
PATHS = ['n', 's', 'b', 'ss', 'ns', 'bs', 'l', 'm', 'bool', 'nul', 'missing', 'm.x', 'm.y', 'm.z.q', 'm.l[0].k', 'l[0]', 'l[1]',
         'l[2][0]', 'l[5]', 'm.missing', 'pk']
VALUES = [{'N': '1'}, {'N': '-1.5'}, {'N': '100'}, {'N': '0.001'}, {'N': '5'}, {'N': '2.5'}, {'N': '3'}, {'S': 'a'}, {'S': 'ab'},
          {'S': 'abc'}, {'S': 'b'}, {'S': 'x'}, {'S': '5'}, {'B': 'AQ=='}, {'B': 'AQI='}, {'SS': ['a']}, {'SS': ['b', 'c']},
          {'NS': ['1']}, {'NS': ['2.5', '7']}, {'BS': ['AQ==']}, {'L': [{'N': '1'}]}, {'L': [{'S': 'x'}, {'N': '3'}]},
          {'M': {'x': {'N': '5'}}}, {'BOOL': True}, {'BOOL': False}, {'NULL': True}]
TYPES = ['S', 'N', 'B', 'SS', 'NS', 'BS', 'L', 'M', 'BOOL', 'NULL']


class Expression:
    """Names and values of one request's expressions, as they are written."""

    def __init__(self, rnd):
        self.rnd, self.names, self.values = rnd, {}, {}

    def path(self, path=None):
        parts = []
        for part in (path or self.rnd.choice(PATHS)).split('.'):
            base, bracket, index = part.partition('[')
            if self.rnd.random() < 0.4 or base in ('bool', 'nul'):  # reserved words need a #name
                self.names['#' + base] = base
                base = '#' + base
            parts.append(base + bracket + index)
        return '.'.join(parts)

    def value(self, value=None):
        name = ':v%d' % len(self.values)
        self.values[name] = value if value is not None else self.rnd.choice(VALUES)
        return name

    def operand(self):
        r = self.rnd.random()
        if r < 0.45:
            return self.path()
        return self.value() if r < 0.9 else 'size(%s)' % self.path()

    def condition(self, depth=0):
        rnd = self.rnd
        r = rnd.random()
        if depth < 2 and r < 0.25:
            return '(%s) %s (%s)' % (self.condition(depth + 1), rnd.choice(['AND', 'OR']), self.condition(depth + 1))
        if depth < 2 and r < 0.32:
            return 'NOT ' + self.condition(depth + 1)
        r = rnd.random()
        if r < 0.4:
            return '%s %s %s' % (self.operand(), rnd.choice(['=', '<>', '<', '<=', '>', '>=']), self.operand())
        if r < 0.5:
            return '%s BETWEEN %s AND %s' % (self.operand(), self.operand(), self.operand())
        if r < 0.58:
            return '%s IN (%s)' % (self.operand(), ', '.join(self.operand() for _ in range(rnd.randint(1, 3))))
        f = rnd.choice(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size'])
        if f in ('attribute_exists', 'attribute_not_exists'):
            return '%s(%s)' % (f, self.path())
        if f == 'attribute_type':
            return 'attribute_type(%s, %s)' % (self.path(), self.value({'S': rnd.choice(TYPES)}))
        if f == 'size':
            return 'size(%s) %s %s' % (self.path(), rnd.choice(['=', '<', '>=']), self.value({'N': str(rnd.randint(0, 4))}))
        return '%s(%s, %s)' % (f, self.path(), self.operand() if f == 'contains' else self.value())

    def update(self):
        rnd, clauses, used = self.rnd, {}, set()

        def fresh():  # a path no other action of this update overlaps
            for _ in range(10):
                p = rnd.choice(PATHS)
                if p != 'pk' and not any(p == u or p.startswith((u + '.', u + '[')) or u.startswith((p + '.', p + '['))
                                         for u in used):
                    used.add(p)
                    return self.path(p)
            return None
        for _ in range(rnd.randint(1, 3)):
            action, path = rnd.choice(['SET', 'SET', 'REMOVE', 'ADD', 'DELETE']), fresh()
            if not path:
                continue
            if action == 'SET':
                r = rnd.random()
                if r < 0.4:
                    text = '%s = %s' % (path, self.value())
                elif r < 0.6:
                    text = '%s = %s %s %s' % (path, self.operand(), rnd.choice('+-'), self.operand())
                elif r < 0.8:
                    text = '%s = list_append(%s, %s)' % (path, rnd.choice([self.path('l'), self.value({'L': [{'S': 'new'}]})]),
                                                        self.value({'L': [{'N': '9'}]}))
                else:
                    text = '%s = if_not_exists(%s, %s)' % (path, self.path(), self.value())
            elif action == 'REMOVE':
                text = path
            elif action == 'ADD':
                text = '%s %s' % (path, self.value(rnd.choice([{'N': '2'}, {'SS': ['z']}, {'NS': ['9']}, {'S': 'q'}])))
            else:
                text = '%s %s' % (path, self.value(rnd.choice([{'SS': ['a']}, {'NS': ['1']}, {'BS': ['AQ==']}, {'N': '1'}])))
            clauses.setdefault(action, []).append(text)
        return ' '.join(action + ' ' + ', '.join(texts) for action, texts in clauses.items())

    def request(self, **fields):
        if self.names:
            fields['ExpressionAttributeNames'] = self.names
        if self.values:
            fields['ExpressionAttributeValues'] = self.values
        return fields


def expression_request(rnd):
    e = Expression(rnd)
    kind = rnd.choice(['filter', 'filter', 'projection', 'update', 'put'])
    item = rnd.choice(EXPRESSION_ITEMS)
    if kind == 'filter':
        return 'Scan', e.request(TableName='exp', FilterExpression=e.condition())
    if kind == 'projection':
        return 'Scan', e.request(TableName='exp', ProjectionExpression=', '.join(e.path() for _ in range(rnd.randint(1, 3))))
    if kind == 'update':
        fields = dict(TableName='exp', Key={'pk': item['pk']}, UpdateExpression=e.update() or 'REMOVE missing',
                      ReturnValues=rnd.choice(['ALL_NEW', 'ALL_NEW', 'UPDATED_NEW', 'UPDATED_OLD', 'ALL_OLD', 'NONE']))
        if rnd.random() < 0.3:
            fields['ConditionExpression'] = e.condition()
        return 'UpdateItem', e.request(**fields)
    return 'PutItem', e.request(TableName='exp', Item=item, ConditionExpression=e.condition(), ReturnValues='ALL_OLD')


LEGACY_ATTRIBUTES = ['n', 's', 'b', 'ss', 'ns', 'bs', 'l', 'm', 'bool', 'nul', 'missing']
LEGACY_OPERATORS = {'EQ': 1, 'NE': 1, 'LE': 1, 'LT': 1, 'GE': 1, 'GT': 1, 'NOT_NULL': 0, 'NULL': 0, 'CONTAINS': 1,
                    'NOT_CONTAINS': 1, 'BEGINS_WITH': 1, 'IN': -1, 'BETWEEN': 2}


def legacy_request(rnd):
    def condition():
        operator = rnd.choice(list(LEGACY_OPERATORS))
        n = LEGACY_OPERATORS[operator]
        c = {'ComparisonOperator': operator}
        if n:
            c['AttributeValueList'] = [rnd.choice(VALUES) for _ in range(rnd.randint(1, 3) if n < 0 else n)]
        return c
    kind = rnd.choice(['scan', 'scan', 'put', 'update'])
    item = rnd.choice(EXPRESSION_ITEMS)
    if kind == 'scan':
        request = {'TableName': 'exp', 'ScanFilter': {a: condition() for a in rnd.sample(LEGACY_ATTRIBUTES, rnd.randint(1, 3))}}
        if len(request['ScanFilter']) > 1 and rnd.random() < 0.5:
            request['ConditionalOperator'] = rnd.choice(['AND', 'OR'])
        return 'Scan', request
    if kind == 'put':
        expected = {}
        for a in rnd.sample(LEGACY_ATTRIBUTES, rnd.randint(1, 2)):
            r = rnd.random()
            expected[a] = condition() if r < 0.5 else {'Value': rnd.choice(VALUES)} if r < 0.75 else {'Exists': False}
        request = {'TableName': 'exp', 'Item': item, 'Expected': expected, 'ReturnValues': 'ALL_OLD'}
        if len(expected) > 1 and rnd.random() < 0.5:
            request['ConditionalOperator'] = rnd.choice(['AND', 'OR'])
        return 'PutItem', request
    updates = {}
    for a in rnd.sample(LEGACY_ATTRIBUTES, rnd.randint(1, 2)):
        update = {'Action': rnd.choice(['PUT', 'ADD', 'DELETE'])}
        if update['Action'] != 'DELETE' or rnd.random() < 0.6:
            update['Value'] = rnd.choice(VALUES + [{'N': '3'}, {'SS': ['a', 'z']}, {'NS': ['1', '9']}])
        updates[a] = update
    return 'UpdateItem', {'TableName': 'exp', 'Key': {'pk': item['pk']}, 'AttributeUpdates': updates,
                          'ReturnValues': rnd.choice(['ALL_NEW', 'UPDATED_OLD', 'UPDATED_NEW', 'ALL_OLD', 'NONE'])}


BATCH_TABLES = [
    {'TableName': 'bta', 'BillingMode': 'PAY_PER_REQUEST',
     'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'}],
     'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}]},
    {'TableName': 'btb', 'BillingMode': 'PAY_PER_REQUEST', 'AttributeDefinitions': [{'AttributeName': 'id', 'AttributeType': 'B'}],
     'KeySchema': [{'AttributeName': 'id', 'KeyType': 'HASH'}]}]


def batch_request(rnd):
    def key(table):
        if table == 'bta':
            k = {'pk': {'S': rnd.choice(['a', 'b', 'c'])}, 'sk': {'N': str(rnd.randint(0, 4))}}
            r = rnd.random()
            if r < 0.05:
                del k['sk']
            elif r < 0.08:
                k['sk'] = {'S': '1'}
            elif r < 0.1:
                k['x'] = {'S': 'extra'}
            return k
        return {'id': {'S': 'x'}} if rnd.random() < 0.05 else {'id': {'B': rnd.choice(['AQ==', 'Ag==', 'Aw=='])}}

    def item(table):
        it = key(table)
        if rnd.random() < 0.7:
            it['v'] = rnd.choice(VALUES)
        if rnd.random() < 0.03:
            it['big'] = {'S': 'x' * 410000}  # over the item size limit
        return it
    tables = ['bta', 'btb', 'nope'] if rnd.random() < 0.05 else ['bta', 'btb']
    if rnd.random() < 0.6:
        writes = {}
        for table in rnd.sample(tables, rnd.randint(1, 2)):
            count = rnd.choice([0, 1, 2, 3, 5, 8, 13] if rnd.random() < 0.97 else [26])
            writes[table] = [{'PutRequest': {'Item': item(table)}} if rnd.random() < 0.6 else {'DeleteRequest': {'Key': key(table)}}
                             for _ in range(count)]
        return 'BatchWriteItem', {'RequestItems': writes}
    reads = {}
    for table in rnd.sample(['bta', 'btb'], rnd.randint(1, 2)):
        reads[table] = {'Keys': [key(table) for _ in range(rnd.choice([0, 1, 2, 4, 6]))]}
        if rnd.random() < 0.3:
            reads[table]['ProjectionExpression'] = rnd.choice(['v', 'pk, v', 'id'])
        if rnd.random() < 0.2:
            reads[table]['ConsistentRead'] = True
    return 'BatchGetItem', {'RequestItems': reads}


def batch_outcome(url, operation, request):
    status, answer = dd.call(url, operation, json.dumps(request))
    if status != 200:
        outcome = ('error', dd.kind(answer), dd.message(answer))
    elif operation == 'BatchGetItem':
        outcome = ('ok', {t: sorted(json.dumps(i, sort_keys=True) for i in items) for t, items in answer.get('Responses', {}).items()},
                   answer.get('UnprocessedKeys'))
    else:
        outcome = ('ok', answer.get('UnprocessedItems'))
    tables = [sorted(json.dumps(i, sort_keys=True) for i in dd.call(url, 'Scan', json.dumps({'TableName': t['TableName']}))[1]
                     .get('Items', [])) for t in BATCH_TABLES]
    return outcome + (tables,)


UPDATE_TABLE = {
    'TableName': 'upd', 'BillingMode': 'PAY_PER_REQUEST',
    'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'g', 'AttributeType': 'S'}],
    'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}],
    'GlobalSecondaryIndexes': [{'IndexName': 'gix', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                'Projection': {'ProjectionType': 'ALL'}}]}


def table_request(rnd):
    request = {'TableName': 'upd'}
    capacity = lambda: {'ReadCapacityUnits': rnd.choice([1, 5, 0]), 'WriteCapacityUnits': 1}
    r = rnd.random()
    if r < 0.3:
        create = {'IndexName': rnd.choice(['new', 'gix', 'nx']),
                  'KeySchema': [{'AttributeName': rnd.choice(['h', 'g', 'pk', 'zz']), 'KeyType': 'HASH'}],
                  'Projection': rnd.choice([{'ProjectionType': 'ALL'}, {'ProjectionType': 'INCLUDE', 'NonKeyAttributes': ['a']},
                                            {'ProjectionType': 'KEYS_ONLY'}, {}])}
        if rnd.random() < 0.3:
            create['ProvisionedThroughput'] = capacity()
        request['GlobalSecondaryIndexUpdates'] = [{'Create': create}]
        if rnd.random() < 0.7:
            request['AttributeDefinitions'] = [{'AttributeName': rnd.choice(['h', 'g', 'zz']), 'AttributeType': rnd.choice(['S', 'N'])}]
    elif r < 0.45:
        request['GlobalSecondaryIndexUpdates'] = [{'Delete': {'IndexName': rnd.choice(['gix', 'nope'])}}]
    elif r < 0.55:
        request['GlobalSecondaryIndexUpdates'] = [{'Update': {'IndexName': rnd.choice(['gix', 'nope']), 'ProvisionedThroughput': capacity()}}]
    elif r < 0.85:
        request['BillingMode'] = rnd.choice(['PROVISIONED', 'PAY_PER_REQUEST'])
        if rnd.random() < 0.6:
            request['ProvisionedThroughput'] = capacity()
        if rnd.random() < 0.4:
            request['GlobalSecondaryIndexUpdates'] = [{'Update': {'IndexName': 'gix', 'ProvisionedThroughput': capacity()}}]
    elif r < 0.9:
        pass  # nothing to update
    else:
        request['ProvisionedThroughput'] = capacity()
    return 'UpdateTable', request


def table_outcome(url, operation, request):
    recreate(url, UPDATE_TABLE, [])
    status, answer = dd.call(url, operation, json.dumps(request))
    return ('ok',) if status == 200 else ('error', dd.kind(answer), dd.message(answer))


def expression_outcome(url, operation, request):
    status, answer = dd.call(url, operation, json.dumps(request))
    if status != 200:
        return ('error', dd.kind(answer), dd.message(answer))
    if operation == 'Scan':
        return ('ok', answer.get('Count'), sorted(json.dumps(i, sort_keys=True) for i in answer.get('Items', [])))
    # The item as it was before, for the next request.
    if operation == 'UpdateItem':
        key = request['Key']['pk']
        item = next(i for i in EXPRESSION_ITEMS if i['pk'] == key)
        dd.call(url, 'PutItem', json.dumps({'TableName': 'exp', 'Item': item}))
    return ('ok', json.dumps(dd.normalized(answer), sort_keys=True))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('mode', choices=['queries', 'expressions', 'legacy', 'batches', 'tables'])
    parser.add_argument('--count', type=int, default=600)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--build', default=os.path.join(dd.ROOT, 'build'))
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    if args.mode == 'queries':
        create, items, make = QUERY_TABLE, query_items(), query_request
    elif args.mode == 'batches':
        create, items, make = BATCH_TABLES, [], batch_request
    elif args.mode == 'tables':
        create, items, make = UPDATE_TABLE, [], table_request
    else:
        create, items = EXPRESSION_TABLE, EXPRESSION_ITEMS
        make = expression_request if args.mode == 'expressions' else legacy_request

    def outcome(url, operation, request):
        if operation == 'Query':
            return query_outcome(url, request)
        if operation.startswith('Batch'):
            return batch_outcome(url, operation, request)
        if operation == 'UpdateTable':
            return table_outcome(url, operation, request)
        return expression_outcome(url, operation, request)

    ours = Server(in_memory=True)
    ours.start()
    dynalite, durl = dd.start_dynalite(os.path.join(args.build, 'dynalite'))
    same = differ = crashed = 0
    try:
        recreate(ours.url, create, items)
        recreate(durl, create, items)
        for _ in range(args.count):
            operation, request = make(rnd)
            a = outcome(ours.url, operation, request)
            try:
                b = outcome(durl, operation, request)
            except Exception:  # dynalite died on it: start it again
                crashed += 1
                dynalite.kill()
                dynalite, durl = dd.start_dynalite(os.path.join(args.build, 'dynalite'))
                recreate(durl, create, items)
                recreate(ours.url, create, items)
                continue
            # Syntax errors are worded differently by design.
            if a == b or (a[0] == b[0] == 'error' and a[1] == b[1] and 'Syntax error' in a[2] + b[2]):
                same += 1
                continue
            differ += 1
            print('== %s %s' % (operation, json.dumps(request)[:700]))
            print('   dynamodesk: %s' % str(a)[:500])
            print('   dynalite:   %s' % str(b)[:500])
            if args.mode == 'batches':  # the tables may differ from here on: start both again
                recreate(ours.url, create, items)
                recreate(durl, create, items)
    finally:
        ours.stop()
        dynalite.kill()
    print('%d requests: %d the same, %d different, %d that crashed dynalite' % (same + differ + crashed, same, differ, crashed))


if __name__ == '__main__':
    main()
