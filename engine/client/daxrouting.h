// Which calls a DAX cluster answers. An application reaches DAX with two
// clients: a DAX client for its items and a DynamoDB client for its tables
// (the DAX client refuses everything else: "<op> is not supported for DAX.
// Use DynamoDB instead."). A Client given a cluster (InProcessClient's
// daxCluster, HttpClient::Config::daxCluster) sends exactly the operations
// isDaxDataOperation() names through it and every other one directly, as
// that pair of clients would. DAX's control plane ("Dax.<Op>") is not
// routed here: HttpClient sends it to the service "dax" (JsonProtocol).
// A pure function; safe from any thread.
#pragma once

#include <QString>

namespace dd::client {

// GetItem, BatchGetItem, Query, Scan, PutItem, UpdateItem, DeleteItem,
// BatchWriteItem, TransactWriteItems and TransactGetItems: what the DAX
// client serves (the DynamoDB developer guide, "DAX and DynamoDB
// consistency models"; the engine's cache/dataplane.h).
bool isDaxDataOperation(const QString &operation);

} // namespace dd::client
