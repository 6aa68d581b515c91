#!/usr/bin/python3
"""Disk space and WAL frames per item, by item size.

For each size, starts dynamodesk-server on a fresh data directory, puts 200
items one at a time (each its own commit) and reads how much the WAL grew,
then loads 5,000 more with BatchWriteItem, stops the server (which
checkpoints the WAL into the database) and counts the pages of the table's
items with SQLite's dbstat (t<id>, and b<id> for large items): all of them,
and the overflow pages among them. Prints bytes per item beside the item's
size.

The item table is a WITHOUT ROWID B-tree: a row larger than about 1,000
bytes (with 4 KB pages) keeps 489 bytes in its leaf and the rest in overflow
pages of 4 KB each, so an item of 1-3 KB took a whole page of its own until
large items moved to the rowid table b<id> (engine/storage/itemstore.h).

With --gsi-all the table has a GSI that projects ALL attributes (each item
indexed under its own g), and the figures count the index's pages too: an
entry of a large item refers to the item's body instead of copying it.

  tests/bench/item_storage.py [--sizes 100,500,900,1000,2000,3000,5000] [--gsi-all] [--server PATH]
"""
import argparse
import os
import shutil
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
import dynamodesk  # noqa: E402
from dynamodesk import Server, boto3_client, bulk_put  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sizes', default='100,500,900,1000,2000,3000,5000')
    ap.add_argument('--server')
    ap.add_argument('--gsi-all', action='store_true', help='a GSI projecting ALL; its pages counted too')
    args = ap.parse_args()
    if args.server:
        dynamodesk.SERVER = args.server
    print('%8s %14s %16s %14s %10s' % ('payload', 'WAL frames/put', 'bytes/item' if args.gsi_all else 'table bytes/item',
                                       'overflow pages', 'items'))
    table = {'TableName': 'tbl', 'BillingMode': 'PAY_PER_REQUEST',
             'AttributeDefinitions': [{'AttributeName': 'k', 'AttributeType': 'S'}],
             'KeySchema': [{'AttributeName': 'k', 'KeyType': 'HASH'}]}
    if args.gsi_all:
        table['AttributeDefinitions'].append({'AttributeName': 'g', 'AttributeType': 'S'})
        table['GlobalSecondaryIndexes'] = [{'IndexName': 'by_g', 'KeySchema': [{'AttributeName': 'g', 'KeyType': 'HASH'}],
                                            'Projection': {'ProjectionType': 'ALL'}}]

    def item(key, size):
        it = {'k': {'S': key}, 'p': {'S': 'x' * size}}
        if args.gsi_all:
            it['g'] = {'S': key}
        return it
    for size in [int(s) for s in args.sizes.split(',')]:
        d = tempfile.mkdtemp(prefix='dynamodesk-item-storage-')
        server = Server(data_dir=d).start()
        try:
            ddb = boto3_client(server)
            ddb.create_table(**table)
            wal = os.path.join(d, 'us-east-1.db-wal')
            before = os.path.getsize(wal)
            for i in range(200):
                ddb.put_item(TableName='tbl', Item=item('p%06d' % i, size))
            frames = (os.path.getsize(wal) - before) / (4096 + 24) / 200
            bulk_put(server, 'tbl', [item('b%06d' % i, size) for i in range(5000)])
            server.stop()
            db = sqlite3.connect(os.path.join(d, 'us-east-1.db'))
            tid = db.execute("SELECT id FROM tables WHERE name = 'tbl'").fetchone()[0]
            # The item table and, where it exists, the large items' bodies (and the index's store).
            names = ['t%d' % tid, 'b%d' % tid] + [n for (n,) in db.execute("SELECT name FROM sqlite_schema WHERE name GLOB ?",
                                                                            ('i%d_*' % tid,))]
            pages, overflow = db.execute("SELECT count(*), coalesce(sum(pagetype = 'overflow'), 0) FROM dbstat WHERE name IN (%s)"
                                         % ','.join('?' * len(names)), names).fetchone()
            page_size = db.execute('PRAGMA page_size').fetchone()[0]
            db.close()
            print('%8d %14.2f %16.0f %14d %10d' % (size, frames, pages * page_size / 5200, overflow, 5200))
        finally:
            server.cleanup()
            shutil.rmtree(d, ignore_errors=True)


if __name__ == '__main__':
    main()
