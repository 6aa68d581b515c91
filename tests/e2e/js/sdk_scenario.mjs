// The AWS SDK for JavaScript v3 against a running dynamodesk-server, unchanged
// but for its endpoint: the low-level client, the DocumentClient (lib-dynamodb)
// and the DynamoDB Streams client. Each step asserts what real DynamoDB
// answers and prints "ok <step>"; the first failure prints "FAIL <step>: ..."
// and exits 1. Run by tests/e2e/test_js_sdk.py:
//   node sdk_scenario.mjs http://127.0.0.1:PORT BUCKETS_FOLDER
import assert from 'node:assert/strict';
import { step, rejects } from './steps.mjs';
import {
  DynamoDBClient, CreateTableCommand, DescribeTableCommand, ListTablesCommand, DeleteTableCommand, UpdateTableCommand,
  PutItemCommand, GetItemCommand, waitUntilTableExists, waitUntilTableNotExists,
  UpdateContinuousBackupsCommand, ExportTableToPointInTimeCommand, DescribeExportCommand, ListExportsCommand,
  ImportTableCommand, DescribeImportCommand, ListImportsCommand, ScanCommand,
} from '@aws-sdk/client-dynamodb';
import { mkdirSync } from 'node:fs';
import {
  DynamoDBDocumentClient, PutCommand, GetCommand, UpdateCommand, DeleteCommand, BatchWriteCommand,
  BatchGetCommand, TransactWriteCommand, TransactGetCommand, paginateQuery, paginateScan, NumberValue,
} from '@aws-sdk/lib-dynamodb';
import {
  DynamoDBStreamsClient, ListStreamsCommand, DescribeStreamCommand, GetShardIteratorCommand, GetRecordsCommand,
} from '@aws-sdk/client-dynamodb-streams';

