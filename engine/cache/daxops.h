// The control plane of DAX (service "dax", API 2017-04-19, on the wire
// "AmazonDAXV3.<Op>" in JSON 1.1; engine operations "Dax.<Op>"): clusters,
// parameter groups, subnet groups, tags and events, with AWS's shapes and
// fault names, in the region's database (daxstore.h).
//
// What cannot apply on one machine is kept in form: IamRoleArn is checked
// as an ARN and never assumed; subnet and security groups are recorded
// (the region has a "default" subnet group); a cluster's nodes are one
// cache. A cluster's endpoint is this endpoint's /dax/<name> path, where a
// DynamoDB client (any SDK, the AWS CLI) reaches its caches; AWS shows
// dax://<name>.<id>.dax-clusters.<region>.amazonaws.com instead.
// With EngineOptions::delayTransientStatuses a cluster is "creating",
// "modifying" or "deleting" for a while, as on AWS; otherwise changes are
// done when the call returns.
//
// Messages: AWS documents few of them. Those of moto (checked against AWS
// for cluster names and IAM role ARNs) are used where they exist; the rest
// follow the fault's documentation ("The requested DAX cluster is not in
// the available state").
// Threads: as any operation handler.
#pragma once

#include "api/opcontext.h"

namespace dd::cache {

// Clusters (daxops.cpp).
Result<QByteArray> createCluster(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeClusters(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> updateCluster(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> deleteCluster(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> increaseReplicationFactor(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> decreaseReplicationFactor(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> rebootNode(api::OpContext &ctx, const QJsonObject &req);
// Tags, events and metrics (daxclusterinfoops.cpp).
Result<QByteArray> tagResource(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> untagResource(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> listTags(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeEvents(api::OpContext &ctx, const QJsonObject &req);
// Dynamodesk.DescribeClusterMetrics {"ClusterName"}: what AWS publishes to
// CloudWatch for the cluster, counted since it started here:
// {"ClusterName", "Metrics": {"ItemCacheHits": n, ..., "EstimatedDbSize":
// bytes, "EvictedSize": bytes, "CacheMemoryUtilization": percent},
// "ItemCount": entries of both caches, "CacheBudgetBytes": bytes}.
// A cluster no request has come through yet has every count 0.
Result<QByteArray> describeClusterMetrics(api::OpContext &ctx, const QJsonObject &req);

// Parameter groups and subnet groups (daxgroupops.cpp).
Result<QByteArray> createParameterGroup(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeParameterGroups(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> updateParameterGroup(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> deleteParameterGroup(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeParameters(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeDefaultParameters(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> createSubnetGroup(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> describeSubnetGroups(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> updateSubnetGroup(api::OpContext &ctx, const QJsonObject &req);
Result<QByteArray> deleteSubnetGroup(api::OpContext &ctx, const QJsonObject &req);

} // namespace dd::cache
