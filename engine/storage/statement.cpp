#include "storage/statement.h"

#include <sqlite3.h>

namespace dd::storage {

Statement &Statement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, QByteArrayView blob)
{
    // A zero-length blob must still be a BLOB, not NULL: pass a non-null pointer.
    static const char empty = 0;
    sqlite3_bind_blob64(m_stmt, index, blob.data() ? blob.data() : &empty, sqlite3_uint64(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement &Statement::bindStatic(int index, QByteArrayView blob)
{
    static const char empty = 0;
    sqlite3_bind_blob64(m_stmt, index, blob.data() ? blob.data() : &empty, sqlite3_uint64(blob.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindText(int index, QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    sqlite3_bind_text64(m_stmt, index, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    return *this;
}

Statement &Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool Statement::step()
{
    m_rc = sqlite3_step(m_stmt);
    return m_rc == SQLITE_ROW;
}

Result<bool> Statement::stepCursor(bool &done)
{
    if (done)
        return false;
    if (step())
        return true;
    done = true;
    if (m_rc != SQLITE_DONE)
        return ApiError::internal(errorMessage());
    return false;
}

Result<void> Statement::run(std::initializer_list<qint64> args)
{
    int i = 1;
    for (qint64 a : args)
        bind(i++, a);
    step();
    if (m_rc != SQLITE_DONE)
        return ApiError::internal(errorMessage());
    return {};
}

QString Statement::errorMessage() const
{
    return QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)));
}

qint64 Statement::columnInt(int i) const { return sqlite3_column_int64(m_stmt, i); }

QByteArrayView Statement::columnBlob(int i) const
{
    const void *p = sqlite3_column_blob(m_stmt, i);
    const int n = sqlite3_column_bytes(m_stmt, i);
    return QByteArrayView(static_cast<const char *>(p), n);
}

QByteArray Statement::columnBytes(int i) const { return columnBlob(i).toByteArray(); }

QString Statement::columnText(int i) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, i));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, i));
}

bool Statement::columnIsNull(int i) const { return sqlite3_column_type(m_stmt, i) == SQLITE_NULL; }

void Statement::resetIfUsed()
{
    if (m_rc == 0)
        return;
    sqlite3_reset(m_stmt);
    m_rc = 0;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_rc = 0;
}

} // namespace dd::storage
