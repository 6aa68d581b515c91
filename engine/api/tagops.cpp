// TagResource, UntagResource, ListTagsOfResource. Tags live in the table's
// stored description (member _Tags), so they go with the table.
#include "api/tablearn.h"
#include "api/tableops.h"
#include "model/limits.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace dd::api {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// Resolves a table ARN to the table, with AWS's errors for malformed ARNs.
Result<std::shared_ptr<const storage::TableDef>> tableFromArn(OpContext &ctx, const QJsonObject &req, const char *action)
{
    const QString arn = req.value(p("ResourceArn")).toString();
    static const QRegularExpression loose(QStringLiteral("^.+:.+:.+:.+:.+:.+/.+$"));
    if (!loose.match(arn).hasMatch())
        return ApiError::accessDenied(QStringLiteral("User: arn:aws:iam::%1:user/dynamodesk is not authorized to perform: dynamodb:%2 on resource: %3")
                                          .arg(ctx.request.accountId, p(action), arn.isEmpty() ? p("*") : arn));
    // Any region and numeric account here; a name of 3 to 255 characters
    // (code points), any but '/'.
    const std::optional<TableArn> parts = parseTableArn(arn);
    const auto digits = [](const QString &s) {
        return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
    };
    const qsizetype nameLength = parts ? QStringView(parts->name).toUcs4().size() : 0;
    if (!parts || parts->partition != u"aws" || parts->region.isEmpty() || !digits(parts->account) || nameLength < 3
        || nameLength > 255 || parts->name.contains(u'/'))
        return ApiError::validation(QStringLiteral("Invalid TableArn: Invalid ResourceArn provided as input %1").arg(arn));
    auto table = ctx.db.table(parts->name);
    if (!table || parts->region != ctx.db.region() || parts->account != ctx.request.accountId)
        return ApiError::resourceNotFound(QStringLiteral("Requested resource not found: ResourcArn: %1 not found").arg(arn));
    return table;
}

} // namespace

std::optional<QString> checkTags(const QJsonArray &tags)
{
    static const QRegularExpression allowed(QStringLiteral("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$"));
    for (const auto &t : tags) {
        const QString key = t.toObject().value(p("Key")).toString();
        const QString value = t.toObject().value(p("Value")).toString();
        if (key.startsWith(p("aws:"), Qt::CaseInsensitive))
            return QStringLiteral("One or more parameter values were invalid: Tag keys starting with aws: are reserved for AWS; key: %1").arg(key);
        const auto refused = [](const char *what, const QString &s) {
            return QStringLiteral("One or more parameter values were invalid: Tag %1 %2 has characters that tags cannot have; "
                                  "allowed are letters, numbers, white space and _ . : / = + - @").arg(p(what), s);
        };
        if (!allowed.match(key).hasMatch())
            return refused("key", key);
        if (!allowed.match(value).hasMatch())
            return refused("value", value);
    }
    return std::nullopt;
}

Result<QByteArray> tagResource(OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray tags = req.value(p("Tags")).toArray();
    if (tags.isEmpty())
        return ApiError::validation(p("Atleast one Tag needs to be provided as Input."));
    if (auto m = checkTags(tags))
        return ApiError::validation(*m);
    auto done = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(auto table, tableFromArn(ctx, req, "TagResource"));
        QJsonObject desc = table->description;
        QJsonArray current = desc.value(p("_Tags")).toArray();
        for (const auto &t : tags) {
            const QString key = t.toObject().value(p("Key")).toString();
            for (qsizetype i = 0; i < current.size(); ++i)
                if (current.at(i).toObject().value(p("Key")).toString() == key)
                    current.removeAt(i--);
            current.append(t);
        }
        if (current.size() > model::kMaxTagsPerResource)
            return ApiError::limitExceeded(QStringLiteral("The maximum number of tags (%1) per resource has been exceeded").arg(model::kMaxTagsPerResource));
        desc.insert(p("_Tags"), current);
        DD_CHECK(ctx.db.updateTable(txn, *table, desc));
        return true;
    });
    if (!done.ok())
        return done.error();
    return QByteArray();
}

Result<QByteArray> untagResource(OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray keys = req.value(p("TagKeys")).toArray();
    if (keys.isEmpty())
        return ApiError::validation(p("Atleast one Tag Key needs to be provided as Input."));
    auto done = ctx.db.write<bool>([&](storage::WriteTxn &txn) -> Result<bool> {
        DD_ASSIGN(auto table, tableFromArn(ctx, req, "UntagResource"));
        QJsonObject desc = table->description;
        QJsonArray current = desc.value(p("_Tags")).toArray();
        for (const auto &k : keys)
            for (qsizetype i = 0; i < current.size(); ++i)
                if (current.at(i).toObject().value(p("Key")).toString() == k.toString())
                    current.removeAt(i--);
        desc.insert(p("_Tags"), current);
        DD_CHECK(ctx.db.updateTable(txn, *table, desc));
        return true;
    });
    if (!done.ok())
        return done.error();
    return QByteArray();
}

Result<QByteArray> listTagsOfResource(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(auto table, tableFromArn(ctx, req, "ListTagsOfResource"));
    return toBody({{p("Tags"), table->description.value(p("_Tags")).toArray()}});
}

} // namespace dd::api
