// ExecuteStatement, BatchExecuteStatement and ExecuteTransaction: PartiQL
// statements parsed (statement.h), turned into the item operations that do
// the same (translate.h) and run through those operations' own handlers, so
// that every rule, error, index, capacity figure and change-log record is
// theirs. What is PartiQL's own: DuplicateItemException for an INSERT of an
// item that exists, ConditionalCheckFailedException for an UPDATE of one
// that does not, the response shapes, and NextToken.
#include "api/opcontext.h"
#include "api/shapevalidator.h"
#include "model/json.h"
#include "partiql/translate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace dd::api {

namespace {

using namespace partiql;

QString p(const char *s) { return QString::fromLatin1(s); }

ApiError duplicateItem() { return {p("DuplicateItemException"), p("Duplicate primary key exists in table")}; }

// Runs one translated request through its operation's handler, after the
// checks of AWS's model that Engine::call makes for a request from a client.
Result<QJsonObject> run(OpContext &ctx, const QString &operation, const QJsonObject &request)
{
    static const QHash<QString, OpHandler> handlers = {
        {p("Query"), static_cast<OpHandler>(query)},
        {p("Scan"), scan},
        {p("GetItem"), static_cast<OpHandler>(getItem)},
        {p("PutItem"), static_cast<OpHandler>(putItem)},
        {p("UpdateItem"), static_cast<OpHandler>(updateItem)},
        {p("DeleteItem"), deleteItem},
        {p("TransactWriteItems"), transactWriteItems},
        {p("TransactGetItems"), transactGetItems},
    };
    DD_CHECK(ShapeValidator::instance(ShapeValidator::Service::DynamoDB).validate(operation, request));
    OpContext c = ctx;
    c.keyAttributesInFilter = true; // a Query's filter: the rest of the WHERE clause
    DD_ASSIGN(QByteArray out, handlers.value(operation)(c, request));
    return QJsonDocument::fromJson(out).object();
}

struct Parsed {
    Statement statement;
    Translation translation;
};

Result<Parsed> prepare(OpContext &ctx, const QJsonObject &req, Use use)
{
    Parsed out;
    // Parameters are AttributeValues, read with the request as AWS reads
    // them: a bad one fails as in any item, whatever place its ? has (its
    // errors named the expression value the statement became, ":v0").
    for (const QJsonValue &parameter : req.value(p("Parameters")).toArray())
        DD_CHECK(model::attributeFromJson(parameter));
    DD_ASSIGN(out.statement, parseStatement(req.value(p("Statement")).toString(), req.value(p("Parameters")).toArray()));
    DD_ASSIGN(auto table, requireTable(ctx, out.statement.table, true));
    DD_ASSIGN(out.translation, translate(out.statement, *table, use));
    return out;
}

// NextToken: the page's LastEvaluatedKey and, for a SELECT whose partition
// key is given by IN, which of its values the next page continues with; and
// a digest of the statement and its parameters, which the next page's
// request must repeat.
QString requestDigest(const QJsonObject &req)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(req.value(p("Statement")).toString().toUtf8());
    h.addData(toBody(QJsonObject{{p("p"), req.value(p("Parameters"))}}));
    return QString::fromLatin1(h.result().left(12).toBase64());
}

