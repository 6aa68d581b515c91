// Export of a Scan or Query result to JSON Lines: every page from the start,
// one item per line in the shape of DynamoDB's own export to S3
// ({"Item": {"pk": {"S": "a"}, ...}}), written to a QSaveFile that is
// committed only when the export finishes (a cancelled or failed export
// leaves no file). Runs on the Connection's pool; progress counts items
// (the range stays open: the total is unknown until the end).
#pragma once

#include "common/progresspanel.h"

#include <QFuture>
#include <QJsonObject>
#include <QString>

namespace dd::ui {

class Connection;

struct ExportResult {
    qint64 items = 0;
    QString error;     // empty on success
    bool canceled = false;
};

// The connection must outlive the future (its destructor waits for it).
// `cancel` (may be null) stops it between pages, leaving no file.
QFuture<ExportResult> startExportJsonLines(Connection *connection, const QString &operation, const QJsonObject &request,
                                           const QString &filePath, CancelFlag cancel = {});

} // namespace dd::ui
