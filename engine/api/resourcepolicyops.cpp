#include "api/resourcepolicyops.h"

#include "security/credentials.h"
#include "security/permissions.h"
#include "streams/streamstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// AWS blocks a further change for this long after one (emulated with
// delayTransientStatuses, as AWS's other waits are).
constexpr qint64 kPolicyCooldownMs = 15000;

const QString kNoPolicy = QStringLiteral("NO_POLICY");

// What a ResourceArn names: a table, or one of its streams.
struct PolicyResource {
    std::shared_ptr<const storage::TableDef> table;
    QString tableArn;
    QString streamLabel; // empty: the table itself
    QString arn;         // as given
};

// Finds the table (and stream) of a ResourceArn, with AWS's errors for
// every other form of ARN.
Result<PolicyResource> resolve(OpContext &ctx, const QString &arn)
{
    const auto invalid = [&](const QString &why) { return ApiError::validation(p("One or more parameter values were invalid: ") + why); };
    if (!arn.startsWith(u"arn:"))
        return invalid(QStringLiteral("ARNs must start with 'arn:': %1").arg(arn));
    static const QRegularExpression re(QStringLiteral("^arn:([^:]*):dynamodb:([^:]*):([^:]*):table/([^/]+)(?:/(stream|index|backup|export|import)/(.+))?$"));
    const QRegularExpressionMatch m = re.match(arn);
    if (!m.hasMatch())
        return invalid(QStringLiteral("Invalid resource Arn: %1").arg(arn));
    if (m.captured(3) != ctx.request.accountId)
        return ApiError::validation(QStringLiteral("This action is only supported by accounts that match the resource owner\u2019s account."));
    if (m.captured(1) != u"aws" || m.captured(2) != ctx.db.region())
        return invalid(QStringLiteral("Invalid resource Arn: %1").arg(arn));
    const QString kind = m.captured(5);
    if (kind == u"index")
        return invalid(QStringLiteral("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: %1").arg(arn));
    if (!kind.isEmpty() && kind != u"stream")
        return invalid(QStringLiteral("Provided Arn is not a DynamoDB resource arn: %1").arg(arn));
    const QString name = m.captured(4);
    auto table = ctx.db.table(name);
    if (!table || table->restoring)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Table: %1 not found").arg(name));
    PolicyResource out{table, QStringLiteral("arn:aws:dynamodb:%1:%2:table/%3").arg(ctx.db.region(), ctx.request.accountId, name),
                       kind == u"stream" ? m.captured(6) : QString(), arn};
    if (!out.streamLabel.isEmpty()) {
        // One of the table's streams, open or closed.
        Result<std::optional<streams::StreamInfo>> stream = ctx.db.read<std::optional<streams::StreamInfo>>(
            [&](storage::Connection &c) { return streams::StreamStore::find(c, out.tableArn + QStringLiteral("/stream/") + out.streamLabel); });
        if (!stream.ok())
            return stream.error();
        if (!*stream || (*stream)->tableName != name)
            return ApiError::resourceNotFound(
                QStringLiteral("Requested resource not found: Stream: %1 not found for Table: %2").arg(out.streamLabel, name));
    }
    return out;
}

// The slot of a resource's policy in its table's description.
QJsonObject slotOf(const QJsonObject &description, const QString &streamLabel)
{
    if (streamLabel.isEmpty())
        return description.value(p("_ResourcePolicy")).toObject();
    return description.value(p("_StreamResourcePolicies")).toObject().value(streamLabel).toObject();
}

void storeSlot(QJsonObject &description, const QString &streamLabel, const QJsonObject &slot)
{
    if (streamLabel.isEmpty()) {
        description.insert(p("_ResourcePolicy"), slot);
        return;
    }
    QJsonObject all = description.value(p("_StreamResourcePolicies")).toObject();
    all.insert(streamLabel, slot);
    description.insert(p("_StreamResourcePolicies"), all);
}

bool hasPolicy(const QJsonObject &slot) { return slot.contains(p("Policy")); }

// "table Orders" / "stream 2026-11-27T10:00:00.000", as AWS's messages name a slot.
QString slotName(const PolicyResource &r)
{
    return r.streamLabel.isEmpty() ? QStringLiteral("table %1").arg(r.table->name) : QStringLiteral("stream %1").arg(r.streamLabel);
}

