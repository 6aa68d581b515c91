#include "designer/tablechange.h"

#include "common/awsclicommand.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

const IndexDesign *findIndex(const QList<IndexDesign> &indexes, const QString &name)
{
    for (const IndexDesign &ix : indexes)
        if (ix.name == name)
            return &ix;
    return nullptr;
}

QJsonObject throughput(const TableDesign &d)
{
    return {{p("ReadCapacityUnits"), d.readCapacity}, {p("WriteCapacityUnits"), d.writeCapacity}};
}

// The GSI `ix` as a GlobalSecondaryIndexUpdates Create, from the design's CreateTable request.
QJsonObject createIndexRequest(const TableDesign &edited, const IndexDesign &ix)
{
    TableDesign one = edited;
    one.indexes = {ix};
    const QJsonObject create = one.toCreateTableRequest();
    QJsonObject req{{p("TableName"), edited.tableName},
                    {p("AttributeDefinitions"), create.value(p("AttributeDefinitions"))},
                    {p("GlobalSecondaryIndexUpdates"),
                     QJsonArray{QJsonObject{{p("Create"), create.value(p("GlobalSecondaryIndexes")).toArray().at(0)}}}}};
    return req;
}

} // namespace

QList<TableChange> TableChangePlanner::plan(const TableDesign &original, const TableDesign &edited, const QString &tableArn)
{
    QList<TableChange> changes;
    const QString table = edited.tableName;

    // Billing mode and capacity. Going to PROVISIONED, every remaining GSI
    // needs its throughput in the same call (the table's: the design has no
    // capacity of an index's own). A capacity change alone leaves the GSIs
    // as they are: their capacity is their own (set with the CLI, say), and
    // one that already has the table's new numbers would fail the whole
    // call ("will not change").
    const bool billingChanged = original.onDemand != edited.onDemand;
    const bool capacityChanged = !edited.onDemand
        && (original.readCapacity != edited.readCapacity || original.writeCapacity != edited.writeCapacity);
    if (billingChanged || capacityChanged) {
        QJsonObject req{{p("TableName"), table}};
        if (billingChanged)
            req.insert(p("BillingMode"), edited.onDemand ? p("PAY_PER_REQUEST") : p("PROVISIONED"));
        if (!edited.onDemand)
            req.insert(p("ProvisionedThroughput"), throughput(edited));
        if (billingChanged && !edited.onDemand) {
            QJsonArray updates;
            for (const IndexDesign &ix : original.indexes)
                if (ix.global && findIndex(edited.indexes, ix.name))
                    updates.append(QJsonObject{{p("Update"), QJsonObject{{p("IndexName"), ix.name}, {p("ProvisionedThroughput"), throughput(edited)}}}});
            if (!updates.isEmpty())
                req.insert(p("GlobalSecondaryIndexUpdates"), updates);
        }
        changes.append({p("UpdateTable"), req, p("capacity"),
                        edited.onDemand ? tr("Switch to on-demand billing")
                                        : tr("Set provisioned capacity to %1 RCU, %2 WCU").arg(edited.readCapacity).arg(edited.writeCapacity),
                        true});
    }

    // The stream: a view type cannot change while the stream is enabled.
    if (original.streamViewType != edited.streamViewType) {
        if (!original.streamViewType.isEmpty())
            changes.append({p("UpdateTable"),
                            QJsonObject{{p("TableName"), table}, {p("StreamSpecification"), QJsonObject{{p("StreamEnabled"), false}}}},
                            p("stream"), tr("Disable the stream"), true});
        if (!edited.streamViewType.isEmpty())
            changes.append({p("UpdateTable"),
                            QJsonObject{{p("TableName"), table},
                                        {p("StreamSpecification"), QJsonObject{{p("StreamEnabled"), true}, {p("StreamViewType"), edited.streamViewType}}}},
                            p("stream"), tr("Enable the stream with %1").arg(edited.streamViewType), true});
    }

    // Encryption at rest: SSESpecification alone in its call, {"Enabled": false}
    // going back to the key owned by DynamoDB.
    if (original.encryption != edited.encryption) {
        QString description;
        switch (edited.encryption.kind) {
        case TableEncryption::Kind::Owned: description = tr("Encrypt with the key owned by Amazon DynamoDB"); break;
        case TableEncryption::Kind::AwsManaged: description = tr("Encrypt with the AWS managed key (aws/dynamodb)"); break;
        case TableEncryption::Kind::CustomerManaged: description = tr("Encrypt with the customer managed key %1").arg(edited.encryption.key); break;
        }
        changes.append({p("UpdateTable"),
                        QJsonObject{{p("TableName"), table}, {p("SSESpecification"), edited.encryption.specification()}},
                        p("encryption"), description, true});
    }

    // GSIs: deletions first (they free their slots), then creations; one per call.
    for (const IndexDesign &ix : original.indexes)
        if (ix.global && !findIndex(edited.indexes, ix.name))
            changes.append({p("UpdateTable"),
                            QJsonObject{{p("TableName"), table},
                                        {p("GlobalSecondaryIndexUpdates"), QJsonArray{QJsonObject{{p("Delete"), QJsonObject{{p("IndexName"), ix.name}}}}}}},
                            p("indexes"), tr("Delete global index %1").arg(ix.name), true});
    for (int i = 0; i < edited.indexes.size(); ++i) {
        const IndexDesign &ix = edited.indexes[i];
        if (ix.global && !findIndex(original.indexes, ix.name))
            changes.append({p("UpdateTable"), createIndexRequest(edited, ix), QStringLiteral("index:%1:api").arg(i),
                            tr("Add global index %1 (and fill it from the table)").arg(ix.name), true});
    }

    // TTL: one attribute at a time.
    if (original.ttlAttribute != edited.ttlAttribute) {
        if (!original.ttlAttribute.isEmpty())
            changes.append({p("UpdateTimeToLive"),
                            QJsonObject{{p("TableName"), table},
                                        {p("TimeToLiveSpecification"), QJsonObject{{p("Enabled"), false}, {p("AttributeName"), original.ttlAttribute}}}},
                            p("ttl"), tr("Turn off TTL on %1").arg(original.ttlAttribute), false});
        if (!edited.ttlAttribute.isEmpty())
            changes.append({p("UpdateTimeToLive"), edited.toTimeToLiveRequest(), p("ttl"),
                            tr("Turn on TTL on %1").arg(edited.ttlAttribute), false});
    }

    // Tags: removed keys, then added or changed ones.
    QMap<QString, QString> before, after;
    for (const auto &[k, v] : original.tags)
        before.insert(k, v);
    for (const auto &[k, v] : edited.tags)
        after.insert(k, v);
    QJsonArray removed;
    for (auto it = before.begin(); it != before.end(); ++it)
        if (!after.contains(it.key()))
            removed.append(it.key());
    if (!removed.isEmpty())
        changes.append({p("UntagResource"), QJsonObject{{p("ResourceArn"), tableArn}, {p("TagKeys"), removed}}, p("tags"),
                        tr("Remove tags: %1").arg(removed.size()), false});
    QJsonArray added;
    for (auto it = after.begin(); it != after.end(); ++it)
        if (!before.contains(it.key()) || before.value(it.key()) != it.value())
            added.append(QJsonObject{{p("Key"), it.key()}, {p("Value"), it.value()}});
    if (!added.isEmpty())
        changes.append({p("TagResource"), QJsonObject{{p("ResourceArn"), tableArn}, {p("Tags"), added}}, p("tags"),
                        tr("Set tags: %1").arg(added.size()), false});
    return changes;
}

