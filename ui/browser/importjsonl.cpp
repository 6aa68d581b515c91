#include "browser/importjsonl.h"

#include "common/itemjson.h"
#include "connections/connection.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QSet>
#include <QThread>
#include <QtConcurrent>

namespace dd::ui {

namespace {

constexpr int kBatchSize = 25; // BatchWriteItem's limit of requests per call
constexpr int kMaxRetries = 8; // for UnprocessedItems, backing off from 50 ms

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

// Writes the batch; returns an error naming its lines (items of a document), or an empty string.
QString write(Connection *connection, const QString &table, const Batch &batch, bool document)
{
    QJsonObject pending{{table, batch.requests}};
    for (int attempt = 0; !pending.isEmpty(); ++attempt) {
        if (attempt > 0)
            QThread::msleep(50u << qMin(attempt - 1, 6));
        const auto r = connection->callSync(QStringLiteral("BatchWriteItem"), QJsonObject{{QStringLiteral("RequestItems"), pending}});
        const QString lines = batch.firstLine == batch.lastLine
            ? (document ? ImportText::tr("Item %1") : ImportText::tr("Line %1")).arg(batch.firstLine)
            : (document ? ImportText::tr("Items %1–%2") : ImportText::tr("Lines %1–%2")).arg(batch.firstLine).arg(batch.lastLine);
        if (!r.ok())
            return QStringLiteral("%1: %2: %3").arg(lines, r.error->type(), r.error->message());
        pending = r.body.value(QStringLiteral("UnprocessedItems")).toObject();
        if (attempt == kMaxRetries && !pending.isEmpty())
            return ImportText::tr("%1: items stayed unprocessed after %2 retries").arg(lines).arg(kMaxRetries);
    }
    return QString();
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
    // A whole JSON document instead of lines: the output of `aws dynamodb
    // scan` or a Query/Scan response ({"Items": [...]}), or an array of items.
    QJsonArray documentItems;
    bool document = false;
    {
        QByteArray first = file.readLine().trimmed();
        if (first.startsWith("\xEF\xBB\xBF")) // a UTF-8 byte order mark, as some editors write
            first = first.mid(3).trimmed();
        if (first.startsWith('[') || (first.startsWith('{') && !QJsonDocument::fromJson(first).isObject())) {
            document = true;
            file.seek(0);
            QByteArray all = file.readAll();
            if (all.startsWith("\xEF\xBB\xBF"))
                all = all.mid(3);
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
        file.seek(0);
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
        file.seek(0);
    }
    promise.setProgressRange(0, int(qMin<qint64>(lines, INT_MAX)));
    Batch batch;
    qint64 lineNumber = 0; // of the line (item of a document) read last
    const auto flush = [&]() -> bool {
        if (batch.requests.isEmpty())
            return true;
        result.error = write(connection, table, batch, document);
        if (!result.error.isEmpty())
            return false;
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
            QByteArray line = file.readLine().trimmed();
            ++lineNumber;
            if (lineNumber == 1 && line.startsWith("\xEF\xBB\xBF"))
                line = line.mid(3).trimmed();
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
                result.error = (document ? ImportText::tr("Item %1: %2") : ImportText::tr("Line %1: %2")).arg(lineNumber).arg(problem);
            break;
        }
        const QString identity = keys.identity(item);
        if (batch.requests.size() == kBatchSize || batch.keys.contains(identity)) {
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
