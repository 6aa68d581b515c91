#include "api/shapevalidator.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QStringList>

#include <vector>

namespace dd::api {

namespace {

// AWS reports at most this many constraint violations in one message.
constexpr int kMaxReportedViolations = 10;

enum class Kind { String, Boolean, Integer, Long, Double, Blob, Timestamp, List, Map, Structure };

// A request path, built on the stack as the validator descends and
// rendered to AWS's form ("keySchema.1.member.attributeName") only when a
// violation is reported.
struct PathNode {
    const PathNode *parent = nullptr;
    QStringView member;        // structure member (rendered lower-first) or map key
    bool isMapKey = false;     // a map's value under this key: rendered ".<key>.member"
    qsizetype listIndex = -1;  // list element: rendered ".<i+1>.member"
};

QString renderPath(const PathNode *node)
{
    if (!node)
        return QString();
    QString parent = renderPath(node->parent);
    if (node->listIndex >= 0)
        return parent + QStringLiteral(".%1.member").arg(node->listIndex + 1);
    QString segment = node->member.toString();
    if (node->isMapKey)
        segment += QLatin1String(".member"); // a map's value, as AWS names it: "requestItems.<table>.member.keys"
    else if (!segment.isEmpty())
        segment[0] = segment[0].toLower();
    return parent.isEmpty() ? segment : parent + QLatin1Char('.') + segment;
}

constexpr int kMaxTableArnLength = 1024;

struct Shape {
    QString name;
    Kind kind = Kind::String;
    std::vector<std::pair<QString, int>> members; // structure: member name -> shape index
    QHash<QString, int> memberShape;               // the same, by name
    QStringList required;
    int element = -1;                              // list member / map value
    int key = -1;                                  // map key
    std::optional<double> min, max;
    QRegularExpression pattern;
    QString patternText;
    bool namePattern = false;                      // patternText is "[a-zA-Z0-9_.-]+": checked without the regex
    // TableArn, which AWS's model now gives TableName members: a table's
    // name, checked as TableName always was, or its ARN ("arn:...", up to
    // 1024 characters; api/tablearn.h resolves it).
    bool nameOrArn = false;
    QStringList enumValues;
};

QString valueText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String: return v.toString();
    case QJsonValue::Double: {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    case QJsonValue::Bool: return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Array: {
        QStringList parts;
        for (const auto &e : v.toArray())
            parts << valueText(e);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    case QJsonValue::Object: return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default: return QStringLiteral("null");
    }
}

QString kindName(Kind k)
{
    switch (k) {
    case Kind::String: return QStringLiteral("String");
    case Kind::Boolean: return QStringLiteral("Boolean");
    case Kind::Integer: return QStringLiteral("Integer");
    case Kind::Long: return QStringLiteral("Long");
    case Kind::Double: return QStringLiteral("Double");
    case Kind::Timestamp: return QStringLiteral("Date");
    default: return QString();
    }
}

bool isNumeric(Kind k) { return k == Kind::Integer || k == Kind::Long || k == Kind::Double || k == Kind::Timestamp; }

// The constraints of `s` itself (not its members') that `v` breaks, each in
// AWS's words, in the order a violation list names them; none when `v` is of
// another JSON type (checking it gives the SerializationException instead).
QStringList ownViolations(const Shape &s, const QJsonValue &v)
{
    QStringList out;
    const auto range = [&](double n, const char *measure) {
        if (s.min && n < *s.min)
            out << QStringLiteral("Member must have %1 greater than or equal to %2").arg(QLatin1String(measure)).arg(qint64(*s.min));
        if (s.max && n > *s.max)
            out << QStringLiteral("Member must have %1 less than or equal to %2").arg(QLatin1String(measure)).arg(qint64(*s.max));
    };
    if (s.kind == Kind::String && v.isString() && s.nameOrArn && v.toString().startsWith(QLatin1String("arn:"))) {
        if (v.toString().size() > kMaxTableArnLength)
            out << QStringLiteral("Member must have length less than or equal to %1").arg(kMaxTableArnLength);
    } else if (s.kind == Kind::String && v.isString()) {
        const QString str = v.toString();
        range(double(str.size()), "length");
        if (!s.patternText.isEmpty() && !(s.namePattern ? isNameText(str) : s.pattern.match(str).hasMatch()))
            out << QStringLiteral("Member must satisfy regular expression pattern: %1").arg(s.patternText);
        if (!s.enumValues.isEmpty() && !s.enumValues.contains(str))
            out << QStringLiteral("Member must satisfy enum value set: [%1]").arg(s.enumValues.join(QLatin1String(", ")));
    } else if (s.kind == Kind::List && v.isArray()) {
        range(double(v.toArray().size()), "length");
    } else if (s.kind == Kind::Map && v.isObject()) {
        range(double(v.toObject().size()), "length");
    } else if (isNumeric(s.kind) && v.isDouble()) {
        range(v.toDouble(), "value");
    }
    return out;
}

// All of a shape's own constraints, in the words and order AWS lists them
// when a map's keys or values break them: "Map value must satisfy
// constraint: [Member must have length less than or equal to 25, Member must
// have length greater than or equal to 1]".
QString ownConstraints(const Shape &s)
{
    const QLatin1String measure(isNumeric(s.kind) ? "value" : "length");
    QStringList parts;
    if (s.max)
        parts << QStringLiteral("Member must have %1 less than or equal to %2").arg(measure).arg(qint64(*s.max));
    if (s.min)
        parts << QStringLiteral("Member must have %1 greater than or equal to %2").arg(measure).arg(qint64(*s.min));
    if (!s.patternText.isEmpty())
        parts << QStringLiteral("Member must satisfy regular expression pattern: %1").arg(s.patternText);
    if (!s.enumValues.isEmpty())
        parts << QStringLiteral("Member must satisfy enum value set: [%1]").arg(s.enumValues.join(QLatin1String(", ")));
    return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
}

} // namespace

// The table and index name pattern, [a-zA-Z0-9_.-]+ anchored, matched on
// every request: by hand, as a regex match costs more than the rest of the check.
bool isNameText(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar ch : s) {
        const char16_t c = ch.unicode();
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.' || c == u'-'))
            return false;
    }
    return true;
}

