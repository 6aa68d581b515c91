// JobText: how the export and import dialogs word what DynamoDB answers about
// exports and imports: a wire timestamp (epoch seconds) in local time, a byte
// count, the table and id inside a job's ARN, and a job's whole description as
// a tree of fields for a details pane.
// Pure functions of their arguments; GUI thread only (they use tr()).
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

class QTreeWidget;

namespace dd::ui {

class JobText {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::JobText)
public:
    // Epoch seconds (a JSON number, fractions allowed) as local
    // "yyyy-MM-dd HH:mm:ss"; empty if the value is not a number.
    static QString time(const QJsonValue &epochSeconds);
    // A byte count as "143 bytes" or "1.2 KB (1,234 bytes)"; empty if not a number.
    static QString size(const QJsonValue &bytes);
    // The table named in an export's or import's ARN
    // ("arn:...:table/T/export/ID" -> "T"); empty if it names none.
    static QString tableOfArn(const QString &arn);
    // The id at the end of the ARN ("01700000000000-0a1b2c3d").
    static QString idOfArn(const QString &arn);
    // Replaces the two-column tree's rows with the description's members,
    // objects as expandable rows, times and sizes also in readable form.
    static void fillDetails(QTreeWidget *tree, const QJsonObject &description);
};

} // namespace dd::ui
