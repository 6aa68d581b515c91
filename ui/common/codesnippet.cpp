#include "common/codesnippet.h"

#include "common/itemjson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QStringList>

namespace dd::ui::code {
namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

// An object's members, TableName first (at every level: TransactItems' too)
// or a PartiQL Statement, then by name.
QStringList memberOrder(const QJsonObject &request)
{
    QStringList names = request.keys();
    for (const char *first : {"Statement", "TableName"})
        if (names.removeOne(p(first)))
            names.prepend(p(first));
    return names;
}

// Literals of the two languages. A value whose one-line form fits in the
// line (kLineWidth with its indentation) stays on one line; a longer one
// puts each member on a line of its own, with a trailing comma, as Black
// and Prettier format them.
class LiteralWriter {
public:
    explicit LiteralWriter(bool python) : m_python(python) {}

    bool usedBase64() const { return m_usedBase64; }

    // v written at `column` of a line indented by lineIndent.
    QString value(const QJsonValue &v, int lineIndent, int column)
    {
        const QString flat = oneLine(v);
        if (column + flat.size() <= kLineWidth || !(v.isObject() || v.isArray()) || isBinary(v))
            return flat;
        const int inner = lineIndent + step();
        const QString pad(inner, QLatin1Char(' '));
        QStringList lines;
        if (v.isArray()) {
            for (const QJsonValue &e : v.toArray())
                lines << pad + value(e, inner, inner) + QLatin1Char(',');
            return QLatin1String("[\n") + lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + QString(lineIndent, QLatin1Char(' '))
                   + QLatin1Char(']');
        }
        const QJsonObject o = v.toObject();
        for (const QString &name : memberOrder(o)) {
            const QString k = key(name);
            lines << pad + k + QLatin1String(": ") + value(o.value(name), inner, inner + int(k.size()) + 2) + QLatin1Char(',');
        }
        return QLatin1String("{\n") + lines.join(QLatin1Char('\n')) + QLatin1Char('\n') + QString(lineIndent, QLatin1Char(' '))
               + QLatin1Char('}');
    }

    int step() const { return m_python ? 4 : 2; }

    // A string literal of both languages (a JSON string: the file is UTF-8).
    static QString string(const QString &s) { return itemjson::quoted(s); }

    // A member name: a JavaScript identifier stays bare there.
    QString key(const QString &k) const
    {
        static const QRegularExpression identifier(p("^[A-Za-z_$][A-Za-z0-9_$]*$"));
        return !m_python && identifier.match(k).hasMatch() ? k : string(k);
    }

private:
    static constexpr int kLineWidth = 100;

    // {"B": "base64"} or {"BS": ["base64", ...]}: a binary attribute value.
    static bool isBinary(const QJsonValue &v)
    {
        if (!v.isObject() || v.toObject().size() != 1)
            return false;
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("B")))
            return o.value(QLatin1String("B")).isString();
        if (o.contains(QLatin1String("BS")) && o.value(QLatin1String("BS")).isArray()) {
            for (const QJsonValue &e : o.value(QLatin1String("BS")).toArray())
                if (!e.isString())
                    return false;
            return true;
        }
        return false;
    }

    QString bytes(const QString &base64)
    {
        if (m_python) {
            m_usedBase64 = true;
            return QStringLiteral("base64.b64decode(%1)").arg(string(base64));
        }
        return QStringLiteral("Buffer.from(%1, \"base64\")").arg(string(base64));
    }

    // A binary value's base64 (B) or list of them (BS) as bytes.
    QString bytesOf(const QJsonValue &base64)
    {
        if (base64.isString())
            return bytes(base64.toString());
        QStringList parts;
        for (const QJsonValue &e : base64.toArray())
            parts << bytes(e.toString());
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }

    QString oneLine(const QJsonValue &v)
    {
        switch (v.type()) {
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            return m_python ? p("None") : p("null");
        case QJsonValue::Bool:
            return v.toBool() ? (m_python ? p("True") : p("true")) : (m_python ? p("False") : p("false"));
        case QJsonValue::Double: {
            const double d = v.toDouble();
            return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
        }
        case QJsonValue::String:
            return string(v.toString());
        case QJsonValue::Array: {
            QStringList parts;
            for (const QJsonValue &e : v.toArray())
                parts << oneLine(e);
            return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
        }
        case QJsonValue::Object: {
            const QJsonObject o = v.toObject();
            if (o.isEmpty())
                return p("{}");
            const bool binary = isBinary(v); // its one member's base64 as bytes
            QStringList parts;
            for (const QString &name : memberOrder(o))
                parts << key(name) + QLatin1String(": ") + (binary ? bytesOf(o.value(name)) : oneLine(o.value(name)));
            return m_python ? QLatin1Char('{') + parts.join(QLatin1String(", ")) + QLatin1Char('}')
                            : QLatin1String("{ ") + parts.join(QLatin1String(", ")) + QLatin1String(" }");
        }
        }
        return QString();
    }

    bool m_python;
    bool m_usedBase64 = false;
};

