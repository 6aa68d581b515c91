// The restore job of the history view: sends RestoreTableFromBackup or
// RestoreTableToPointInTime, then waits while the new table is CREATING
// (DescribeTable every pollMs), reporting its ItemCount as progress against
// the expected count (0: unknown; the bar is busy). `cancel` set before the
// job starts sends nothing; set later, it stops the wait only: the restore
// goes on in the service. Either way the job reports its outcome.
// Runs off the GUI thread (QtConcurrent::run on the Connection's pool).
#pragma once

#include "common/progresspanel.h"

#include <QJsonObject>
#include <QPromise>
#include <QString>

namespace dd::ui {

class Connection;

struct RestoreOutcome {
    QString table;          // the target table
    QString error;          // DynamoDB's type and message; empty on success
    bool active = false;    // the table became ACTIVE
    bool canceled = false;  // cancelled: before the restore was sent (sent false) or while waiting
    bool sent = false;      // the restore request was sent
};

void runRestore(QPromise<RestoreOutcome> &promise, Connection *connection, const QString &operation,
                const QJsonObject &request, qint64 expectedItems, int pollMs, const CancelFlag &cancel);

} // namespace dd::ui
