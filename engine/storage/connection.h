// Connection: one SQLite connection with a cache of prepared statements.
// Used by one thread at a time (the Database hands connections out).
#pragma once

#include "model/result.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <memory>

namespace dd::storage {

class Connection {
public:
    // Opens `path` ("file:..." URIs allowed), through the SQLite VFS named
    // `vfs` if given (storage/encryptedvfs.h). Applies the pragmas the
    // engine relies on (WAL, synchronous, foreign keys off, busy timeout).
    static Result<std::unique_ptr<Connection>> open(const QString &path, bool readOnly, const char *vfs = nullptr);
    ~Connection();

    // Returns a reset, ready-to-bind statement for sql, prepared once and
    // cached. Returns null and sets lastError() if sql does not compile.
    Statement *prepare(const QByteArray &sql);

    // The same for a hot statement known by a caller-chosen key (see
    // statementKey()), sparing the caller building and hashing its SQL on
    // every call: makeSql() runs only the first time. The key must always
    // stand for the same SQL. The statement is reset but may keep the
    // previous call's bindings: bind every parameter.
    template <typename MakeSql>
    Statement *prepareKeyed(quint64 key, MakeSql makeSql)
    {
        if (Statement *s = m_keyed.value(key)) {
            s->resetIfUsed();
            return s;
        }
        Statement *s = prepare(makeSql());
        if (s)
            m_keyed.insert(key, s);
        return s;
    }

    // Runs one or more statements without results. Returns an InternalServerError on failure.
    Result<void> exec(const QByteArray &sql);

    // Runs one statement without results, prepared once and cached, with
    // `args` bound to parameters 1..n (Statement::run); changes() then says
    // how many rows it changed.
    Result<void> run(const QByteArray &sql, std::initializer_list<qint64> args = {});

    // Drops all cached statements (after a schema change they may refer to dropped tables).
    void clearCache();

    QString lastError() const;
    qint64 changes() const;
    qint64 totalChanges() const;  // rows changed since the connection opened (sqlite3_total_changes64)
    bool inTransaction() const;   // a transaction is open (not autocommit)
    sqlite3 *handle() const { return m_db; }

    // Runs before a read of the change log on this connection: the writer
    // stores its pending change-log blocks (Database), so that a read
    // through the open transaction sees the changes it made.
    Result<void> beforeLogRead() { return m_beforeLogRead ? m_beforeLogRead() : Result<void>(); }

private:
    friend class Database;
    explicit Connection(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db;
    QHash<QByteArray, Statement *> m_cache;
    QHash<quint64, Statement *> m_keyed;  // prepareKeyed(): the same statements as in m_cache
    bool m_readOpen = false;              // a pooled reader: holds an open read transaction (Database)
    quint64 m_readSeq = 0;                // ... begun when the database's commit count was this
    quint64 m_dropsSeen = 0;              // Database::m_tableDrops when the cache was last cleared for them
    std::function<Result<void>()> m_beforeLogRead; // the writer's (Database)
};

// Kinds of keyed statements, one per SQL shape; add new ones at the end.
enum class StatementKind : quint8 {
    ItemGet = 1, ItemPut, ItemRemove,
    ItemPartition,                                    // variant: ItemScan's bounds and direction
    IndexInsert, IndexInsertOrIgnore, IndexDelete, IndexEntrySize,
    TableStatsUpdate, IndexStatsUpdate,              // id 0: one statement for all
    ChangeLogInsert,                                  // id: the logged table
    ItemBodyGet, ItemBodyInsert, ItemBodyUpdate, ItemBodyRemove, ItemBodyNextId, // b<id>: large items' JSON (itemstore.h)
};

// A prepareKeyed() key: a statement kind, the storage id it is about (table
// and index ids are never reused) and a variant of the kind's SQL (< 256),
// which together fix the SQL text.
constexpr quint64 statementKey(StatementKind kind, qint64 id, quint8 variant = 0)
{
    return (quint64(id) << 16) | (quint64(variant) << 8) | quint8(kind);
}

} // namespace dd::storage