QList<TableChange> TableChangePlanner::create(const TableDesign &d)
{
    QList<TableChange> changes{{p("CreateTable"), d.toCreateTableRequest(), p("create"), tr("Create table %1").arg(d.tableName), true, true}};
    if (!d.ttlAttribute.isEmpty())
        changes.append({p("UpdateTimeToLive"), d.toTimeToLiveRequest(), p("ttl"), tr("Turn on TTL on %1").arg(d.ttlAttribute), false, false});
    return changes;
}

QString TableChangePlanner::cliCommands(const QList<TableChange> &changes, const QString &table, const QString &endpointUrl)
{
    const QString endpoint = endpointUrl.isEmpty() ? QString() : QStringLiteral(" \\\n  --endpoint-url ") + awscli::shellQuote(endpointUrl);
    QStringList commands;
    for (int i = 0; i < changes.size(); ++i) {
        const TableChange &c = changes[i];
        commands << awscli::command(c.operation, c.request, endpointUrl);
        if (c.waitUntilActive && i + 1 < changes.size())
            commands << QStringLiteral("aws dynamodb wait table-exists --table-name %1").arg(awscli::shellQuote(table)) + endpoint;
    }
    return commands.join(QLatin1String("\n\n"));
}

QString TableChangePlanner::program(CopyFormat format, const QList<TableChange> &changes, const QString &table,
                                   const QString &endpointUrl, const QString &region)
{
    if (changes.isEmpty())
        return QString();
    QList<code::Call> calls;
    for (int i = 0; i < changes.size(); ++i) {
        const TableChange &c = changes[i];
        calls.append({c.operation, c.request, c.waitUntilActive && i + 1 < changes.size() ? table : QString()});
    }
    return code::program(format, calls, endpointUrl, region);
}

QString TableChangePlanner::cliInputJson(const QList<TableChange> &changes)
{
    QStringList parts;
    for (int i = 0; i < changes.size(); ++i)
        parts << QStringLiteral("# aws dynamodb %1 --cli-input-json file://step%2.json\n").arg(awscli::kebabCase(changes[i].operation)).arg(i + 1)
                     + awscli::cliInputJson(changes[i].request);
    return parts.join(QLatin1Char('\n'));
}

} // namespace dd::ui
