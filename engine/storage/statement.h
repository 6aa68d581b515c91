// Statement: a prepared SQLite statement owned by a Connection's cache.
// Bind with 1-based indexes; step(); read columns; the statement is reset
// when the next user calls Connection::prepare for the same SQL.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

#include <initializer_list>

struct sqlite3;
struct sqlite3_stmt;

namespace dd::storage {

class Statement {
public:
    explicit Statement(sqlite3_stmt *stmt) : m_stmt(stmt) {}

    Statement &bind(int index, qint64 value);
    Statement &bind(int index, QByteArrayView blob);   // bound as a BLOB, copied
    // Bound as a BLOB without a copy: the bytes must stay valid and unchanged
    // until the statement is last stepped with this binding (bind, step to
    // the end, done: the rebinding of the next user replaces it).
    Statement &bindStatic(int index, QByteArrayView blob);
    Statement &bindText(int index, QStringView text);  // bound as UTF-8 TEXT
    Statement &bindNull(int index);

    // Steps once. Returns true while a row is available; false when done.
    // SQLite errors are reported through ok()/errorMessage().
    bool step();
    // Steps a cursor over a range: true with a row, false at the end, an
    // InternalServerError on failure. At the end `done` is set and stays so
    // (stepping a finished statement again would restart it); callers pass
    // their cursor's done flag and do not step once it is set.
    Result<bool> stepCursor(bool &done);
    // Binds `args` to parameters 1..n and runs the statement to its end: an
    // InternalServerError if it fails or yields a row.
    Result<void> run(std::initializer_list<qint64> args = {});
    bool ok() const { return m_rc == 0 || m_rc == 100 || m_rc == 101; }
    int resultCode() const { return m_rc; }
    QString errorMessage() const;

    qint64 columnInt(int i) const;
    QByteArrayView columnBlob(int i) const;  // valid until the next step/reset
    QByteArray columnBytes(int i) const;     // a copy
    QString columnText(int i) const;
    bool columnIsNull(int i) const;

    void reset();
    // Resets only a statement stepped since its last reset; keeps bindings.
    void resetIfUsed();
    sqlite3_stmt *handle() const { return m_stmt; }

private:
    sqlite3_stmt *m_stmt;
    int m_rc = 0;       // of the last step; 0 after a reset
};

} // namespace dd::storage
