"""DescribeTable's live figures (ItemCount, TableSizeBytes, and each index's
ItemCount and IndexSizeBytes) after kill -9 and after a clean restart.

DynamoDB refreshes these figures about every six hours; Dynamodesk keeps them
exact at once, in memory, and writes them to its catalog only on a clean
stop (commits do not rewrite them). A write that changes a table's figures
for the first time since they were written marks them unknown in its own
commit, and the next start recounts what is marked: so after kill -9 the
figures must come back exactly as the killed server showed them."""
import os
import sqlite3
import unittest

from dynamodesk import Server, boto3_client


def figures(ddb):
    t = ddb.describe_table(TableName='figs')['Table']
    g = t['GlobalSecondaryIndexes'][0]
    return (t['ItemCount'], t['TableSizeBytes'], g['ItemCount'], g['IndexSizeBytes'])


def stored_counts(data_dir):
    """The item_count column of the catalog's figures rows (-1: unknown)."""
    db = sqlite3.connect('file:%s?mode=ro' % os.path.join(data_dir, 'us-east-1.db'), uri=True)
    try:
        return [r[0] for r in db.execute('SELECT item_count FROM tables UNION ALL SELECT item_count FROM index_stats')]
    finally:
        db.close()


class LiveStatsTest(unittest.TestCase):
    def write(self, ddb, round_):
        for i in range(60):
            item = {'pk': {'S': 'k%d' % i}, 'v': {'S': 'x' * ((i * round_) % 40 + 1)}}
            if (i + round_) % 3:
                item['g'] = {'S': 'g%d' % ((i + round_) % 5)}
            ddb.put_item(TableName='figs', Item=item)
        for i in range(round_, 60, 7):
            ddb.delete_item(TableName='figs', Key={'pk': {'S': 'k%d' % i}})
        for i in range(1, 60, 6):
            ddb.update_item(TableName='figs', Key={'pk': {'S': 'k%d' % i}}, UpdateExpression='SET g = :g, w = :w',
                            ExpressionAttributeValues={':g': {'S': 'moved%d' % round_}, ':w': {'N': str(round_)}})

    def test_figures_survive_kill9_and_clean_restart(self):
        server = Server().start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(TableName='figs', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                                   {'AttributeName': 'g', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
                             GlobalSecondaryIndexes=[{'IndexName': 'byg',
                                                      'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                                      'Projection': {'ProjectionType': 'KEYS_ONLY'}}])
            self.write(ddb, 1)
            live = figures(ddb)
            self.assertEqual(live[0], ddb.scan(TableName='figs', Select='COUNT')['Count'])
            self.assertEqual(live[2], ddb.scan(TableName='figs', IndexName='byg', Select='COUNT')['Count'])

            # kill -9: the rows were marked unknown by the first write; the start recounts them.
            server.kill9()
            self.assertEqual(stored_counts(server.data_dir), [-1, -1])
            server.start()
            ddb = boto3_client(server)
            self.assertEqual(figures(ddb), live)

            # More writes, then a clean stop: the exact figures are written, nothing is left to recount.
            self.write(ddb, 2)
            live = figures(ddb)
            self.assertEqual(live[0], ddb.scan(TableName='figs', Select='COUNT')['Count'])
            server.stop()
            self.assertEqual(stored_counts(server.data_dir), [live[0], live[2]])
            server.start()
            ddb = boto3_client(server)
            self.assertEqual(figures(ddb), live)

            # And kill -9 again after writes on top of the written figures.
            self.write(ddb, 3)
            live = figures(ddb)
            server.kill9()
            server.start()
            self.assertEqual(figures(boto3_client(server)), live)
        finally:
            server.cleanup()


if __name__ == '__main__':
    unittest.main()