QString encodeToken(const QJsonObject &req, int valueIndex, const QJsonObject &lastKey)
{
    QJsonObject t{{p("r"), requestDigest(req)}, {p("v"), valueIndex}};
    if (!lastKey.isEmpty())
        t.insert(p("k"), lastKey);
    return QString::fromLatin1(toBody(t).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

Result<std::pair<int, QJsonObject>> decodeToken(const QJsonObject &req)
{
    const QByteArray token = req.value(p("NextToken")).toString().toLatin1();
    const auto bytes = QByteArray::fromBase64Encoding(token, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const QJsonDocument doc = bytes ? QJsonDocument::fromJson(*bytes) : QJsonDocument();
    const QJsonObject t = doc.object();
    if (!t.value(p("v")).isDouble() || !t.value(p("r")).isString() || (t.contains(p("k")) && !t.value(p("k")).isObject()))
        return ApiError::validation(p("Invalid NextToken"));
    if (t.value(p("r")).toString() != requestDigest(req))
        return ApiError::validation(p("NextToken does not match request"));
    return std::pair{t.value(p("v")).toInt(), t.value(p("k")).toObject()};
}

void addCapacity(QJsonObject &total, const QJsonObject &page)
{
    if (page.isEmpty())
        return;
    if (total.isEmpty()) {
        total = page;
        return;
    }
    // The same table (and index) every page: add the units.
    std::function<void(QJsonObject &, const QJsonObject &)> add = [&](QJsonObject &into, const QJsonObject &from) {
        for (auto it = from.begin(); it != from.end(); ++it) {
            if (it.value().isDouble())
                into.insert(it.key(), into.value(it.key()).toDouble() + it.value().toDouble());
            else if (it.value().isObject()) {
                QJsonObject inner = into.value(it.key()).toObject();
                add(inner, it.value().toObject());
                into.insert(it.key(), inner);
            }
        }
    };
    add(total, page);
}

// A SELECT run as Query or Scan pages: one page of the operation, or, for
// IN on the partition key, Queries of the values in turn until one stops
// early (Limit, 1 MB) or the items read reach Limit.
Result<QByteArray> runSelect(OpContext &ctx, const QJsonObject &req, const Translation &t)
{
    if (t.globalIndex && req.value(p("ConsistentRead")).toBool())
        return ApiError::validation(p("Strongly consistent read is not supported on Global Secondary Indexes"));
    QJsonObject request = t.request;
    for (const char *copied : {"ConsistentRead", "ReturnConsumedCapacity", "Limit"}) {
        if (req.contains(p(copied)))
            request.insert(p(copied), req.value(p(copied)));
    }
    int valueIndex = 0;
    QJsonObject startKey;
    if (req.contains(p("NextToken"))) {
        DD_ASSIGN(auto token, decodeToken(req));
        std::tie(valueIndex, startKey) = token;
        if (valueIndex < 0 || valueIndex >= std::max<qsizetype>(1, t.partitionValues.size()))
            return ApiError::validation(p("Invalid NextToken"));
    }
    const bool perValue = !t.partitionValues.isEmpty();
    // The values' Queries share the 1 MB a page may read. What each read is
    // its consumed capacity (a unit per 4 KB, half a unit eventually
    // consistent): asked for here if the client did not, and not answered then.
    const bool capacityAsked = req.contains(p("ReturnConsumedCapacity")) && req.value(p("ReturnConsumedCapacity")).toString() != u"NONE";
    if (perValue && !capacityAsked)
        request.insert(p("ReturnConsumedCapacity"), p("TOTAL"));
    const double bytesPerUnit = req.value(p("ConsistentRead")).toBool() ? 4096 : 8192;
    const int limit = req.contains(p("Limit")) ? req.value(p("Limit")).toInt() : 0;
    int read = 0;
    QJsonArray items;
    QJsonObject capacity;
    QString nextToken;
    qint64 bytes = 0;
    for (;;) {
        QJsonObject page = request;
        if (!startKey.isEmpty())
            page.insert(p("ExclusiveStartKey"), startKey);
        if (perValue) {
            QJsonObject values = page.value(p("ExpressionAttributeValues")).toObject();
            values.insert(p(":pk"), t.partitionValues[valueIndex]);
            page.insert(p("ExpressionAttributeValues"), values);
            if (limit > 0)
                page.insert(p("Limit"), limit - read);
        }
        DD_ASSIGN(QJsonObject out, run(ctx, t.operation, page));
        for (const QJsonValue &item : out.value(p("Items")).toArray())
            items.append(projectItem(item.toObject(), t.projection));
        read += out.value(p("ScannedCount")).toInt();
        const QJsonObject consumed = out.value(p("ConsumedCapacity")).toObject();
        if (perValue)
            bytes += qint64(consumed.value(p("CapacityUnits")).toDouble() * bytesPerUnit);
        if (capacityAsked)
            addCapacity(capacity, consumed);
        const QJsonObject last = out.value(p("LastEvaluatedKey")).toObject();
        if (!last.isEmpty()) {
            nextToken = encodeToken(req, valueIndex, last);
            break;
        }
        if (!perValue || ++valueIndex >= t.partitionValues.size())
            break;
        startKey = QJsonObject();
        if ((limit > 0 && read >= limit) || bytes >= 1024 * 1024) {
            nextToken = encodeToken(req, valueIndex, QJsonObject());
            break;
        }
    }
    QJsonObject response{{p("Items"), items}};
    if (!nextToken.isEmpty())
        response.insert(p("NextToken"), nextToken);
    if (!capacity.isEmpty())
        response.insert(p("ConsumedCapacity"), capacity);
    return toBody(response);
}

// An INSERT, UPDATE or DELETE (or a SELECT of one item, in a batch).
Result<QJsonObject> runWrite(OpContext &ctx, const QJsonObject &req, const Translation &t)
{
    QJsonObject request = t.request;
    const bool read = t.operation == u"GetItem";
    for (const char *copied : {"ReturnConsumedCapacity", read ? "ConsistentRead" : "ReturnValuesOnConditionCheckFailure"}) {
        if (req.contains(p(copied)))
            request.insert(p(copied), req.value(p(copied)));
    }
    Result<QJsonObject> out = run(ctx, t.operation, request);
    if (!out.ok() && t.insert && out.error().type() == u"ConditionalCheckFailedException")
        return duplicateItem();
    if (out.ok() && out->contains(p("Item")))
        out->insert(p("Item"), projectItem(out->value(p("Item")).toObject(), t.projection));
    return out;
}

QString batchCode(const QString &type)
{
    static const QHash<QString, QString> codes = {
        {p("ConditionalCheckFailedException"), p("ConditionalCheckFailed")},
        {p("ItemCollectionSizeLimitExceededException"), p("ItemCollectionSizeLimitExceeded")},
        {p("RequestLimitExceeded"), p("RequestLimitExceeded")},
        {p("ValidationException"), p("ValidationError")},
        {p("ProvisionedThroughputExceededException"), p("ProvisionedThroughputExceeded")},
        {p("TransactionConflictException"), p("TransactionConflict")},
        {p("ThrottlingException"), p("ThrottlingError")},
        {p("ResourceNotFoundException"), p("ResourceNotFound")},
        {p("AccessDeniedException"), p("AccessDenied")},
        {p("DuplicateItemException"), p("DuplicateItem")},
    };
    return codes.value(type, p("InternalServerError"));
}

} // namespace

Result<QByteArray> executeStatement(OpContext &ctx, const QJsonObject &req)
{
    DD_ASSIGN(Parsed parsed, prepare(ctx, req, Use::Statement));
    const Translation &t = parsed.translation;
    if (t.operation == u"Query" || t.operation == u"Scan")
        return runSelect(ctx, req, t);
    DD_ASSIGN(QJsonObject out, runWrite(ctx, req, t));
    // Items: what RETURNING returns, one item or none; none without it.
    QJsonArray items;
    if (const QJsonObject returned = out.value(p("Attributes")).toObject(); !returned.isEmpty())
        items.append(returned);
    QJsonObject response{{p("Items"), items}};
    if (out.contains(p("ConsumedCapacity")))
        response.insert(p("ConsumedCapacity"), out.value(p("ConsumedCapacity")));
    return toBody(response);
}

Result<QByteArray> batchExecuteStatement(OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray statements = req.value(p("Statements")).toArray();
    // Parsed first: a batch is all reads or all writes, on different items.
    std::vector<Result<Parsed>> parsed;
    int reads = 0;
    int writes = 0;
    QSet<QByteArray> items;
    bool duplicates = false;
    for (const QJsonValue &v : statements) {
        parsed.push_back(prepare(ctx, v.toObject(), Use::Batch));
        if (!parsed.back().ok())
            continue;
        const Translation &t = parsed.back()->translation;
        (parsed.back()->statement.kind == Statement::Kind::Select ? reads : writes) += 1;
        const QByteArray item = toBody(QJsonObject{{p("t"), t.request.value(p("TableName"))}, {p("k"), t.key}});
        duplicates = duplicates || items.contains(item);
        items.insert(item);
    }
    if (reads > 0 && writes > 0)
        return ApiError::validation(p("Read and write requests together in the same batch is not supported."));
    if (duplicates)
        return ApiError::validation(p("Provided list of item keys contains duplicates"));
    QJsonArray responses;
    std::vector<QJsonObject> capacities;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        const Result<Parsed> &ps = parsed[size_t(i)];
        if (!ps.ok()) {
            // Not run: no TableName.
            responses.append(QJsonObject{{p("Error"), QJsonObject{{p("Code"), batchCode(ps.error().type())}, {p("Message"), ps.error().message()}}}});
            continue;
        }
        QJsonObject stmt = statements[i].toObject();
        if (req.contains(p("ReturnConsumedCapacity")))
            stmt.insert(p("ReturnConsumedCapacity"), req.value(p("ReturnConsumedCapacity")));
        QJsonObject response{{p("TableName"), ps->translation.request.value(p("TableName"))}};
        Result<QJsonObject> out = runWrite(ctx, stmt, ps->translation);
        if (!out.ok()) {
            QJsonObject error{{p("Code"), batchCode(out.error().type())}, {p("Message"), out.error().message()}};
            // The item that failed the condition, under ReturnValuesOnConditionCheckFailure ALL_OLD (BatchStatementError.Item).
            if (out.error().extra().contains(p("Item")))
                error.insert(p("Item"), out.error().extra().value(p("Item")));
            response.insert(p("Error"), error);
        } else {
            // A read's item, or what a write's RETURNING returns.
            const QJsonObject item = out->value(out->contains(p("Item")) ? p("Item") : p("Attributes")).toObject();
            if (!item.isEmpty())
                response.insert(p("Item"), item);
            if (out->contains(p("ConsumedCapacity")))
                capacities.push_back(out->value(p("ConsumedCapacity")).toObject());
        }
        responses.append(response);
    }
    QJsonObject body{{p("Responses"), responses}};
    if (!capacities.empty()) {
        // By table, in the order tables first appear.
        QJsonArray byTable;
        QHash<QString, qsizetype> at;
        for (const QJsonObject &c : capacities) {
            const QString table = c.value(p("TableName")).toString();
            if (!at.contains(table)) {
                at.insert(table, byTable.size());
                byTable.append(c);
                continue;
            }
            QJsonObject sum = byTable[at.value(table)].toObject();
            addCapacity(sum, c);
            sum.insert(p("TableName"), table);
            byTable[at.value(table)] = sum;
        }
        body.insert(p("ConsumedCapacity"), byTable);
    }
    return toBody(body);
}

Result<QByteArray> executeTransaction(OpContext &ctx, const QJsonObject &req)
{
    const QJsonArray statements = req.value(p("TransactStatements")).toArray();
    std::vector<Parsed> parsed;
    int reads = 0;
    for (qsizetype i = 0; i < statements.size(); ++i) {
        Result<Parsed> ps = prepare(ctx, statements[i].toObject(), Use::Transaction);
        if (!ps.ok()) {
            if (ps.error().type() != u"ValidationException")
                return ps.error();
            return ApiError::validation(QStringLiteral("Validation failed in TransactStatements[%1]: %2").arg(i).arg(ps.error().message()));
        }
        if (ps->statement.kind == Statement::Kind::Select)
            ++reads;
        parsed.push_back(std::move(*ps));
    }
    if (reads > 0 && reads < int(parsed.size()))
        return ApiError::validation(p("ExecuteTransaction API does not support both read and write operations in the same request."));
    QJsonArray items;
    for (size_t i = 0; i < parsed.size(); ++i) {
        const Translation &t = parsed[i].translation;
        QJsonObject action = t.request;
        const QJsonObject stmt = statements[qsizetype(i)].toObject();
        if (stmt.contains(p("ReturnValuesOnConditionCheckFailure")) && reads == 0)
            action.insert(p("ReturnValuesOnConditionCheckFailure"), stmt.value(p("ReturnValuesOnConditionCheckFailure")));
        const QString kind = t.operation == u"GetItem"      ? p("Get")
                             : t.operation == u"PutItem"    ? p("Put")
                             : t.operation == u"UpdateItem" ? p("Update")
                             : t.operation == u"DeleteItem" ? p("Delete")
                                                            : p("ConditionCheck");
        items.append(QJsonObject{{kind, action}});
    }
    QJsonObject request{{p("TransactItems"), items}};
    for (const char *copied : {"ReturnConsumedCapacity", "ClientRequestToken"}) {
        if (req.contains(p(copied)) && (reads == 0 || QLatin1String(copied) != QLatin1String("ClientRequestToken")))
            request.insert(p(copied), req.value(p(copied)));
    }
    if (reads > 0) {
        DD_ASSIGN(QJsonObject out, run(ctx, p("TransactGetItems"), request));
        QJsonArray responses = out.value(p("Responses")).toArray();
        for (qsizetype i = 0; i < responses.size(); ++i) {
            QJsonObject r = responses[i].toObject();
            if (r.contains(p("Item")))
                r.insert(p("Item"), projectItem(r.value(p("Item")).toObject(), parsed[size_t(i)].translation.projection));
            responses[i] = r;
        }
        QJsonObject body{{p("Responses"), responses}};
        if (out.contains(p("ConsumedCapacity")))
            body.insert(p("ConsumedCapacity"), out.value(p("ConsumedCapacity")));
        return toBody(body);
    }
    Result<QJsonObject> out = run(ctx, p("TransactWriteItems"), request);
    if (!out.ok()) {
        ApiError e = out.error();
        if (e.type() != u"TransactionCanceledException")
            return e;
        // An INSERT's failed condition: the item exists.
        QJsonArray reasons = e.extra().value(p("CancellationReasons")).toArray();
        QStringList codes;
        for (qsizetype i = 0; i < reasons.size(); ++i) {
            QJsonObject r = reasons[i].toObject();
            if (parsed[size_t(i)].translation.insert && r.value(p("Code")).toString() == u"ConditionalCheckFailed") {
                r.insert(p("Code"), p("DuplicateItem"));
                r.insert(p("Message"), duplicateItem().message());
                reasons[i] = r;
            }
            codes << r.value(p("Code")).toString();
        }
        ApiError mapped = ApiError::transactionCanceled(
            QStringLiteral("Transaction cancelled, please refer cancellation reasons for specific reasons [%1]").arg(codes.join(p(", "))));
        for (auto it = e.extra().begin(); it != e.extra().end(); ++it)
            mapped.withExtra(it.key(), it.value());
        mapped.withExtra(p("CancellationReasons"), reasons);
        return mapped;
    }
    QJsonObject body;
    if (out->contains(p("ConsumedCapacity")))
        body.insert(p("ConsumedCapacity"), out->value(p("ConsumedCapacity")));
    return toBody(body);
}

} // namespace dd::api