const endpoint = process.argv[2];
const bucketsFolder = process.argv[3]; // the server's local S3 buckets (--s3-dir)
const config = { endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDJS', secretAccessKey: 'secret' }, maxAttempts: 1 };
const client = new DynamoDBClient(config);
const doc = DynamoDBDocumentClient.from(client, {
  marshallOptions: { removeUndefinedValues: true },
  unmarshallOptions: { wrapNumbers: true },
});
const streams = new DynamoDBStreamsClient(config);
const table = 'JsOrders';

await step('CreateTable with a GSI, an LSI and a stream', async () => {
  const r = await client.send(new CreateTableCommand({
    TableName: table,
    AttributeDefinitions: [
      { AttributeName: 'customer', AttributeType: 'S' }, { AttributeName: 'order', AttributeType: 'N' },
      { AttributeName: 'status', AttributeType: 'S' }, { AttributeName: 'placed', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'customer', KeyType: 'HASH' }, { AttributeName: 'order', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{
      IndexName: 'byStatus', KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }, { AttributeName: 'order', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['amount'] },
    }],
    LocalSecondaryIndexes: [{
      IndexName: 'byPlaced', KeySchema: [{ AttributeName: 'customer', KeyType: 'HASH' }, { AttributeName: 'placed', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    }],
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  }));
  assert.equal(r.TableDescription.TableName, table);
  assert.match(r.TableDescription.TableArn, /^arn:aws:dynamodb:us-east-1:\d{12}:table\/JsOrders$/);
  assert.ok(r.TableDescription.LatestStreamArn.startsWith(r.TableDescription.TableArn + '/stream/'));
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: table });
  const d = await client.send(new DescribeTableCommand({ TableName: table }));
  assert.equal(d.Table.TableStatus, 'ACTIVE');
  assert.equal(d.Table.GlobalSecondaryIndexes[0].IndexStatus, 'ACTIVE');
  assert.equal(d.Table.BillingModeSummary.BillingMode, 'PAY_PER_REQUEST');
  assert.ok(d.Table.CreationDateTime instanceof Date);
  const l = await client.send(new ListTablesCommand({}));
  assert.ok(l.TableNames.includes(table));
});

await step('DocumentClient round trip of every attribute type', async () => {
  const item = {
    customer: 'ann', order: 1, status: 'OPEN', placed: '2026-11-01',
    amount: 12.5, big: NumberValue.from('12345678901234567890123456789012345678'), tiny: NumberValue.from('1E-130'),
    flag: true, nothing: null, note: '', raw: new Uint8Array([0, 1, 254, 255]),
    tags: new Set(['a', 'b']), sizes: new Set([1, 2, 3]), blobs: new Set([new Uint8Array([1]), new Uint8Array([2])]),
    parts: [{ sku: 'x1', qty: 2 }, { sku: 'y2', qty: 1, gift: { wrap: true } }],
  };
  await doc.send(new PutCommand({ TableName: table, Item: item }));
  const r = await doc.send(new GetCommand({ TableName: table, Key: { customer: 'ann', order: 1 }, ConsistentRead: true,
    ReturnConsumedCapacity: 'TOTAL' }));
  const got = r.Item;
  assert.equal(got.big.toString(), '12345678901234567890123456789012345678');
  assert.equal(got.tiny.toString(), '0.' + '0'.repeat(129) + '1'); // DynamoDB answers numbers in plain decimal notation
  assert.equal(got.amount.toString(), '12.5');
  assert.equal(got.flag, true);
  assert.equal(got.nothing, null);
  assert.equal(got.note, '');
  assert.deepEqual([...got.raw], [0, 1, 254, 255]);
  assert.deepEqual([...got.tags].sort(), ['a', 'b']);
  assert.deepEqual([...got.sizes].map(String).sort(), ['1', '2', '3']);
  assert.equal(got.blobs.size, 2);
  assert.equal(got.parts[1].gift.wrap, true);
  assert.equal(got.parts[0].qty.toString(), '2');
  assert.deepEqual(r.ConsumedCapacity, { TableName: table, CapacityUnits: 1 });
});

await step('low-level client: numbers in canonical form, a missing item', async () => {
  await client.send(new PutItemCommand({ TableName: table, Item: {
    customer: { S: 'bob' }, order: { N: '0002.500' }, status: { S: 'OPEN' }, amount: { N: '-00.10' } } }));
  const r = await client.send(new GetItemCommand({ TableName: table, Key: { customer: { S: 'bob' }, order: { N: '2.5' } } }));
  assert.deepEqual(r.Item.order, { N: '2.5' });
  assert.deepEqual(r.Item.amount, { N: '-0.1' });
  const none = await client.send(new GetItemCommand({ TableName: table, Key: { customer: { S: 'nobody' }, order: { N: '1' } } }));
  assert.equal(none.Item, undefined);
});

await step('UpdateItem with every clause and ReturnValues', async () => {
  const r = await doc.send(new UpdateCommand({
    TableName: table, Key: { customer: 'ann', order: 1 },
    UpdateExpression: 'SET #s = :s, amount = amount + :t, parts[0].qty = :q, history = list_append(if_not_exists(history, :empty), :h) '
      + 'REMOVE note ADD sizes :more DELETE tags :gone',
    ConditionExpression: 'attribute_exists(customer) AND #s = :open',
    ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': 'SHIPPED', ':t': 0.25, ':q': 5, ':empty': [], ':h': ['shipped'], ':open': 'OPEN',
      ':more': new Set([4]), ':gone': new Set(['a']) },
    ReturnValues: 'ALL_NEW',
  }));
  const a = r.Attributes;
  assert.equal(a.status, 'SHIPPED');
  assert.equal(a.amount.toString(), '12.75');
  assert.equal(a.parts[0].qty.toString(), '5');
  assert.deepEqual(a.history, ['shipped']);
  assert.equal(a.note, undefined);
  assert.deepEqual([...a.sizes].map(String).sort(), ['1', '2', '3', '4']);
  assert.deepEqual([...a.tags], ['b']);
});

await step('ConditionalCheckFailedException with the old item', async () => {
  const e = await rejects(doc.send(new PutCommand({
    TableName: table, Item: { customer: 'ann', order: 1, status: 'NEW' },
    ConditionExpression: 'attribute_not_exists(customer)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
  })), 'ConditionalCheckFailedException', /^The conditional request failed$/);
  assert.equal(e.Item.status.S, 'SHIPPED');
  const still = await doc.send(new GetCommand({ TableName: table, Key: { customer: 'ann', order: 1 } }));
  assert.equal(still.Item.status, 'SHIPPED');
});

