// Multi-attribute keys of global secondary indexes with the AWS SDK for
// JavaScript v3 (Debian's boto3 may check KeySchema itself) against
// dynamodesk-server: a GSI of two HASH and three RANGE attributes created,
// described as given, kept sparse, queried left to right (equalities, then
// one range condition on the last attribute named) in tuple order across S,
// N and B, paged with LastEvaluatedKey, and refused with real DynamoDB's
// message for a gap. Each step prints "ok <step>"; the first failure prints
// "FAIL <step>: ..." and exits 1. Run by tests/e2e/test_multiattribute_keys.py:
//   node multiattribute.mjs http://127.0.0.1:PORT
import assert from 'node:assert/strict';
import { step, rejects } from './steps.mjs';
import {
  DynamoDBClient, CreateTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand, ScanCommand,
  UpdateTableCommand, UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';

const endpoint = process.argv[2];
const ddb = new DynamoDBClient({ endpoint, region: 'us-east-1', maxAttempts: 1,
                                 credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });

const gsiKeys = [
  { AttributeName: 'tenant', KeyType: 'HASH' }, { AttributeName: 'year', KeyType: 'HASH' },
  { AttributeName: 'area', KeyType: 'RANGE' }, { AttributeName: 'round', KeyType: 'RANGE' }, { AttributeName: 'tag', KeyType: 'RANGE' },
];
const defs = [
  { AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'tenant', AttributeType: 'S' }, { AttributeName: 'year', AttributeType: 'N' },
  { AttributeName: 'area', AttributeType: 'S' }, { AttributeName: 'round', AttributeType: 'N' }, { AttributeName: 'tag', AttributeType: 'B' },
];
const row = (pk, region, round, tag) => ({ pk: { S: pk }, tenant: { S: 't1' }, year: { N: '2025' }, area: { S: region },
                                          round: { N: round }, tag: { B: Uint8Array.from(tag) } });
// In index order: area by bytes ("eu" < "eu\0" < "eu-west"), round numerically, tag by bytes.
const rows = [row('m1', 'eu', '-3', [255]), row('m2', 'eu', '2', [1]), row('m3', 'eu', '10', [0]), row('m4', 'eu', '10', [0, 0]),
              row('m5', 'eu\u0000', '1', [1]), row('m6', 'eu-west', '0', [1]), row('m7', 'us', '1', [1])];

async function query(KeyConditionExpression, values, more = {}) {
  const out = [];
  let ExclusiveStartKey;
  let last;
  do {
    const res = await ddb.send(new QueryCommand({
      TableName: 'Matches', IndexName: 'ByTenantYear', KeyConditionExpression, ExclusiveStartKey,
      ExpressionAttributeValues: { ':t': { S: 't1' }, ':y': { N: '2025' }, ...values }, ...more,
    }));
    out.push(...res.Items.map((i) => i.pk.S));
    ExclusiveStartKey = res.LastEvaluatedKey;
    if (ExclusiveStartKey) last = ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return { pks: out, last };
}

await step('CreateTable with a GSI of two HASH and three RANGE attributes; DescribeTable shows it as given', async () => {
  await ddb.send(new CreateTableCommand({
    TableName: 'Matches', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: defs, KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [{ IndexName: 'ByTenantYear', KeySchema: gsiKeys, Projection: { ProjectionType: 'ALL' } }],
  }));
  const { Table } = await ddb.send(new DescribeTableCommand({ TableName: 'Matches' }));
  assert.deepEqual(Table.GlobalSecondaryIndexes[0].KeySchema, gsiKeys);
});

await step('a LocalSecondaryIndex keeps one RANGE attribute', async () => {
  await rejects(ddb.send(new CreateTableCommand({
    TableName: 'Bad', BillingMode: 'PAY_PER_REQUEST', AttributeDefinitions: defs.slice(0, 4),
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'tenant', KeyType: 'RANGE' }],
    LocalSecondaryIndexes: [{ IndexName: 'lsi', Projection: { ProjectionType: 'ALL' }, KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'year', KeyType: 'RANGE' }, { AttributeName: 'area', KeyType: 'RANGE' }] }],
  })), 'ValidationException',
  'Invalid KeySchema: Too many KeySchemaElements: 3. A table or local secondary index has one HASH and at most one RANGE key attribute');
});

