#include "partiql/translate.h"

#include <QHash>

namespace dd::partiql {

using namespace Qt::StringLiterals;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

ApiError invalid(const QString &m) { return ApiError::validation(m); }

// Writes expressions with #n and :v placeholders.
class Writer {
public:
    QJsonObject names;
    QJsonObject values;

    QString name(const QString &n)
    {
        auto it = m_names.constFind(n);
        if (it != m_names.constEnd())
            return *it;
        const QString id = u"#n"_s + QString::number(m_names.size());
        m_names.insert(n, id);
        names.insert(id, n);
        return id;
    }

    QString value(const QJsonObject &v)
    {
        const QString id = u":v"_s + QString::number(values.size());
        values.insert(id, v);
        return id;
    }

    QString path(const Path &path)
    {
        QString out;
        for (const PathStep &s : path) {
            if (s.index >= 0)
                out += u'[' + QString::number(s.index) + u']';
            else
                out += (out.isEmpty() ? QString() : p(".")) + name(s.name);
        }
        return out;
    }

    // A value: a path, a literal, size(path).
    Result<QString> operand(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Path:
            return path(e.path);
        case Expr::Kind::Value:
            return value(e.value);
        case Expr::Kind::Call:
            if (e.op == u"size") {
                if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::Path)
                    return invalid(p("size() takes one document path"));
                return u"size("_s + path(e.args[0]->path) + u')';
            }
            return invalid(QStringLiteral("The function %1 gives no value to compare").arg(e.op));
        default:
            return invalid(p("Only a document path, a value or size() can be compared"));
        }
    }

    // A condition.
    Result<QString> condition(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Compare: {
            if (e.op != u"=" && e.op != u"<>")
                DD_CHECK(orderable(e.op, e.args));
            DD_ASSIGN(QString a, operand(*e.args[0]));
            DD_ASSIGN(QString b, operand(*e.args[1]));
            return a + u' ' + e.op + u' ' + b;
        }
        case Expr::Kind::Between: {
            DD_CHECK(orderable(p("BETWEEN"), e.args));
            DD_ASSIGN(QString a, operand(*e.args[0]));
            DD_ASSIGN(QString low, operand(*e.args[1]));
            DD_ASSIGN(QString high, operand(*e.args[2]));
            return a + u" BETWEEN "_s + low + u" AND "_s + high;
        }
        case Expr::Kind::In: {
            DD_ASSIGN(QString a, operand(*e.args[0]));
            QStringList list;
            for (size_t i = 1; i < e.args.size(); ++i) {
                DD_ASSIGN(QString v, operand(*e.args[i]));
                list << v;
            }
            return a + u" IN ("_s + list.join(p(", ")) + u')';
        }
        case Expr::Kind::And:
        case Expr::Kind::Or: {
            QStringList parts;
            for (const auto &a : e.args) {
                DD_ASSIGN(QString c, condition(*a));
                parts << u'(' + c + u')';
            }
            return parts.join(e.kind == Expr::Kind::And ? p(" AND ") : p(" OR "));
        }
        case Expr::Kind::Not: {
            DD_ASSIGN(QString c, condition(*e.args[0]));
            return u"NOT ("_s + c + u')';
        }
        case Expr::Kind::IsMissing:
        case Expr::Kind::IsType: {
            if (e.args[0]->kind != Expr::Kind::Path)
                return invalid(p("The left hand side argument to IS must be a Variable Reference, Literal, or Path"));
            const QString a = path(e.args[0]->path);
            if (e.kind == Expr::Kind::IsMissing)
                return (e.negated ? u"attribute_exists("_s : u"attribute_not_exists("_s) + a + u')';
            // IS NULL: the NULL value (a missing attribute is not NULL); IS STRING, ...: attribute_type.
            const QString is = u"attribute_type("_s + a + p(", ") + value(QJsonObject{{p("S"), e.op}}) + u')';
            return e.negated ? u"NOT "_s + is : is;
        }
        case Expr::Kind::Call: {
            if (e.op == u"begins_with" || e.op == u"contains" || e.op == u"attribute_type") {
                if (e.args.size() != 2)
                    return invalid(QStringLiteral("The function %1 takes two arguments").arg(e.op));
                DD_ASSIGN(QString a, operand(*e.args[0]));
                DD_ASSIGN(QString b, operand(*e.args[1]));
                return e.op + u'(' + a + p(", ") + b + u')';
            }
            if (e.op == u"attribute_exists" || e.op == u"attribute_not_exists") {
                if (e.args.size() != 1 || e.args[0]->kind != Expr::Kind::Path)
                    return invalid(QStringLiteral("The function %1 takes one document path").arg(e.op));
                return e.op + u'(' + path(e.args[0]->path) + u')';
            }
            return invalid(p("WHERE clause must contain an expression that resolves to a boolean"));
        }
        case Expr::Kind::Arith:
            return invalid(QStringLiteral("Unsupported operator in Condition Expression. Operator: %1").arg(e.op));
        default:
            return invalid(p("WHERE clause must contain an expression that resolves to a boolean"));
        }
    }

    // A SET action's value: a value, a path, a + b, a - b, list_append(a, b).
    Result<QString> setValue(const Expr &e)
    {
        switch (e.kind) {
        case Expr::Kind::Path:
            return path(e.path);
        case Expr::Kind::Value:
            return value(e.value);
        case Expr::Kind::Arith: {
            DD_ASSIGN(QString a, setValue(*e.args[0]));
            DD_ASSIGN(QString b, setValue(*e.args[1]));
            return a + u' ' + e.op + u' ' + b;
        }
        case Expr::Kind::Call:
            if ((e.op == u"list_append" || e.op == u"if_not_exists") && e.args.size() == 2) {
                DD_ASSIGN(QString a, setValue(*e.args[0]));
                DD_ASSIGN(QString b, setValue(*e.args[1]));
                return e.op + u'(' + a + p(", ") + b + u')';
            }
            return invalid(QStringLiteral("The function %1 cannot be used here").arg(e.op));
        default:
            return invalid(p("A SET action takes a value, a document path, an addition or subtraction, or a function"));
        }
    }

