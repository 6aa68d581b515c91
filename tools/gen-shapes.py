#!/usr/bin/env python3
"""Trims botocore's DynamoDB, DynamoDB Streams and DAX service models (Debian package python3-botocore)
to the parts request validation needs: shapes with type, members, required,
min, max, pattern and enum; no documentation. Writes engine/api/shapes.json.
Run again after updating botocore to pick up new operations and constraints."""
import json, os, sys

SRC = '/usr/lib/python3/dist-packages/botocore/data/{}/{}/service-2.json'
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

def add_newer(model):
    for name, shape in NEWER_SHAPES.items():
        model['shapes'].setdefault(name, shape)
    for name, members in NEWER_MEMBERS.items():
        for member, shape in members.items():
            model['shapes'][name]['members'].setdefault(member, {'shape': shape})
    return model

out = {'dynamodb': add_newer(trim(json.load(open(SRC.format('dynamodb', '2012-08-10'))))),
       'dynamodbstreams': trim(json.load(open(SRC.format('dynamodbstreams', '2012-08-10')))),
       'dax': trim(json.load(open(SRC.format('dax', '2017-04-19'))))}
dest = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'engine', 'api', 'shapes.json')
with open(dest, 'w') as f:
    json.dump(out, f, separators=(',', ':'), sort_keys=True)
print('wrote', dest, os.path.getsize(dest), 'bytes')
