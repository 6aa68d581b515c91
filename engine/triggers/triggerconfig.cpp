#include "triggers/triggerconfig.h"

#include <QRegularExpression>
#include <QUrl>

namespace dd::triggers {

namespace {

QString k(const char *s) { return QString::fromLatin1(s); }

// The service model's wording for a member out of range ("batchSize" as the
// member name, lower camel case, as AWS's messages spell it).
ApiError outOfRange(const char *member, qint64 value, const char *relation, qint64 bound)
{
    return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at '%2' failed to satisfy constraint: "
                                               "Member must have value %3 %4")
                                    .arg(value)
                                    .arg(k(member), k(relation))
                                    .arg(bound));
}

const QStringList &settingKeys()
{
    static const QStringList keys{k("TriggerName"), k("TableName"), k("Command"), k("Url"), k("BatchSize"),
                                  k("MaximumBatchingWindowInSeconds"), k("StartingPosition"), k("MaximumRetryAttempts"),
                                  k("BisectBatchOnFunctionError"), k("OnFailureFile"), k("TimeoutSeconds"), k("Enabled")};
    return keys;
}

Result<void> checkKeys(const QJsonObject &request, const QStringList &ignored)
{
    for (auto it = request.begin(); it != request.end(); ++it)
        if (!settingKeys().contains(it.key()) && !ignored.contains(it.key()))
            return ApiError::validation(QStringLiteral("Unknown parameter '%1'; expected one of: %2")
                                            .arg(it.key(), (settingKeys() + ignored).join(QStringLiteral(", "))));
    return {};
}

Result<QString> stringOf(const QJsonObject &r, const char *key)
{
    const QJsonValue v = r.value(k(key));
    if (!v.isString())
        return ApiError::validation(QStringLiteral("%1 must be a string").arg(k(key)));
    return v.toString();
}

Result<bool> boolOf(const QJsonObject &r, const char *key)
{
    const QJsonValue v = r.value(k(key));
    if (!v.isBool())
        return ApiError::validation(QStringLiteral("%1 must be true or false").arg(k(key)));
    return v.toBool();
}

Result<int> intOf(const QJsonObject &r, const char *key, const char *member, int min, int max)
{
    const QJsonValue v = r.value(k(key));
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d)))
        return ApiError::validation(QStringLiteral("%1 must be an integer").arg(k(key)));
    if (d < min)
        return outOfRange(member, qint64(d), "greater than or equal to", min);
    if (d > max)
        return outOfRange(member, qint64(d), "less than or equal to", max);
    return int(d);
}

Result<void> checkUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("http") || u.host().isEmpty())
        return ApiError::validation(QStringLiteral("Url must be an http:// URL with a host (https is not supported): %1").arg(url));
    return {};
}

// Reads the keys present in `r` into `c`.
Result<void> apply(TriggerConfig &c, const QJsonObject &r, bool creating)
{
    if (r.contains(k("Command")) && r.contains(k("Url")))
        return ApiError::validation(k("Specify either Command or Url, not both"));
    if (r.contains(k("Command"))) {
        DD_ASSIGN(c.command, stringOf(r, "Command"));
        if (c.command.trimmed().isEmpty())
            return ApiError::validation(k("Command must not be empty"));
        c.url.clear();
    }
    if (r.contains(k("Url"))) {
        DD_ASSIGN(c.url, stringOf(r, "Url"));
        DD_CHECK(checkUrl(c.url));
        c.command.clear();
    }
    if (r.contains(k("BatchSize"))) {
        DD_ASSIGN(c.batchSize, intOf(r, "BatchSize", "batchSize", TriggerConfig::kMinBatchSize, TriggerConfig::kMaxBatchSize));
    }
    if (r.contains(k("MaximumBatchingWindowInSeconds"))) {
        DD_ASSIGN(c.batchingWindowSeconds, intOf(r, "MaximumBatchingWindowInSeconds", "maximumBatchingWindowInSeconds", 0,
                                                 TriggerConfig::kMaxBatchingWindowSeconds));
    }
    if (r.contains(k("StartingPosition"))) {
        if (!creating)
            return ApiError::validation(k("StartingPosition cannot be changed; delete the trigger and create it again"));
        DD_ASSIGN(const QString position, stringOf(r, "StartingPosition"));
        if (position != QLatin1String("TRIM_HORIZON") && position != QLatin1String("LATEST"))
            return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'startingPosition' failed to satisfy "
                                                       "constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST]")
                                            .arg(position));
        c.startAtTrimHorizon = position == QLatin1String("TRIM_HORIZON");
    }
    if (r.contains(k("MaximumRetryAttempts"))) {
        DD_ASSIGN(c.maximumRetryAttempts, intOf(r, "MaximumRetryAttempts", "maximumRetryAttempts", -1, TriggerConfig::kMaxRetryAttempts));
    }
    if (r.contains(k("BisectBatchOnFunctionError"))) {
        DD_ASSIGN(c.bisectOnError, boolOf(r, "BisectBatchOnFunctionError"));
    }
    if (r.contains(k("OnFailureFile"))) {
        DD_ASSIGN(c.onFailureFile, stringOf(r, "OnFailureFile"));
    }
    if (r.contains(k("TimeoutSeconds"))) {
        DD_ASSIGN(c.timeoutSeconds, intOf(r, "TimeoutSeconds", "timeoutSeconds", TriggerConfig::kMinTimeoutSeconds,
                                          TriggerConfig::kMaxTimeoutSeconds));
    }
    if (r.contains(k("Enabled"))) {
        DD_ASSIGN(c.enabled, boolOf(r, "Enabled"));
    }
    return {};
}

} // namespace

