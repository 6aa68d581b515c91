'use strict';
// AWS's DAX SDK for JavaScript v3 against a dynamodesk-server started with
// --auth and --dax-port: a connection's authorizeConnection is checked
// against the users, and each call against the user's policy.
//   node dax_auth_scenario.js dax://127.0.0.1:PORT
// Needs the table Counters(id N) and the users test_dax_sdk.py writes:
// AKIDAPP/right (no policy) and AKIDREADER/r (dax:GetItem only).
const assert = require('assert');
const {Dax} = require('@amazon-dax-sdk/client-dax');

const client = (accessKeyId, secretAccessKey) => new Dax({endpoints: [process.argv[2]], region: 'us-east-1',
  credentials: {accessKeyId, secretAccessKey}, requestTimeout: 10000, connectTimeout: 5000, maxRetries: 0});

const {step} = require('./steps');

async function expectError(promise, name) {
  try {
    await promise;
  } catch(e) {
    assert.ok((e.code || '').includes(name) || String(e.message).includes(name), `expected ${name}, got ${e.code}: ${e.message}`);
    return e;
  }
  throw new Error('expected the error ' + name);
}

(async() => {
  const clients = [];
  const make = (...a) => {
    const c = client(...a);
    clients.push(c);
    return c;
  };
  try {
    await step('the right secret writes and reads', async() => {
      const app = make('AKIDAPP', 'right');
      await app.putItem({TableName: 'Counters', Item: {id: {N: '1'}, v: {S: 'signed'}}});
      assert.deepStrictEqual((await app.getItem({TableName: 'Counters', Key: {id: {N: '1'}}})).Item.v, {S: 'signed'});
    });
    await step('a wrong secret is an InvalidSignatureException', async() => {
      const e = await expectError(make('AKIDAPP', 'wrong').getItem({TableName: 'Counters', Key: {id: {N: '1'}}}), 'InvalidSignatureException');
      assert.ok(e.message.includes('does not match the signature you provided'), e.message);
    });
    await step("a user's policy allows its reads and refuses its writes", async() => {
      const reader = make('AKIDREADER', 'r');
      assert.deepStrictEqual((await reader.getItem({TableName: 'Counters', Key: {id: {N: '1'}}})).Item.v, {S: 'signed'});
      const e = await expectError(reader.putItem({TableName: 'Counters', Item: {id: {N: '2'}}}), 'AccessDeniedException');
      assert.ok(e.message.includes('dax:PutItem'), e.message);
    });
    console.log('all steps passed');
  } finally {
    for(const c of clients) c.shutdown();
  }
})().catch((e) => {
  console.error('FAILED', e);
  process.exit(1);
});
