// Dynamodesk's own operations for local triggers (engine names
// "Dynamodesk.<Op>", on the wire "Dynamodesk_20261101.<Op>"):
//   CreateTrigger   the settings (TriggerConfig's keys), plus
//                   WaitForStream (bool): accept a table that does not exist
//                     or has no stream yet; the trigger waits for one;
//                   ReplaceExisting (bool): replace a trigger of that name,
//                     keeping its checkpoint if its table is the same
//                   -> {"Trigger": {...}}
//   UpdateTrigger   TriggerName and the settings to change (Enabled false
//                   pauses, true resumes) -> {"Trigger": {...}}
//   DeleteTrigger   TriggerName -> {"Trigger": {...}} (State DELETING)
//   DescribeTrigger TriggerName -> {"Trigger": {... RecentRuns, RecentFailures}}
//   ListTriggers    TableName (optional) -> {"Triggers": [...]}
// Not in AWS's service model: requests are validated here.
#include "api/opcontext.h"
#include "triggers/triggerconfig.h"
#include "triggers/triggermanager.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

namespace dd::api {

namespace {

using triggers::TriggerConfig;
using triggers::TriggerStatus;

QString p(const char *s) { return QString::fromLatin1(s); }

Result<triggers::TriggerManager *> managerOf(OpContext &ctx)
{
    if (!ctx.triggers)
        return ApiError::unknownOperation(p("Local triggers are not available in this engine"));
    return ctx.triggers;
}

Result<QString> requiredName(const QJsonObject &req, const QStringList &allowed)
{
    for (auto it = req.begin(); it != req.end(); ++it)
        if (!allowed.contains(it.key()))
            return ApiError::validation(QStringLiteral("Unknown parameter '%1'; expected one of: %2").arg(it.key(), allowed.join(QStringLiteral(", "))));
    const QJsonValue v = req.value(p("TriggerName"));
    if (!v.isString() || v.toString().isEmpty())
        return ApiError::validation(p("TriggerName is required"));
    return v.toString();
}

Result<bool> optionalBool(const QJsonObject &req, const char *key)
{
    const QJsonValue v = req.value(p(key));
    if (v.isUndefined())
        return false;
    if (!v.isBool())
        return ApiError::validation(QStringLiteral("%1 must be true or false").arg(p(key)));
    return v.toBool();
}

QByteArray triggerBody(const TriggerStatus &s, bool withLog)
{
    return toBody({{p("Trigger"), s.toJson(withLog)}});
}

// Lambda refuses a mapping to a table without a stream; so does CreateTrigger
// (unless WaitForStream).
Result<void> requireStream(OpContext &ctx, const QString &table)
{
    const auto def = ctx.db.table(table);
    if (!def)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: Table: %1 not found").arg(table));
    const QJsonObject spec = def->description.value(p("StreamSpecification")).toObject();
    if (!spec.value(p("StreamEnabled")).toBool())
        return ApiError::validation(QStringLiteral("Stream not enabled for table %1: enable its stream (StreamSpecification) "
                                                   "before attaching a trigger, or pass WaitForStream")
                                        .arg(table));
    return {};
}

// A Command runs a shell command as this process: refused for callers that
// may be on another machine (RequestContext::commandTriggersAllowed).
Result<void> checkCommandAllowed(const OpContext &ctx, const QJsonObject &req)
{
    const QJsonValue command = req.value(p("Command"));
    if (ctx.request.commandTriggersAllowed || command.isUndefined() || command.isNull())
        return {};
    return ApiError::accessDenied(p("Command triggers are disabled on this endpoint: it listens beyond the loopback interface, "
                                    "and a Command runs a shell command on the server. Use a Url target, or start "
                                    "dynamodesk-server with --allow-command-triggers"));
}

} // namespace

Result<QByteArray> createTrigger(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(triggers::TriggerManager *manager, managerOf(ctx));
    DD_CHECK(checkCommandAllowed(ctx, req));
    DD_ASSIGN(const TriggerConfig config, TriggerConfig::fromCreateRequest(req, {p("WaitForStream"), p("ReplaceExisting")}));
    DD_ASSIGN(const bool waitForStream, optionalBool(req, "WaitForStream"));
    DD_ASSIGN(const bool replace, optionalBool(req, "ReplaceExisting"));
    if (!waitForStream)
        DD_CHECK(requireStream(ctx, config.table));
    if (!config.onFailureFile.isEmpty() && !QFileInfo(QFileInfo(config.onFailureFile).absolutePath()).isDir())
        return ApiError::validation(QStringLiteral("OnFailureFile's folder does not exist: %1").arg(QFileInfo(config.onFailureFile).absolutePath()));
    DD_ASSIGN(const TriggerStatus status, manager->create(ctx.db, config, replace));
    return triggerBody(status, false);
}

Result<QByteArray> updateTrigger(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(triggers::TriggerManager *manager, managerOf(ctx));
    const QJsonValue name = req.value(p("TriggerName"));
    if (!name.isString() || name.toString().isEmpty())
        return ApiError::validation(p("TriggerName is required"));
    DD_CHECK(checkCommandAllowed(ctx, req));
    const QString failureFile = req.value(p("OnFailureFile")).toString();
    if (!failureFile.isEmpty() && !QFileInfo(QFileInfo(failureFile).absolutePath()).isDir())
        return ApiError::validation(QStringLiteral("OnFailureFile's folder does not exist: %1").arg(QFileInfo(failureFile).absolutePath()));
    DD_ASSIGN(const TriggerStatus status, manager->update(ctx.db, name.toString(), req));
    return triggerBody(status, false);
}

Result<QByteArray> deleteTrigger(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(triggers::TriggerManager *manager, managerOf(ctx));
    DD_ASSIGN(const QString name, requiredName(req, {p("TriggerName")}));
    DD_ASSIGN(const TriggerStatus status, manager->remove(ctx.db, name));
    return triggerBody(status, false);
}

Result<QByteArray> describeTrigger(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(triggers::TriggerManager *manager, managerOf(ctx));
    DD_ASSIGN(const QString name, requiredName(req, {p("TriggerName")}));
    DD_ASSIGN(const TriggerStatus status, manager->describe(ctx.db, name));
    return triggerBody(status, true);
}

Result<QByteArray> listTriggers(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(triggers::TriggerManager *manager, managerOf(ctx));
    for (auto it = req.begin(); it != req.end(); ++it)
        if (it.key() != QLatin1String("TableName"))
            return ApiError::validation(QStringLiteral("Unknown parameter '%1'; expected one of: TableName").arg(it.key()));
    const QJsonValue table = req.value(p("TableName"));
    if (!table.isUndefined() && !table.isString())
        return ApiError::validation(p("TableName must be a string"));
    QJsonArray out;
    for (const TriggerStatus &s : manager->list(ctx.db, table.toString()))
        out.append(s.toJson(false));
    return toBody({{p("Triggers"), out}});
}

} // namespace dd::api
