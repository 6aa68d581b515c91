// StreamRecord: turns one change of the change log into the record DynamoDB Streams
// returns, byte for byte in AWS's shape (API Reference, "Record"):
//   {"eventID", "eventName": INSERT|MODIFY|REMOVE, "eventVersion": "1.1",
//    "eventSource": "aws:dynamodb", "awsRegion",
//    "dynamodb": {"ApproximateCreationDateTime", "Keys", "NewImage", "OldImage",
//                 "SequenceNumber", "SizeBytes", "StreamViewType"},
//    "userIdentity": {...}}   (TTL deletions only)
// Images are spliced in as stored, never re-encoded. The Lambda flavour is
// what Lambda passes to a function (the same record plus eventSourceARN, and
// userIdentity spelt in lower camel case), for local triggers.
// Stateless; thread-safe.
#pragma once

#include "api/jsonwriter.h"
#include "streams/streamstore.h"

namespace dd::streams {

enum class RecordFlavor {
    StreamsApi,  // GetRecords: userIdentity {"PrincipalId", "Type"} as the service model names them
    LambdaEvent  // a Lambda event's Records[]: adds eventSourceARN; userIdentity {"principalId", "type"}
};

// Appends the record of `row` as seen through `stream` to `out`. Returns the
// record's SizeBytes (keys plus the images the view type includes).
qint64 writeStreamRecord(api::JsonWriter &out, const StreamInfo &stream, const QString &region, const ChangeRow &row,
                         RecordFlavor flavor = RecordFlavor::StreamsApi);

} // namespace dd::streams
