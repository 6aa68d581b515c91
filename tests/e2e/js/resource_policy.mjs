// Resource-based policies and fine-grained access control with the AWS SDK
// for JavaScript v3 (which has PutResourcePolicy and friends; Debian's boto3
// and AWS CLI predate them) against dynamodesk-server --auth USERS: each
// step asserts what real DynamoDB answers and prints "ok <step>"; the first
// failure prints "FAIL <step>: ..." and exits 1. Run by
// tests/e2e/test_resource_policies.py:
//   node resource_policy.mjs http://127.0.0.1:PORT
import assert from 'node:assert/strict';
import { step, rejects } from './steps.mjs';
import {
  DynamoDBClient, CreateTableCommand, DescribeTableCommand, DeleteTableCommand, PutItemCommand, GetItemCommand,
  DeleteItemCommand, QueryCommand, ScanCommand, BatchGetItemCommand, UpdateItemCommand,
  PutResourcePolicyCommand, GetResourcePolicyCommand, DeleteResourcePolicyCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, DescribeStreamCommand } from '@aws-sdk/client-dynamodb-streams';

const endpoint = process.argv[2];
const as = (user) => ({ endpoint, region: 'us-east-1', maxAttempts: 1,
                        credentials: { accessKeyId: `AKID${user.toUpperCase()}`, secretAccessKey: `${user}-secret` } });
const admin = new DynamoDBClient(as('admin'));
const bob = new DynamoDBClient(as('bob'));
const alice = new DynamoDBClient(as('alice'));
const bobStreams = new DynamoDBStreamsClient(as('bob'));
const account = '000000000000';
const tableArn = (name) => `arn:aws:dynamodb:us-east-1:${account}:table/${name}`;
const userArn = (name) => `arn:aws:iam::${account}:user/${name}`;

const keySchema = {
  AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'sk', AttributeType: 'S' }],
  KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
  BillingMode: 'PAY_PER_REQUEST',
};
const item = (pk, sk, more = {}) => ({ pk: { S: pk }, sk: { S: sk }, ...more });
let revision;
let streamArn;

await step('CreateTable with a stream, and one with a ResourcePolicy', async () => {
  const created = await admin.send(new CreateTableCommand({
    TableName: 'Orders', ...keySchema, StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
  }));
  streamArn = created.TableDescription.LatestStreamArn;
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: userArn('bob') },
    Action: 'dynamodb:GetItem', Resource: tableArn('Audit') }] });
  const audit = await admin.send(new CreateTableCommand({ TableName: 'Audit', ...keySchema, ResourcePolicy: policy }));
  assert.equal(audit.TableDescription.ResourcePolicy, undefined);
  const got = await admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Audit') }));
  assert.equal(got.Policy, policy);
  assert.match(got.RevisionId, /^\d{13}$/);
  await admin.send(new PutItemCommand({ TableName: 'Orders', Item: item('a', '1') }));
  await admin.send(new PutItemCommand({ TableName: 'Audit', Item: item('a', '1') }));
});

await step('GetResourcePolicy without one: PolicyNotFoundException', async () => {
  await rejects(admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') })), 'PolicyNotFoundException',
    `Resource-based policy not found for the provided ResourceArn: ${tableArn('Orders')}`);
  const none = await admin.send(new DeleteResourcePolicyCommand({ ResourceArn: tableArn('Orders') }));
  assert.equal(none.RevisionId, undefined);
});

await step('PutResourcePolicy, read back in the canonical form, the same again keeps its revision', async () => {
  const loose = `{
    "Statement": [
      {"Sid": "BobReads", "Effect": "allow", "Principal": {"AWS": ["${userArn('bob')}"]},
       "Action": ["dynamodb:GetItem", "dynamodb:Query"], "Resource": ["${tableArn('Orders')}", "${tableArn('Orders')}/index/*"]},
      {"Sid": "NoDeletes", "Effect": "Deny", "Principal": "*", "Action": "dynamodb:DeleteItem", "Resource": "*"}
    ],
    "Version": "2012-10-17"
  }`;
  revision = (await admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Orders'), Policy: loose }))).RevisionId;
  const got = await admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') }));
  assert.equal(got.RevisionId, revision);
  assert.equal(got.Policy, JSON.stringify({ Version: '2012-10-17', Statement: [
    { Sid: 'BobReads', Effect: 'Allow', Principal: { AWS: userArn('bob') }, Action: ['dynamodb:GetItem', 'dynamodb:Query'],
      Resource: [tableArn('Orders'), `${tableArn('Orders')}/index/*`] },
    { Sid: 'NoDeletes', Effect: 'Deny', Principal: '*', Action: 'dynamodb:DeleteItem', Resource: '*' }] }));
  const again = await admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Orders'), Policy: got.Policy,
                                                                ExpectedRevisionId: revision }));
  assert.equal(again.RevisionId, revision);
});

