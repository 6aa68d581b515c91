// Connection: one SQLite connection with a cache of prepared statements.
// Used by one thread at a time (the Database hands connections out).
#pragma once

#include "model/result.h"
#include "storage/statement.h"

#include <QByteArray>
#include <QHash>
#include <QString>

#include <memory>

namespace dd::storage {

class Connection {
public:
    // Opens `path` ("file:..." URIs allowed). Applies the pragmas the engine
    // relies on (WAL, synchronous, foreign keys off, busy timeout).
    static Result<std::unique_ptr<Connection>> open(const QString &path, bool readOnly);
    ~Connection();

    // Returns a reset, ready-to-bind statement for sql, prepared once and
    // cached. Returns null and sets lastError() if sql does not compile.
    Statement *prepare(const QByteArray &sql);

    // Runs one or more statements without results. Returns an InternalServerError on failure.
    Result<void> exec(const QByteArray &sql);

    // Drops all cached statements (after a schema change they may refer to dropped tables).
    void clearCache();

    QString lastError() const;
    qint64 changes() const;
    sqlite3 *handle() const { return m_db; }

private:
    explicit Connection(sqlite3 *db) : m_db(db) {}
    sqlite3 *m_db;
    QHash<QByteArray, Statement *> m_cache;
};

} // namespace dd::storage
