// TriggerStatus: a snapshot of one trigger for ListTriggers and
// DescribeTrigger: its settings, state, checkpoint, counters and (for
// DescribeTrigger) its recent runs and failures.
// Value type; thread-safe.
#pragma once

#include "triggers/triggerconfig.h"
#include "triggers/triggerlog.h"

#include <QJsonObject>

#include <vector>

namespace dd::triggers {

struct TriggerCounters {
    qint64 invocations = 0;        // events delivered or attempted
    qint64 failedInvocations = 0;  // of which failed (error, timeout, crash)
    qint64 recordsDelivered = 0;   // records in successful invocations
    qint64 recordsFailed = 0;      // records passed over after their retries (to the failure file)
};

struct TriggerStatus {
    TriggerConfig config;
    QString state;                 // RUNNING, PAUSED, FAILING (the last invocation failed) or WAITING (no stream)
    QString stateReason;           // one line on FAILING and WAITING
    QString streamArn;             // the stream being read; empty until one is found
    qint64 checkpoint = 0;         // records up to this seq are done
    qint64 createdMs = 0;
    TriggerCounters counters;
    QString logFile;               // empty in memory
    std::vector<TriggerRun> runs;          // oldest first; only for DescribeTrigger
    std::vector<TriggerFailure> failures;  // oldest first; only for DescribeTrigger

    // The Trigger object of the Dynamodesk.* responses: CreateTrigger's keys
    // plus State, StateReason, StreamArn, LastProcessedSequenceNumber,
    // CreationDateTime, Counters, LogFile, and RecentRuns/RecentFailures
    // when `withLog`.
    QJsonObject toJson(bool withLog) const;
};

} // namespace dd::triggers
