#include "browser/exportcsv.h"

#include "browser/resultpages.h"
#include "common/itemjson.h"
#include "connections/connection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryFile>
#include <QtConcurrent>

#include <algorithm>

namespace dd::ui {

QString csv::field(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csv::cell(const QJsonObject &attribute)
{
    if (attribute.size() != 1)
        return {};
    const QString type = attribute.constBegin().key();
    const QJsonValue v = attribute.constBegin().value();
    if (type == QLatin1String("S") || type == QLatin1String("N") || type == QLatin1String("B"))
        return v.toString();
    if (type == QLatin1String("BOOL"))
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QString::fromUtf8(QJsonDocument(attribute).toJson(QJsonDocument::Compact));
}

namespace {

void run(QPromise<ExportResult> &promise, Connection *connection, const QString &operation, const QJsonObject &request,
         const TableKeys &keys, const QString &filePath, const CancelFlag &cancel)
{
    ExportResult result;
    QSaveFile file(filePath);
    QTemporaryFile spool;
    if (!file.open(QIODevice::WriteOnly) || !spool.open()) {
        result.error = file.isOpen() ? spool.errorString() : file.errorString();
        promise.addResult(result);
        return;
    }
    // 1. Every item into the spool (one DynamoDB JSON line each), collecting the columns.
    QSet<QString> names;
    promise.setProgressRange(0, 0);
    result.error = readAllPages(connection, operation, request, [&promise, &cancel] { return promise.isCanceled() || isSet(cancel); },
        [&](const QJsonArray &items) {
            for (const auto &v : items) {
                const QJsonObject item = v.toObject();
                for (auto it = item.begin(); it != item.end(); ++it)
                    names.insert(it.key());
                spool.write(itemjson::toDynamoLine(item));
                spool.write("\n");
                ++result.items;
            }
            promise.setProgressValueAndText(int(qMin<qint64>(result.items, INT_MAX)), QString::number(result.items));
        }, &result.canceled);
    if (!result.error.isEmpty() || result.canceled) {
        promise.addResult(result);
        return;
    }
    // 2. The header, then the rows.
    QStringList columns = keys.names();
    QStringList rest;
    for (const QString &n : names)
        if (!columns.contains(n))
            rest << n;
    std::sort(rest.begin(), rest.end());
    columns += rest;
    auto writeRow = [&file](const QStringList &fields) {
        QString line;
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i)
                line += QLatin1Char(',');
            line += csv::field(fields[i]);
        }
        line += QLatin1String("\r\n");
        file.write(line.toUtf8());
    };
    writeRow(columns);
    promise.setProgressRange(0, int(qMin<qint64>(result.items, INT_MAX)));
    spool.seek(0);
    qint64 written = 0;
    QStringList fields;
    while (!spool.atEnd()) {
        if (promise.isCanceled() || isSet(cancel)) {
            result.canceled = true;
            break;
        }
        const QJsonObject item = QJsonDocument::fromJson(spool.readLine()).object();
        fields.clear();
        for (const QString &c : columns)
            fields << csv::cell(item.value(c).toObject());
        writeRow(fields);
        if (++written % 1000 == 0)
            promise.setProgressValue(int(qMin<qint64>(written, INT_MAX)));
    }
    if (!result.canceled && !file.commit())
        result.error = file.errorString();
    promise.addResult(result);
}

} // namespace

QFuture<ExportResult> startExportCsv(Connection *connection, const QString &operation, const QJsonObject &request,
                                     const TableKeys &keys, const QString &filePath, CancelFlag cancel)
{
    return QtConcurrent::run(connection->pool(), run, connection, operation, request, keys, filePath, std::move(cancel));
}

} // namespace dd::ui
