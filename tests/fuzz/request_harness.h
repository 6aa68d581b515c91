// The request fuzzer's harness, shared by the libFuzzer target
// (request_fuzz.cpp) and the corpus replay test in the normal build
// (tests/engine/api/tst_requestcorpus.cpp).
//
// An input is up to kMaxRequests requests separated by NUL bytes; each is
// one byte that picks the operation (operations(), modulo its size) and the
// request's JSON text. Every input runs against a fresh in-memory engine
// holding two tables: tab (pk S, sk N; a GSI with an ALL projection, an LSI
// with KEYS_ONLY, a stream) and hsh (a B hash key), with a few items, so that
// requests naming them reach the item, index, stream and transaction code.
//
// Besides crashes, hangs and sanitizer reports, runInput() reports:
// - an InternalServerError: bad input must get a client error
//   (ValidationException and friends), never a server one;
// - a failed call that changed tab's or hsh's items: a rejected request
//   changes nothing;
// - a success whose body is neither empty nor a JSON object.
#pragma once

#include "api/engine.h"
#include "quietengine.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <memory>

namespace dd::fuzz {

constexpr int kMaxRequests = 4;

inline const QStringList &operations()
{
    static const QStringList ops = {
        QStringLiteral("PutItem"), QStringLiteral("GetItem"), QStringLiteral("UpdateItem"),
        QStringLiteral("DeleteItem"), QStringLiteral("Query"), QStringLiteral("Scan"),
        QStringLiteral("BatchWriteItem"), QStringLiteral("BatchGetItem"), QStringLiteral("TransactWriteItems"),
        QStringLiteral("TransactGetItems"), QStringLiteral("CreateTable"), QStringLiteral("UpdateTable"),
        QStringLiteral("DescribeTable"), QStringLiteral("DeleteTable"), QStringLiteral("ListTables"),
        QStringLiteral("UpdateTimeToLive"), QStringLiteral("DescribeTimeToLive"), QStringLiteral("TagResource"),
        QStringLiteral("UntagResource"), QStringLiteral("ListTagsOfResource"), QStringLiteral("DescribeLimits"),
        QStringLiteral("Streams.ListStreams"), QStringLiteral("Streams.DescribeStream"),
        QStringLiteral("Streams.GetShardIterator"), QStringLiteral("Streams.GetRecords"),
        QStringLiteral("CreateBackup"), QStringLiteral("DescribeBackup"), QStringLiteral("ListBackups"),
        QStringLiteral("DeleteBackup"), QStringLiteral("RestoreTableFromBackup"),
        QStringLiteral("UpdateContinuousBackups"), QStringLiteral("DescribeContinuousBackups"),
        QStringLiteral("RestoreTableToPointInTime"), QStringLiteral("Dynamodesk.DescribeTableHistory"),
        QStringLiteral("Dynamodesk.PreviewRestore"), QStringLiteral("Dynamodesk.ListTriggers"),
    };
    return ops;
}

class RequestHarness {
public:
    // Opens the engine and the fixture; an empty string, or what failed.
    QString open()
    {
        auto e = openQuietEngine();
        if (!e.ok())
            return e.error().message();
        m_engine = std::move(*e);
        m_ctx.commandTriggersAllowed = false; // no fuzzed shell commands
        static const char *const setup[][2] = {
            {"CreateTable", R"({"TableName":"tab","BillingMode":"PAY_PER_REQUEST",
              "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"},
                {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"S"}],
              "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
              "GlobalSecondaryIndexes":[{"IndexName":"gsi","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},
                {"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"ALL"}}],
              "LocalSecondaryIndexes":[{"IndexName":"lsi","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
                {"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
              "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"}})"},
            {"CreateTable", R"({"TableName":"hsh","BillingMode":"PAY_PER_REQUEST",
              "AttributeDefinitions":[{"AttributeName":"id","AttributeType":"B"}],
              "KeySchema":[{"AttributeName":"id","KeyType":"HASH"}]})"},
            {"PutItem", R"({"TableName":"tab","Item":{"pk":{"S":"a"},"sk":{"N":"1"},"g":{"S":"x"},"l":{"S":"m"},
              "n":{"N":"5"},"ss":{"SS":["p","q"]},"m":{"M":{"k":{"L":[{"S":"v"},{"N":"2"}]}}},"b":{"B":"AAE="}}})"},
            {"PutItem", R"({"TableName":"tab","Item":{"pk":{"S":"a"},"sk":{"N":"2"},"g":{"S":"y"},"n":{"N":"-1.5"},
              "bool":{"BOOL":true},"nul":{"NULL":true},"ns":{"NS":["1","2"]}}})"},
            {"PutItem", R"({"TableName":"tab","Item":{"pk":{"S":"b"},"sk":{"N":"1"},"l":{"S":"z"},"bs":{"BS":["AQ=="]}}})"},
            {"PutItem", R"({"TableName":"hsh","Item":{"id":{"B":"AQI="},"v":{"S":"w"}}})"},
        };
        for (const auto &[op, json] : setup) {
            auto r = m_engine->call(m_ctx, QString::fromLatin1(op), QByteArrayView(json));
            if (!r.ok())
                return QStringLiteral("setup %1: %2").arg(QLatin1String(op), r.error().message());
        }
        return {};
    }

    // Runs one input; an empty string, or the broken rule. Each request's
    // outcome ("PutItem ok", "Query ValidationException") goes to `outcomes`.
    QString runInput(QByteArrayView input, QStringList *outcomes = nullptr)
    {
        int n = 0;
        while (!input.isEmpty() && n++ < kMaxRequests) {
            const qsizetype end = input.indexOf('\0');
            const QByteArrayView request = end < 0 ? input : input.first(end);
            input = end < 0 ? QByteArrayView() : input.sliced(end + 1);
            if (request.isEmpty())
                continue;
            const QString &op = operations().at(quint8(request[0]) % operations().size());
            const QByteArray body = request.sliced(1).toByteArray();
            const QByteArray before = fixtureItems();
            auto r = m_engine->call(m_ctx, op, body);
            if (outcomes)
                outcomes->append(op + QLatin1Char(' ') + (r.ok() ? QStringLiteral("ok") : r.error().type()));
            if (!r.ok() && qEnvironmentVariableIsSet("DD_FUZZ_VERBOSE"))
                qInfo("%s: %s", qPrintable(op), qPrintable(r.error().message()));
            if (r.ok()) {
                // TagResource and UntagResource answer with an empty body, as AWS does.
                if (!r->isEmpty() && !QJsonDocument::fromJson(*r).isObject())
                    return QStringLiteral("%1 answered with a body that is not a JSON object: %2").arg(op, QString::fromUtf8(r->left(200)));
                continue;
            }
            if (r.error().type() == QLatin1String("InternalServerError"))
                return QStringLiteral("%1 failed with InternalServerError: %2").arg(op, r.error().message());
            if (fixtureItems() != before)
                return QStringLiteral("%1 failed (%2: %3) but changed the items").arg(op, r.error().type(), r.error().message());
        }
        return {};
    }

private:
    // The items of tab and hsh (or the errors reading them), in key order.
    QByteArray fixtureItems()
    {
        QByteArray out;
        for (const char *table : {"tab", "hsh"}) {
            QJsonArray all;
            QJsonObject request{{QStringLiteral("TableName"), QLatin1String(table)}, {QStringLiteral("ConsistentRead"), true}};
            for (;;) {
                auto r = m_engine->call(m_ctx, QStringLiteral("Scan"), request);
                if (!r.ok()) {
                    out += r.error().type().toUtf8();
                    break;
                }
                const QJsonObject page = QJsonDocument::fromJson(*r).object();
                for (const QJsonValue &item : page.value(QStringLiteral("Items")).toArray())
                    all.append(item);
                if (!page.contains(QStringLiteral("LastEvaluatedKey")))
                    break;
                request.insert(QStringLiteral("ExclusiveStartKey"), page.value(QStringLiteral("LastEvaluatedKey")));
            }
            out += QJsonDocument(all).toJson(QJsonDocument::Compact);
            out += '\n';
        }
        return out;
    }

    std::unique_ptr<api::Engine> m_engine;
    api::RequestContext m_ctx;
};

} // namespace dd::fuzz