struct ShapeValidator::Private {
    std::vector<Shape> shapes;
    QHash<QString, int> byName;
    QHash<QString, int> operations; // operation -> input shape index
    QString modelPackage;           // for Java-style collection messages

    int resolve(const QJsonObject &all, const QString &name);
    // `ownChecked`: the value's own constraints were checked already (a map's
    // values, reported once for the whole map); only its members remain.
    std::optional<ApiError> check(int shapeIndex, const QJsonValue &v, const PathNode *path, bool inCollection,
                                  QStringList &violations, bool ownChecked = false) const;
    void violate(QStringList &out, const QJsonValue &v, const PathNode *path, const QString &what) const
    {
        if (out.size() >= kMaxReportedViolations)
            return;
        const QString value = v.isNull() || v.isUndefined() ? QStringLiteral("null")
                                                            : QLatin1Char('\'') + valueText(v) + QLatin1Char('\'');
        out << QStringLiteral("Value %1 at '%2' failed to satisfy constraint: %3").arg(value, renderPath(path), what);
    }
};

int ShapeValidator::Private::resolve(const QJsonObject &all, const QString &name)
{
    if (auto it = byName.constFind(name); it != byName.constEnd())
        return *it;
    const QJsonObject s = all.value(name).toObject();
    const int index = int(shapes.size());
    shapes.push_back({});
    byName.insert(name, index);
    Shape shape;
    shape.name = name;
    const QString type = s.value(QLatin1String("type")).toString();
    static const QHash<QString, Kind> kinds = {
        {QStringLiteral("string"), Kind::String},   {QStringLiteral("boolean"), Kind::Boolean},
        {QStringLiteral("integer"), Kind::Integer}, {QStringLiteral("long"), Kind::Long},
        {QStringLiteral("double"), Kind::Double},   {QStringLiteral("blob"), Kind::Blob},
        {QStringLiteral("timestamp"), Kind::Timestamp}, {QStringLiteral("list"), Kind::List},
        {QStringLiteral("map"), Kind::Map},         {QStringLiteral("structure"), Kind::Structure}};
    shape.kind = kinds.value(type, Kind::String);
    if (s.contains(QLatin1String("min"))) shape.min = s.value(QLatin1String("min")).toDouble();
    if (s.contains(QLatin1String("max"))) shape.max = s.value(QLatin1String("max")).toDouble();
    if (s.contains(QLatin1String("pattern"))) {
        shape.patternText = s.value(QLatin1String("pattern")).toString();
        shape.pattern = QRegularExpression(QRegularExpression::anchoredPattern(shape.patternText));
        shape.namePattern = shape.patternText == QLatin1String("[a-zA-Z0-9_.-]+");
    }
    if (name == QLatin1String("TableNameOrArn")) {
        // A name keeps TableName's constraints and their messages.
        const QJsonObject tableName = all.value(QLatin1String("TableName")).toObject();
        shape.min = tableName.value(QLatin1String("min")).toDouble();
        shape.max = tableName.value(QLatin1String("max")).toDouble();
        shape.patternText = tableName.value(QLatin1String("pattern")).toString();
        shape.pattern = QRegularExpression(QRegularExpression::anchoredPattern(shape.patternText));
        shape.namePattern = shape.patternText == QLatin1String("[a-zA-Z0-9_.-]+");
        shape.nameOrArn = true;
    }
    for (const auto &e : s.value(QLatin1String("enum")).toArray())
        shape.enumValues << e.toString();
    for (const auto &r : s.value(QLatin1String("required")).toArray())
        shape.required << r.toString();
    // Attribute values are validated by model/json with DynamoDB's own rules.
    const bool opaque = name == QLatin1String("AttributeValue");
    if (!opaque) {
        const QJsonObject members = s.value(QLatin1String("members")).toObject();
        std::vector<std::pair<QString, int>> resolved;
        // AWS's model now gives TableName members (and RequestItems' keys)
        // the shape TableArn: a name or an ARN. Other TableArn members
        // (ExportTableToPointInTime's TableArn, ...) stay ARNs.
        const auto nameOrArn = [](const QString &member, QString shapeName) {
            if (shapeName == QLatin1String("TableArn") && (member.isEmpty() || member == QLatin1String("TableName")))
                shapeName = QStringLiteral("TableNameOrArn");
            return shapeName;
        };
        for (auto it = members.begin(); it != members.end(); ++it)
            resolved.emplace_back(it.key(), resolve(all, nameOrArn(it.key(), it.value().toObject().value(QLatin1String("shape")).toString())));
        for (const auto &[m, i] : resolved)
            shape.memberShape.insert(m, i);
        shape.members = std::move(resolved);
        for (const char *k : {"member", "value"})
            if (s.contains(QLatin1String(k)))
                shape.element = resolve(all, s.value(QLatin1String(k)).toObject().value(QLatin1String("shape")).toString());
        if (s.contains(QLatin1String("key")))
            shape.key = resolve(all, nameOrArn(QString(), s.value(QLatin1String("key")).toObject().value(QLatin1String("shape")).toString()));
    } else {
        shape.kind = Kind::Structure;
    }
    shapes[size_t(index)] = std::move(shape);
    return index;
}

