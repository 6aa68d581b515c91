"""Exports to and imports from S3 with boto3 and the AWS CLI against
dynamodesk-server, whose S3 buckets are folders (<data dir>/s3/<bucket>, or
--s3-dir): a full export read back with Python's own gzip and json and
compared item by item with a Scan, its manifests checked against their
checksums, an import of that export into a new table, an Ion export and a
CSV import through the CLI, a missing bucket's failure, and AWS's errors as
the CLI prints them."""
import csv
import glob
import gzip
import hashlib
import base64
import io
import json
import os
import shutil
import tempfile
import time
import unittest

from dynamodesk import Server, aws, aws_json, boto3_client, bulk_put, error_of


def wire(value):
    """An attribute value as DynamoDB JSON has it (boto3 gives binaries as bytes), sets sorted."""
    (kind, v), = value.items()
    def text(b):
        return b if isinstance(b, str) else base64.b64encode(b).decode()
    if kind == 'B':
        return {'B': text(v)}
    if kind == 'BS':
        return {'BS': sorted(text(b) for b in v)}
    if kind in ('SS', 'NS'):
        return {kind: sorted(v)}
    if kind == 'M':
        return {'M': {k: wire(x) for k, x in v.items()}}
    if kind == 'L':
        return {'L': [wire(x) for x in v]}
    return value


def normalized(items):
    items = [{k: wire(v) for k, v in item.items()} for item in items]
    return sorted(items, key=lambda i: json.dumps(i, sort_keys=True))


def all_items(ddb, table):
    items = []
    for page in ddb.get_paginator('scan').paginate(TableName=table, ConsistentRead=True):
        items += page['Items']
    return normalized(items)


def wait_done(describe, status, timeout=60):
    """Calls describe() until the job's `status` member leaves IN_PROGRESS; its last answer."""
    deadline = time.time() + timeout
    while True:
        d = describe()
        if d[status] != 'IN_PROGRESS' or time.time() > deadline:
            return d
        time.sleep(0.1)


def wait_export(ddb, arn):
    return wait_done(lambda: ddb.describe_export(ExportArn=arn)['ExportDescription'], 'ExportStatus')


def wait_import(ddb, arn):
    return wait_done(lambda: ddb.describe_import(ImportArn=arn)['ImportTableDescription'], 'ImportStatus')


