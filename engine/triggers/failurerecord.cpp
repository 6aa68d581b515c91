#include "triggers/failurerecord.h"

#include "streams/streamstore.h"
#include "triggers/triggerlog.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace dd::triggers {

namespace {
QString k(const char *s) { return QString::fromLatin1(s); }
}

QByteArray FailureRecord::toJsonLine() const
{
    const QJsonObject o{
        {k("requestContext"), QJsonObject{
                                  {k("requestId"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                  {k("functionArn"), functionArn},
                                  {k("condition"), condition},
                                  {k("approximateInvokeCount"), invokeCount},
                              }},
        {k("responseContext"), QJsonObject{
                                   {k("statusCode"), statusCode},
                                   {k("executedVersion"), k("$LATEST")},
                                   {k("functionError"), functionError},
                               }},
        {k("version"), k("1.0")},
        {k("timestamp"), isoTime(timeMs)},
        {k("DDBStreamBatchInfo"), QJsonObject{
                                      {k("shardId"), shardId},
                                      {k("startSequenceNumber"), streams::formatSequenceNumber(firstSeq)},
                                      {k("endSequenceNumber"), streams::formatSequenceNumber(lastSeq)},
                                      {k("approximateArrivalOfFirstRecord"), isoTime(firstArrivalMs)},
                                      {k("approximateArrivalOfLastRecord"), isoTime(lastArrivalMs)},
                                      {k("batchSize"), batchSize},
                                      {k("streamArn"), streamArn},
                                  }},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

bool FailureRecord::append(const QString &path, const FailureRecord &record, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        *error = QStringLiteral("Cannot write the failure file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray line = record.toJsonLine();
    if (f.write(line) != line.size()) {
        *error = QStringLiteral("Cannot write the failure file %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

} // namespace dd::triggers