std::optional<ApiError> ShapeValidator::Private::check(int shapeIndex, const QJsonValue &v, const PathNode *path,
                                                       bool inCollection, QStringList &violations, bool ownChecked) const
{
    const Shape &s = shapes[size_t(shapeIndex)];
    if (v.isNull() || v.isUndefined())
        return std::nullopt;
    auto serialization = [](const QString &m) { return std::optional<ApiError>(ApiError::serialization(m)); };
    auto scalarName = [](const QJsonValue &x) {
        if (x.isBool()) return x.toBool() ? QStringLiteral("TRUE_VALUE") : QStringLiteral("FALSE_VALUE");
        if (x.isDouble()) return x.toDouble() == double(qint64(x.toDouble())) ? QStringLiteral("NUMBER_VALUE") : QStringLiteral("DECIMAL_VALUE");
        return QStringLiteral("STRING_VALUE");
    };
    // The value's own constraints (its members' come from the recursion).
    const auto reportOwn = [&] {
        if (!ownChecked)
            for (const QString &what : ownViolations(s, v))
                violate(violations, v, path, what);
    };
    switch (s.kind) {
    case Kind::String:
        if (v.isArray()) return serialization(QStringLiteral("Unrecognized collection type class java.lang.String"));
        if (v.isObject()) return serialization(QStringLiteral("Start of structure or map found where not expected"));
        if (!v.isString()) return serialization(scalarName(v) + QStringLiteral(" cannot be converted to String"));
        reportOwn();
        return std::nullopt;
    case Kind::Boolean:
        if (v.isArray()) return serialization(QStringLiteral("Unrecognized collection type class java.lang.Boolean"));
        if (v.isObject()) return serialization(QStringLiteral("Start of structure or map found where not expected"));
        if (v.isDouble()) return serialization(scalarName(v) + QStringLiteral(" cannot be converted to Boolean"));
        if (v.isString()) {
            static const QStringList ok = {QStringLiteral("TRUE"), QStringLiteral("FALSE"), QStringLiteral("1"),
                                           QStringLiteral("0"), QStringLiteral("YES"), QStringLiteral("NO")};
            if (!ok.contains(v.toString().toUpper()))
                return serialization(QStringLiteral("Unexpected token received from parser"));
        }
        return std::nullopt;
    case Kind::Integer:
    case Kind::Long:
    case Kind::Double:
    case Kind::Timestamp:
        if (v.isArray()) return serialization(QStringLiteral("Unrecognized collection type class java.lang.") + kindName(s.kind));
        if (v.isObject()) return serialization(QStringLiteral("Start of structure or map found where not expected"));
        if (v.isBool() || (v.isString() && s.kind != Kind::Timestamp))
            return serialization(scalarName(v) + QStringLiteral(" cannot be converted to ") + kindName(s.kind));
        reportOwn();
        return std::nullopt;
    case Kind::Blob:
        if (v.isArray()) return serialization(QStringLiteral("Unrecognized collection type class java.nio.ByteBuffer"));
        if (v.isObject()) return serialization(QStringLiteral("Start of structure or map found where not expected"));
        if (!v.isString()) return serialization(QStringLiteral("only base-64-encoded strings are convertible to bytes"));
        return std::nullopt;
    case Kind::List: {
        if (v.isObject()) return serialization(QStringLiteral("Start of structure or map found where not expected"));
        if (!v.isArray()) return serialization(QStringLiteral("Unexpected field type"));
        const QJsonArray a = v.toArray();
        reportOwn();
        for (qsizetype i = 0; i < a.size() && s.element >= 0; ++i) {
            const PathNode element{path, {}, false, i};
            if (a.at(i).isNull()) {
                violate(violations, a.at(i), &element, QStringLiteral("Member must not be null"));
                continue;
            }
            if (auto e = check(s.element, a.at(i), &element, true, violations))
                return e;
        }
        return std::nullopt;
    }
    case Kind::Map: {
        if (v.isArray()) {
            const QString valueShape = s.element >= 0 ? shapes[size_t(s.element)].name : QString();
            return serialization(QStringLiteral("Unrecognized collection type java.util.Map<java.lang.String, %1>")
                                     .arg(valueShape == QLatin1String("AttributeValue") || shapes[size_t(s.element)].kind == Kind::Structure
                                              ? QStringLiteral("com.amazonaws.dynamodb.v20120810.") + valueShape
                                              : QStringLiteral("java.lang.String")));
        }
        if (!v.isObject()) return serialization(QStringLiteral("Unexpected field type"));
        const QJsonObject o = v.toObject();
        reportOwn();
        // The keys' and the values' own constraints are reported once each,
        // for the whole map, keys first; the values' members under their key.
        bool keysBroken = false, valuesBroken = false;
        for (auto it = o.begin(); it != o.end(); ++it) {
            keysBroken = keysBroken || (s.key >= 0 && !ownViolations(shapes[size_t(s.key)], QJsonValue(it.key())).isEmpty());
            valuesBroken = valuesBroken || (s.element >= 0 && !ownViolations(shapes[size_t(s.element)], it.value()).isEmpty());
        }
        if (keysBroken)
            violate(violations, v, path, QStringLiteral("Map keys must satisfy constraint: ") + ownConstraints(shapes[size_t(s.key)]));
        if (valuesBroken)
            violate(violations, v, path, QStringLiteral("Map value must satisfy constraint: ") + ownConstraints(shapes[size_t(s.element)]));
        for (auto it = o.begin(); it != o.end() && s.element >= 0; ++it) {
            const QString key = it.key();
            const PathNode entry{path, key, true, -1};
            if (auto e = check(s.element, it.value(), &entry, true, violations, true))
                return e;
        }
        return std::nullopt;
    }
    case Kind::Structure: {
        if (v.isArray()) return serialization(QStringLiteral("Unrecognized collection type class com.amazonaws.dynamodb.v20120810.") + s.name);
        if (!v.isObject())
            return serialization(inCollection ? QStringLiteral("Unexpected value type in payload") : QStringLiteral("Unexpected field type"));
        const QJsonObject o = v.toObject();
        // Unknown members are ignored, as AWS does; present ones are checked, then the required ones.
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString key = it.key();
            const auto member = s.memberShape.constFind(key);
            if (member == s.memberShape.constEnd())
                continue;
            const PathNode child{path, key, false, -1};
            if (auto e = check(*member, it.value(), &child, false, violations))
                return e;
        }
        for (const QString &member : s.required) {
            const QJsonValue child = o.value(member);
            if (child.isNull() || child.isUndefined()) {
                const PathNode node{path, member, false, -1};
                violate(violations, child, &node, QStringLiteral("Member must not be null"));
            }
        }
        return std::nullopt;
    }
    }
    return std::nullopt;
}

