"""A local trigger's command for test_triggers.py: reads the Lambda event
({"Records": [...]}) on stdin and appends every record, one JSON object per
line, to OUT. Options make it fail on purpose:
  --fail-once MARKER  exit 1 (recording nothing) if MARKER does not exist, creating it
  --poison ATTR       exit 1 (recording nothing) if a record's NewImage has ATTR
  --hang              sleep for a minute first (to be killed at the timeout)"""
import argparse
import json
import os
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument('out')
parser.add_argument('--fail-once')
parser.add_argument('--poison')
parser.add_argument('--hang', action='store_true')
args = parser.parse_args()

event = json.load(sys.stdin)
if args.hang:
    time.sleep(60)
if args.fail_once and not os.path.exists(args.fail_once):
    open(args.fail_once, 'w').close()
    print('failing once on purpose', file=sys.stderr)
    sys.exit(1)
if args.poison and any(args.poison in r['dynamodb'].get('NewImage', {}) for r in event['Records']):
    print('poison record in batch of %d' % len(event['Records']), file=sys.stderr)
    sys.exit(1)
with open(args.out, 'a') as f:
    f.write(''.join(json.dumps(r) + '\n' for r in event['Records']))
