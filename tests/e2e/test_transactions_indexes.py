"""Secondary indexes stay consistent with their tables through transactions:
committed TransactWriteItems (puts that move index keys, updates, deletes)
show up in the GSI exactly, and a cancelled one changes neither the table nor
the index. ReturnConsumedCapacity INDEXES reports each table's and each
index's share of a transaction, every write at twice its units."""
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, boto3_client


class TransactionsIndexesTest(unittest.TestCase):
    def test_gsi_follows_committed_and_ignores_cancelled_transactions(self):
        with Server(in_memory=True) as server:
            ddb = boto3_client(server)
            ddb.create_table(
                TableName='Orders', BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'},
                                      {'AttributeName': 'status', 'AttributeType': 'S'}],
                KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}],
                GlobalSecondaryIndexes=[{'IndexName': 'byStatus',
                                         'KeySchema': [{'AttributeName': 'status', 'KeyType': 'HASH'},
                                                       {'AttributeName': 'id', 'KeyType': 'RANGE'}],
                                         'Projection': {'ProjectionType': 'ALL'}}])
            expected = {}
            for i in range(30):
                actions = []
                for j in range(3):
                    oid = 'o%d' % ((i * 3 + j) % 20)
                    if (i + j) % 5 == 4 and oid in expected:
                        actions.append({'Delete': {'TableName': 'Orders', 'Key': {'id': {'S': oid}}}})
                        expected.pop(oid)
                    else:
                        status = ['OPEN', 'PAID', 'SHIPPED'][(i + j) % 3]
                        actions.append({'Put': {'TableName': 'Orders',
                                                'Item': {'id': {'S': oid}, 'status': {'S': status}, 'n': {'N': str(i)}}}})
                        expected[oid] = status
                ids = [a.get('Put', a.get('Delete'))['Item' if 'Put' in a else 'Key']['id']['S'] for a in actions]
                if len(set(ids)) == len(ids):
                    ddb.transact_write_items(TransactItems=actions)
                else:
                    for a in actions:  # a repeated id in one transaction is invalid: apply one by one
                        ddb.transact_write_items(TransactItems=[a])
            # A cancelled transaction: a Put that would move o1 to CANCELLED, then a failing condition.
            before = self.index_contents(ddb)
            with self.assertRaises(ClientError) as e:
                ddb.transact_write_items(TransactItems=[
                    {'Put': {'TableName': 'Orders', 'Item': {'id': {'S': 'o1'}, 'status': {'S': 'CANCELLED'}}}},
                    {'ConditionCheck': {'TableName': 'Orders', 'Key': {'id': {'S': 'o2'}},
                                        'ConditionExpression': 'attribute_not_exists(id)'}}])
            self.assertEqual(e.exception.response['Error']['Code'], 'TransactionCanceledException')
            self.assertEqual(self.index_contents(ddb), before)
            table = {it['id']['S']: it['status']['S'] for it in ddb.scan(TableName='Orders')['Items']}
            self.assertEqual(table, expected)
            self.assertEqual(self.index_contents(ddb), expected)
            index = ddb.describe_table(TableName='Orders')['Table']['GlobalSecondaryIndexes'][0]
            self.assertEqual(index['ItemCount'], len(expected))

    def test_capacity_indexes_counts_index_writes_double(self):
        with Server(in_memory=True) as server:
            ddb = boto3_client(server)
            S = lambda v: {'S': v}
            ddb.create_table(
                TableName='Orders', BillingMode='PAY_PER_REQUEST',
                AttributeDefinitions=[{'AttributeName': a, 'AttributeType': 'S'} for a in ('pk', 'sk', 'status', 'date')],
                KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                GlobalSecondaryIndexes=[{'IndexName': 'byStatus',
                                         'KeySchema': [{'AttributeName': 'status', 'KeyType': 'HASH'}],
                                         'Projection': {'ProjectionType': 'ALL'}}],
                LocalSecondaryIndexes=[{'IndexName': 'byDate',
                                        'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                                      {'AttributeName': 'date', 'KeyType': 'RANGE'}],
                                        'Projection': {'ProjectionType': 'KEYS_ONLY'}}])
            ddb.create_table(TableName='Audit', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}])
            ddb.put_item(TableName='Audit', Item={'id': S('a1')})
            # A new item under both indexes: 2 WCU on the table, 2 on each index.
            r = ddb.transact_write_items(TransactItems=[
                {'Put': {'TableName': 'Orders', 'Item': {'pk': S('c1'), 'sk': S('o1'), 'status': S('OPEN'), 'date': S('2026-01-01')}}},
                {'ConditionCheck': {'TableName': 'Audit', 'Key': {'id': S('a1')}, 'ConditionExpression': 'attribute_exists(id)'}},
            ], ReturnConsumedCapacity='INDEXES')
            self.assertEqual(r['ConsumedCapacity'], [
                {'TableName': 'Orders', 'CapacityUnits': 6.0, 'Table': {'CapacityUnits': 2.0},
                 'GlobalSecondaryIndexes': {'byStatus': {'CapacityUnits': 2.0}},
                 'LocalSecondaryIndexes': {'byDate': {'CapacityUnits': 2.0}}},
                {'TableName': 'Audit', 'CapacityUnits': 2.0, 'Table': {'CapacityUnits': 2.0}}])
            # The status changes: the GSI entry moves (a delete and a put, doubled); the
            # keys-only LSI keeps its entry and costs nothing. TOTAL counts the index too.
            items = [{'Update': {'TableName': 'Orders', 'Key': {'pk': S('c1'), 'sk': S('o1')},
                                 'UpdateExpression': 'SET #s = :s', 'ExpressionAttributeNames': {'#s': 'status'},
                                 'ExpressionAttributeValues': {':s': S('PAID')}}}]
            r = ddb.transact_write_items(TransactItems=items, ReturnConsumedCapacity='INDEXES')
            self.assertEqual(r['ConsumedCapacity'], [
                {'TableName': 'Orders', 'CapacityUnits': 6.0, 'Table': {'CapacityUnits': 2.0},
                 'GlobalSecondaryIndexes': {'byStatus': {'CapacityUnits': 4.0}}}])
            items[0]['Update']['ExpressionAttributeValues'] = {':s': S('SHIPPED')}
            r = ddb.transact_write_items(TransactItems=items, ReturnConsumedCapacity='TOTAL')
            self.assertEqual(r['ConsumedCapacity'], [{'TableName': 'Orders', 'CapacityUnits': 6.0}])
            # A delete removes the entries of both indexes.
            r = ddb.transact_write_items(TransactItems=[
                {'Delete': {'TableName': 'Orders', 'Key': {'pk': S('c1'), 'sk': S('o1')}}}], ReturnConsumedCapacity='INDEXES')
            self.assertEqual(r['ConsumedCapacity'], [
                {'TableName': 'Orders', 'CapacityUnits': 6.0, 'Table': {'CapacityUnits': 2.0},
                 'GlobalSecondaryIndexes': {'byStatus': {'CapacityUnits': 2.0}},
                 'LocalSecondaryIndexes': {'byDate': {'CapacityUnits': 2.0}}}])

    @staticmethod
    def index_contents(ddb):
        found = {}
        for status in ('OPEN', 'PAID', 'SHIPPED', 'CANCELLED'):
            out = ddb.query(TableName='Orders', IndexName='byStatus', KeyConditionExpression='#s = :s',
                            ExpressionAttributeNames={'#s': 'status'}, ExpressionAttributeValues={':s': {'S': status}})
            for it in out['Items']:
                found[it['id']['S']] = it['status']['S']
        return found


if __name__ == '__main__':
    unittest.main()
