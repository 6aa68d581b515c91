// The restore job of the history view: sends RestoreTableFromBackup or
// RestoreTableToPointInTime, then waits while the new table is CREATING
// (DescribeTable every pollMs), reporting its ItemCount as progress against
// the expected count (0: unknown; the bar is busy). Cancelling stops the
// wait only: the restore goes on in the service.
// Runs off the GUI thread (QtConcurrent::run on the Connection's pool).
#pragma once

#include <QJsonObject>
#include <QPromise>
#include <QString>

namespace dd::ui {

class Connection;

struct RestoreOutcome {
    QString table;          // the target table
    QString error;          // DynamoDB's type and message; empty on success
    bool active = false;    // the table became ACTIVE
    bool canceled = false;  // the wait was cancelled
};

void runRestore(QPromise<RestoreOutcome> &promise, Connection *connection, const QString &operation,
                const QJsonObject &request, qint64 expectedItems, int pollMs);

} // namespace dd::ui