await step('items sort by the tuple of RANGE attributes; an item missing one is not indexed', async () => {
  for (const i of [4, 0, 6, 2, 5, 1, 3]) await ddb.send(new PutItemCommand({ TableName: 'Matches', Item: rows[i] }));
  const partial = { ...rows[0], pk: { S: 'm8' } };
  delete partial.tag;
  await ddb.send(new PutItemCommand({ TableName: 'Matches', Item: partial }));
  assert.deepEqual((await query('tenant = :t AND #y = :y', {}, { ExpressionAttributeNames: { '#y': 'year' } })).pks,
                   ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7']);
  assert.deepEqual((await query('tenant = :t AND #y = :y', {}, { ExpressionAttributeNames: { '#y': 'year' }, ScanIndexForward: false })).pks,
                   ['m7', 'm6', 'm5', 'm4', 'm3', 'm2', 'm1']);
  await ddb.send(new UpdateItemCommand({ TableName: 'Matches', Key: { pk: { S: 'm8' } }, UpdateExpression: 'SET tag = :b',
                                         ExpressionAttributeValues: { ':b': { B: Uint8Array.from([9]) } } }));
  assert.equal((await ddb.send(new ScanCommand({ TableName: 'Matches', IndexName: 'ByTenantYear', Select: 'COUNT' }))).Count, 8);
});

await step('equalities left to right, then a range condition on the last attribute named; pages carry every key attribute', async () => {
  const names = { ExpressionAttributeNames: { '#y': 'year', '#r': 'round' } };
  assert.deepEqual((await query('tenant = :t AND #y = :y AND area = :r AND #r > :n', { ':r': { S: 'eu' }, ':n': { N: '-3' } }, names)).pks,
                   ['m2', 'm3', 'm4']);
  assert.deepEqual((await query('tenant = :t AND #y = :y AND begins_with(area, :r)', { ':r': { S: 'eu' } }, { ExpressionAttributeNames: { '#y': 'year' } })).pks,
                   ['m8', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
  const { pks, last } = await query('tenant = :t AND #y = :y AND area = :r AND #r = :n AND tag BETWEEN :a AND :b',
                                    { ':r': { S: 'eu' }, ':n': { N: '10' }, ':a': { B: Uint8Array.from([0]) }, ':b': { B: Uint8Array.from([0, 0]) } },
                                    { ...names, Limit: 1 });
  assert.deepEqual(pks, ['m3', 'm4']);
  assert.deepEqual(Object.keys(last).sort(), ['area', 'pk', 'round', 'tag', 'tenant', 'year']);
});

await step('a gap in the RANGE attributes is refused with DynamoDB\'s message', async () => {
  await rejects(query('tenant = :t AND #y = :y AND tag = :b', { ':b': { B: Uint8Array.from([1]) } }, { ExpressionAttributeNames: { '#y': 'year' } }),
                'ValidationException',
                'RANGE key attributes area must have equality conditions specified in the query because a condition is present on key attribute tag');
  await rejects(ddb.send(new QueryCommand({ TableName: 'Matches', IndexName: 'ByTenantYear', KeyConditionExpression: 'tenant = :t',
                                            ExpressionAttributeValues: { ':t': { S: 't1' } } })),
                'ValidationException', 'Query condition missed key schema element: year');
});

await step('UpdateTable adds a multi-attribute GSI and backfills it', async () => {
  await ddb.send(new UpdateTableCommand({
    TableName: 'Matches', AttributeDefinitions: defs,
    GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'ByRegion', Projection: { ProjectionType: 'KEYS_ONLY' },
      KeySchema: [{ AttributeName: 'area', KeyType: 'HASH' }, { AttributeName: 'tenant', KeyType: 'RANGE' }, { AttributeName: 'round', KeyType: 'RANGE' }] } }],
  }));
  for (let i = 0; ; ++i) {
    const { Table } = await ddb.send(new DescribeTableCommand({ TableName: 'Matches' }));
    if (Table.GlobalSecondaryIndexes.every((g) => g.IndexStatus === 'ACTIVE')) break;
    assert.ok(i < 200, 'the index never became ACTIVE');
    await new Promise((r) => setTimeout(r, 100));
  }
  const res = await ddb.send(new QueryCommand({ TableName: 'Matches', IndexName: 'ByRegion',
    KeyConditionExpression: 'area = :r AND tenant = :t AND #r >= :n', ExpressionAttributeNames: { '#r': 'round' },
    ExpressionAttributeValues: { ':r': { S: 'eu' }, ':t': { S: 't1' }, ':n': { N: '2' } } }));
  assert.deepEqual(res.Items.map((i) => i.pk.S), ['m2', 'm3', 'm4']);
});

console.log('all steps passed');