def create_table(ddb, name):
    ddb.create_table(TableName=name,
                     AttributeDefinitions=[{'AttributeName': 'pk', 'AttributeType': 'S'},
                                           {'AttributeName': 'sk', 'AttributeType': 'N'}],
                     KeySchema=[{'AttributeName': 'pk', 'KeyType': 'HASH'},
                                {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
                     BillingMode='PAY_PER_REQUEST')


TABLE_PARAMETERS = {
    'TableName': 'Imported',
    'AttributeDefinitions': [{'AttributeName': 'pk', 'AttributeType': 'S'}, {'AttributeName': 'sk', 'AttributeType': 'N'}],
    'KeySchema': [{'AttributeName': 'pk', 'KeyType': 'HASH'}, {'AttributeName': 'sk', 'KeyType': 'RANGE'}],
    'BillingMode': 'PAY_PER_REQUEST',
}


class ExportsTest(unittest.TestCase):
    def setUp(self):
        self.server = Server().start()
        self.ddb = boto3_client(self.server)
        self.buckets = os.path.join(self.server.data_dir, 's3')

    def tearDown(self):
        self.server.cleanup()

    def test_boto3_export_read_back_and_imported(self):
        os.makedirs(os.path.join(self.buckets, 'backups'))
        create_table(self.ddb, 'Orders')
        items = [{'pk': {'S': 'c%d' % (i % 17)}, 'sk': {'N': str(i)}, 'note': {'S': 'x' * (i % 300)},
                  'tags': {'SS': ['a', 'b%d' % i]}, 'blob': {'B': base64.b64encode(bytes([i % 256, 7])).decode()}}
                 for i in range(3000)]
        bulk_put(self.server, 'Orders', items)
        arn = self.ddb.describe_table(TableName='Orders')['Table']['TableArn']
        self.assertEqual(error_of(self.ddb.export_table_to_point_in_time, TableArn=arn, S3Bucket='backups'),
                         ('PointInTimeRecoveryUnavailableException', "Point in time recovery is not enabled for table 'Orders'"))
        self.ddb.update_continuous_backups(TableName='Orders', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
        time.sleep(0.01)
        started = self.ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket='backups', S3Prefix='orders')['ExportDescription']
        self.assertEqual(started['ExportStatus'], 'IN_PROGRESS')
        done = wait_export(self.ddb, started['ExportArn'])
        self.assertEqual(done['ExportStatus'], 'COMPLETED', done)
        self.assertEqual(done['ItemCount'], 3000)

        # The files, read as any consumer of AWS's exports reads them.
        bucket = os.path.join(self.buckets, 'backups')
        summary_path = os.path.join(bucket, done['ExportManifest'])
        with open(summary_path, 'rb') as f:
            summary_bytes = f.read()
        with open(summary_path[:-len('.json')] + '.md5') as f:
            self.assertEqual(f.read(), base64.b64encode(hashlib.md5(summary_bytes).digest()).decode())
        summary = json.loads(summary_bytes)
        self.assertEqual(list(summary)[:3], ['version', 'exportArn', 'startTime'])
        self.assertEqual(summary['itemCount'], 3000)
        self.assertEqual(summary['outputFormat'], 'DYNAMODB_JSON')
        exported = []
        with open(os.path.join(bucket, summary['manifestFilesS3Key'])) as f:
            for line in f:
                entry = json.loads(line)
                with open(os.path.join(bucket, entry['dataFileS3Key']), 'rb') as data:
                    raw = data.read()
                self.assertEqual(entry['md5Checksum'], base64.b64encode(hashlib.md5(raw).digest()).decode())
                lines = gzip.decompress(raw).decode().splitlines()
                self.assertEqual(len(lines), entry['itemCount'])
                exported += [json.loads(l)['Item'] for l in lines]
        self.assertEqual(normalized(exported), all_items(self.ddb, 'Orders'))

        # The export imported into a new table: the same items.
        export_id = done['ExportArn'].split('/')[-1]
        imp = self.ddb.import_table(S3BucketSource={'S3Bucket': 'backups', 'S3KeyPrefix': 'orders/AWSDynamoDB/%s/data/' % export_id},
                                    InputFormat='DYNAMODB_JSON', InputCompressionType='GZIP',
                                    TableCreationParameters=TABLE_PARAMETERS)['ImportTableDescription']
        self.assertEqual(imp['ImportStatus'], 'IN_PROGRESS')
        finished = wait_import(self.ddb, imp['ImportArn'])
        self.assertEqual(finished['ImportStatus'], 'COMPLETED', finished)
        self.assertEqual((finished['ImportedItemCount'], finished['ErrorCount']), (3000, 0))
        self.ddb.get_waiter('table_exists').wait(TableName='Imported', WaiterConfig={'Delay': 1, 'MaxAttempts': 30})
        self.assertEqual(all_items(self.ddb, 'Imported'), all_items(self.ddb, 'Orders'))
        self.assertEqual([s['ImportArn'] for s in self.ddb.list_imports()['ImportSummaryList']], [imp['ImportArn']])
        self.assertEqual([s['ExportArn'] for s in self.ddb.list_exports(TableArn=arn)['ExportSummaries']], [done['ExportArn']])

    def test_missing_bucket_fails_the_export(self):
        create_table(self.ddb, 'Tbl')
        self.ddb.update_continuous_backups(TableName='Tbl', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
        arn = self.ddb.describe_table(TableName='Tbl')['Table']['TableArn']
        d = wait_export(self.ddb, self.ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket='nowhere')['ExportDescription']['ExportArn'])
        self.assertEqual((d['ExportStatus'], d['FailureCode']), ('FAILED', 'S3NoSuchBucket'))

    def test_cli_ion_export_csv_import_and_errors(self):
        os.makedirs(os.path.join(self.buckets, 'cli-bucket', 'incoming'))
        create_table(self.ddb, 'Cli')
        bulk_put(self.server, 'Cli', [{'pk': {'S': 'k%d' % i}, 'sk': {'N': str(i)}, 'price': {'N': '%d.50' % i}} for i in range(50)])
        arn = self.ddb.describe_table(TableName='Cli')['Table']['TableArn']
        # The CLI's error output for a table without PITR.
        rc, _, err = aws(self.server, 'dynamodb', 'export-table-to-point-in-time', '--table-arn', arn, '--s3-bucket', 'cli-bucket', check=False)
        self.assertNotEqual(rc, 0)
        self.assertIn('PointInTimeRecoveryUnavailableException', err)
        aws(self.server, 'dynamodb', 'update-continuous-backups', '--table-name', 'Cli',
            '--point-in-time-recovery-specification', 'PointInTimeRecoveryEnabled=true')
        started = aws_json(self.server, 'dynamodb', 'export-table-to-point-in-time', '--table-arn', arn, '--s3-bucket', 'cli-bucket',
                           '--export-format', 'ION')['ExportDescription']
        d = wait_done(lambda: aws_json(self.server, 'dynamodb', 'describe-export', '--export-arn', started['ExportArn'])['ExportDescription'],
                      'ExportStatus')
        self.assertEqual(d['ExportStatus'], 'COMPLETED')
        files = glob.glob(os.path.join(self.buckets, 'cli-bucket', 'AWSDynamoDB', started['ExportArn'].split('/')[-1], 'data', '*.ion.gz'))
        self.assertEqual(len(files), 1)
        with gzip.open(files[0], 'rt') as f:
            lines = f.read().splitlines()
        self.assertEqual(len(lines), 50)
        self.assertTrue(all(l.startswith('$ion_1_0 {Item:{') for l in lines), lines[0])
        self.assertIn('price:7.5', '\n'.join(lines))
        listed = aws_json(self.server, 'dynamodb', 'list-exports')['ExportSummaries']
        self.assertEqual([(e['ExportArn'], e['ExportStatus']) for e in listed], [(started['ExportArn'], 'COMPLETED')])

        # CSV with a header line, through the CLI's shorthand.
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(['pk', 'sk', 'city'])
        for i in range(20):
            w.writerow(['r%d' % i, str(i), 'Zürich, "CH"' if i % 2 else ''])
        with open(os.path.join(self.buckets, 'cli-bucket', 'incoming', 'rows.csv'), 'w', encoding='utf-8') as f:
            f.write(out.getvalue())
        params = dict(TABLE_PARAMETERS, TableName='FromCsv')
        imp = aws_json(self.server, 'dynamodb', 'import-table', '--s3-bucket-source', 'S3Bucket=cli-bucket,S3KeyPrefix=incoming/',
                       '--input-format', 'CSV', '--table-creation-parameters', json.dumps(params))['ImportTableDescription']
        d = wait_done(lambda: aws_json(self.server, 'dynamodb', 'describe-import', '--import-arn', imp['ImportArn'])['ImportTableDescription'],
                      'ImportStatus')
        self.assertEqual((d['ImportStatus'], d['ImportedItemCount']), ('COMPLETED', 20))
        item = aws_json(self.server, 'dynamodb', 'get-item', '--table-name', 'FromCsv', '--key', '{"pk":{"S":"r3"},"sk":{"N":"3"}}')['Item']
        self.assertEqual(item['city'], {'S': 'Zürich, "CH"'})
        self.assertNotIn('city', aws_json(self.server, 'dynamodb', 'get-item', '--table-name', 'FromCsv',
                                          '--key', '{"pk":{"S":"r2"},"sk":{"N":"2"}}')['Item'])
        # The table exists now: the CLI prints AWS's error.
        rc, _, err = aws(self.server, 'dynamodb', 'import-table', '--s3-bucket-source', 'S3Bucket=cli-bucket',
                         '--input-format', 'CSV', '--table-creation-parameters', json.dumps(params), check=False)
        self.assertNotEqual(rc, 0)
        self.assertIn('ResourceInUseException', err)
        self.assertIn('Table already exists: FromCsv', err)


class S3DirTest(unittest.TestCase):
    def test_in_memory_server_exports_into_s3_dir(self):
        folder = tempfile.mkdtemp(prefix='dynamodesk-s3-')
        try:
            os.makedirs(os.path.join(folder, 'mine'))
            with Server(in_memory=True, extra_args=['--s3-dir', folder]) as server:
                ddb = boto3_client(server)
                create_table(ddb, 'Mem')
                ddb.put_item(TableName='Mem', Item={'pk': {'S': 'a'}, 'sk': {'N': '1'}})
                ddb.update_continuous_backups(TableName='Mem', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
                arn = ddb.describe_table(TableName='Mem')['Table']['TableArn']
                d = wait_export(ddb, ddb.export_table_to_point_in_time(TableArn=arn, S3Bucket='mine')['ExportDescription']['ExportArn'])
                self.assertEqual(d['ExportStatus'], 'COMPLETED')
                self.assertTrue(os.path.exists(os.path.join(folder, 'mine', d['ExportManifest'])))
            # The folder is the user's: it stays after the server stops.
            self.assertTrue(os.path.isdir(os.path.join(folder, 'mine', 'AWSDynamoDB')))
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == '__main__':
    unittest.main()
