// The data plane of a DAX cluster: DynamoDB's item operations answered
// through the cluster's caches (cluster.h), for requests that came through
// its endpoint (RequestContext::daxCluster).
//  - GetItem and BatchGetItem, eventually consistent: the item cache, per
//    key; misses read the table and are stored.
//  - Query and Scan, eventually consistent: the query cache, by the whole
//    request.
//  - ConsistentRead and TransactGetItems: the table, nothing cached.
//  - PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems:
//    the table; once the write succeeded, each written item as the table
//    now holds it goes into the item cache (a deleted one as "no such
//    item"). A failed write leaves the caches as they were.
//  - Every other operation of DynamoDB (tables, PartiQL, TTL, backups, ...):
//    a ValidationException with the DAX client's text, "createTable is not
//    supported for DAX. Use DynamoDB instead.". (DAX's control plane and
//    Dynamodesk's own operations are answered as if sent to the endpoint.)
// Threads: as any operation handler.
#pragma once

#include "api/opcontext.h"

namespace dd::api {
struct GetItemRequest;
struct PutItemRequest;
}

namespace dd::cache {

class Cluster;

// Runs `operation` (whose engine handler is `handler`) through `cluster`.
Result<QByteArray> callThroughCluster(api::OpContext &ctx, Cluster &cluster, QStringView operation, const QJsonObject &request,
                                      api::OpHandler handler);
// The same for a GetItem and a PutItem read straight from their bytes (api/fastrequest.h).
Result<QByteArray> getItemThroughCluster(api::OpContext &ctx, Cluster &cluster, const api::GetItemRequest &request);
Result<QByteArray> putItemThroughCluster(api::OpContext &ctx, Cluster &cluster, const api::PutItemRequest &request);

} // namespace dd::cache