ShapeValidator::ShapeValidator(Service service) : d(new Private)
{
    QFile f(QStringLiteral(":/dynamodesk/shapes.json"));
    const bool opened = f.open(QIODevice::ReadOnly);
    Q_ASSERT(opened);
    Q_UNUSED(opened);
    const QJsonObject model = QJsonDocument::fromJson(f.readAll()).object()
                                  .value(service == Service::DynamoDB  ? QLatin1String("dynamodb")
                                         : service == Service::Streams ? QLatin1String("dynamodbstreams")
                                                                       : QLatin1String("dax"))
                                  .toObject();
    const QJsonObject all = model.value(QLatin1String("shapes")).toObject();
    const QJsonObject ops = model.value(QLatin1String("operations")).toObject();
    for (auto it = ops.begin(); it != ops.end(); ++it)
        d->operations.insert(it.key(), d->resolve(all, it.value().toString()));
}

ShapeValidator::~ShapeValidator() = default;

const ShapeValidator &ShapeValidator::instance(Service service)
{
    static const ShapeValidator dynamo(Service::DynamoDB);
    static const ShapeValidator streams(Service::Streams);
    static const ShapeValidator dax(Service::Dax);
    return service == Service::DynamoDB ? dynamo : service == Service::Streams ? streams : dax;
}

bool ShapeValidator::hasOperation(QStringView operation) const { return d->operations.contains(operation.toString()); }

Result<void> ShapeValidator::validate(QStringView operation, const QJsonObject &request) const
{
    const auto it = d->operations.constFind(operation.toString());
    if (it == d->operations.constEnd())
        return ApiError::unknownOperation();
    QStringList violations;
    if (auto e = d->check(*it, request, nullptr, false, violations))
        return *e;
    if (!violations.isEmpty())
        return ApiError::validation(QStringLiteral("%1 validation error%2 detected: %3")
                                        .arg(violations.size())
                                        .arg(violations.size() > 1 ? QStringLiteral("s") : QString())
                                        .arg(violations.join(QLatin1String("; "))));
    return {};
}

} // namespace dd::api
