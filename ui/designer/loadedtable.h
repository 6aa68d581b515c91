// LoadedTable: an existing table as the designer's edit mode starts from:
// its design read from DescribeTable, DescribeTimeToLive and
// ListTagsOfResource (every page), and its ARN. load() runs the calls on
// the Connection's pool; the future always finishes.
#pragma once

#include "designer/tabledesign.h"

#include <QFuture>

namespace dd::ui {

class Connection;

struct LoadedTable {
    TableDesign design;
    QString arn;   // TableArn, for the tag calls
    QString error; // one line (DynamoDB's type and message) when a call failed; design is then incomplete

    // `connection` is not owned and must outlive the future (it does: its destructor waits for its pool).
    static QFuture<LoadedTable> load(Connection *connection, const QString &table);
};

} // namespace dd::ui
