// TableChange: one API call of the designer's edit mode, and planChanges(),
// the calls that turn an existing table's design into the edited one in the
// order AWS accepts them: billing and capacity, the stream (a new view type
// is a disable then an enable), encryption at rest, GSI deletions then
// creations (one per UpdateTable call, each after the table is ACTIVE
// again), TTL (a new attribute is a disable then an enable), then tags
// (UntagResource, TagResource). The key schema and LSIs cannot change after CreateTable and
// produce no call. Value type and a pure function; safe from any thread.
#pragma once

#include "common/codesnippet.h"
#include "designer/tabledesign.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace dd::ui {

struct TableChange {
    QString operation;       // "UpdateTable", "UpdateTimeToLive", "TagResource", "UntagResource"
    QJsonObject request;     // in the wire shape
    QString field;           // the designer field an error belongs to: "capacity", "stream", "encryption", "index:<i>:api", "indexes", "ttl", "tags", "create"
    QString description;     // one translated line for the progress display
    bool waitUntilActive = false; // wait for the table and its indexes to be ACTIVE before the next call
    bool required = false;        // the calls after it need it: a failure stops the run
};

struct TableChangePlanner {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::TableChangePlanner)
public:
    // The calls from `original` (as loaded) to `edited`; `tableArn` is what
    // the tag calls address. Index fields ("index:<i>") number `edited`'s
    // indexes; a deleted index's errors go to "indexes".
    static QList<TableChange> plan(const TableDesign &original, const TableDesign &edited, const QString &tableArn);
    // The calls that create `design`: CreateTable, then UpdateTimeToLive when it has a TTL attribute.
    static QList<TableChange> create(const TableDesign &design);

    // The calls as shell commands for the AWS CLI, one after the other, with
    // `aws dynamodb wait table-exists` after a call that needs the table
    // ACTIVE again; `endpointUrl` adds --endpoint-url. Empty for no calls.
    static QString cliCommands(const QList<TableChange> &changes, const QString &table, const QString &endpointUrl);
    // Each call's --cli-input-json JSON after a comment naming its command. Empty for no calls.
    static QString cliInputJson(const QList<TableChange> &changes);
    // The calls as one Python or JavaScript program (common/codesnippet.h),
    // waiting for the table as cliCommands() does. Empty for no calls.
    static QString program(CopyFormat format, const QList<TableChange> &changes, const QString &table,
                           const QString &endpointUrl, const QString &region);
};

} // namespace dd::ui
