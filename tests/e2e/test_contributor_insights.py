"""Contributor Insights end to end, against a real dynamodesk-server: the AWS
CLI v2 turns it on and off and lists it (update-, describe- and
list-contributor-insights, AWS's shapes and rule names); boto3 reads and
writes a skewed set of keys; Dynamodesk_20261101.GetContributorInsightsReport
(SigV4-signed by botocore, as the desktop app sends it) then ranks the keys
by the capacity units those calls reported on the table in their
ConsumedCapacity."""
import json
import unittest

from dynamodesk import Server, aws, aws_json, boto3_client, error_of
from test_history import dynamodesk_call


class TestContributorInsights(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server(in_memory=True).start()
        cls.ddb = boto3_client(cls.server)
        cls.ddb.create_table(
            TableName='music', BillingMode='PAY_PER_REQUEST',
            AttributeDefinitions=[{'AttributeName': 'artist', 'AttributeType': 'S'},
                                  {'AttributeName': 'song', 'AttributeType': 'S'},
                                  {'AttributeName': 'genre', 'AttributeType': 'S'}],
            KeySchema=[{'AttributeName': 'artist', 'KeyType': 'HASH'},
                       {'AttributeName': 'song', 'KeyType': 'RANGE'}],
            GlobalSecondaryIndexes=[{'IndexName': 'byGenre',
                                     'KeySchema': [{'AttributeName': 'genre', 'KeyType': 'HASH'}],
                                     'Projection': {'ProjectionType': 'ALL'}}])

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def report(self, **body):
        status, r = dynamodesk_call(self.server, 'GetContributorInsightsReport', dict(TableName='music', **body))
        self.assertEqual(status, 200, r)
        return r

    def test_cli_turns_it_on_and_off(self):
        out = aws_json(self.server, 'dynamodb', 'describe-contributor-insights', '--table-name', 'music',
                       '--index-name', 'byGenre')
        self.assertEqual(out, {'TableName': 'music', 'IndexName': 'byGenre', 'ContributorInsightsStatus': 'DISABLED'})
        out = aws_json(self.server, 'dynamodb', 'update-contributor-insights', '--table-name', 'music',
                       '--index-name', 'byGenre', '--contributor-insights-action', 'ENABLE')
        self.assertEqual(out['ContributorInsightsStatus'], 'ENABLING')
        out = aws_json(self.server, 'dynamodb', 'describe-contributor-insights', '--table-name', 'music',
                       '--index-name', 'byGenre')
        self.assertEqual(out['ContributorInsightsStatus'], 'ENABLED')
        self.assertEqual([r.split('-')[1] for r in out['ContributorInsightsRuleList']], ['PKC', 'PKT'])
        self.assertTrue(all(r.startswith('DynamoDBContributorInsights-') for r in out['ContributorInsightsRuleList']))
        listed = aws_json(self.server, 'dynamodb', 'list-contributor-insights')
        # (Debian's CLI predates ContributorInsightsMode and leaves it out.)
        self.assertIn({'TableName': 'music', 'IndexName': 'byGenre', 'ContributorInsightsStatus': 'ENABLED'},
                      [{k: v for k, v in s.items() if k != 'ContributorInsightsMode'}
                       for s in listed['ContributorInsightsSummaries']])
        aws_json(self.server, 'dynamodb', 'update-contributor-insights', '--table-name', 'music',
                 '--index-name', 'byGenre', '--contributor-insights-action', 'DISABLE')
        out = aws_json(self.server, 'dynamodb', 'describe-contributor-insights', '--table-name', 'music',
                       '--index-name', 'byGenre')
        self.assertEqual(out['ContributorInsightsStatus'], 'DISABLED')
        # An unknown index is AWS's ResourceNotFoundException, and the CLI says so.
        code, _, err = aws(self.server, 'dynamodb', 'update-contributor-insights', '--table-name', 'music',
                           '--index-name', 'nope', '--contributor-insights-action', 'ENABLE', check=False)
        self.assertNotEqual(code, 0)
        self.assertIn('ResourceNotFoundException', err)

    def test_report_ranks_keys_by_the_capacity_they_consumed(self):
        self.ddb.update_contributor_insights(TableName='music', ContributorInsightsAction='ENABLE')
        consumed = {}

        def count(artist, response):
            # The table's rule counts the table's units (each index's rule its own).
            consumed[artist] = consumed.get(artist, 0) + response['ConsumedCapacity']['Table']['CapacityUnits']

        songs = {'Queen': 8, 'Abba': 3, 'Bach': 1}
        for artist, n in songs.items():
            for i in range(n):
                count(artist, self.ddb.put_item(TableName='music', ReturnConsumedCapacity='INDEXES',
                                                Item={'artist': {'S': artist}, 'song': {'S': 'song %d' % i},
                                                      'genre': {'S': 'rock'}, 'lyrics': {'S': 'x' * 1500}}))
        for _ in range(20):
            count('Queen', self.ddb.get_item(TableName='music', Key={'artist': {'S': 'Queen'}, 'song': {'S': 'song 0'}},
                                             ReturnConsumedCapacity='INDEXES'))
        count('Abba', self.ddb.query(TableName='music', KeyConditionExpression='artist = :a',
                                     ExpressionAttributeValues={':a': {'S': 'Abba'}}, ReturnConsumedCapacity='INDEXES'))

        r = self.report()
        self.assertEqual(r['ContributorInsightsStatus'], 'ENABLED')
        self.assertEqual([c['Key']['artist']['S'] for c in r['Contributors']], ['Queen', 'Abba', 'Bach'])
        for c in r['Contributors']:
            self.assertAlmostEqual(c['ApproximateAggregateValue'], consumed[c['Key']['artist']['S']])
            self.assertAlmostEqual(sum(p['ApproximateValue'] for p in c['Datapoints']), c['ApproximateAggregateValue'])
        self.assertAlmostEqual(r['AggregateValue'], sum(consumed.values()))
        # Whole keys: Queen's first song leads (8 puts' worth of reads on it).
        r = self.report(Rule='SKC', MaxContributors=1)
        self.assertEqual(r['Contributors'][0]['Key'], {'artist': {'S': 'Queen'}, 'song': {'S': 'song 0'}})
        self.assertEqual(r['ApproximateUniqueCount'], 12)
        # Throttled keys: none, Dynamodesk does not throttle.
        self.assertEqual(self.report(Rule='PKT')['Contributors'], [])

        status, err = dynamodesk_call(self.server, 'GetContributorInsightsReport', {'TableName': 'music', 'Rule': 'XYZ'})
        self.assertEqual((status, err['__type'].split('#')[-1]), (400, 'ValidationException'))
        self.assertEqual(error_of(self.ddb.update_contributor_insights, TableName='none',
                                  ContributorInsightsAction='ENABLE')[0], 'ResourceNotFoundException')


class TestContributorInsightsAcrossRestarts(unittest.TestCase):
    """On a data folder, the counts outlive the server: a clean stop saves
    them, and the next server reports them and goes on counting."""

    def test_a_restarted_server_reports_the_same_keys(self):
        server = Server().start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(TableName='hot', BillingMode='PAY_PER_REQUEST',
                             AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                             KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])
            ddb.update_contributor_insights(TableName='hot', ContributorInsightsAction='ENABLE')
            for i in range(30):
                ddb.put_item(TableName='hot', Item={'pk': {'S': 'k%d' % (i % 3 if i % 2 else 0)}})

            def report():
                status, r = dynamodesk_call(server, 'GetContributorInsightsReport', {'TableName': 'hot'})
                self.assertEqual(status, 200, r)
                return [(c['Key']['pk']['S'], c['ApproximateAggregateValue']) for c in r['Contributors']]

            before = report()
            self.assertEqual(before, [('k0', 20.0), ('k1', 5.0), ('k2', 5.0)])
            server.stop()
            server.start()
            ddb = boto3_client(server)
            self.assertEqual(report(), before)
            ddb.put_item(TableName='hot', Item={'pk': {'S': 'k2'}})
            self.assertEqual(report(), [('k0', 20.0), ('k2', 6.0), ('k1', 5.0)])
        finally:
            server.cleanup()


if __name__ == '__main__':
    unittest.main()
