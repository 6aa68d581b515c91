#include "common/awsclicommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace dd::ui::awscli {

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString kebabCase(const QString &camel)
{
    QString out;
    for (qsizetype i = 0; i < camel.size(); ++i) {
        const QChar c = camel.at(i);
        // A capital starts a word unless it continues an acronym ("SSESpecification" -> "sse-specification").
        if (c.isUpper() && i > 0
            && (camel.at(i - 1).isLower() || (i + 1 < camel.size() && camel.at(i + 1).isLower() && camel.at(i - 1).isUpper())))
            out += QLatin1Char('-');
        out += c.toLower();
    }
    return out;
}

QString command(const QString &operation, const QJsonObject &request, const QString &endpointUrl, const QString &region)
{
    QStringList parts{QStringLiteral("aws dynamodb ") + kebabCase(operation)};
    QStringList keys = request.keys();
    // What the request works on first: its table, or its PartiQL statement.
    const auto rank = [](const QString &k) { return k == QLatin1String("TableName") ? 0 : k == QLatin1String("Statement") ? 1 : 2; };
    std::stable_sort(keys.begin(), keys.end(), [&rank](const QString &a, const QString &b) {
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    for (const QString &key : keys) {
        const QJsonValue v = request.value(key);
        QString value;
        if (v.isString())
            value = v.toString();
        else if (v.isBool())
            value = QString(); // booleans are flags: --scan-index-forward / --no-scan-index-forward
        else if (v.isDouble())
            value = QString::number(v.toDouble(), 'g', 17);
        else if (v.isObject())
            value = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        else if (v.isArray())
            value = QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        if (v.isBool())
            parts << (v.toBool() ? QStringLiteral("--") : QStringLiteral("--no-")) + kebabCase(key);
        else
            parts << QStringLiteral("--") + kebabCase(key) + QLatin1Char(' ') + shellQuote(value);
    }
    if (!region.isEmpty())
        parts << QStringLiteral("--region ") + shellQuote(region);
    if (!endpointUrl.isEmpty())
        parts << QStringLiteral("--endpoint-url ") + shellQuote(endpointUrl);
    return parts.join(QLatin1String(" \\\n  "));
}

QString cliInputJson(const QJsonObject &request)
{
    return QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Indented));
}

} // namespace dd::ui::awscli
