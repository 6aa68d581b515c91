#include "triggers/triggerstatus.h"

#include "streams/streamstore.h"

#include <QJsonArray>

namespace dd::triggers {

namespace {
QString k(const char *s) { return QString::fromLatin1(s); }
}

QJsonObject TriggerStatus::toJson(bool withLog) const
{
    QJsonObject o = config.toJson();
    o.insert(k("State"), state);
    if (!stateReason.isEmpty())
        o.insert(k("StateReason"), stateReason);
    if (!streamArn.isEmpty())
        o.insert(k("StreamArn"), streamArn);
    o.insert(k("LastProcessedSequenceNumber"), streams::formatSequenceNumber(checkpoint));
    o.insert(k("CreationDateTime"), double(createdMs) / 1000.0);
    o.insert(k("Counters"), QJsonObject{
                                {k("Invocations"), counters.invocations},
                                {k("FailedInvocations"), counters.failedInvocations},
                                {k("RecordsDelivered"), counters.recordsDelivered},
                                {k("RecordsFailed"), counters.recordsFailed},
                            });
    if (!logFile.isEmpty())
        o.insert(k("LogFile"), logFile);
    if (withLog) {
        QJsonArray r, f;
        for (const TriggerRun &run : runs)
            r.append(run.toJson());
        for (const TriggerFailure &failure : failures)
            f.append(failure.toJson());
        o.insert(k("RecentRuns"), r);
        o.insert(k("RecentFailures"), f);
    }
    return o;
}

} // namespace dd::triggers
