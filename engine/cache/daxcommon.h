// Pieces the DAX control plane's operations share (daxops.cpp,
// daxgroupops.cpp): faults, identifiers, paging and events.
// Threads: plain functions, any thread.
#pragma once

#include "api/opcontext.h"
#include "cache/daxstore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace dd::cache::dax {

inline QString p(const char *s) { return QString::fromLatin1(s); }

inline ApiError fault(const char *type, const QString &message) { return ApiError(p(type), message); }
inline ApiError invalidValue(const QString &message) { return fault("InvalidParameterValueException", message); }

// The default parameter group every region has, and its values.
inline const QString kDefaultParameterGroup = QStringLiteral("default.dax1.0");
inline const QString kDefaultSubnetGroup = QStringLiteral("default");
constexpr qint64 kDefaultTtlMs = 300000;
// How long a cluster stays creating, modifying or deleting with
// EngineOptions::delayTransientStatuses (AWS: minutes).
constexpr qint64 kTransientMs = 2000;

constexpr int kMaxTagsPerCluster = 50;

inline ApiError clusterNotFound() { return fault("ClusterNotFoundFault", p("Cluster not found.")); }

// Changes the live cluster `name` in one write: `change` edits its stored
// description (or fails: ClusterNotFoundFault if there is none); the
// description is stored again. Returns it.
Result<QJsonObject> changeCluster(api::OpContext &ctx, const QString &name,
                                  const std::function<Result<void>(storage::WriteTxn &, QJsonObject &)> &change);

// Whether `name` is an identifier as DAX's names are: a letter first, then
// ASCII letters, digits and hyphens, no hyphen at the end and no two in a
// row, at most `maxLength` characters.
bool isIdentifier(const QString &name, int maxLength);
// InvalidParameterValueException for a cluster name that is not one (moto's text).
std::optional<ApiError> checkClusterName(const QString &name);

QString clusterArn(const api::OpContext &ctx, const QString &name);

// One page of `all` (sorted by name) after NextToken, of MaxResults (20 to
// 100, default 100): the page goes into `out` under `member`, and NextToken
// when more follow.
Result<void> page(const QJsonObject &req, const std::vector<QJsonObject> &all, const QString &member, QJsonObject *out);

// The resources of `all` that `names` name (member `member` of each, names
// compared lower-case), in the order named; `notFound(name)` for the first
// one missing.
Result<std::vector<QJsonObject>> pick(const std::vector<QJsonObject> &all, const QJsonArray &names, const QString &member,
                                      const std::function<ApiError(const QString &name)> &notFound);

// Records an event (DescribeEvents) in the write `txn`.
Result<void> recordEvent(storage::WriteTxn &txn, const QString &sourceName, const QString &sourceType, const QString &message);

// The clusters of the region that are not gone (a "deleting" one whose time
// passed is gone), read in `c` at `nowMs`, settled: a cluster whose
// transient status ended shows its next status.
Result<std::vector<QJsonObject>> liveClusters(storage::Connection &c, qint64 nowMs);
// The cluster `name` (lower-cased), settled; nothing if there is none.
Result<std::optional<QJsonObject>> liveCluster(storage::Connection &c, const QString &name, qint64 nowMs);

} // namespace dd::cache::dax
