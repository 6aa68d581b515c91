'use strict';
// A DAX client that outlives a restart of dynamodesk-server: the attribute
// list ids it cached before (it keeps them for its whole life) still name
// the same attributes after. Between its halves it prints "restart now" and
// waits for a line on stdin.
//   node dax_restart_scenario.js dax://127.0.0.1:PORT
// Needs the table Counters(id N).
const assert = require('assert');
const readline = require('readline');
const {Dax} = require('@amazon-dax-sdk/client-dax');

const dax = new Dax({endpoints: [process.argv[2]], region: 'us-east-1', credentials: {accessKeyId: 'AKIDLOCAL', secretAccessKey: 'secret'},
  requestTimeout: 10000, connectTimeout: 5000, maxRetries: 5, healthCheckInterval: 500});
const lines = readline.createInterface({input: process.stdin})[Symbol.asyncIterator]();
// The client's own timers do not keep Node running while it reconnects.
const keepAlive = setInterval(() => {}, 1000);

const {step} = require('./steps');

(async() => {
  try {
    await step('an item with attributes alpha and beta, before the restart', async() => {
      await dax.putItem({TableName: 'Counters', Item: {id: {N: '100'}, alpha: {S: 'a'}, beta: {N: '1'}}});
      const r = await dax.getItem({TableName: 'Counters', Key: {id: {N: '100'}}});
      assert.deepStrictEqual(r.Item, {id: {N: '100'}, alpha: {S: 'a'}, beta: {N: '1'}});
    });
    console.log('restart now');
    await lines.next();
    // client-dax 3.1.0 hands out a pooled connection that the server closed
    // (Tube.js alloc() does not look at _closed) and then waits on it for
    // ever: a destroyed socket's timeout never fires. Its health check takes
    // that connection out of the pool, so wait for one before the next call.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await step('after the restart, the cached list id still means alpha and beta', async() => {
      await dax.putItem({TableName: 'Counters', Item: {id: {N: '101'}, alpha: {S: 'b'}, beta: {N: '2'}}});
      const r = await dax.getItem({TableName: 'Counters', Key: {id: {N: '101'}}, ConsistentRead: true});
      assert.deepStrictEqual(r.Item, {id: {N: '101'}, alpha: {S: 'b'}, beta: {N: '2'}});
      const old = await dax.getItem({TableName: 'Counters', Key: {id: {N: '100'}}});
      assert.deepStrictEqual(old.Item, {id: {N: '100'}, alpha: {S: 'a'}, beta: {N: '1'}});
    });
    console.log('all steps passed');
  } finally {
    dax.shutdown();
    process.stdin.destroy();
    clearInterval(keepAlive);
  }
})().catch((e) => {
  console.error('FAILED', e);
  process.exit(1);
});
