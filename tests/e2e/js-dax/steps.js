'use strict';
// What the DAX scenarios share: each step runs and, once it passed, prints
// "ok <n> - <what>" (test_dax_sdk.py counts these lines).
let count = 0;
async function step(what, fn) {
  await fn();
  console.log(`ok ${++count} - ${what}`);
}
module.exports = {step};
