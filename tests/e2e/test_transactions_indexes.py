"""Secondary indexes stay consistent with their tables through transactions:
committed TransactWriteItems (puts that move index keys, updates, deletes)
show up in the GSI exactly, and a cancelled one changes neither the table nor
the index."""
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
