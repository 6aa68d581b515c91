// What the PartiQL translations share: the WHERE clause read for its
// conjuncts and the item key it gives, and conditions and placeholders put
// into the request.
#include "partiql/translate_p.h"

namespace dd::partiql::translate_detail {

bool isAttribute(const Expr &e, const QString &name)
{
    return e.kind == Expr::Kind::Path && e.path.size() == 1 && e.path[0].index < 0 && e.path[0].name == name;
}

// The top-level conjuncts of a WHERE clause.
std::vector<const Expr *> conjuncts(const Expr *where)
{
    std::vector<const Expr *> out;
    if (!where)
        return out;
    if (where->kind == Expr::Kind::And) {
        for (const auto &a : where->args) {
            auto inner = conjuncts(a.get());
            out.insert(out.end(), inner.begin(), inner.end());
        }
    } else
        out.push_back(where);
    return out;
}

// `name = value` (either way round): the value.
std::optional<QJsonObject> equalityOn(const Expr &e, const QString &name)
{
    if (e.kind != Expr::Kind::Compare || e.op != u"=")
        return std::nullopt;
    if (isAttribute(*e.args[0], name) && e.args[1]->kind == Expr::Kind::Value)
        return e.args[1]->value;
    if (isAttribute(*e.args[1], name) && e.args[0]->kind == Expr::Kind::Value)
        return e.args[0]->value;
    return std::nullopt;
}

// A condition a Query's key condition may hold on sort key `name`: a
// comparison other than <> with a value, BETWEEN two values, or begins_with.
bool sortKeyCondition(const Expr &c, const QString &name)
{
    return (c.kind == Expr::Kind::Compare && c.op != u"<>"
            && ((isAttribute(*c.args[0], name) && c.args[1]->kind == Expr::Kind::Value)
                || (isAttribute(*c.args[1], name) && c.args[0]->kind == Expr::Kind::Value)))
           || (c.kind == Expr::Kind::Between && isAttribute(*c.args[0], name) && c.args[1]->kind == Expr::Kind::Value
               && c.args[2]->kind == Expr::Kind::Value)
           || (c.kind == Expr::Kind::Call && c.op == u"begins_with" && c.args.size() == 2 && isAttribute(*c.args[0], name)
               && c.args[1]->kind == Expr::Kind::Value);
}

// The item's key from the WHERE clause's equalities on every key attribute;
// the other conjuncts in `rest`.
// A key attribute's value: of the schema's type.
Result<void> checkKeyValue(const storage::KeyElement &k, const QJsonObject &v)
{
    const QString type = v.size() == 1 ? v.constBegin().key() : QString();
    if (type != u"S" && type != u"N" && type != u"B")
        return invalid(QStringLiteral("Key value must be of type S, N, or B. Key name: %1, Key type: %2").arg(k.name, type));
    if (type != model::typeName(k.type))
        return invalid(QStringLiteral("Key attribute's data type should match its data type in table's schema: Key %1").arg(k.name));
    return {};
}

std::vector<storage::KeyElement> keyElements(const storage::KeySchema &keys)
{
    std::vector<storage::KeyElement> out{keys.hash};
    if (keys.range)
        out.push_back(*keys.range);
    return out;
}

namespace {

// The item's key from the WHERE clause's equalities on every key attribute;
// the other conjuncts in `rest`.
Result<QJsonObject> itemKey(const Statement &s, const storage::TableDef &table, std::vector<const Expr *> &rest, const QString &missing)
{
    QJsonObject key;
    const std::vector<storage::KeyElement> elements = keyElements(table.keys);
    for (const Expr *c : conjuncts(s.where.get())) {
        bool used = false;
        for (const storage::KeyElement &k : elements) {
            if (const auto v = equalityOn(*c, k.name)) {
                if (key.contains(k.name))
                    return invalid(QStringLiteral("Multiple conditions on same key %1. Only single item Update/Insert/Delete are supported").arg(k.name));
                DD_CHECK(checkKeyValue(k, *v));
                key.insert(k.name, *v);
                used = true;
                break;
            }
        }
        if (!used)
            rest.push_back(c);
    }
    if (key.size() != qsizetype(elements.size()))
        return invalid(missing);
    return key;
}

} // namespace

// A statement on the one item whose whole key its WHERE clause gives
// (`missing` if not): `operation`'s request with TableName and Key; the
// other conjuncts of the WHERE in `rest`.
Result<Translation> oneItem(const Statement &s, const storage::TableDef &table, const char *operation, const QString &missing,
                            std::vector<const Expr *> &rest)
{
    Translation t;
    t.operation = p(operation);
    DD_ASSIGN(t.key, itemKey(s, table, rest, missing));
    t.request.insert(p("TableName"), table.name);
    t.request.insert(p("Key"), t.key);
    return t;
}

Result<QString> joinConditions(Writer &w, const std::vector<const Expr *> &parts, const QString &first)
{
    QStringList out;
    if (!first.isEmpty())
        out << first;
    for (const Expr *c : parts) {
        DD_ASSIGN(QString s, w.condition(*c));
        out << (parts.size() + out.size() > 1 ? u'(' + s + u')' : s);
    }
    return out.join(p(" AND "));
}

void putExpressions(QJsonObject &request, const Writer &w)
{
    if (!w.names.isEmpty())
        request.insert(p("ExpressionAttributeNames"), w.names);
    if (!w.values.isEmpty())
        request.insert(p("ExpressionAttributeValues"), w.values);
}

} // namespace dd::partiql::translate_detail