Result<TriggerConfig> TriggerConfig::fromCreateRequest(const QJsonObject &request, const QStringList &ignoredKeys)
{
    DD_CHECK(checkKeys(request, ignoredKeys));
    TriggerConfig c;
    if (!request.contains(k("TriggerName")))
        return ApiError::validation(k("TriggerName is required"));
    DD_ASSIGN(c.name, stringOf(request, "TriggerName"));
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    if (!validName.match(c.name).hasMatch())
        return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'triggerName' failed to satisfy constraint: "
                                                   "Member must satisfy regular expression pattern: [A-Za-z0-9_.-]{1,64}")
                                        .arg(c.name));
    if (!request.contains(k("TableName")))
        return ApiError::validation(k("TableName is required"));
    DD_ASSIGN(c.table, stringOf(request, "TableName"));
    static const QRegularExpression validTable(QStringLiteral("^[a-zA-Z0-9_.-]{3,255}$"));
    if (!validTable.match(c.table).hasMatch())
        return ApiError::validation(QStringLiteral("1 validation error detected: Value '%1' at 'tableName' failed to satisfy constraint: "
                                                   "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255")
                                        .arg(c.table));
    DD_CHECK(apply(c, request, true));
    if (c.command.isEmpty() && c.url.isEmpty())
        return ApiError::validation(k("Either Command or Url is required"));
    return c;
}

Result<TriggerConfig> TriggerConfig::updatedBy(const QJsonObject &request) const
{
    DD_CHECK(checkKeys(request, {}));
    if (request.contains(k("TableName")) && request.value(k("TableName")).toString() != table)
        return ApiError::validation(k("TableName cannot be changed; delete the trigger and create it again"));
    TriggerConfig c = *this;
    QJsonObject changes = request;
    changes.remove(k("TriggerName"));
    changes.remove(k("TableName"));
    DD_CHECK(apply(c, changes, false));
    return c;
}

QJsonObject TriggerConfig::toJson() const
{
    QJsonObject o{
        {k("TriggerName"), name},
        {k("TableName"), table},
        {k("BatchSize"), batchSize},
        {k("MaximumBatchingWindowInSeconds"), batchingWindowSeconds},
        {k("StartingPosition"), startAtTrimHorizon ? k("TRIM_HORIZON") : k("LATEST")},
        {k("MaximumRetryAttempts"), maximumRetryAttempts},
        {k("BisectBatchOnFunctionError"), bisectOnError},
        {k("TimeoutSeconds"), timeoutSeconds},
        {k("Enabled"), enabled},
    };
    if (!command.isEmpty())
        o.insert(k("Command"), command);
    if (!url.isEmpty())
        o.insert(k("Url"), url);
    if (!onFailureFile.isEmpty())
        o.insert(k("OnFailureFile"), onFailureFile);
    return o;
}

} // namespace dd::triggers
