// TableKeys: the key schema of a table (or of one of its indexes) as the
// GUI needs it: names and types of the partition and sort keys, read from a
// DescribeTable response. Value type.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dd::ui {

struct TableKeys {
    QString partition;     // attribute name
    QString partitionType; // "S", "N" or "B"
    QString sort;          // empty when the table has no sort key
    QString sortType;

    // From DescribeTable's "Table" object; `index` names a GSI/LSI, empty for the table.
    static TableKeys fromDescription(const QJsonObject &table, const QString &index = QString());
    QStringList names() const;                    // partition, then sort if any
    QString typeOf(const QString &name) const;    // the key's type, empty if not a key
    QJsonObject keyOf(const QJsonObject &item) const; // the key attributes of an item
    // A string that identifies an item by its key, for sets and lookups.
    QString identity(const QJsonObject &item) const;
};

} // namespace dd::ui