await step('ValidationException and ResourceNotFoundException messages', async () => {
  await rejects(doc.send(new PutCommand({ TableName: table, Item: { customer: 'ann' } })), 'ValidationException',
    /^One or more parameter values were invalid: Missing the key order in the item$/);
  await rejects(doc.send(new GetCommand({ TableName: table, Key: { customer: 'ann' } })), 'ValidationException',
    /^The provided key element does not match the schema$/);
  await rejects(doc.send(new UpdateCommand({ TableName: table, Key: { customer: 'ann', order: 1 }, UpdateExpression: 'SET size = :v',
    ExpressionAttributeValues: { ':v': 1 } })), 'ValidationException', /reserved keyword: size/);
  await rejects(doc.send(new GetCommand({ TableName: 'NoSuchTable', Key: { customer: 'ann', order: 1 } })),
    'ResourceNotFoundException', /^Requested resource not found/);
});

await step('BatchWriteItem and BatchGetItem', async () => {
  for (let start = 10; start < 110; start += 25) {
    const puts = [];
    for (let i = start; i < start + 25; ++i)
      puts.push({ PutRequest: { Item: { customer: 'carl', order: i, status: i % 2 ? 'OPEN' : 'CLOSED', amount: i, placed: `2026-10-${String(i % 28 + 1).padStart(2, '0')}` } } });
    const r = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: puts } }));
    assert.deepEqual(r.UnprocessedItems, {});
  }
  const keys = [{ customer: 'carl', order: 10 }, { customer: 'carl', order: 11 }, { customer: 'nobody', order: 1 }];
  const g = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ProjectionExpression: '#o, amount',
    ExpressionAttributeNames: { '#o': 'order' } } } }));
  const orders = g.Responses[table].map((i) => Number(i.order.toString())).sort((a, b) => a - b);
  assert.deepEqual(orders, [10, 11]);
  assert.deepEqual(Object.keys(g.Responses[table][0]).sort(), ['amount', 'order']);
  await rejects(doc.send(new BatchWriteCommand({ RequestItems: { [table]: Array.from({ length: 26 }, (_, i) => (
    { PutRequest: { Item: { customer: 'x', order: i } } })) } })), 'ValidationException', /length less than or equal to 25/);
});

await step('Query pages (paginateQuery) with a filter, both directions, and the GSI', async () => {
  const seen = [];
  let pages = 0;
  for await (const page of paginateQuery({ client: doc, pageSize: 7 }, {
    TableName: table, KeyConditionExpression: 'customer = :c AND #o BETWEEN :lo AND :hi', FilterExpression: '#s = :open',
    ExpressionAttributeNames: { '#o': 'order', '#s': 'status' }, ExpressionAttributeValues: { ':c': 'carl', ':lo': 20, ':hi': 79, ':open': 'OPEN' },
    ScanIndexForward: false })) {
    ++pages;
    assert.ok(page.ScannedCount <= 7);
    seen.push(...page.Items.map((i) => Number(i.order.toString())));
  }
  const expected = [];
  for (let i = 79; i >= 20; --i) if (i % 2) expected.push(i);
  assert.deepEqual(seen, expected);
  assert.ok(pages >= 9, `pages ${pages}`);
  const onIndex = [];
  for await (const page of paginateQuery({ client: doc, pageSize: 10 }, {
    TableName: table, IndexName: 'byStatus', KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' },
    ExpressionAttributeValues: { ':s': 'CLOSED' } })) {
    onIndex.push(...page.Items);
  }
  assert.equal(onIndex.length, 50);
  assert.deepEqual(Object.keys(onIndex[0]).sort(), ['amount', 'customer', 'order', 'status']);
  await rejects(doc.send(new (await import('@aws-sdk/lib-dynamodb')).QueryCommand({ TableName: table, IndexName: 'byStatus',
    KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':s': 'OPEN' },
    ConsistentRead: true })), 'ValidationException', /Consistent reads are not supported on global secondary indexes/);
});

await step('parallel Scan (paginateScan) sees every item once', async () => {
  const all = [];
  await Promise.all([0, 1, 2].map(async (segment) => {
    for await (const page of paginateScan({ client: doc, pageSize: 9 }, { TableName: table, Segment: segment, TotalSegments: 3 }))
      all.push(...page.Items.map((i) => `${i.customer}/${i.order.toString()}`));
  }));
  assert.equal(all.length, 102);
  assert.equal(new Set(all).size, 102);
});

