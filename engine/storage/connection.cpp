#include "storage/connection.h"

#include <sqlite3.h>

namespace dd::storage {

Result<std::unique_ptr<Connection>> Connection::open(const QString &path, bool readOnly, const char *vfs)
{
    // Before SQLite initializes (the first open does that): no memory
    // statistics. With them every sqlite3_malloc and sqlite3_free takes one
    // process-wide mutex, which the server's threads then contend for (eight
    // times per GetItem). Nothing here reads them (sqlite3_memory_used, a
    // soft heap limit). Too late if something initialized SQLite before.
    static const bool configured = [] {
        (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)configured;
    sqlite3 *db = nullptr;
    const int flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
                      | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, vfs);
    if (rc != SQLITE_OK) {
        const QString msg = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close(db);
        return ApiError::internal(QStringLiteral("Cannot open database %1: %2").arg(path, msg));
    }
    sqlite3_busy_timeout(db, 10000);
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection()
{
    clearCache();
    sqlite3_close(m_db);
}

Statement *Connection::prepare(const QByteArray &sql)
{
    auto it = m_cache.find(sql);
    if (it != m_cache.end()) {
        (*it)->reset();
        return *it;
    }
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK)
        return nullptr;
    auto *s = new Statement(stmt);
    m_cache.insert(sql, s);
    return s;
}

Result<void> Connection::exec(const QByteArray &sql)
{
    char *err = nullptr;
    if (sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &err) != SQLITE_OK) {
        const QString msg = QString::fromUtf8(err ? err : sqlite3_errmsg(m_db));
        sqlite3_free(err);
        return ApiError::internal(QStringLiteral("SQLite: %1").arg(msg));
    }
    return {};
}

Result<void> Connection::run(const QByteArray &sql, std::initializer_list<qint64> args)
{
    Statement *s = prepare(sql);
    if (!s)
        return ApiError::internal(lastError());
    return s->run(args);
}

void Connection::clearCache()
{
    for (Statement *s : std::as_const(m_cache)) {
        sqlite3_finalize(s->handle());
        delete s;
    }
    m_cache.clear();
    m_keyed.clear();
}

QString Connection::lastError() const { return QString::fromUtf8(sqlite3_errmsg(m_db)); }

qint64 Connection::changes() const { return sqlite3_changes64(m_db); }

qint64 Connection::totalChanges() const { return sqlite3_total_changes64(m_db); }

bool Connection::inTransaction() const { return !sqlite3_get_autocommit(m_db); }

} // namespace dd::storage
