// IdempotencyStore: the ClientRequestToken records of TransactWriteItems, in
// SQLite table `idempotency` of the region's database, so that a restart
// keeps them. The table is created by the first record (CREATE TABLE IF NOT
// EXISTS: older databases gain it without a schema version change, and older
// builds ignore it). A record is written in the same write transaction as the
// changes it stands for, so a token is remembered exactly when its
// transaction committed. Records older than the window are ignored and
// deleted lazily, whenever a token is looked up.
//
// Callers run these inside Database::write (one writer at a time), which
// also makes two concurrent requests with one token see each other.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace dd::storage {

class WriteTxn;

struct IdempotencyRecord {
    QByteArray requestHash; // digest of the request's parameters, compared on reuse
    QByteArray replay;      // what a replay answers with (opaque to storage)
    qint64 createdMs = 0;   // commit time of the first request
};

class IdempotencyStore {
public:
    // DynamoDB: "A client request token is valid for 10 minutes after the
    // first request that uses it is completed" (API reference, TransactWriteItems).
    static constexpr qint64 kWindowMs = 10 * 60 * 1000;

    // The live record of `token` at txn.nowMs, or nullopt when there is none
    // or it is older than kWindowMs. Deletes expired records.
    static Result<std::optional<IdempotencyRecord>> find(WriteTxn &txn, const QString &token);

    // Records `token` at txn.nowMs, replacing an expired record of it.
    static Result<void> record(WriteTxn &txn, const QString &token, const QByteArray &requestHash,
                               const QByteArray &replay);
};

} // namespace dd::storage