ApiError policyNotFound(const QString &m) { return {p("PolicyNotFoundException"), m}; }

// ExpectedRevisionId against the slot: nothing when it may proceed.
std::optional<ApiError> checkExpectedRevision(const QJsonObject &req, const QJsonObject &slot, const PolicyResource &r)
{
    if (!req.contains(p("ExpectedRevisionId")))
        return std::nullopt;
    const QString expected = req.value(p("ExpectedRevisionId")).toString();
    const QString prefix = p("Resource-based policy not found for the provided ResourceArn: ");
    const QString current = slot.value(p("RevisionId")).toString();
    if (expected == kNoPolicy) {
        if (!hasPolicy(slot))
            return std::nullopt;
        return policyNotFound(prefix + QStringLiteral("Requested policy update expecting none to be present for %1, but a policy exists with revision id %2.")
                                           .arg(slotName(r), current));
    }
    if (hasPolicy(slot) && expected == current)
        return std::nullopt;
    if (!hasPolicy(slot))
        return policyNotFound(prefix + QStringLiteral("Requested update for policy with revision id %1, but %2 has no associated policy.")
                                           .arg(expected, slotName(r)));
    return policyNotFound(prefix + QStringLiteral("Requested update for policy with revision id %1, but the policy associated to target %2 has revision id %3.")
                                       .arg(expected, slotName(r), current));
}

// A change within AWS's 15 s of the last one, when AWS's waits are emulated.
std::optional<ApiError> checkCooldown(OpContext &ctx, const QJsonObject &slot, const PolicyResource &r, qint64 nowMs)
{
    if (!ctx.options.delayTransientStatuses || !slot.contains(p("ChangedMs")))
        return std::nullopt;
    const qint64 until = slot.value(p("ChangedMs")).toInteger() + kPolicyCooldownMs;
    if (nowMs >= until)
        return std::nullopt;
    return ApiError(p("ThrottlingException"),
                    QStringLiteral("Resource-based policy for %1 modified within the previous %2 milliseconds. Please try again after %3.")
                        .arg(slotName(r))
                        .arg(kPolicyCooldownMs)
                        .arg(QDateTime::fromMSecsSinceEpoch(until, Qt::UTC).toString(Qt::ISODateWithMs)));
}

// The next RevisionId of a slot: now, in epoch milliseconds, after its last one.
qint64 nextRevision(const QJsonObject &slot, qint64 nowMs)
{
    const qint64 last = slot.value(p("RevisionId")).toString().toLongLong();
    return std::max(nowMs, last + 1);
}

// Whether the users the endpoint knows include `arn` (any, without --auth).
std::function<bool(const QString &)> principalCheck(const OpContext &ctx)
{
    const std::shared_ptr<const security::Credentials> users = ctx.request.users;
    if (!users)
        return {};
    const QString account = ctx.request.accountId;
    return [users, account](const QString &arn) { return users->hasUserArn(arn, account); };
}

} // namespace

