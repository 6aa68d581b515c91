'use strict';
// amazon-dax-client 1.x (the DAX client for the AWS SDK for JavaScript v2),
// wrapped in the v2 DocumentClient as applications use it, against a DAX
// cluster that dynamodesk-server serves on its --dax-port.
//   node dax_v2_scenario.js HOST:PORT
// Needs the tables test_dax_sdk.py creates (Music, Counters).
const assert = require('assert');
const AmazonDaxClient = require('amazon-dax-client');
const AWS = require('aws-sdk');

const dax = new AmazonDaxClient({endpoints: [process.argv[2]], region: 'us-east-1', accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret',
  maxRetries: 0, requestTimeout: 10000});
const doc = new AWS.DynamoDB.DocumentClient({service: dax});

const {step} = require('./steps');

(async() => {
  try {
    await step('put and get: numbers, big numbers, sets', async() => {
      await doc.put({TableName: 'Music', Item: {Artist: 'V2', SongTitle: 'a', n: 1.25, big: '12345678901234567890', s: doc.createSet(['x'])}}).promise();
      const r = await doc.get({TableName: 'Music', Key: {Artist: 'V2', SongTitle: 'a'}}).promise();
      assert.strictEqual(r.Item.n, 1.25);
      assert.strictEqual(r.Item.big, '12345678901234567890');
      assert.deepStrictEqual(r.Item.s.values, ['x']);
    });
    await step('query and scan', async() => {
      let r = await doc.query({TableName: 'Music', KeyConditionExpression: 'Artist = :a', ExpressionAttributeValues: {':a': 'V2'}}).promise();
      assert.strictEqual(r.Count, 1);
      r = await doc.scan({TableName: 'Music', FilterExpression: 'n > :n', ExpressionAttributeValues: {':n': 1}}).promise();
      assert.strictEqual(r.Items[0].SongTitle, 'a');
    });
    await step('update with UPDATED_NEW, and a failed condition', async() => {
      const r = await doc.update({TableName: 'Music', Key: {Artist: 'V2', SongTitle: 'a'}, UpdateExpression: 'SET n = n + :d',
        ExpressionAttributeValues: {':d': 1}, ReturnValues: 'UPDATED_NEW'}).promise();
      assert.deepStrictEqual(r.Attributes, {n: 2.25});
      await assert.rejects(doc.put({TableName: 'Music', Item: {Artist: 'V2', SongTitle: 'a'}, ConditionExpression: 'attribute_not_exists(Artist)'}).promise(),
        (e) => e.code === 'ConditionalCheckFailedException');
    });
    await step('transactions and batches', async() => {
      await doc.batchWrite({RequestItems: {Counters: [{PutRequest: {Item: {id: 5, v: 'five'}}}]}}).promise();
      const r = await doc.batchGet({RequestItems: {Counters: {Keys: [{id: 5}]}}}).promise();
      assert.deepStrictEqual(r.Responses.Counters, [{id: 5, v: 'five'}]);
      await doc.transactWrite({TransactItems: [{Delete: {TableName: 'Music', Key: {Artist: 'V2', SongTitle: 'a'}}}]}).promise();
      const got = await doc.get({TableName: 'Music', Key: {Artist: 'V2', SongTitle: 'a'}}).promise();
      assert.strictEqual(got.Item, undefined);
    });
    await step('what DAX does not serve', async() => {
      assert.throws(() => dax.createTable({}, () => {}), /not support for DAX/);
    });
    console.log('all steps passed');
  } finally {
    dax.shutdown();
  }
})().catch((e) => {
  console.error('FAILED', e);
  dax.shutdown();
  process.exit(1);
});
