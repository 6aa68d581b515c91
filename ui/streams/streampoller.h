// Polling a table's DynamoDB stream: one poll finds the stream (DescribeTable's
// LatestStreamArn), its shards (DescribeStream, again every few polls to pick
// up new ones), opens an iterator per shard and reads each once with
// GetRecords. The cursor carries the iterators from poll to poll. Runs on a
// worker thread: the client call is synchronous and bypasses the status bar,
// which would otherwise hear four calls a second.
#pragma once

#include "client/client.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace dd::ui {

struct StreamCursor {
    QString table;
    bool fromTrimHorizon = false;     // open the first shards at TRIM_HORIZON (else LATEST)
    QString streamArn;                // empty until found
    QMap<QString, QString> iterators; // open iterator by shard id
    QSet<QString> knownShards;        // every shard ever seen (closed ones stay)
    int pollsSinceDescribe = 0;       // DescribeStream runs when this reaches kDescribeEvery
};

struct StreamPoll {
    StreamCursor cursor;        // to pass to the next poll
    QList<QJsonObject> records; // GetRecords' records, in shard then sequence order
    QString error;              // one line when a call failed; records and iterators read before it are kept
    bool streamDisabled = false; // the table has no enabled stream
};

// Polls once. Safe from any thread; `client` must outlive the call.
StreamPoll pollStream(client::Client &client, StreamCursor cursor);

} // namespace dd::ui