Result<QByteArray> putResourcePolicy(OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("ResourceArn")).toString();
    const QString text = req.value(p("Policy")).toString();
    struct Done {
        QString revision;
    };
    auto done = ctx.db.write<Done>([&](storage::WriteTxn &txn) -> Result<Done> {
        DD_ASSIGN(PolicyResource r, resolve(ctx, arn));
        security::PolicyTarget target{r.tableArn, r.streamLabel.isEmpty() ? QString() : r.arn, ctx.request.accountId, principalCheck(ctx)};
        DD_ASSIGN(security::ResourcePolicyDocument document, security::readResourcePolicy(text, target));
        const QJsonObject slot = slotOf(r.table->description, r.streamLabel);
        if (auto e = checkExpectedRevision(req, slot, r))
            return *e;
        // The same policy again changes nothing, not even its revision.
        if (hasPolicy(slot) && slot.value(p("Sameness")).toString() == document.sameness)
            return Done{slot.value(p("RevisionId")).toString()};
        const qint64 now = ctx.clock->nowMs();
        if (auto e = checkCooldown(ctx, slot, r, now))
            return *e;
        // A policy that would deny its author further changes needs their confirmation.
        if (ctx.request.principal && !req.value(p("ConfirmRemoveSelfResourceAccess")).toBool()) {
            const security::PolicySubject subject{ctx.request.principal->arn(ctx.request.accountId), ctx.request.accountId};
            // The caller as enforcement sees it (security/permissions.h).
            const security::ConditionContext caller = security::globalKeys(
                *ctx.request.principal, ctx.request.accountId, {ctx.db.region(), ctx.request.sourceIp, false, now});
            if (document.policy->evaluate(subject, p("dynamodb:PutResourcePolicy"), r.arn, caller)
                == security::Policy::Decision::ExplicitDeny)
                return ApiError::accessDenied(p("The new resource policy will not allow you to update the resource policy in the future."));
        }
        const QString revision = QString::number(nextRevision(slot, now));
        QJsonObject desc = r.table->description;
        storeSlot(desc, r.streamLabel,
                  QJsonObject{{p("Policy"), document.canonical}, {p("Sameness"), document.sameness}, {p("RevisionId"), revision},
                              {p("ChangedMs"), now}});
        DD_CHECK(ctx.db.updateTable(txn, *r.table, desc));
        return Done{revision};
    });
    if (!done.ok())
        return done.error();
    return toBody({{p("RevisionId"), done->revision}});
}

Result<QByteArray> getResourcePolicy(OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("ResourceArn")).toString();
    DD_ASSIGN(PolicyResource r, resolve(ctx, arn));
    const QJsonObject slot = slotOf(r.table->description, r.streamLabel);
    if (!hasPolicy(slot))
        return policyNotFound(QStringLiteral("Resource-based policy not found for the provided ResourceArn: %1").arg(arn));
    return toBody({{p("Policy"), slot.value(p("Policy"))}, {p("RevisionId"), slot.value(p("RevisionId"))}});
}

Result<QByteArray> deleteResourcePolicy(OpContext &ctx, const QJsonObject &req)
{
    const QString arn = req.value(p("ResourceArn")).toString();
    auto done = ctx.db.write<QString>([&](storage::WriteTxn &txn) -> Result<QString> {
        DD_ASSIGN(PolicyResource r, resolve(ctx, arn));
        const QJsonObject slot = slotOf(r.table->description, r.streamLabel);
        if (auto e = checkExpectedRevision(req, slot, r))
            return *e;
        // Nothing to delete: the revision of the last deletion, if any.
        if (!hasPolicy(slot))
            return slot.value(p("RevisionId")).toString();
        const qint64 now = ctx.clock->nowMs();
        if (auto e = checkCooldown(ctx, slot, r, now))
            return *e;
        const QString removed = slot.value(p("RevisionId")).toString();
        QJsonObject desc = r.table->description;
        storeSlot(desc, r.streamLabel, QJsonObject{{p("RevisionId"), QString::number(nextRevision(slot, now))}, {p("ChangedMs"), now}});
        DD_CHECK(ctx.db.updateTable(txn, *r.table, desc));
        return removed;
    });
    if (!done.ok())
        return done.error();
    if (done->isEmpty())
        return toBody({});
    return toBody({{p("RevisionId"), *done}});
}

Result<void> attachCreatePolicy(OpContext &ctx, const QString &policy, const QString &tableArn, QJsonObject &description, qint64 nowMs)
{
    security::PolicyTarget target{tableArn, QString(), ctx.request.accountId, principalCheck(ctx)};
    DD_ASSIGN(security::ResourcePolicyDocument document, security::readResourcePolicy(policy, target));
    description.insert(p("_ResourcePolicy"), QJsonObject{{p("Policy"), document.canonical}, {p("Sameness"), document.sameness},
                                                         {p("RevisionId"), QString::number(nowMs)}, {p("ChangedMs"), nowMs}});
    return {};
}

QString governingPolicy(const storage::TableDef &table, const QString &resourceArn)
{
    const qsizetype stream = resourceArn.indexOf(u"/stream/");
    const QJsonObject slot = slotOf(table.description, stream < 0 ? QString() : resourceArn.mid(stream + 8));
    return slot.value(p("Policy")).toString();
}

} // namespace dd::api
