#include "common/tableencryption.h"

#include "api/kmskeys.h"

#include <QRegularExpression>
#include <QStringList>

namespace dd::ui {

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

} // namespace

QString TableEncryption::awsManagedKeyArn(const QString &region, const QString &account)
{
    return api::kmsKeyArn(region, account, QString());
}

TableEncryption TableEncryption::fromDescription(const QJsonObject &table)
{
    TableEncryption e;
    if (table.contains(p("SSESpecification"))) {
        const QJsonObject spec = table.value(p("SSESpecification")).toObject();
        if (!spec.value(p("Enabled")).toBool())
            return e;
        e.key = spec.value(p("KMSMasterKeyId")).toString();
        e.kind = e.key.isEmpty() || e.key == p("alias/aws/dynamodb") ? Kind::AwsManaged : Kind::CustomerManaged;
        if (e.kind == Kind::AwsManaged)
            e.key.clear();
        return e;
    }
    const QJsonObject sse = table.value(p("SSEDescription")).toObject();
    const QString status = sse.value(p("Status")).toString();
    if (status != p("ENABLED") && status != p("ENABLING") && status != p("UPDATING"))
        return e;
    const QString arn = sse.value(p("KMSMasterKeyArn")).toString();
    // TableArn: arn:aws:dynamodb:<region>:<account>:table/<name>
    const QStringList parts = table.value(p("TableArn")).toString().split(QLatin1Char(':'));
    if (arn.isEmpty() || (parts.size() > 4 && arn == awsManagedKeyArn(parts.at(3), parts.at(4)))) {
        e.kind = Kind::AwsManaged;
        return e;
    }
    e.kind = Kind::CustomerManaged;
    e.key = arn;
    return e;
}

QJsonObject TableEncryption::specification() const
{
    if (kind == Kind::Owned)
        return {{p("Enabled"), false}};
    QJsonObject spec{{p("Enabled"), true}, {p("SSEType"), p("KMS")}};
    if (kind == Kind::CustomerManaged)
        spec.insert(p("KMSMasterKeyId"), key);
    return spec;
}

QString TableEncryption::keyProblem(const QString &key)
{
    if (key.isEmpty())
        return tr("Required: a KMS key id, key ARN, alias name or alias ARN");
    static const QRegularExpression id(QStringLiteral("^(mrk-[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$"));
    static const QRegularExpression alias(QStringLiteral("^alias/[a-zA-Z0-9/_-]+$"));
    static const QRegularExpression arn(QStringLiteral("^arn:aws[a-z-]*:kms:[^:]*:[^:]*:(key|alias)/.+$"));
    if (id.match(key).hasMatch() || alias.match(key).hasMatch() || arn.match(key).hasMatch())
        return {};
    if (key.startsWith(QLatin1String("arn:")))
        return tr("A KMS ARN reads arn:aws:kms:<region>:<account>:key/<id> or …:alias/<name>");
    return tr("Not a KMS key id (a UUID), alias name (alias/<name>) or ARN (arn:aws:kms:…)");
}

QString TableEncryption::text() const
{
    switch (kind) {
    case Kind::Owned: return tr("Owned by Amazon DynamoDB");
    case Kind::AwsManaged: return tr("AWS managed key");
    case Kind::CustomerManaged: return tr("Customer managed key: %1").arg(key);
    }
    return {};
}

} // namespace dd::ui