await step('TransactWriteItems: cancellation reasons, then a commit', async () => {
  const e = await rejects(doc.send(new TransactWriteCommand({ TransactItems: [
    { Put: { TableName: table, Item: { customer: 'dan', order: 1, status: 'OPEN' } } },
    { Update: { TableName: table, Key: { customer: 'ann', order: 1 }, UpdateExpression: 'SET amount = :z',
      ConditionExpression: '#s = :open', ExpressionAttributeNames: { '#s': 'status' }, ExpressionAttributeValues: { ':z': 0, ':open': 'OPEN' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } },
  ] })), 'TransactionCanceledException', /^Transaction cancelled, please refer cancellation reasons for specific reasons \[None, ConditionalCheckFailed\]$/);
  assert.equal(e.CancellationReasons.length, 2);
  assert.equal(e.CancellationReasons[0].Code, 'None');
  assert.equal(e.CancellationReasons[1].Code, 'ConditionalCheckFailed');
  assert.equal(e.CancellationReasons[1].Item.status.S, 'SHIPPED');
  const none = await doc.send(new GetCommand({ TableName: table, Key: { customer: 'dan', order: 1 } }));
  assert.equal(none.Item, undefined);
  await doc.send(new TransactWriteCommand({ ClientRequestToken: 'js-token-1', TransactItems: [
    { Put: { TableName: table, Item: { customer: 'dan', order: 1, status: 'OPEN' } } },
    { ConditionCheck: { TableName: table, Key: { customer: 'ann', order: 1 }, ConditionExpression: 'attribute_exists(customer)' } },
    { Delete: { TableName: table, Key: { customer: 'bob', order: 2.5 } } },
  ] }));
  const t = await doc.send(new TransactGetCommand({ TransactItems: [
    { Get: { TableName: table, Key: { customer: 'dan', order: 1 } } }, { Get: { TableName: table, Key: { customer: 'bob', order: 2.5 } } },
  ] }));
  assert.equal(t.Responses[0].Item.status, 'OPEN');
  assert.equal(t.Responses[1].Item, undefined);
});

await step('DynamoDB Streams: the changes in order, with both images', async () => {
  const list = await streams.send(new ListStreamsCommand({ TableName: table }));
  assert.equal(list.Streams.length, 1);
  const arn = list.Streams[0].StreamArn;
  const d = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
  assert.equal(d.StreamDescription.StreamStatus, 'ENABLED');
  assert.equal(d.StreamDescription.StreamViewType, 'NEW_AND_OLD_IMAGES');
  const records = [];
  for (const shard of d.StreamDescription.Shards) {
    let it = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    for (let guard = 0; it && guard < 100; ++guard) {
      const r = await streams.send(new GetRecordsCommand({ ShardIterator: it, Limit: 50 }));
      records.push(...r.Records);
      if (r.Records.length === 0) break;
      it = r.NextShardIterator;
    }
  }
  const ann = records.filter((r) => r.dynamodb.Keys.customer.S === 'ann');
  assert.deepEqual(ann.map((r) => r.eventName), ['INSERT', 'MODIFY']);
  assert.equal(ann[1].dynamodb.OldImage.status.S, 'OPEN');
  assert.equal(ann[1].dynamodb.NewImage.status.S, 'SHIPPED');
  assert.ok(ann[1].dynamodb.ApproximateCreationDateTime instanceof Date);
  assert.equal(ann[0].eventSource, 'aws:dynamodb');
  assert.equal(ann[0].awsRegion, 'us-east-1');
  const bob = records.filter((r) => r.dynamodb.Keys.customer.S === 'bob').map((r) => r.eventName);
  assert.deepEqual(bob, ['INSERT', 'REMOVE']);
  assert.equal(records.filter((r) => r.dynamodb.Keys.customer.S === 'carl').length, 100);
  const seqs = records.map((r) => BigInt(r.dynamodb.SequenceNumber));
  for (let i = 1; i < seqs.length; ++i) assert.ok(seqs[i] > seqs[i - 1]);
});

await step('DeleteItem with ReturnValues ALL_OLD, then DeleteTable', async () => {
  const r = await doc.send(new DeleteCommand({ TableName: table, Key: { customer: 'dan', order: 1 }, ReturnValues: 'ALL_OLD' }));
  assert.equal(r.Attributes.status, 'OPEN');
  await client.send(new DeleteTableCommand({ TableName: table }));
  await waitUntilTableNotExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: table });
  await rejects(client.send(new DescribeTableCommand({ TableName: table })), 'ResourceNotFoundException');
});

