#!/usr/bin/python3
"""Bytes per item of candidate SQLite layouts for large items, by item size.

The benchmark behind engine/storage/itemstore.h's layout, on raw SQLite (no
server): for each band of item sizes, puts N items under random keys in
commits of 8, then overwrites N random ones with new random sizes, and
prints the file's bytes per item after each (free pages not counted).

Layouts:
  row       the whole JSON in the WITHOUT ROWID key table (before schema 6)
  chunks    a first part of up to CHUNK bytes in the row, the rest in a
            WITHOUT ROWID table keyed (key, n) in parts of CHUNK
  body      JSON over CHUNK bytes in a rowid table, the row holding its
            rowid; an overwrite deletes and inserts
  inplace   the same, an overwrite of a large item by a large one
            rewrites its body row (what itemstore.h does)
  split     the first CHUNK bytes in the row, the rest in a rowid table

  tests/bench/item_layouts.py [--items 20000] [--layouts row,chunks,body,inplace,split]
                              [--bands 80-120,900-1100,1000-2000,2000-3000,3000-4000,4000-6000,8000-12000]
"""
import argparse
import os
import random
import sqlite3
import tempfile

CHUNK = 880


def run(layout, lo, hi, n):
    d = tempfile.mkdtemp(prefix='dynamodesk-layouts-')
    path = os.path.join(d, 'l.db')
    db = sqlite3.connect(path)
    db.execute('PRAGMA journal_mode=WAL')
    db.execute('CREATE TABLE t(h INTEGER, pk BLOB, sk BLOB, size INTEGER, item BLOB, PRIMARY KEY(h, pk, sk)) WITHOUT ROWID')
    db.execute('CREATE TABLE c(h INTEGER, pk BLOB, sk BLOB, n INTEGER, part BLOB, PRIMARY KEY(h, pk, sk, n)) WITHOUT ROWID')
    db.execute('CREATE TABLE b(id INTEGER PRIMARY KEY, item BLOB)')
    rnd = random.Random(1)
    keys = [os.urandom(16).hex().encode() for _ in range(n)]

    def body():
        size = rnd.randint(lo, hi)
        return b'{"p":{"S":"' + os.urandom(size).hex().encode()[:size] + b'"}}'

    def old_ref(h, k):
        r = db.execute("SELECT item FROM t WHERE h=? AND pk=? AND sk=x''", (h, k)).fetchone()
        return int(r[0][1:9]) if r and r[0][:1] == b'\0' else None

    def put(k, item):
        h = hash(k) & 0xffff
        row = item
        if layout == 'chunks':
            db.execute("DELETE FROM c WHERE h=? AND pk=? AND sk=x''", (h, k))
            if len(item) > CHUNK:
                row = b'\1' + item[:CHUNK]
                for i in range(1, (len(item) + CHUNK - 1) // CHUNK):
                    db.execute("INSERT INTO c VALUES(?,?,x'',?,?)", (h, k, i, item[i * CHUNK:(i + 1) * CHUNK]))
        elif layout in ('body', 'inplace', 'split'):
            rid = old_ref(h, k)
            stored = item[CHUNK:] if layout == 'split' else item
            if len(item) > CHUNK:
                if rid and layout == 'inplace':
                    db.execute('UPDATE b SET item=? WHERE id=?', (stored, rid))
                else:
                    if rid:
                        db.execute('DELETE FROM b WHERE id=?', (rid,))
                    rid = db.execute('INSERT INTO b(item) VALUES(?)', (stored,)).lastrowid
                row = b'\0' + str(rid).encode().ljust(8) + (item[:CHUNK] if layout == 'split' else b'')
            elif rid:
                db.execute('DELETE FROM b WHERE id=?', (rid,))
        db.execute("INSERT OR REPLACE INTO t VALUES(?,?,x'',?,?)", (h, k, len(item), row))

    def measure():
        db.commit()
        db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
        pages = db.execute('PRAGMA page_count').fetchone()[0] - db.execute('PRAGMA freelist_count').fetchone()[0]
        return pages * db.execute('PRAGMA page_size').fetchone()[0] / n

    for i, k in enumerate(keys):
        put(k, body())
        if i % 8 == 7:
            db.commit()
    fresh = measure()
    for i in range(n):
        put(rnd.choice(keys), body())
        if i % 8 == 7:
            db.commit()
    overwritten = measure()
    db.close()
    for f in os.listdir(d):
        os.remove(os.path.join(d, f))
    os.rmdir(d)
    return fresh, overwritten


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--items', type=int, default=20000)
    ap.add_argument('--layouts', default='row,chunks,body,inplace,split')
    ap.add_argument('--bands', default='80-120,900-1100,1000-2000,2000-3000,3000-4000,4000-6000,8000-12000')
    args = ap.parse_args()
    layouts = args.layouts.split(',')
    print('bytes per item, fresh / after as many random overwrites')
    print('%-12s' % 'item JSON' + ''.join('%18s' % name for name in layouts))
    for band in args.bands.split(','):
        lo, hi = (int(x) for x in band.split('-'))
        cells = ['%8.0f /%7.0f' % run(layout, lo, hi, args.items) for layout in layouts]
        print('%-12s' % band + ''.join('%18s' % c for c in cells), flush=True)


if __name__ == '__main__':
    main()