QString python(const QList<Call> &calls, const QString &endpointUrl, const QString &region)
{
    LiteralWriter w(true);
    QString body;
    for (const Call &call : calls) {
        QStringList args;
        for (const QString &name : memberOrder(call.request))
            args << QStringLiteral("    %1=%2,").arg(name, w.value(call.request.value(name), 4, 4 + int(name.size()) + 1));
        body += QStringLiteral("\nresponse = client.%1(").arg(pythonMethod(call.operation));
        body += args.isEmpty() ? p(")\n") : QLatin1Char('\n') + args.join(QLatin1Char('\n')) + p("\n)\n");
        body += p("response.pop(\"ResponseMetadata\", None)\n");
        body += p("print(json.dumps(response, indent=2, default=str))\n");
        if (!call.waitForTable.isEmpty())
            body += QStringLiteral("client.get_waiter(\"table_exists\").wait(TableName=%1)\n").arg(LiteralWriter::string(call.waitForTable));
    }
    QStringList client{p("    \"dynamodb\",")};
    if (!region.isEmpty())
        client << QStringLiteral("    region_name=%1,").arg(LiteralWriter::string(region));
    if (!endpointUrl.isEmpty()) {
        client << QStringLiteral("    endpoint_url=%1,").arg(LiteralWriter::string(endpointUrl))
               << p("    # A local endpoint takes any credentials.") << p("    aws_access_key_id=\"local\",")
               << p("    aws_secret_access_key=\"local\",");
    }
    QString out;
    if (w.usedBase64())
        out += p("import base64\n");
    out += p("import json\n\nimport boto3\n\nclient = boto3.client(\n") + client.join(QLatin1Char('\n')) + p("\n)\n");
    return out + body;
}

QString javascript(const QList<Call> &calls, const QString &endpointUrl, const QString &region)
{
    LiteralWriter w(false);
    QStringList imports{p("DynamoDBClient")};
    QString body;
    bool first = true;
    for (const Call &call : calls) {
        QStringList members;
        for (const QString &name : memberOrder(call.request)) {
            const QString k = w.key(name);
            members << QStringLiteral("    %1: %2,").arg(k, w.value(call.request.value(name), 4, 4 + int(k.size()) + 2));
        }
        const QString command = call.operation + p("Command");
        if (!imports.contains(command))
            imports << command;
        const QString declare = calls.size() == 1 ? p("const ") : first ? p("let ") : QString();
        body += QStringLiteral("\n%1response = await client.send(\n  new %2(").arg(declare, command);
        body += members.isEmpty() ? p("{}),\n);\n") : p("{\n") + members.join(QLatin1Char('\n')) + p("\n  }),\n);\n");
        body += p("console.log(JSON.stringify(response, null, 2));\n");
        if (!call.waitForTable.isEmpty()) {
            if (!imports.contains(p("waitUntilTableExists")))
                imports << p("waitUntilTableExists");
            body += QStringLiteral("await waitUntilTableExists({ client, maxWaitTime: 600 }, { TableName: %1 });\n")
                        .arg(LiteralWriter::string(call.waitForTable));
        }
        first = false;
    }
    QStringList client;
    if (!region.isEmpty())
        client << QStringLiteral("  region: %1,").arg(LiteralWriter::string(region));
    if (!endpointUrl.isEmpty()) {
        client << QStringLiteral("  endpoint: %1,").arg(LiteralWriter::string(endpointUrl))
               << p("  // A local endpoint takes any credentials.")
               << p("  credentials: { accessKeyId: \"local\", secretAccessKey: \"local\" },");
    }
    QString out = p("// npm install @aws-sdk/client-dynamodb; run as an ES module: node request.mjs\n");
    out += QStringLiteral("import { %1 } from \"@aws-sdk/client-dynamodb\";\n\n").arg(imports.join(QLatin1String(", ")));
    out += client.isEmpty() ? p("const client = new DynamoDBClient({});\n")
                            : p("const client = new DynamoDBClient({\n") + client.join(QLatin1Char('\n')) + p("\n});\n");
    return out + body;
}

} // namespace

QString pythonMethod(const QString &operation)
{
    QString out;
    for (qsizetype i = 0; i < operation.size(); ++i) {
        const QChar c = operation.at(i);
        if (c.isUpper() && i > 0 && !operation.at(i - 1).isUpper())
            out += QLatin1Char('_');
        out += c.toLower();
    }
    return out;
}

QString program(CopyFormat format, const QList<Call> &calls, const QString &endpointUrl, const QString &region)
{
    return format == CopyFormat::JavaScript ? javascript(calls, endpointUrl, region) : python(calls, endpointUrl, region);
}

QString program(CopyFormat format, const QString &operation, const QJsonObject &request, const QString &endpointUrl,
                const QString &region)
{
    return program(format, QList<Call>{{operation, request, QString()}}, endpointUrl, region);
}

} // namespace dd::ui::code