private:
    QHash<QString, QString> m_names;

    // < <= > >= BETWEEN take strings, numbers and binary values only.
    static Result<void> orderable(const QString &op, const std::vector<std::unique_ptr<Expr>> &args)
    {
        for (const auto &a : args) {
            if (a->kind != Expr::Kind::Value)
                continue;
            const QString type = a->value.size() == 1 ? a->value.constBegin().key() : QString();
            if (type != u"S" && type != u"N" && type != u"B")
                return invalid(QStringLiteral("Incorrect operand type for operator or function; operator or function: %1, operand type: %2").arg(op, type));
        }
        return {};
    }
};

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

const QString kMandatoryEquality = p("Where clause does not contain a mandatory equality on all key attributes");

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

Result<void> checkReturning(const Statement &s, Use use)
{
    if (use == Use::Transaction && !s.returning.isEmpty())
        return invalid(p("RETURNING clause is not supported in ExecuteTransaction."));
    return {};
}

Result<QString> joinConditions(Writer &w, const std::vector<const Expr *> &parts, const QString &first = QString())
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

Result<Translation> select(const Statement &s, const storage::TableDef &table, Use use)
{
    Translation t;
    t.projection = s.projection;
    Writer w;
    QJsonObject &r = t.request;
    r.insert(p("TableName"), table.name);
    storage::KeySchema keys = table.keys;
    if (!s.index.isEmpty()) {
        const storage::IndexDef *index = table.index(s.index);
        if (use == Use::Transaction)
            return invalid(p("Reads on indices are not supported within transactions."));
        if (use == Use::Batch)
            return invalid(p("Select statements within BatchExecuteStatement must specify the primary key in the where clause."));
        if (!index)
            return invalid(p("The table does not have the specified index"));
        keys = index->keys;
        t.globalIndex = index->global;
        r.insert(p("IndexName"), s.index);
    }
    if (!s.projection.empty()) {
        QStringList paths;
        for (const Path &pth : s.projection)
            paths << w.path(pth);
        r.insert(p("ProjectionExpression"), paths.join(p(", ")));
    }
    if (use != Use::Statement) {
        const QString missing = use == Use::Batch ? p("Select statements within BatchExecuteStatement must specify the primary key in the where clause.")
                                                  : p("Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        std::vector<const Expr *> rest;
        DD_ASSIGN(Translation get, oneItem(s, table, "GetItem", missing, rest));
        if (!rest.empty() || s.orderBy)
            return invalid(missing);
        for (auto it = get.request.begin(); it != get.request.end(); ++it)
            r.insert(it.key(), it.value());
        t.operation = get.operation;
        t.key = get.key;
        putExpressions(r, w);
        return t;
    }

    // A Query when the partition key is given with = or IN.
    const std::vector<const Expr *> parts = conjuncts(s.where.get());
    // The partition key's one value, or its values (pk IN [...], or pk = a OR pk = b).
    const Expr *partition = nullptr;
    std::optional<QJsonObject> partitionValue;
    QJsonArray partitionValues;
    // An index whose key has several attributes (a multi-attribute GSI key)
    // is read by a Query of its own below, or a Scan of the index with the
    // whole WHERE clause as its filter.
    for (const Expr *c : keys.composite() ? std::vector<const Expr *>() : parts) {
        if (const auto equal = equalityOn(*c, keys.hash.name)) {
            DD_CHECK(checkKeyValue(keys.hash, *equal));
            partitionValue = *equal;
        } else if (c->kind == Expr::Kind::In && isAttribute(*c->args[0], keys.hash.name)
                   && std::all_of(c->args.begin() + 1, c->args.end(), [](const auto &a) { return a->kind == Expr::Kind::Value; })) {
            for (size_t i = 1; i < c->args.size(); ++i)
                partitionValues.append(c->args[i]->value);
        } else if (c->kind == Expr::Kind::Or
                   && std::all_of(c->args.begin(), c->args.end(), [&](const auto &a) { return equalityOn(*a, keys.hash.name).has_value(); })) {
            for (const auto &a : c->args)
                partitionValues.append(*equalityOn(*a, keys.hash.name));
        } else
            continue;
        for (const QJsonValue &v : partitionValues)
            DD_CHECK(checkKeyValue(keys.hash, v.toObject()));
        partition = c;
        break;
    }
    const Expr *sortCondition = nullptr;
    std::vector<const Expr *> rest;
    if (partition && keys.range) {
        const QString &sk = keys.range->name;
        for (const Expr *c : parts) {
            if (c == partition)
                continue;
            const bool onSortKey = sortKeyCondition(*c, sk);
            if (onSortKey && !sortCondition)
                sortCondition = c;
            else
                rest.push_back(c);
        }
    } else if (partition) {
        for (const Expr *c : parts)
            if (c != partition)
                rest.push_back(c);
    }
    if (s.orderBy) {
        if (!s.where)
            return invalid(p("Must have WHERE clause in the statement when using ORDER BY clause."));
        // Such an index is scanned (above), so there is no Query to order;
        // the message for a missing hash key condition would mislead a WHERE
        // clause that gives every partition attribute. (Dynamodesk's words.)
        if (keys.composite())
            return invalid(QStringLiteral("ORDER BY is not supported on index %1, whose key has more than one attribute").arg(s.index));
        if (!partition)
            return invalid(p("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause."));
        const bool onKey = s.orderBy->size() == 1
                           && (s.orderBy->front().name == keys.hash.name || (keys.range && s.orderBy->front().name == keys.range->name));
        if (!onKey) {
            QString written;
            for (const PathStep &step : *s.orderBy)
                written += step.index >= 0 ? u'[' + QString::number(step.index) + u']' : (written.isEmpty() ? QString() : p(".")) + step.name;
            return invalid(QStringLiteral("Variable reference %1 in ORDER BY clause must be part of the primary key").arg(written));
        }
        if (!partitionValues.isEmpty() && s.orderBy->front().name != keys.hash.name)
            return invalid(p("Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause."));
    }
    // (The rest may name key attributes: the Query runs with
    // OpContext::keyAttributesInFilter.)
    if (partition) {
        t.operation = p("Query");
        QString keyCondition;
        if (!partitionValue) {
            t.partitionValues = partitionValues;
            keyCondition = w.name(keys.hash.name) + u" = :pk"_s;
        } else
            keyCondition = w.name(keys.hash.name) + u" = "_s + w.value(*partitionValue);
        if (sortCondition) {
            DD_ASSIGN(QString c, w.condition(*sortCondition));
            keyCondition += u" AND "_s + c;
        }
        r.insert(p("KeyConditionExpression"), keyCondition);
        if (!rest.empty()) {
            DD_ASSIGN(QString filter, joinConditions(w, rest));
            r.insert(p("FilterExpression"), filter);
        }
        if (s.orderDescending) {
            r.insert(p("ScanIndexForward"), false);
            // ORDER BY the partition key DESC: the values from last to first.
            QJsonArray reversed;
            for (qsizetype i = t.partitionValues.size() - 1; i >= 0; --i)
                reversed.append(t.partitionValues[i]);
            t.partitionValues = reversed;
        }
        putExpressions(r, w);
        if (!t.partitionValues.isEmpty()) {
            // The key condition's :pk is set per value.
            QJsonObject values = r.value(p("ExpressionAttributeValues")).toObject();
            values.insert(p(":pk"), t.partitionValues.first());
            r.insert(p("ExpressionAttributeValues"), values);
        }
        return t;
    }
    // A multi-attribute key: a Query when the WHERE clause gives every
    // partition attribute with =; its sort attributes join the key
    // condition from the first, with = while they can, then one other
    // condition on the next (the rule of such a Query's key condition).
    if (keys.composite() && !s.orderBy) {
        std::vector<const Expr *> keyParts;
        bool everyPartition = true;
        for (const storage::KeyElement &part : keys.hashParts) {
            const auto found = std::find_if(parts.begin(), parts.end(), [&](const Expr *c) { return equalityOn(*c, part.name).has_value(); });
            if (found == parts.end()) {
                everyPartition = false;
                break;
            }
            DD_CHECK(checkKeyValue(part, *equalityOn(**found, part.name)));
            keyParts.push_back(*found);
        }
        if (everyPartition) {
            for (const storage::KeyElement &part : keys.rangeParts) {
                const auto equal = std::find_if(parts.begin(), parts.end(), [&](const Expr *c) {
                    return std::find(keyParts.begin(), keyParts.end(), c) == keyParts.end() && equalityOn(*c, part.name).has_value();
                });
                if (equal != parts.end()) {
                    keyParts.push_back(*equal);
                    continue;
                }
                const auto other = std::find_if(parts.begin(), parts.end(), [&](const Expr *c) {
                    return std::find(keyParts.begin(), keyParts.end(), c) == keyParts.end() && sortKeyCondition(*c, part.name);
                });
                if (other != parts.end())
                    keyParts.push_back(*other);
                break;
            }
            QStringList keyConditions;
            for (const Expr *c : keyParts) {
                DD_ASSIGN(QString text, w.condition(*c));
                keyConditions << text;
            }
            std::vector<const Expr *> others;
            for (const Expr *c : parts)
                if (std::find(keyParts.begin(), keyParts.end(), c) == keyParts.end())
                    others.push_back(c);
            t.operation = p("Query");
            r.insert(p("KeyConditionExpression"), keyConditions.join(p(" AND ")));
            if (!others.empty()) {
                DD_ASSIGN(QString filter, joinConditions(w, others));
                r.insert(p("FilterExpression"), filter);
            }
            putExpressions(r, w);
            return t;
        }
    }
    t.operation = p("Scan");
    if (s.where) {
        DD_ASSIGN(QString filter, w.condition(*s.where));
        r.insert(p("FilterExpression"), filter);
    }
    putExpressions(r, w);
    return t;
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
    if (rest.empty() || !s.projection.empty() || s.orderBy)
        return invalid(single);
    Writer w;
    QJsonObject &r = t.request;
    DD_ASSIGN(QString condition, joinConditions(w, rest, u"attribute_exists("_s + w.name(table.keys.hash.name) + u')'));
    r.insert(p("ConditionExpression"), condition);
    putExpressions(r, w);
    return t;
}

// The value at `path` in an item's attribute map, if any.
std::optional<QJsonValue> valueAt(const QJsonObject &item, const Path &path)
{
    QJsonValue at = item.value(path.front().name);
    if (at.isUndefined())
        return std::nullopt;
    for (size_t i = 1; i < path.size(); ++i) {
        const QJsonObject v = at.toObject();
        if (path[i].index >= 0) {
            const QJsonArray list = v.value(p("L")).toArray();
            if (path[i].index >= list.size())
                return std::nullopt;
            at = list[path[i].index];
        } else {
            at = v.value(p("M")).toObject().value(path[i].name);
            if (at.isUndefined())
                return std::nullopt;
        }
    }
    return at;
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

namespace dd::partiql {

QJsonObject projectItem(const QJsonObject &item, const std::vector<Path> &projection)
{
    if (std::all_of(projection.begin(), projection.end(), [](const Path &pth) { return pth.size() == 1; }))
        return item;
    QJsonObject out;
    for (const Path &pth : projection) {
        const std::optional<QJsonValue> v = valueAt(item, pth);
        if (!v)
            continue;
        // Keyed by the last name, and the index after it: a.b -> b, a.list[0] -> list[0].
        QString key;
        for (auto step = pth.rbegin(); step != pth.rend(); ++step) {
            if (step->index >= 0) {
                key.prepend(u'[' + QString::number(step->index) + u']');
                continue;
            }
            key.prepend(step->name);
            break;
        }
        out.insert(key, *v);
    }
    return out;
}

} // namespace dd::partiql
