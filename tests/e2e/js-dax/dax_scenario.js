'use strict';
// AWS's DAX SDK for JavaScript v3 (@amazon-dax-sdk/client-dax and its
// DaxDocument, @amazon-dax-sdk/lib-dax) against a DAX cluster that
// dynamodesk-server serves on its --dax-port. Each step prints "ok N - what"
// and asserts what DAX answers.
//   node dax_scenario.js dax://127.0.0.1:PORT http://127.0.0.1:HTTP_PORT CLUSTER
// Needs the tables test_dax_sdk.py creates: Music(Artist S, SongTitle S) with
// the GSI ByGenre(Genre S, Year N), Counters(id N), Nums(h S, n N),
// Blobs(h B, r B).
const assert = require('assert');
const {Dax} = require('@amazon-dax-sdk/client-dax');
const {DaxDocument} = require('@amazon-dax-sdk/lib-dax');

const [daxUrl, httpUrl, clusterName] = process.argv.slice(2);
const config = {endpoints: [daxUrl], region: 'us-east-1', credentials: {accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret'},
  requestTimeout: 10000, connectTimeout: 5000, maxRetries: 0};

// A request to the server's plain HTTP endpoint, around the cluster (any signature is accepted).
async function http(target, body) {
  const response = await fetch(httpUrl, {method: 'POST', body: JSON.stringify(body), headers: {
    'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': target, 'X-Amz-Date': '20261127T000000Z',
    Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDLOCAL/20261127/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0'}});
  const json = await response.json();
  assert.strictEqual(response.status, 200, JSON.stringify(json));
  return json;
}
const ddb = (operation, body) => http('DynamoDB_20120810.' + operation, body);
const metrics = async() => (await http('Dynamodesk_20261101.DescribeClusterMetrics', {ClusterName: clusterName})).Metrics;

async function expectError(promise, name) {
  try {
    await promise;
  } catch(e) {
    const code = e.code || e.name || '';
    assert.ok(code.includes(name) || String(e.message).includes(name), `expected ${name}, got ${code}: ${e.message}`);
    return e;
  }
  throw new Error('expected the error ' + name);
}

const {step} = require('./steps');

(async() => {
  const dax = new Dax(config);
  const doc = new DaxDocument(Object.assign({}, config));
  const music = (artist, title) => ({Artist: {S: artist}, SongTitle: {S: title}});
  try {
    await step('PutItem and GetItem with every attribute type', async() => {
      await dax.putItem({TableName: 'Music', Item: Object.assign(music('A', 'S1'), {Year: {N: '1999'}, Price: {N: '1.5'},
        Tags: {SS: ['x', 'y']}, Ratings: {NS: ['1', '2.25', '123456789012345678901234567890']}, Cover: {B: Buffer.from([0, 1, 255])},
        Scans: {BS: [Buffer.from([1]), Buffer.from([2, 3])]}, Live: {BOOL: false}, Notes: {NULL: true},
        Info: {M: {a: {L: [{N: '1'}, {BOOL: true}, {NULL: true}, {S: 'deep'}]}, 'odd name': {S: 'x'}}}})});
      const r = await dax.getItem({TableName: 'Music', Key: music('A', 'S1')});
      assert.deepStrictEqual(r.Item.Year, {N: '1999'});
      assert.deepStrictEqual(r.Item.Price, {N: '1.5'});
      assert.deepStrictEqual(r.Item.Artist, {S: 'A'});
      assert.deepStrictEqual(r.Item.Tags.SS.sort(), ['x', 'y']);
      assert.deepStrictEqual(r.Item.Ratings.NS.sort(), ['1', '123456789012345678901234567890', '2.25']);
      assert.deepStrictEqual([...r.Item.Cover.B], [0, 1, 255]);
      assert.strictEqual(r.Item.Scans.BS.length, 2);
      assert.deepStrictEqual(r.Item.Live, {BOOL: false});
      assert.deepStrictEqual(r.Item.Notes, {NULL: true});
      assert.deepStrictEqual(r.Item.Info, {M: {a: {L: [{N: '1'}, {BOOL: true}, {NULL: true}, {S: 'deep'}]}, 'odd name': {S: 'x'}}});
    });

    await step('GetItem of a missing item, and with a projection', async() => {
      let r = await dax.getItem({TableName: 'Music', Key: music('A', 'nope')});
      assert.strictEqual(r.Item, undefined);
      r = await dax.getItem({TableName: 'Music', Key: music('A', 'S1'), ProjectionExpression: '#y, Price, Info.a[3], Info.#o',
        ExpressionAttributeNames: {'#y': 'Year', '#o': 'odd name'}});
      assert.deepStrictEqual(r.Item, {Year: {N: '1999'}, Price: {N: '1.5'}, Info: {M: {a: {L: [{S: 'deep'}]}, 'odd name': {S: 'x'}}}});
    });

    await step('a failed condition is a ConditionalCheckFailedException', async() => {
      await expectError(dax.putItem({TableName: 'Music', Item: music('A', 'S1'), ConditionExpression: 'attribute_not_exists(Artist)'}),
        'ConditionalCheckFailedException');
      await expectError(dax.deleteItem({TableName: 'Music', Key: music('A', 'S1'), ConditionExpression: '#y < :y',
        ExpressionAttributeNames: {'#y': 'Year'}, ExpressionAttributeValues: {':y': {N: '1000'}}}), 'ConditionalCheckFailedException');
    });

    await step('UpdateItem with ALL_NEW, UPDATED_NEW and UPDATED_OLD', async() => {
      let r = await dax.updateItem({TableName: 'Music', Key: music('A', 'S1'), UpdateExpression: 'SET Plays = if_not_exists(Plays, :z) + :one REMOVE Tags',
        ExpressionAttributeValues: {':z': {N: '0'}, ':one': {N: '1'}}, ReturnValues: 'ALL_NEW'});
      assert.deepStrictEqual(r.Attributes.Plays, {N: '1'});
      assert.strictEqual(r.Attributes.Tags, undefined);
      assert.deepStrictEqual(r.Attributes.SongTitle, {S: 'S1'});
      r = await dax.updateItem({TableName: 'Music', Key: music('A', 'S1'), UpdateExpression: 'ADD Plays :one',
        ExpressionAttributeValues: {':one': {N: '1'}}, ReturnValues: 'UPDATED_NEW'});
      assert.deepStrictEqual(r.Attributes, {Plays: {N: '2'}});
      r = await dax.updateItem({TableName: 'Music', Key: music('A', 'S1'), UpdateExpression: 'SET Info.a[0] = :v, #c = :c',
        ConditionExpression: 'Plays = :two AND (attribute_exists(Info) OR Live = :t)',
        ExpressionAttributeNames: {'#c': 'Count'}, ExpressionAttributeValues: {':v': {N: '10'}, ':c': {S: 'reserved word'}, ':two': {N: '2'}, ':t': {BOOL: true}},
        ReturnValues: 'UPDATED_OLD'});
      assert.deepStrictEqual(r.Attributes, {Info: {M: {a: {L: [{N: '1'}]}}}});
    });

    await step('DocumentClient: put, query with conditions, ScanIndexForward, Select COUNT', async() => {
      for(let i = 0; i < 5; i++) await doc.put({TableName: 'Music', Item: {Artist: 'B', SongTitle: 'T' + i, n: i, Genre: 'rock', Year: 2000 + i}});
      let r = await doc.query({TableName: 'Music', KeyConditionExpression: 'Artist = :a AND begins_with(SongTitle, :p)',
        ExpressionAttributeValues: {':a': 'B', ':p': 'T'}});
      assert.strictEqual(r.Count, 5);
      assert.deepStrictEqual(r.Items.map((i) => i.SongTitle), ['T0', 'T1', 'T2', 'T3', 'T4']);
      r = await doc.query({TableName: 'Music', KeyConditionExpression: 'Artist = :a AND SongTitle BETWEEN :lo AND :hi',
        FilterExpression: 'n <> :two', ExpressionAttributeValues: {':a': 'B', ':lo': 'T1', ':hi': 'T3', ':two': 2}, ScanIndexForward: false});
      assert.deepStrictEqual(r.Items.map((i) => i.SongTitle), ['T3', 'T1']);
      assert.strictEqual(r.ScannedCount, 3);
      r = await doc.query({TableName: 'Music', KeyConditionExpression: 'Artist = :a', ExpressionAttributeValues: {':a': 'B'}, Select: 'COUNT'});
      assert.strictEqual(r.Count, 5);
      assert.strictEqual(r.Items, undefined);
    });

    await step('Scan with Limit and ExclusiveStartKey, a filter and a projection, parallel segments', async() => {
      const seen = [];
      let start;
      do {
        const r = await doc.scan({TableName: 'Music', Limit: 2, ExclusiveStartKey: start});
        assert.ok(r.Items.length <= 2);
        seen.push(...r.Items.map((i) => i.Artist + '/' + i.SongTitle));
        start = r.LastEvaluatedKey;
      } while(start);
      assert.strictEqual(seen.length, 6);
      assert.strictEqual(new Set(seen).size, 6);
      let r = await doc.scan({TableName: 'Music', FilterExpression: 'n = :n', ExpressionAttributeValues: {':n': 3}, ProjectionExpression: 'SongTitle'});
      assert.deepStrictEqual(r.Items, [{SongTitle: 'T3'}]);
      let total = 0;
      for(let segment = 0; segment < 3; segment++) {
        r = await doc.scan({TableName: 'Music', Segment: segment, TotalSegments: 3});
        total += r.Count;
      }
      assert.strictEqual(total, 6);
    });

    await step('Query and Scan of a global secondary index, paged by compound keys', async() => {
      const years = [];
      let start;
      do {
        const r = await doc.query({TableName: 'Music', IndexName: 'ByGenre', KeyConditionExpression: 'Genre = :g AND #y > :y',
          ExpressionAttributeNames: {'#y': 'Year'}, ExpressionAttributeValues: {':g': 'rock', ':y': 2000}, Limit: 2, ExclusiveStartKey: start});
        years.push(...r.Items.map((i) => i.Year));
        start = r.LastEvaluatedKey;
        if(start) assert.deepStrictEqual(Object.keys(start).sort(), ['Artist', 'Genre', 'SongTitle', 'Year']);
      } while(start);
      assert.deepStrictEqual(years, [2001, 2002, 2003, 2004]);
      const r = await doc.scan({TableName: 'Music', IndexName: 'ByGenre', Limit: 10});
      assert.strictEqual(r.Count, 5);
    });

    await step('BatchWriteItem and BatchGetItem, with a projection', async() => {
      await doc.batchWrite({RequestItems: {Music: [{PutRequest: {Item: {Artist: 'C', SongTitle: 'X', v: 'x'}}},
        {DeleteRequest: {Key: {Artist: 'B', SongTitle: 'T0'}}}], Counters: [{PutRequest: {Item: {id: 7, c: 70}}}]}});
      let r = await doc.batchGet({RequestItems: {Music: {Keys: [{Artist: 'C', SongTitle: 'X'}, {Artist: 'B', SongTitle: 'T0'}, {Artist: 'B', SongTitle: 'T1'}]},
        Counters: {Keys: [{id: 7}], ProjectionExpression: 'c'}}});
      assert.deepStrictEqual(r.Responses.Music.map((i) => i.SongTitle).sort(), ['T1', 'X']);
      assert.deepStrictEqual(r.Responses.Counters, [{c: 70}]);
      assert.deepStrictEqual(r.UnprocessedKeys, {});
    });

    await step('TransactWriteItems and TransactGetItems', async() => {
      await doc.transactWrite({TransactItems: [
        {Put: {TableName: 'Music', Item: {Artist: 'D', SongTitle: 'Y', v: 1}}},
        {Update: {TableName: 'Music', Key: {Artist: 'C', SongTitle: 'X'}, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: {':v': 'z'}}},
        {ConditionCheck: {TableName: 'Counters', Key: {id: 7}, ConditionExpression: 'c = :c', ExpressionAttributeValues: {':c': 70}}},
        {Delete: {TableName: 'Music', Key: {Artist: 'B', SongTitle: 'T4'}}},
      ]});
      const r = await doc.transactGet({TransactItems: [{Get: {TableName: 'Music', Key: {Artist: 'D', SongTitle: 'Y'}}},
        {Get: {TableName: 'Music', Key: {Artist: 'C', SongTitle: 'X'}, ProjectionExpression: 'v'}},
        {Get: {TableName: 'Music', Key: {Artist: 'B', SongTitle: 'T4'}}}]});
      assert.strictEqual(r.Responses[0].Item.v, 1);
      assert.deepStrictEqual(r.Responses[1].Item, {v: 'z'});
      assert.deepStrictEqual(r.Responses[2], {});
    });

    await step('a cancelled transaction names its reasons, with the old item', async() => {
      const e = await expectError(dax.transactWriteItems({TransactItems: [
        {ConditionCheck: {TableName: 'Music', Key: music('D', 'Y'), ConditionExpression: 'attribute_not_exists(Artist)', ReturnValuesOnConditionCheckFailure: 'ALL_OLD'}},
        {Put: {TableName: 'Music', Item: music('E', 'Z')}},
      ]}), 'TransactionCanceledException');
      assert.strictEqual(e.cancellationReasons[0].Code, 'ConditionalCheckFailed');
      assert.deepStrictEqual(e.cancellationReasons[0].Item.v, {N: '1'});
      assert.deepStrictEqual(e.cancellationReasons[0].Item.Artist, {S: 'D'});
      assert.strictEqual(e.cancellationReasons[1].Code, 'None');
      assert.strictEqual((await dax.getItem({TableName: 'Music', Key: music('E', 'Z')})).Item, undefined);
    });

    await step('DeleteItem with ALL_OLD', async() => {
      const r = await dax.deleteItem({TableName: 'Music', Key: music('D', 'Y'), ReturnValues: 'ALL_OLD'});
      assert.deepStrictEqual(r.Attributes.v, {N: '1'});
      assert.deepStrictEqual(r.Attributes.Artist, {S: 'D'});
    });

    await step('numeric and binary keys in order', async() => {
      const numbers = ['-12.5', '0', '7', '1000000', '0.001', '123456789012345678901234567890', '-0.0000001'];
      for(const n of numbers) await dax.putItem({TableName: 'Nums', Item: {h: {S: 'k'}, n: {N: n}}});
      let r = await dax.query({TableName: 'Nums', KeyConditionExpression: 'h = :h', ExpressionAttributeValues: {':h': {S: 'k'}}});
      assert.deepStrictEqual(r.Items.map((i) => i.n.N), ['-12.5', '-1E-7', '0', '0.001', '7', '1000000', '123456789012345678901234567890']);
      r = await dax.query({TableName: 'Nums', KeyConditionExpression: 'h = :h AND n > :n', ExpressionAttributeValues: {':h': {S: 'k'}, ':n': {N: '0.5'}},
        Limit: 1});
      assert.deepStrictEqual(r.Items.map((i) => i.n.N), ['7']);
      assert.deepStrictEqual(r.LastEvaluatedKey, {h: {S: 'k'}, n: {N: '7'}});
      await dax.putItem({TableName: 'Counters', Item: {id: {N: '42'}, c: {N: '1'}}});
      r = await dax.getItem({TableName: 'Counters', Key: {id: {N: '42'}}});
      assert.deepStrictEqual(r.Item, {id: {N: '42'}, c: {N: '1'}});
      await dax.putItem({TableName: 'Blobs', Item: {h: {B: Buffer.from([1, 2])}, r: {B: Buffer.from([0xff, 0])}, v: {S: 'blob'}}});
      r = await dax.getItem({TableName: 'Blobs', Key: {h: {B: Buffer.from([1, 2])}, r: {B: Buffer.from([0xff, 0])}}});
      assert.deepStrictEqual(r.Item.v, {S: 'blob'});
      r = await dax.scan({TableName: 'Blobs'});
      assert.deepStrictEqual([...r.Items[0].r.B], [0xff, 0]);
    });

    await step('a write around the cluster stays unseen until a consistent read', async() => {
      await dax.putItem({TableName: 'Counters', Item: {id: {N: '1'}, v: {S: 'through DAX'}}});
      await ddb('PutItem', {TableName: 'Counters', Item: {id: {N: '1'}, v: {S: 'around DAX'}}});
      let r = await dax.getItem({TableName: 'Counters', Key: {id: {N: '1'}}});
      assert.deepStrictEqual(r.Item.v, {S: 'through DAX'}, 'the item cache answers');
      r = await dax.getItem({TableName: 'Counters', Key: {id: {N: '1'}}, ConsistentRead: true});
      assert.deepStrictEqual(r.Item.v, {S: 'around DAX'}, 'a consistent read goes to the table');
      const plain = await ddb('GetItem', {TableName: 'Counters', Key: {id: {N: '1'}}});
      assert.deepStrictEqual(plain.Item.v, {S: 'around DAX'});
      // The query cache too keeps its answer.
      r = await dax.query({TableName: 'Counters', KeyConditionExpression: 'id = :i', ExpressionAttributeValues: {':i': {N: '1'}}});
      await ddb('PutItem', {TableName: 'Counters', Item: {id: {N: '1'}, v: {S: 'around again'}}});
      const again = await dax.query({TableName: 'Counters', KeyConditionExpression: 'id = :i', ExpressionAttributeValues: {':i': {N: '1'}}});
      assert.deepStrictEqual(again.Items, r.Items);
    });

    await step("the cluster's metrics move", async() => {
      const before = await metrics();
      await dax.getItem({TableName: 'Counters', Key: {id: {N: '1'}}});
      await dax.getItem({TableName: 'Counters', Key: {id: {N: '99'}}});
      await dax.putItem({TableName: 'Counters', Item: {id: {N: '2'}}});
      const after = await metrics();
      assert.strictEqual(after.GetItemRequestCount - before.GetItemRequestCount, 2);
      assert.strictEqual(after.PutItemRequestCount - before.PutItemRequestCount, 1);
      assert.ok(after.ItemCacheHits > before.ItemCacheHits);
      assert.ok(after.ItemCacheMisses > before.ItemCacheMisses);
      assert.ok(after.TotalRequestCount >= before.TotalRequestCount + 3);
    });

    await step('errors: an unknown table, a bad expression, what DAX does not serve', async() => {
      await expectError(dax.getItem({TableName: 'NoSuchTable', Key: {x: {S: '1'}}}), 'ResourceNotFoundException');
      await expectError(dax.updateItem({TableName: 'Counters', Key: {id: {N: '1'}}, UpdateExpression: 'SET v = :a + :b',
        ExpressionAttributeValues: {':a': {S: 'x'}, ':b': {N: '1'}}}), 'ValidationException');
      await expectError(dax.query({TableName: 'Music', KeyConditionExpression: 'SongTitle = :t', ExpressionAttributeValues: {':t': {S: 'X'}}}),
        'ValidationException');
      assert.throws(() => dax.createTable({}), /not supported for DAX/);
      // The connection is still usable after each error.
      assert.ok((await dax.getItem({TableName: 'Counters', Key: {id: {N: '42'}}})).Item);
    });
    console.log('all steps passed');
  } finally {
    dax.shutdown();
    doc.shutdown();
  }
})().catch((e) => {
  console.error('FAILED', e);
  process.exit(1);
});
