#include "browser/importjsonl.h"

#include "browser/batchwrite.h"
#include "common/itemjson.h"
#include "connections/connection.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSet>
#include <QtConcurrent>

namespace dd::ui {

namespace {

struct ImportText {
    Q_DECLARE_TR_FUNCTIONS(dd::ui::ImportJsonLines)
};

// The pending batch: its items, their keys' identities and first and last lines.
struct Batch {
    QJsonArray requests;
    QSet<QString> keys;
    qint64 firstLine = 0;
    qint64 lastLine = 0;
};

// Where in the file: "Line 7", "Lines 1–25", or for a JSON document "Item 7", "Items 1–25".
QString place(bool document, qint64 first, qint64 last)
{
    if (first == last)
        return (document ? ImportText::tr("Item %1") : ImportText::tr("Line %1")).arg(first);
    return (document ? ImportText::tr("Items %1–%2") : ImportText::tr("Lines %1–%2")).arg(first).arg(last);
}

void run(QPromise<ImportResult> &promise, Connection *connection, const QString &table, const TableKeys &keys,
         const QString &filePath, const CancelFlag &cancel)
{
    ImportResult result;
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = ImportText::tr("Cannot read %1: %2").arg(filePath, file.errorString());
        promise.addResult(result);
        return;
    }
    // The text starts after a UTF-8 byte order mark, as some editors write one.
    const qint64 start = file.peek(3) == "\xEF\xBB\xBF" ? 3 : 0;
    file.seek(start);
    // A whole JSON document instead of lines: the output of `aws dynamodb
    // scan` or a Query/Scan response ({"Items": [...]}), or an array of items.
    QJsonArray documentItems;
    bool document = false;
    {
        const QByteArray first = file.readLine().trimmed();
        if (first.startsWith('[') || (first.startsWith('{') && !QJsonDocument::fromJson(first).isObject())) {
            document = true;
            file.seek(start);
            const QByteArray all = file.readAll();
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(all, &parseError);
            if (doc.isArray())
                documentItems = doc.array();
            else if (doc.isObject() && doc.object().value(QStringLiteral("Items")).isArray())
                documentItems = doc.object().value(QStringLiteral("Items")).toArray();
            else {
                result.error = doc.isNull() ? ImportText::tr("Not JSON Lines, nor a JSON document: %1 (at byte %2)")
                                                  .arg(parseError.errorString()).arg(parseError.offset)
                                            : ImportText::tr("A JSON document must be an array of items or have an \"Items\" array");
                promise.addResult(result);
                return;
            }
        }
        file.seek(start);
    }
    // Progress counts lines (items of a document), so a first pass counts them (1 MiB at a time).
    qint64 lines = 0;
    if (document) {
        lines = documentItems.size();
    } else {
        char last = '\n';
        while (!file.atEnd()) {
            const QByteArray chunk = file.read(1 << 20);
            if (chunk.isEmpty())
                break;
            lines += chunk.count('\n');
            last = chunk.back();
        }
        if (last != '\n')
            ++lines;
        file.seek(start);
    }
    promise.setProgressRange(0, int(qMin<qint64>(lines, INT_MAX)));
    Batch batch;
    qint64 lineNumber = 0; // of the line (item of a document) read last
    const auto flush = [&]() -> bool {
        if (batch.requests.isEmpty())
            return true;
        if (const QString why = writeBatch(connection, table, batch.requests); !why.isEmpty()) {
            result.error = QStringLiteral("%1: %2").arg(place(document, batch.firstLine, batch.lastLine), why);
            return false;
        }
        result.items += batch.requests.size();
        promise.setProgressValue(int(qMin<qint64>(batch.lastLine, INT_MAX))); // the lines done
        batch = Batch();
        return true;
    };
    while (document ? lineNumber < documentItems.size() : !file.atEnd()) {
        QJsonValue value;
        QString problem;
        if (document) {
            value = documentItems.at(lineNumber);
            ++lineNumber;
        } else {
            const QByteArray line = file.readLine().trimmed();
            ++lineNumber;
            if (line.isEmpty())
                continue;
            QJsonParseError parseError;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
            if (doc.isObject())
                value = doc.object();
            else
                problem = doc.isNull() ? parseError.errorString() : ImportText::tr("not a JSON object");
        }
        QJsonObject item;
        if (problem.isEmpty() && !value.isObject()) {
            problem = ImportText::tr("not a JSON object");
        } else if (problem.isEmpty()) {
            item = value.toObject();
            if (item.size() == 1 && item.contains(QStringLiteral("Item")) && item.value(QStringLiteral("Item")).isObject())
                item = item.value(QStringLiteral("Item")).toObject();
            QString path, message;
            if (item.isEmpty())
                problem = ImportText::tr("an empty item");
            else if (!itemjson::findInvalid(item, &path, &message))
                problem = path.isEmpty() ? message : QStringLiteral("%1: %2").arg(path, message);
            else if (!keys.partition.isEmpty() && keys.keyOf(item).size() != keys.names().size())
                problem = ImportText::tr("the item lacks the table's key (%1)").arg(keys.names().join(QLatin1String(", ")));
        }
        if (!problem.isEmpty()) {
            if (flush()) // the lines before it are written
                result.error = QStringLiteral("%1: %2").arg(place(document, lineNumber, lineNumber), problem);
            break;
        }
        const QString identity = keys.identity(item);
        if (batch.requests.size() == kBatchWriteLimit || batch.keys.contains(identity)) {
            if (promise.isCanceled() || isSet(cancel)) {
                result.canceled = true;
                break;
            }
            if (!flush())
                break;
        }
        if (batch.requests.isEmpty())
            batch.firstLine = lineNumber;
        batch.lastLine = lineNumber;
        batch.keys.insert(identity);
        batch.requests.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), item}}}});
    }
    if (result.error.isEmpty() && !result.canceled) {
        if (promise.isCanceled() || isSet(cancel))
            result.canceled = true;
        else
            flush();
    }
    promise.addResult(result);
}

} // namespace

QFuture<ImportResult> startImportJsonLines(Connection *connection, const QString &table, const TableKeys &keys,
                                           const QString &filePath, CancelFlag cancel)
{
    return QtConcurrent::run(connection->pool(), run, connection, table, keys, filePath, std::move(cancel));
}

} // namespace dd::ui
