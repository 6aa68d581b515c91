// What the scenario scripts share: step() runs one step and prints "ok <step>"
// (the first failure prints "FAIL <step>: ..." with its stack and exits 1),
// and rejects() awaits a call that must fail with DynamoDB's error `name`
// (HTTP 400) and, if given, `message` (a string: exactly; a RegExp: matched).
// The Python side counts the "ok" lines (dynamodesk.py run_node_scenario()).
import assert from 'node:assert/strict';

export async function step(name, fn) {
  try {
    await fn();
    console.log(`ok ${name}`);
  } catch (e) {
    console.log(`FAIL ${name}: ${e.name}: ${e.message}`);
    if (e.stack) console.log(e.stack);
    process.exit(1);
  }
}

export async function rejects(promise, name, message) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.equal(e.$metadata?.httpStatusCode, 400);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return e;
  }
  assert.fail(`expected ${name}, the call succeeded`);
}
