// PartiQL statements as DynamoDB requests (translate.h): the dispatch by
// kind, and INSERT, UPDATE, DELETE and EXISTS, the statements on one item.
// SELECT is in translate_select.cpp, what they share in translate_p.h.
#include "partiql/translate_p.h"

namespace dd::partiql {

using namespace Qt::StringLiterals;
using namespace translate_detail;

namespace {

const QString kMandatoryEquality = p("Where clause does not contain a mandatory equality on all key attributes");

Result<void> checkReturning(const Statement &s, Use use)
{
    if (use == Use::Transaction && !s.returning.isEmpty())
        return invalid(p("RETURNING clause is not supported in ExecuteTransaction."));
    return {};
}

Result<Translation> insert(const Statement &s, const storage::TableDef &table)
{
    for (const storage::KeyElement &k : keyElements(table.keys)) {
        if (!s.item.contains(k.name))
            return invalid(QStringLiteral("Key attribute should be present in the item: Key %1").arg(k.name));
        DD_CHECK(checkKeyValue(k, s.item.value(k.name).toObject()));
    }
    Translation t;
    t.operation = p("PutItem");
    t.insert = true;
    for (const storage::KeyElement &k : keyElements(table.keys))
        t.key.insert(k.name, s.item.value(k.name));
    Writer w;
    t.request.insert(p("TableName"), table.name);
    t.request.insert(p("Item"), s.item);
    t.request.insert(p("ConditionExpression"), u"attribute_not_exists("_s + w.name(table.keys.hash.name) + u')');
    putExpressions(t.request, w);
    return t;
}

Result<Translation> update(const Statement &s, const storage::TableDef &table, Use use)
{
    DD_CHECK(checkReturning(s, use));
    std::vector<const Expr *> rest;
    DD_ASSIGN(Translation t, oneItem(s, table, "UpdateItem", kMandatoryEquality, rest));
    Writer w;
    QStringList sets, removes, adds, deletes;
    for (const UpdateAction &a : s.actions) {
        const QString target = w.path(a.path);
        if (a.remove) {
            removes << target;
            continue;
        }
        const Expr &v = *a.value;
        if (v.kind == Expr::Kind::Call && (v.op == u"set_add" || v.op == u"set_delete")) {
            // a = set_add(a, <<...>>): ADD a :v; set_delete: DELETE a :v.
            const QString name = v.op.toUpper();
            if (v.args.size() != 2)
                return invalid(QStringLiteral("%1 must have exactly two arguments").arg(name));
            if (v.args[0]->kind != Expr::Kind::Path || w.path(v.args[0]->path) != target)
                return invalid(QStringLiteral("The first argument to %1 must equal the assignment value").arg(name));
            const QString type = v.args[1]->kind == Expr::Kind::Value && v.args[1]->value.size() == 1 ? v.args[1]->value.constBegin().key() : QString();
            if (type != u"SS" && type != u"NS" && type != u"BS")
                return invalid(QStringLiteral("The second argument to %1 must be a value with type SET").arg(name));
            (v.op == u"set_add" ? adds : deletes) << target + u' ' + w.value(v.args[1]->value);
            continue;
        }
        DD_ASSIGN(QString value, w.setValue(v));
        sets << target + u" = "_s + value;
    }
    QStringList clauses;
    if (!sets.isEmpty())
        clauses << u"SET "_s + sets.join(p(", "));
    if (!removes.isEmpty())
        clauses << u"REMOVE "_s + removes.join(p(", "));
    if (!adds.isEmpty())
        clauses << u"ADD "_s + adds.join(p(", "));
    if (!deletes.isEmpty())
        clauses << u"DELETE "_s + deletes.join(p(", "));
    QJsonObject &r = t.request;
    r.insert(p("UpdateExpression"), clauses.join(u' '));
    // An UPDATE changes an item that exists.
    DD_ASSIGN(QString condition, joinConditions(w, rest, u"attribute_exists("_s + w.name(table.keys.hash.name) + u')'));
    r.insert(p("ConditionExpression"), condition);
    if (!s.returning.isEmpty())
        r.insert(p("ReturnValues"), s.returning);
    putExpressions(r, w);
    return t;
}

Result<Translation> remove(const Statement &s, const storage::TableDef &table, Use use)
{
    DD_CHECK(checkReturning(s, use));
    std::vector<const Expr *> rest;
    DD_ASSIGN(Translation t, oneItem(s, table, "DeleteItem", kMandatoryEquality, rest));
    Writer w;
    QJsonObject &r = t.request;
    if (!rest.empty()) {
        DD_ASSIGN(QString condition, joinConditions(w, rest));
        r.insert(p("ConditionExpression"), condition);
    }
    if (!s.returning.isEmpty())
        r.insert(p("ReturnValues"), s.returning);
    putExpressions(r, w);
    return t;
}

Result<Translation> exists(const Statement &s, const storage::TableDef &table, Use use)
{
    if (use != Use::Transaction)
        return invalid(p("EXISTS can only be used in ExecuteTransaction write requests."));
    if (!s.index.isEmpty())
        return invalid(p("Operations on indices are not supported in transactions"));
    const QString single = p("EXISTS() must contain a single item read with additional condition");
    std::vector<const Expr *> rest;
    DD_ASSIGN(Translation t, oneItem(s, table, "ConditionCheck", single, rest));
    if (rest.empty() || !s.projection.empty() || !s.orderBy.empty())
        return invalid(single);
    Writer w;
    QJsonObject &r = t.request;
    DD_ASSIGN(QString condition, joinConditions(w, rest, u"attribute_exists("_s + w.name(table.keys.hash.name) + u')'));
    r.insert(p("ConditionExpression"), condition);
    putExpressions(r, w);
    return t;
}

} // namespace

Result<Translation> translate(const Statement &statement, const storage::TableDef &table, Use use)
{
    switch (statement.kind) {
    case Statement::Kind::Select:
        return select(statement, table, use);
    case Statement::Kind::Insert:
        return insert(statement, table);
    case Statement::Kind::Update:
        return update(statement, table, use);
    case Statement::Kind::Delete:
        return remove(statement, table, use);
    case Statement::Kind::Exists:
        return exists(statement, table, use);
    }
    return invalid(p("Unsupported statement"));
}

} // namespace dd::partiql
