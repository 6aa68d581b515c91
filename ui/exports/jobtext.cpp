#include "exports/jobtext.h"

#include "common/timestamps.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTreeWidget>

namespace dd::ui {

namespace {

// Members that hold epoch seconds or byte counts (of both descriptions and
// of IncrementalExportSpecification).
bool isTimeField(const QString &name)
{
    return name.endsWith(QLatin1String("Time"));
}

bool isSizeField(const QString &name)
{
    return name == QLatin1String("BilledSizeBytes") || name == QLatin1String("ProcessedSizeBytes");
}

QString plain(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString();
}

void addRows(QTreeWidgetItem *parent, QTreeWidget *tree, const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        auto *row = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
        row->setText(0, it.key());
        const QJsonValue v = it.value();
        if (v.isObject()) {
            addRows(row, tree, v.toObject());
            row->setExpanded(true);
            continue;
        }
        QString text = plain(v);
        if (isTimeField(it.key()) && v.isDouble())
            text = JobText::time(v);
        else if (isSizeField(it.key()))
            text = JobText::size(v);
        row->setText(1, text);
        row->setToolTip(1, plain(v));
    }
}

} // namespace

QString JobText::time(const QJsonValue &epochSeconds)
{
    if (!epochSeconds.isDouble())
        return QString();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(epochSeconds.toDouble() * 1000.0));
    return secondText(at);
}

QString JobText::size(const QJsonValue &bytes)
{
    if (!bytes.isDouble())
        return QString();
    const qint64 n = qint64(bytes.toDouble());
    const QLocale locale;
    if (n < 1024)
        return locale.formattedDataSize(n); // "143 bytes"
    return tr("%1 (%2 bytes)").arg(locale.formattedDataSize(n), locale.toString(n));
}

QString JobText::tableOfArn(const QString &arn)
{
    const int start = int(arn.indexOf(QLatin1String(":table/")));
    if (start < 0)
        return QString();
    return arn.mid(start + 7).section(QLatin1Char('/'), 0, 0);
}

QString JobText::idOfArn(const QString &arn)
{
    return arn.section(QLatin1Char('/'), -1);
}

void JobText::fillDetails(QTreeWidget *tree, const QJsonObject &description)
{
    tree->clear();
    addRows(nullptr, tree, description);
}

} // namespace dd::ui
