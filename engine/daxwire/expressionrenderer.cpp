#include "daxwire/expressionrenderer.h"

#include "daxwire/attributecodec.h"
#include "daxwire/cbor.h"

#include <QJsonArray>
#include <QSet>

namespace dd::daxwire {

namespace {

// Node codes (CborSExprGenerator.js, Func).
enum Code {
    Equal = 0, NotEqual, LessThan, GreaterEqual, GreaterThan, LessEqual, And, Or, Not, Between, In,
    AttributeExists, AttributeNotExists, AttributeType, BeginsWith, Contains, Size, Variable, DocumentPathNode,
    SetAction, AddAction, DeleteAction, RemoveAction, IfNotExists, ListAppend, Plus, Minus
};
constexpr quint64 kTagListIndex = 3324;
constexpr qint64 kEncodingFormat = 1;

QString s(const char *latin1) { return QString::fromLatin1(latin1); }
ApiError invalid(const QString &message) { return ApiError::validation(s("Invalid DAX expression: ") + message); }

const char *functionName(qint64 code)
{
    switch (code) {
    case AttributeExists: return "attribute_exists";
    case AttributeNotExists: return "attribute_not_exists";
    case AttributeType: return "attribute_type";
    case BeginsWith: return "begins_with";
    case Contains: return "contains";
    case Size: return "size";
    case IfNotExists: return "if_not_exists";
    case ListAppend: return "list_append";
    default: return nullptr;
    }
}

// The envelope [1, spec, values?] of an expression's bytes.
Result<CborValue> envelope(QByteArrayView encoded, bool projection)
{
    std::optional<CborValue> top = decodeCborItem(encoded);
    if (!top || top->type != CborValue::Array || top->items.size() < 2)
        return invalid(s("not an expression"));
    if (top->items[0].toInt64() != kEncodingFormat)
        return invalid(s("unknown encoding format"));
    if (!projection && (top->items.size() != 3 || top->items[2].type != CborValue::Array))
        return invalid(s("no value list"));
    return std::move(*top);
}

qint64 codeOf(const CborValue &n)
{
    if (n.type != CborValue::Array || n.items.empty())
        return -1;
    return n.items[0].toInt64().value_or(-1);
}

} // namespace

struct ExpressionRenderer::Context {
    const CborValue &values; // the expression's value array
    QString prefix;
};

QString ExpressionRenderer::nameRef(const QString &name)
{
    auto it = m_nameRefs.constFind(name);
    if (it != m_nameRefs.constEnd())
        return *it;
    const QString ref = s("#n") + QString::number(m_nameRefs.size());
    m_nameRefs.insert(name, ref);
    m_names->insert(ref, name);
    return ref;
}

Result<DocumentPath> ExpressionRenderer::pathOf(const CborValue &n)
{
    if (codeOf(n) != DocumentPathNode || n.items.size() < 2)
        return invalid(s("expected a document path"));
    DocumentPath path;
    for (size_t i = 1; i < n.items.size(); ++i) {
        const CborValue &e = n.items[i];
        if (e.type == CborValue::Text) {
            path.emplace_back(e.text());
        } else if (e.isTag(kTagListIndex) && i > 1) {
            const std::optional<qint64> index = e.items[0].toInt64();
            if (!index || *index < 0 || *index > std::numeric_limits<int>::max())
                return invalid(s("a list index out of range"));
            path.emplace_back(int(*index));
        } else {
            return invalid(s("a document path element that is neither a name nor a list index"));
        }
    }
    return path;
}

QString ExpressionRenderer::pathText(const DocumentPath &path)
{
    QString out;
    for (const PathElement &e : path) {
        if (const int *index = std::get_if<int>(&e)) {
            out += u'[' + QString::number(*index) + u']';
        } else {
            if (!out.isEmpty())
                out += u'.';
            out += nameRef(std::get<QString>(e));
        }
    }
    return out;
}

Result<QString> ExpressionRenderer::pathText(const CborValue &n)
{
    DD_ASSIGN(const DocumentPath path, pathOf(n));
    return pathText(path);
}

Result<QString> ExpressionRenderer::node(const CborValue &n, Context &c)
{
    const qint64 code = codeOf(n);
    const size_t args = n.items.empty() ? 0 : n.items.size() - 1;
    auto arg = [&](size_t i) -> Result<QString> { return node(n.items[i], c); };
    switch (code) {
    case Equal:
    case NotEqual:
    case LessThan:
    case GreaterEqual:
    case GreaterThan:
    case LessEqual: {
        static const char *const ops[] = {" = ", " <> ", " < ", " >= ", " > ", " <= "};
        if (args != 2)
            return invalid(s("a comparison needs two operands"));
        DD_ASSIGN(const QString a, arg(1));
        DD_ASSIGN(const QString b, arg(2));
        return a + s(ops[code]) + b;
    }
    case And:
    case Or: {
        if (args != 2)
            return invalid(s("AND and OR need two operands"));
        DD_ASSIGN(const QString a, arg(1));
        DD_ASSIGN(const QString b, arg(2));
        return u'(' + a + (code == And ? s(") AND (") : s(") OR (")) + b + u')';
    }
    case Not: {
        if (args != 1)
            return invalid(s("NOT needs one operand"));
        DD_ASSIGN(const QString a, arg(1));
        return s("NOT (") + a + u')';
    }
    case Between: {
        if (args != 3)
            return invalid(s("BETWEEN needs three operands"));
        DD_ASSIGN(const QString a, arg(1));
        DD_ASSIGN(const QString low, arg(2));
        DD_ASSIGN(const QString high, arg(3));
        return a + s(" BETWEEN ") + low + s(" AND ") + high;
    }
    case In: {
        if (args != 2 || n.items[2].type != CborValue::Array || n.items[2].items.empty())
            return invalid(s("IN needs an operand and a list"));
        DD_ASSIGN(const QString a, arg(1));
        QStringList candidates;
        for (const CborValue &e : n.items[2].items) {
            DD_ASSIGN(const QString t, node(e, c));
            candidates.append(t);
        }
        return a + s(" IN (") + candidates.join(s(", ")) + u')';
    }
    case Variable: {
        const std::optional<qint64> index = args == 1 ? n.items[1].toInt64() : std::nullopt;
        if (!index || *index < 0 || *index >= qint64(c.values.items.size()))
            return invalid(s("a value index out of range"));
        const QString ref = u':' + c.prefix + QString::number(*index);
        if (!m_values->contains(ref)) {
            DD_ASSIGN(const QJsonObject av, attributeValueOf(c.values.items[size_t(*index)]));
            m_values->insert(ref, av);
        }
        return ref;
    }
    case DocumentPathNode:
        return pathText(n);
    case Plus:
    case Minus: {
        if (args != 2)
            return invalid(s("+ and - need two operands"));
        DD_ASSIGN(const QString a, arg(1));
        DD_ASSIGN(const QString b, arg(2));
        return a + (code == Plus ? s(" + ") : s(" - ")) + b;
    }
    default:
        break;
    }
    if (const char *name = functionName(code)) {
        QStringList list;
        for (size_t i = 1; i <= args; ++i) {
            DD_ASSIGN(const QString t, arg(i));
            list.append(t);
        }
        return s(name) + u'(' + list.join(s(", ")) + u')';
    }
    return invalid(s("unknown node code %1").arg(code));
}

Result<QString> ExpressionRenderer::condition(QByteArrayView encoded, const QString &prefix)
{
    DD_ASSIGN(const CborValue top, envelope(encoded, false));
    Context c{top.items[2], prefix};
    return node(top.items[1], c);
}

Result<QString> ExpressionRenderer::update(QByteArrayView encoded, const QString &prefix)
{
    DD_ASSIGN(const CborValue top, envelope(encoded, false));
    Context c{top.items[2], prefix};
    const CborValue &actions = top.items[1];
    if (actions.type != CborValue::Array || actions.items.empty())
        return invalid(s("an update without actions"));
    QStringList set, remove, add, del;
    for (const CborValue &a : actions.items) {
        const qint64 code = codeOf(a);
        const size_t args = a.items.empty() ? 0 : a.items.size() - 1;
        if (code == RemoveAction && args == 1) {
            DD_ASSIGN(const QString path, pathText(a.items[1]));
            remove.append(path);
            continue;
        }
        if ((code != SetAction && code != AddAction && code != DeleteAction) || args != 2)
            return invalid(s("unknown update action %1").arg(code));
        DD_ASSIGN(const QString path, pathText(a.items[1]));
        DD_ASSIGN(const QString operand, node(a.items[2], c));
        if (code == SetAction)
            set.append(path + s(" = ") + operand);
        else
            (code == AddAction ? add : del).append(path + u' ' + operand);
    }
    QStringList clauses;
    if (!set.isEmpty())
        clauses.append(s("SET ") + set.join(s(", ")));
    if (!remove.isEmpty())
        clauses.append(s("REMOVE ") + remove.join(s(", ")));
    if (!add.isEmpty())
        clauses.append(s("ADD ") + add.join(s(", ")));
    if (!del.isEmpty())
        clauses.append(s("DELETE ") + del.join(s(", ")));
    return clauses.join(u' ');
}

Result<ExpressionRenderer::Projection> ExpressionRenderer::projection(QByteArrayView encoded)
{
    DD_ASSIGN(const CborValue top, envelope(encoded, true));
    const CborValue &list = top.items[1];
    if (list.type != CborValue::Array || list.items.empty())
        return invalid(s("a projection without paths"));
    Projection p;
    QStringList asked;
    QSet<QString> seen;
    for (const CborValue &n : list.items) {
        DD_ASSIGN(DocumentPath path, pathOf(n));
        DocumentPath cut;
        for (const PathElement &e : path) {
            if (std::holds_alternative<int>(e))
                break;
            cut.push_back(e);
        }
        const QString text = pathText(cut);
        // A path given twice stays twice, so that the engine refuses it as
        // DynamoDB does; only the copies that cutting made are dropped.
        if (cut.size() == path.size() || !seen.contains(text))
            asked.append(text);
        seen.insert(text);
        p.paths.push_back(std::move(path));
    }
    p.text = asked.join(s(", "));
    return p;
}

std::optional<QJsonObject> valueAtPath(const QJsonObject &item, const DocumentPath &path)
{
    QJsonObject current{{QStringLiteral("M"), item}};
    for (const PathElement &e : path) {
        if (const int *index = std::get_if<int>(&e)) {
            const QJsonValue list = current.value(QStringLiteral("L"));
            if (!list.isArray() || *index >= list.toArray().size())
                return std::nullopt;
            current = list.toArray().at(*index).toObject();
        } else {
            const QJsonValue map = current.value(QStringLiteral("M"));
            if (!map.isObject())
                return std::nullopt;
            const QJsonValue v = map.toObject().value(std::get<QString>(e));
            if (!v.isObject())
                return std::nullopt;
            current = v.toObject();
        }
    }
    return current;
}

} // namespace dd::daxwire