await step('The policy is enforced: bob reads by it, nobody deletes', async () => {
  const read = await bob.send(new GetItemCommand({ TableName: 'Orders', Key: item('a', '1') }));
  assert.deepEqual(read.Item, item('a', '1'));
  await rejects(bob.send(new PutItemCommand({ TableName: 'Orders', Item: item('b', '1') })), 'AccessDeniedException',
    `User: ${userArn('bob')} is not authorized to perform: dynamodb:PutItem on resource: ${tableArn('Orders')} because no ` +
    'identity-based policy allows the dynamodb:PutItem action');
  await rejects(admin.send(new DeleteItemCommand({ TableName: 'Orders', Key: item('a', '1') })), 'AccessDeniedException',
    `User: ${userArn('admin')} is not authorized to perform: dynamodb:DeleteItem on resource: ${tableArn('Orders')} with an ` +
    'explicit deny in a resource-based policy');
  assert.ok((await admin.send(new GetItemCommand({ TableName: 'Orders', Key: item('a', '1') }))).Item);
  // A table named by its ARN is the same table, under the same policy.
  assert.ok((await bob.send(new GetItemCommand({ TableName: tableArn('Orders'), Key: item('a', '1') }))).Item);
  const batch = await admin.send(new BatchGetItemCommand({ RequestItems: { [tableArn('Orders')]: { Keys: [item('a', '1')] } } }));
  assert.equal(batch.Responses[tableArn('Orders')].length, 1);
  // Audit's policy (from CreateTable) lets bob read it too.
  assert.ok((await bob.send(new GetItemCommand({ TableName: 'Audit', Key: item('a', '1') }))).Item);
});

await step('ExpectedRevisionId and refusals in AWS words, nothing changed', async () => {
  const other = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'dynamodb:UpdateItem',
                                                                        Resource: '*' }] });
  await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Orders'), Policy: other, ExpectedRevisionId: 'NO_POLICY' })),
    'PolicyNotFoundException', 'Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be ' +
    `present for table Orders, but a policy exists with revision id ${revision}.`);
  await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Orders'), Policy: other, ExpectedRevisionId: '1' })),
    'PolicyNotFoundException', 'Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id 1, ' +
    `but the policy associated to target table Orders has revision id ${revision}.`);
  const invalid = 'One or more parameter values were invalid: ';
  for (const [policy, message] of [
    ['{"Version":', `${invalid}Invalid policy document: This policy contains invalid Json`],
    [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'dynamodb:GetItem', Resource: '*' }] }),
     'Resource-based policy grants unbounded access in one or more elements. Please revise the policy to ensure least-privilege form of access'],
    [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: userArn('mallory') }, Action: 'dynamodb:GetItem',
                                                           Resource: '*' }] }), `${invalid}Invalid principal in policy document.`],
    [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'dynamodb:GetRecords', Resource: '*' }] }),
     `${invalid}Invalid policy document: The following action names are invalid: "dynamodb:GetRecords"`],
    [' '.repeat(20481), `${invalid}Maximum policy size of 20480 bytes exceeded`],
  ]) {
    await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Orders'), Policy: policy })), 'ValidationException', message);
  }
  await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: 'Orders', Policy: other })), 'ValidationException',
    `${invalid}ARNs must start with 'arn:': Orders`);
  await rejects(admin.send(new GetResourcePolicyCommand({ ResourceArn: `${tableArn('Orders')}/index/byOwner` })), 'ValidationException',
    `${invalid}Invalid resource arn provided, only table or stream is accepted. Provided resource arn: ${tableArn('Orders')}/index/byOwner`);
  await rejects(admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Nothing') })), 'ResourceNotFoundException',
    'Requested resource not found: Table: Nothing not found');
  assert.equal((await admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') }))).RevisionId, revision);
});

