// SELECT as a DynamoDB request: a GetItem in a batch or a transaction; else
// a Query when the WHERE clause gives the partition key (with =, IN or OR),
// or a multi-attribute key's partition attributes, and a Scan otherwise.
#include "partiql/translate_p.h"

#include "model/json.h"
#include "model/keycodec.h"

#include <algorithm>

namespace dd::partiql::translate_detail {

using namespace Qt::StringLiterals;

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
        // With nested paths the read fetches their top-level attributes whole, and projectItem() takes each path
        // from them: a ProjectionExpression's answer keeps only the chosen list elements, renumbered from 0, so
        // l[1], l[3] could not be told apart in it.
        const bool nested = std::any_of(s.projection.begin(), s.projection.end(), [](const Path &pth) { return pth.size() > 1; });
        QStringList paths;
        for (const Path &pth : s.projection) {
            const QString written = w.path(nested ? Path{pth.front()} : pth);
            if (!paths.contains(written))
                paths << written;
        }
        r.insert(p("ProjectionExpression"), paths.join(p(", ")));
    }
    if (use != Use::Statement) {
        const QString missing = use == Use::Batch ? p("Select statements within BatchExecuteStatement must specify the primary key in the where clause.")
                                                  : p("Select statements within ExecuteTransaction must specify the primary key in the where clause.");
        std::vector<const Expr *> rest;
        DD_ASSIGN(Translation get, oneItem(s, table, "GetItem", missing, rest));
        if (!rest.empty() || !s.orderBy.empty())
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
    // ORDER BY the partition key first: the only order of several partitions.
    const bool orderedByPartition = !s.orderBy.empty() && s.orderBy.front().path.size() == 1
                                    && s.orderBy.front().path.front().name == keys.hash.name;
    // Each partition once (a WHERE clause matches an item once: pk IN
    // ['a', 'a'] read it twice), in key order when ORDER BY names the
    // partition key (DESC reverses it below), else as written.
    if (!partitionValues.isEmpty()) {
        std::vector<std::pair<QByteArray, QJsonValue>> keyed;
        for (const QJsonValue &v : std::as_const(partitionValues)) {
            DD_ASSIGN(const model::AttributeValue value, model::attributeFromJson(v));
            QByteArray encoded = model::encodeKeyValue(value);
            if (std::none_of(keyed.begin(), keyed.end(), [&](const auto &k) { return k.first == encoded; }))
                keyed.emplace_back(std::move(encoded), v);
        }
        if (orderedByPartition)
            std::stable_sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        partitionValues = QJsonArray();
        for (const auto &k : keyed)
            partitionValues.append(k.second);
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
    // The directions ORDER BY gives: the partitions' (the values of IN) and
    // the sort key's within each; ORDER BY the partition key alone orders both.
    bool partitionsDescending = false;
    bool sortDescending = false;
    if (!s.orderBy.empty()) {
        if (!s.where)
            return invalid(p("Must have WHERE clause in the statement when using ORDER BY clause."));
        // Such an index is scanned (above), so there is no Query to order;
        // the message for a missing hash key condition would mislead a WHERE
        // clause that gives every partition attribute. (Dynamodesk's words.)
        if (keys.composite())
            return invalid(QStringLiteral("ORDER BY is not supported on index %1, whose key has more than one attribute").arg(s.index));
        if (!partition)
            return invalid(p("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause."));
        std::optional<bool> onHash, onRange;
        for (const Statement::OrderKey &key : s.orderBy) {
            const Path &path = key.path;
            const bool hash = path.size() == 1 && path.front().name == keys.hash.name;
            const bool range = path.size() == 1 && keys.range && path.front().name == keys.range->name;
            if (!hash && !range) {
                QString written;
                for (const PathStep &step : path)
                    written += step.index >= 0 ? u'[' + QString::number(step.index) + u']' : (written.isEmpty() ? QString() : p(".")) + step.name;
                return invalid(QStringLiteral("Variable reference %1 in ORDER BY clause must be part of the primary key").arg(written));
            }
            std::optional<bool> &direction = hash ? onHash : onRange;
            if (!direction)
                direction = key.descending;
        }
        if (!partitionValues.isEmpty() && !orderedByPartition)
            return invalid(p("Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause."));
        partitionsDescending = onHash.value_or(false);
        sortDescending = onRange.value_or(partitionsDescending);
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
        if (sortDescending)
            r.insert(p("ScanIndexForward"), false);
        if (partitionsDescending) {
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
    if (keys.composite() && s.orderBy.empty()) {
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

} // namespace dd::partiql::translate_detail
