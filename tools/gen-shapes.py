#!/usr/bin/env python3
"""Trims botocore's DynamoDB, DynamoDB Streams and DAX service models
to the parts request validation needs: shapes with type, members, required,
min, max, pattern and enum; no documentation. Writes engine/api/shapes.json.

  tools/gen-shapes.py [BOTOCORE_DATA_DIR]

The default is the botocore that python3 imports. Debian 12's (1.29, 2023)
lacks what DynamoDB gained since (resource-based policies, table ARNs in
TableName, warm throughput, ...); shapes.json was last made from botocore
1.43.11 (pip), whose service-2.json files are gzipped. Run again after
updating botocore to pick up new operations and constraints."""
import gzip, json, os, sys

if len(sys.argv) > 1:
    DATA = sys.argv[1]
else:
    import botocore
    DATA = os.path.join(os.path.dirname(botocore.__file__), 'data')

def load(service, version):
    path = os.path.join(DATA, service, version, 'service-2.json')
    if os.path.exists(path):
        return json.load(open(path))
    return json.load(gzip.open(path + '.gz'))
KEEP = ('type', 'members', 'required', 'min', 'max', 'pattern', 'enum', 'member', 'key', 'value')

def trim(model):
    shapes = {}
    for name, shape in model['shapes'].items():
        s = {k: v for k, v in shape.items() if k in KEEP}
        if 'members' in s:
            s['members'] = {m: {'shape': v['shape']} for m, v in s['members'].items()}
        for k in ('member', 'key', 'value'):
            if k in s:
                s[k] = {'shape': s[k]['shape']}
        shapes[name] = s
    ops = {name: op['input']['shape'] for name, op in model['operations'].items() if 'input' in op}
    return {'operations': ops, 'shapes': shapes}

# Members the service gained after Debian's botocore (1.29): incremental
# exports (September 2023), as AWS's current model has them.
NEWER_SHAPES = {
    'ExportType': {'enum': ['FULL_EXPORT', 'INCREMENTAL_EXPORT'], 'type': 'string'},
    'ExportViewType': {'enum': ['NEW_IMAGE', 'NEW_AND_OLD_IMAGES'], 'type': 'string'},
    'ExportFromTime': {'type': 'timestamp'},
    'ExportToTime': {'type': 'timestamp'},
    'IncrementalExportSpecification': {'members': {'ExportFromTime': {'shape': 'ExportFromTime'}, 'ExportToTime': {'shape': 'ExportToTime'},
                                                   'ExportViewType': {'shape': 'ExportViewType'}}, 'type': 'structure'},
}
NEWER_MEMBERS = {
    'ExportTableToPointInTimeInput': {'ExportType': 'ExportType', 'IncrementalExportSpecification': 'IncrementalExportSpecification'},
    'ExportDescription': {'ExportType': 'ExportType', 'IncrementalExportSpecification': 'IncrementalExportSpecification'},
    'ExportSummary': {'ExportType': 'ExportType'},
}

# Members AWS's current model no longer marks required because a request may
# take them from elsewhere (CreateTable's GlobalTableSourceArn, 2025), which
# Dynamodesk does not offer: they stay required, with the messages they had.
STILL_REQUIRED = {
    'CreateTableInput': ['AttributeDefinitions', 'TableName', 'KeySchema'],
}

def add_newer(model):
    for name, members in STILL_REQUIRED.items():
        required = model['shapes'][name].setdefault('required', [])
        for m in members:
            if m not in required:
                required.append(m)
        model['shapes'][name]['required'] = [m for m in members if m in required] + [m for m in required if m not in members]
    for name, shape in NEWER_SHAPES.items():
        model['shapes'].setdefault(name, shape)
    for name, members in NEWER_MEMBERS.items():
        for member, shape in members.items():
            model['shapes'][name]['members'].setdefault(member, {'shape': shape})
    return model

out = {'dynamodb': add_newer(trim(load('dynamodb', '2012-08-10'))),
       'dynamodbstreams': trim(load('dynamodbstreams', '2012-08-10')),
       'dax': trim(load('dax', '2017-04-19'))}
dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'api', 'shapes.json')
with open(dest, 'w') as f:
    json.dump(out, f, separators=(',', ':'), sort_keys=True)
print('wrote', dest, os.path.getsize(dest), 'bytes')