await step('The stream has a policy of its own', async () => {
  await rejects(bobStreams.send(new DescribeStreamCommand({ StreamArn: streamArn })), 'AccessDeniedException');
  const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: userArn('bob') },
    Action: ['dynamodb:DescribeStream', 'dynamodb:GetShardIterator', 'dynamodb:GetRecords'], Resource: streamArn }] });
  await admin.send(new PutResourcePolicyCommand({ ResourceArn: streamArn, Policy: policy }));
  const described = await bobStreams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  assert.equal(described.StreamDescription.StreamArn, streamArn);
  assert.equal((await admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') }))).RevisionId, revision);
});

await step('Self-lockout needs ConfirmRemoveSelfResourceAccess', async () => {
  const lockout = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: { AWS: userArn('admin') },
    Action: 'dynamodb:PutResourcePolicy', Resource: tableArn('Audit') }] });
  await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Audit'), Policy: lockout })), 'AccessDeniedException',
    'The new resource policy will not allow you to update the resource policy in the future.');
  await admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Audit'), Policy: lockout, ConfirmRemoveSelfResourceAccess: true }));
  await rejects(admin.send(new PutResourcePolicyCommand({ ResourceArn: tableArn('Audit'), Policy: lockout.replace('Put', 'Get') })),
    'AccessDeniedException', /with an explicit deny in a resource-based policy$/);
});

await step('Fine-grained access control: alice in her own partition, with the attributes she may use', async () => {
  await alice.send(new PutItemCommand({ TableName: 'Orders', Item: item('alice', '1', { note: { S: 'hi' } }) }));
  await rejects(alice.send(new PutItemCommand({ TableName: 'Orders', Item: item('bob', '1') })), 'AccessDeniedException');
  await rejects(alice.send(new PutItemCommand({ TableName: 'Orders', Item: item('alice', '2', { secret: { S: 'x' } }) })), 'AccessDeniedException');
  await rejects(alice.send(new UpdateItemCommand({ TableName: 'Orders', Key: item('alice', '1'), UpdateExpression: 'SET #s = :v',
    ExpressionAttributeNames: { '#s': 'secret' }, ExpressionAttributeValues: { ':v': { S: 'x' } } })), 'AccessDeniedException');
  const mine = await alice.send(new QueryCommand({ TableName: 'Orders', KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': { S: 'alice' } }, ProjectionExpression: 'pk, sk, note' }));
  assert.deepEqual(mine.Items, [item('alice', '1', { note: { S: 'hi' } })]);
  await rejects(alice.send(new QueryCommand({ TableName: 'Orders', KeyConditionExpression: 'pk = :p',
    ExpressionAttributeValues: { ':p': { S: 'a' } }, ProjectionExpression: 'pk, sk' })), 'AccessDeniedException');
  // Reads that do not name their attributes are refused (dynamodb:Select).
  await rejects(alice.send(new GetItemCommand({ TableName: 'Orders', Key: item('alice', '1') })), 'AccessDeniedException');
  // As on AWS, a Scan has no leading keys: ForAllValues holds, so the policy must not allow Scan.
  const scanned = await alice.send(new ScanCommand({ TableName: 'Orders', ProjectionExpression: 'pk, sk' }));
  assert.equal(scanned.Count, 2);
});

await step('DeleteResourcePolicy, and DeleteTable takes the policy along', async () => {
  const removed = await admin.send(new DeleteResourcePolicyCommand({ ResourceArn: tableArn('Orders'), ExpectedRevisionId: revision }));
  assert.equal(removed.RevisionId, revision);
  await rejects(admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') })), 'PolicyNotFoundException');
  await admin.send(new DeleteItemCommand({ TableName: 'Orders', Key: item('a', '1') }));
  await admin.send(new DeleteTableCommand({ TableName: 'Orders' }));
  await admin.send(new CreateTableCommand({ TableName: 'Orders', ...keySchema }));
  await rejects(admin.send(new GetResourcePolicyCommand({ ResourceArn: tableArn('Orders') })), 'PolicyNotFoundException');
  const table = await admin.send(new DescribeTableCommand({ TableName: tableArn('Orders') }));
  assert.equal(table.Table.TableName, 'Orders');
});

console.log('all steps passed');