await step('a global table: a replica in eu-west-1, writes both ways, then removed', async () => {
  const west = new DynamoDBClient({ ...config, region: 'eu-west-1' });
  const westDoc = DynamoDBDocumentClient.from(west);
  const name = 'JsGlobal';
  await client.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  await doc.send(new PutCommand({ TableName: name, Item: { id: 'east-before', n: 1 } }));
  const r = await client.send(new UpdateTableCommand({ TableName: name, ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  assert.equal(r.TableDescription.GlobalTableVersion, '2019.11.21');
  assert.deepEqual(r.TableDescription.Replicas, [{ RegionName: 'eu-west-1', ReplicaStatus: 'CREATING' }]);
  await waitUntilTableExists({ client: west, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
  const eventually = async (fn) => {
    for (let i = 0; i < 200; ++i) {
      if (await fn()) return;
      await new Promise((done) => setTimeout(done, 50));
    }
    assert.fail('not replicated within 10 s');
  };
  await eventually(async () => (await westDoc.send(new GetCommand({ TableName: name, Key: { id: 'east-before' } }))).Item !== undefined);
  await westDoc.send(new PutCommand({ TableName: name, Item: { id: 'from-west', n: 2 } }));
  await eventually(async () => (await doc.send(new GetCommand({ TableName: name, Key: { id: 'from-west' } }))).Item !== undefined);
  const described = (await west.send(new DescribeTableCommand({ TableName: name }))).Table;
  assert.deepEqual(described.Replicas, [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' }]);
  await rejects(client.send(new UpdateTableCommand({ TableName: name, ReplicaUpdates: [{ Create: { RegionName: 'us-east-1' } }] })),
                'ValidationException', /Cannot add or delete the local region/);
  await client.send(new UpdateTableCommand({ TableName: name, ReplicaUpdates: [{ Delete: { RegionName: 'eu-west-1' } }] }));
  await waitUntilTableNotExists({ client: west, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
  assert.equal((await client.send(new DescribeTableCommand({ TableName: name }))).Table.Replicas, undefined);
  await client.send(new DeleteTableCommand({ TableName: name }));
});

await step('an export to S3 (a local bucket) imported back, and the incremental export rules', async () => {
  mkdirSync(`${bucketsFolder}/js-bucket`, { recursive: true });
  const name = 'JsExport';
  await client.send(new CreateTableCommand({
    TableName: name, BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  for (let i = 0; i < 30; ++i)
    await doc.send(new PutCommand({ TableName: name, Item: { id: `item${i}`, n: i, tags: new Set(['a', `t${i}`]) } }));
  const arn = (await client.send(new DescribeTableCommand({ TableName: name }))).Table.TableArn;
  await rejects(client.send(new ExportTableToPointInTimeCommand({ TableArn: arn, S3Bucket: 'js-bucket' })),
                'PointInTimeRecoveryUnavailableException', /Point in time recovery is not enabled for table 'JsExport'/);
  await client.send(new UpdateContinuousBackupsCommand({ TableName: name, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  await rejects(client.send(new ExportTableToPointInTimeCommand({ TableArn: arn, S3Bucket: 'js-bucket', ExportType: 'INCREMENTAL_EXPORT' })),
                'ValidationException', /Incremental Export Specification expected when export type is set as Incremental Export/);
  await rejects(client.send(new ExportTableToPointInTimeCommand({
    TableArn: arn, S3Bucket: 'js-bucket', ExportType: 'INCREMENTAL_EXPORT',
    IncrementalExportSpecification: { ExportFromTime: new Date(Date.now() - 3600 * 1000), ExportViewType: 'NEW_IMAGE' },
  })), 'InvalidExportTimeException', /Incremental export period from time cannot be less than the table creation time/);
  const started = (await client.send(new ExportTableToPointInTimeCommand({
    TableArn: arn, S3Bucket: 'js-bucket', S3Prefix: 'js', ExportType: 'FULL_EXPORT',
  }))).ExportDescription;
  assert.equal(started.ExportStatus, 'IN_PROGRESS');
  assert.ok(started.StartTime instanceof Date);
  // Polls describe() until the job's status leaves IN_PROGRESS (30 s at most).
  const settled = async (describe, status) => {
    let d;
    for (let i = 0; i < 600; ++i) {
      d = await describe();
      if (d[status] !== 'IN_PROGRESS') break;
      await new Promise((done) => setTimeout(done, 50));
    }
    return d;
  };
  const exported = await settled(async () => (await client.send(new DescribeExportCommand({ ExportArn: started.ExportArn }))).ExportDescription,
                                 'ExportStatus');
  assert.equal(exported.ExportStatus, 'COMPLETED');
  assert.equal(exported.ExportType, 'FULL_EXPORT');
  assert.equal(exported.ItemCount, 30);
  const summaries = (await client.send(new ListExportsCommand({ TableArn: arn }))).ExportSummaries;
  assert.deepEqual(summaries, [{ ExportArn: started.ExportArn, ExportStatus: 'COMPLETED', ExportType: 'FULL_EXPORT' }]);
  const id = started.ExportArn.split('/').pop();
  const imported = (await client.send(new ImportTableCommand({
    S3BucketSource: { S3Bucket: 'js-bucket', S3KeyPrefix: `js/AWSDynamoDB/${id}/data/` },
    InputFormat: 'DYNAMODB_JSON', InputCompressionType: 'GZIP',
    TableCreationParameters: {
      TableName: 'JsImported', BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
    },
  }))).ImportTableDescription;
  assert.equal(imported.ImportStatus, 'IN_PROGRESS');
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: 'JsImported' });
  const d = await settled(async () => (await client.send(new DescribeImportCommand({ ImportArn: imported.ImportArn }))).ImportTableDescription,
                          'ImportStatus');
  assert.equal(d.ImportStatus, 'COMPLETED');
  assert.equal(d.ImportedItemCount, 30);
  const item = (await doc.send(new GetCommand({ TableName: 'JsImported', Key: { id: 'item7' } }))).Item;
  assert.equal(item.n.value, '7');
  assert.deepEqual([...item.tags].sort(), ['a', 't7']);
  assert.equal((await client.send(new ScanCommand({ TableName: 'JsImported', Select: 'COUNT' }))).Count, 30);
  const listed = (await client.send(new ListImportsCommand({}))).ImportSummaryList;
  assert.deepEqual(listed.map((x) => x.ImportArn), [imported.ImportArn]);
});

await step('a DAX cluster: the DocumentClient through its endpoint reads from its caches', async () => {
  // The control plane (service "dax", JSON 1.1), as @aws-sdk/client-dax sends it.
  const dax = async (operation, body) => {
    const r = await fetch(endpoint, {
      method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `AmazonDAXV3.${operation}`, 'X-Amz-Date': '20261127T000000Z',
                 Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDJS/20261127/us-east-1/dax/aws4_request, SignedHeaders=host, Signature=0' },
    });
    assert.equal(r.status, 200, await r.clone().text());
    return r.json();
  };
  const cluster = (await dax('CreateCluster', { ClusterName: 'jscache', NodeType: 'dax.t3.small', ReplicationFactor: 1,
                                                IamRoleArn: 'arn:aws:iam::000000000000:role/DAX' })).Cluster;
  assert.equal(cluster.ClusterDiscoveryEndpoint.URL, `${endpoint}/dax/jscache`);
  // An application's DynamoDB client pointed at the cluster's URL (the SDK keeps the path).
  const cachedClient = new DynamoDBClient({ ...config, endpoint: cluster.ClusterDiscoveryEndpoint.URL });
  const cached = DynamoDBDocumentClient.from(cachedClient);
  await client.send(new CreateTableCommand({
    TableName: 'JsCached', BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  }));
  await doc.send(new PutCommand({ TableName: 'JsCached', Item: { id: 'a', v: 1 } }));
  assert.equal((await cached.send(new GetCommand({ TableName: 'JsCached', Key: { id: 'a' } }))).Item.v, 1);
  await doc.send(new PutCommand({ TableName: 'JsCached', Item: { id: 'a', v: 2 } })); // around the cluster
  assert.equal((await cached.send(new GetCommand({ TableName: 'JsCached', Key: { id: 'a' } }))).Item.v, 1);
  assert.equal((await cached.send(new GetCommand({ TableName: 'JsCached', Key: { id: 'a' }, ConsistentRead: true }))).Item.v, 2);
  await cached.send(new PutCommand({ TableName: 'JsCached', Item: { id: 'a', v: 3 } })); // through it
  assert.equal((await cached.send(new GetCommand({ TableName: 'JsCached', Key: { id: 'a' } }))).Item.v, 3);
  await assert.rejects(cachedClient.send(new DescribeTableCommand({ TableName: 'JsCached' })),
                       (e) => e.name === 'ValidationException' && e.message === 'describeTable is not supported for DAX. Use DynamoDB instead.');
  assert.equal((await dax('DescribeClusters', {})).Clusters.length, 1);
});

console.log('all steps passed');
