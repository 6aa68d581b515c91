"""On-demand backups and point-in-time recovery as DynamoDB does them,
through boto3 and the AWS CLI: CreateBackup (CREATING, then AVAILABLE, with
an ARN of the table's ARN + /backup/<14-digit ms, zero-padded as AWS pads it>-<8 hex>), ListBackups,
DescribeBackup, RestoreTableFromBackup into a new table compared item by
item after the source changed, DeleteBackup; UpdateContinuousBackups,
DescribeContinuousBackups, RestoreTableToPointInTime to recorded seconds of
a history of puts, updates and deletes; AWS's errors for bad input."""
import time
import unittest

from botocore.exceptions import ClientError

from dynamodesk import Server, aws_json, boto3_client, wait_active, wait_available


def error_code(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as e:
        return e.response['Error']['Code']
    raise AssertionError('expected a ClientError')


def create_table(ddb, name):
    ddb.create_table(TableName=name, BillingMode='PAY_PER_REQUEST',
                     AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}],
                     KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}])


def items(ddb, name):
    out, kwargs = {}, {}
    while True:
        r = ddb.scan(TableName=name, ConsistentRead=True, **kwargs)
        for i in r['Items']:
            out[i['pk']['S']] = i.get('v', {}).get('N')
        if 'LastEvaluatedKey' not in r:
            return out
        kwargs['ExclusiveStartKey'] = r['LastEvaluatedKey']


class BackupsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server().start()
        cls.ddb = boto3_client(cls.server)

    @classmethod
    def tearDownClass(cls):
        cls.server.cleanup()

    def test_backup_delete_items_restore(self):
        ddb = self.ddb
        create_table(ddb, 'bk_src')
        for i in range(300):
            ddb.put_item(TableName='bk_src', Item={'pk': {'S': 'k%d' % i}, 'v': {'N': str(i)}})
        before = items(ddb, 'bk_src')
        details = aws_json(self.server, 'dynamodb', 'create-backup', '--table-name', 'bk_src',
                           '--backup-name', 'first')['BackupDetails']
        arn = details['BackupArn']
        self.assertRegex(arn, r'^arn:aws:dynamodb:us-east-1:\d{12}:table/bk_src/backup/\d{14}-[0-9a-f]{8}$')
        wait_available(ddb, arn)
        for i in range(0, 300, 3):
            ddb.delete_item(TableName='bk_src', Key={'pk': {'S': 'k%d' % i}})
        listed = aws_json(self.server, 'dynamodb', 'list-backups', '--table-name', 'bk_src')['BackupSummaries']
        self.assertEqual([b['BackupArn'] for b in listed], [arn])
        desc = ddb.describe_backup(BackupArn=arn)['BackupDescription']
        self.assertEqual(desc['SourceTableDetails']['ItemCount'], 300)
        self.assertGreater(desc['BackupDetails']['BackupSizeBytes'], 0)
        # The backup's size is the table's, as AWS reports it (not the size of the file that holds it).
        self.assertEqual(desc['BackupDetails']['BackupSizeBytes'], desc['SourceTableDetails']['TableSizeBytes'])

        restored = aws_json(self.server, 'dynamodb', 'restore-table-from-backup', '--target-table-name', 'bk_dst',
                            '--backup-arn', arn)['TableDescription']
        self.assertEqual(restored['RestoreSummary']['SourceBackupArn'], arn)
        wait_active(ddb, 'bk_dst')
        self.assertEqual(items(ddb, 'bk_dst'), before)
        self.assertEqual(len(items(ddb, 'bk_src')), 200)

        self.assertEqual(error_code(ddb.restore_table_from_backup, TargetTableName='bk_dst', BackupArn=arn),
                         'TableAlreadyExistsException')
        self.assertEqual(error_code(ddb.describe_backup, BackupArn=arn[:-8] + '00000000'), 'BackupNotFoundException')
        self.assertEqual(ddb.delete_backup(BackupArn=arn)['BackupDescription']['BackupDetails']['BackupStatus'], 'DELETED')
        self.assertEqual(error_code(ddb.delete_backup, BackupArn=arn), 'BackupNotFoundException')

    def test_point_in_time(self):
        ddb = self.ddb
        create_table(ddb, 'pitr_src')
        self.assertEqual(error_code(ddb.restore_table_to_point_in_time, SourceTableName='pitr_src',
                                    TargetTableName='pitr_x', UseLatestRestorableTime=True),
                         'PointInTimeRecoveryUnavailableException')
        r = aws_json(self.server, 'dynamodb', 'update-continuous-backups', '--table-name', 'pitr_src',
                     '--point-in-time-recovery-specification', 'PointInTimeRecoveryEnabled=true')
        self.assertEqual(r['ContinuousBackupsDescription']['PointInTimeRecoveryDescription']['PointInTimeRecoveryStatus'],
                         'ENABLED')
        d = ddb.describe_continuous_backups(TableName='pitr_src')['ContinuousBackupsDescription']
        self.assertEqual(d['ContinuousBackupsStatus'], 'ENABLED')
        self.assertIn('EarliestRestorableDateTime', d['PointInTimeRecoveryDescription'])

        # A history: each step in a second of its own; the state at the end of each.
        steps = [('put', 'a', 1), ('put', 'b', 2), ('put', 'a', 3), ('delete', 'b', None), ('put', 'c', 4)]
        state, history = {}, []
        time.sleep(1.1)
        for op, k, v in steps:
            if op == 'put':
                ddb.put_item(TableName='pitr_src', Item={'pk': {'S': k}, 'v': {'N': str(v)}})
                state[k] = str(v)
            else:
                ddb.delete_item(TableName='pitr_src', Key={'pk': {'S': k}})
                state.pop(k, None)
            history.append((int(time.time()), dict(state)))
            time.sleep(1.1)
        for n, (second, want) in enumerate(history):
            target = 'pitr_at_%d' % n
            aws_json(self.server, 'dynamodb', 'restore-table-to-point-in-time', '--source-table-name', 'pitr_src',
                     '--target-table-name', target, '--restore-date-time', str(second))
            wait_active(ddb, target)
            self.assertEqual(items(ddb, target), want, 'at step %d' % n)
        ddb.restore_table_to_point_in_time(SourceTableName='pitr_src', TargetTableName='pitr_latest',
                                           UseLatestRestorableTime=True)
        wait_active(ddb, 'pitr_latest')
        self.assertEqual(items(ddb, 'pitr_latest'), state)
        self.assertEqual(error_code(ddb.restore_table_to_point_in_time, SourceTableName='pitr_src',
                                    TargetTableName='pitr_y', RestoreDateTime=time.time() - 3600),
                         'InvalidRestoreTimeException')

        # A deleted table stays restorable within its window.
        ddb.delete_table(TableName='pitr_src')
        ddb.restore_table_to_point_in_time(SourceTableName='pitr_src', TargetTableName='pitr_deleted',
                                           RestoreDateTime=history[2][0])
        wait_active(ddb, 'pitr_deleted')
        self.assertEqual(items(ddb, 'pitr_deleted'), history[2][1])


    def test_bad_requests_change_nothing(self):
        """AWS's exceptions and messages for bad backup and restore requests (ack-api-quirks DDB-TABLE-100, -272,
        -273, -447, DDB-BACKUP-014), in AWS's order, and no table created by any of them."""
        ddb = self.ddb
        def error_of(call, **kwargs):
            try:
                call(**kwargs)
            except ClientError as e:
                return e.response['Error']['Code'], e.response['Error']['Message']
            raise AssertionError('expected a ClientError')
        self.assertEqual(error_of(ddb.create_backup, TableName='bad_nosuch', BackupName='bad1'),
                         ('TableNotFoundException', 'Table not found: bad_nosuch'))

        ddb.create_table(TableName='bad_src', BillingMode='PAY_PER_REQUEST',
                         AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'g', 'AttributeType': 'S'}],
                         KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'}],
                         GlobalSecondaryIndexes=[{'IndexName': 'gix', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                                  'Projection': {'ProjectionType': 'ALL'}}])
        wait_active(ddb, 'bad_src')
        arn = ddb.create_backup(TableName='bad_src', BackupName='bad1')['BackupDetails']['BackupArn']
        wait_available(ddb, arn)
        created = ddb.describe_backup(BackupArn=arn)['BackupDescription']['BackupDetails']['BackupCreationDateTime'].timestamp()

        # ListBackups: [lower, upper), and a range that ends before it starts is an error.
        self.assertEqual(error_of(ddb.list_backups, TimeRangeLowerBound=2000000000, TimeRangeUpperBound=1000000000),
                         ('ValidationException', 'Time range lower bound must be less than or equal to upper bound'))
        def listed(lower, upper):
            return [b['BackupArn'] for b in ddb.list_backups(TableName='bad_src', TimeRangeLowerBound=lower,
                                                             TimeRangeUpperBound=upper)['BackupSummaries']]
        self.assertEqual(listed(created, created + 1), [arn])
        self.assertEqual(listed(created - 1, created), [])

        # RestoreTableFromBackup: overrides against the billing mode, and no new index.
        for overrides, message in [
                ({'BillingModeOverride': 'PROVISIONED'}, 'Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED'),
                ({'ProvisionedThroughputOverride': {'ReadCapacityUnits': 5, 'WriteCapacityUnits': 5}},
                 'Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED'),
                ({'GlobalSecondaryIndexOverride': [{'IndexName': 'other', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                                    'Projection': {'ProjectionType': 'KEYS_ONLY'}}]},
                 'Index other does not match a secondary index that existed in the source table and cannot be created during the restore operation')]:
            self.assertEqual(error_of(ddb.restore_table_from_backup, TargetTableName='bad_dst', BackupArn=arn, **overrides),
                             ('ValidationException', message))
        # A renamed index with the source's key schema and projection is fine.
        gsi = ddb.restore_table_from_backup(TargetTableName='bad_renamed', BackupArn=arn, GlobalSecondaryIndexOverride=[
            {'IndexName': 'renamed', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}], 'Projection': {'ProjectionType': 'ALL'}}])
        self.assertEqual([i['IndexName'] for i in gsi['TableDescription']['GlobalSecondaryIndexes']], ['renamed'])
        wait_active(ddb, 'bad_renamed')

        # RestoreTableToPointInTime: the request's shape, then PITR, then the time, then the target.
        ddb.update_continuous_backups(TableName='bad_src', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
        table_arn = ddb.describe_table(TableName='bad_src')['Table']['TableArn']
        def pitr(**kwargs):
            return error_of(ddb.restore_table_to_point_in_time, **kwargs)
        self.assertEqual(pitr(SourceTableName='bad_src', SourceTableArn=table_arn, TargetTableName='bad_dst', UseLatestRestorableTime=True),
                         ('ValidationException', 'Must provide exactly one of: sourceTableArn, sourceTableName'))
        self.assertEqual(pitr(TargetTableName='bad_dst', UseLatestRestorableTime=True),
                         ('ValidationException', "The parameter 'TableName' is required"))
        self.assertEqual(pitr(SourceTableArn='garbage-arn-that-is-long-enough', TargetTableName='bad_dst', UseLatestRestorableTime=True),
                         ('ValidationException', 'sourceTableArn is not a valid ARN'))
        self.assertEqual(pitr(SourceTableArn=table_arn.replace(':000000000000:', ':123456789012:'), TargetTableName='bad_dst',
                              UseLatestRestorableTime=True),
                         ('ValidationException', "This action is only supported by accounts that match the resource owner's account"))
        self.assertEqual(pitr(SourceTableName='bad_nosuch', TargetTableName='bad_dst', UseLatestRestorableTime=True, RestoreDateTime=0),
                         ('ValidationException', 'Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set '
                                                 'for point-in-time restore request.'))
        self.assertEqual(pitr(SourceTableName='bad_nosuch', TargetTableName='bad_dst'),
                         ('ValidationException', 'Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be '
                                                 'specified, but not both'))
        # A time outside the window comes before an existing target.
        code, message = pitr(SourceTableName='bad_src', TargetTableName='bad_renamed', RestoreDateTime=1000000000)
        self.assertEqual(code, 'InvalidRestoreTimeException')
        self.assertRegex(message, r"^RestoreDateTime '2001-09-09T01:46:40Z' must be within EarliestRestorableDateTime "
                                  r"'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ' and LatestRestorableDateTime '\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'$")
        self.assertEqual(pitr(SourceTableName='bad_src', TargetTableName='bad_renamed', UseLatestRestorableTime=True),
                         ('TableAlreadyExistsException', 'Table already exists: bad_renamed'))
        self.assertNotIn('bad_dst', ddb.list_tables()['TableNames'])


class RestoreCrashTest(unittest.TestCase):
    """A server killed (SIGKILL) while restores load leaves no partial
    table: as on AWS a restoring table is CREATING until its load is done,
    and when the data directory opens again a table whose restore did not
    finish is removed (its name is free to restore again); a finished one
    is whole."""

    def test_kill_during_restore(self):
        server = Server().start()
        try:
            ddb = boto3_client(server)
            create_table(ddb, 'crash_src')
            for start in range(0, 8000, 25):
                ddb.batch_write_item(RequestItems={'crash_src': [
                    {'PutRequest': {'Item': {'pk': {'S': 'k%d' % i}, 'v': {'N': str(i)}, 'pad': {'S': 'x' * 200}}}}
                    for i in range(start, start + 25)]})
            before = items(ddb, 'crash_src')
            arn = ddb.create_backup(TableName='crash_src', BackupName='crash')['BackupDetails']['BackupArn']
            wait_available(ddb, arn)
            targets = ['crash_a', 'crash_b', 'crash_c']
            for t in targets:
                restored = ddb.restore_table_from_backup(TargetTableName=t, BackupArn=arn)['TableDescription']
                self.assertEqual(restored['TableStatus'], 'CREATING')
                self.assertTrue(restored['RestoreSummary']['RestoreInProgress'])
            server.kill9()
            server.start()
            ddb = boto3_client(server)
            removed = []
            for t in targets:
                try:
                    table = ddb.describe_table(TableName=t)['Table']
                except ClientError as e:
                    self.assertEqual(e.response['Error']['Code'], 'ResourceNotFoundException')
                    removed.append(t)
                    continue
                self.assertEqual(table['TableStatus'], 'ACTIVE')
                self.assertEqual(items(ddb, t), before)
            for t in removed:
                ddb.restore_table_from_backup(TargetTableName=t, BackupArn=arn)
                wait_active(ddb, t)
                self.assertEqual(items(ddb, t), before)
            self.assertEqual(items(ddb, 'crash_src'), before)
        finally:
            server.cleanup()


if __name__ == '__main__':
    unittest.main()
