// The request fuzzer's harness, shared by the libFuzzer target
// (request_fuzz.cpp) and the corpus replay test in the normal build
// (tests/engine/api/tst_requestcorpus.cpp).
//
// An input is up to kMaxRequests requests separated by NUL bytes; each is
// one byte that picks the operation (operations(), modulo its size) and the
// request's JSON text. Operations "dax:<Op>" go through the DAX cluster fz. Every input runs against a fresh in-memory engine
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
//
// On disk (Storage::OnDisk: a data folder of its own, as the server keeps
// it), the harness then also closes the engine and opens the folder again,
// and reports any difference in what the tables hold: their names and key
// schemas, their items, each index's items, TTL, tags, stream records and
// point-in-time recovery. Every acknowledged change must survive a restart.
#pragma once

#include "api/engine.h"
#include "quietengine.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>

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
        QStringLiteral("CreateGlobalTable"), QStringLiteral("DescribeGlobalTable"), QStringLiteral("ListGlobalTables"),
        QStringLiteral("ExportTableToPointInTime"), QStringLiteral("DescribeExport"), QStringLiteral("ListExports"),
        QStringLiteral("ImportTable"), QStringLiteral("DescribeImport"), QStringLiteral("ListImports"),
        QStringLiteral("Dax.CreateCluster"), QStringLiteral("Dax.DescribeClusters"), QStringLiteral("Dax.DeleteCluster"),
        QStringLiteral("Dax.CreateParameterGroup"), QStringLiteral("Dax.UpdateParameterGroup"),
        QStringLiteral("Dax.IncreaseReplicationFactor"), QStringLiteral("Dax.DecreaseReplicationFactor"),
        QStringLiteral("Dax.TagResource"), QStringLiteral("Dynamodesk.DescribeClusterMetrics"),
        // Through the DAX cluster "fz" (RequestContext::daxCluster).
        QStringLiteral("dax:GetItem"), QStringLiteral("dax:PutItem"), QStringLiteral("dax:UpdateItem"),
        QStringLiteral("dax:DeleteItem"), QStringLiteral("dax:Query"), QStringLiteral("dax:Scan"),
        QStringLiteral("dax:BatchGetItem"), QStringLiteral("dax:BatchWriteItem"), QStringLiteral("dax:TransactWriteItems"),
        QStringLiteral("dax:CreateTable"),
    };
    return ops;
}

enum class Storage { InMemory, OnDisk };

class RequestHarness {
public:
    explicit RequestHarness(Storage storage = Storage::InMemory) : m_storage(storage) {}

    // Opens the engine and the fixture; an empty string, or what failed.
    QString open()
    {
        if (m_storage == Storage::OnDisk) {
            m_dir = std::make_unique<QTemporaryDir>();
            if (!m_dir->isValid())
                return QStringLiteral("cannot make a data folder: ") + m_dir->errorString();
        }
        auto e = openQuietEngine(m_dir ? m_dir->path() : QString());
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
            {"Dax.CreateCluster", R"({"ClusterName":"fz","NodeType":"dax.t3.small","ReplicationFactor":1,"IamRoleArn":"arn:aws:iam::0:role/d"})"},
        };
        for (const auto &[op, json] : setup) {
            auto r = m_engine->call(m_ctx, QString::fromLatin1(op), QByteArrayView(json));
            if (!r.ok())
                return QStringLiteral("setup %1: %2").arg(QLatin1String(op), r.error().message());
        }
        // A bucket of import sources (one object per format) for ImportTable to read.
        static const char *const objects[][2] = {
            {"json/items.json", "{\"Item\":{\"pk\":{\"S\":\"i\"},\"sk\":{\"N\":\"1\"},\"v\":{\"SS\":[\"a\"]}}}\n{\"Item\":{\"pk\":{\"S\":\"j\"}}}\n"},
            {"ion/items.ion", "$ion_1_0 {Item:{pk:\"i\",sk:1.,v:$dynamodb_NS::[1.,2d1],b:{{AQI=}},m:{'x y':[null,true]}}}\n"},
            {"csv/items.csv", "pk,sk,v\ni,1,\"a,b\"\nj,x,\n"},
        };
        for (const auto &[key, text] : objects) {
            const QString path = m_engine->bucketsFolder() + QStringLiteral("/fuzz/") + QLatin1String(key);
            QDir().mkpath(QFileInfo(path).absolutePath());
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0)
                return QStringLiteral("cannot write %1").arg(path);
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
            if (const QString broken = runRequest(op, request.sliced(1).toByteArray(), outcomes); !broken.isEmpty())
                return broken;
        }
        return finish();
    }

    // Runs one request; an empty string, or the broken rule. Its answer
    // (the body, or the error's type) goes to `answer` if given.
    QString runRequest(const QString &op, const QByteArray &body, QStringList *outcomes = nullptr, QByteArray *answer = nullptr)
    {
        const QByteArray before = fixtureItems();
        api::RequestContext ctx = m_ctx;
        QStringView name = op;
        if (op.startsWith(QLatin1String("dax:"))) {
            ctx.daxCluster = QStringLiteral("fz");
            name = name.sliced(4);
        }
        auto r = m_engine->call(ctx, name, body);
        if (outcomes)
            outcomes->append(op + QLatin1Char(' ') + (r.ok() ? QStringLiteral("ok") : r.error().type()));
        if (answer)
            *answer = r.ok() ? *r : r.error().type().toUtf8();
        if (!r.ok() && qEnvironmentVariableIsSet("DD_FUZZ_VERBOSE"))
            qInfo("%s: %s", qPrintable(op), qPrintable(r.error().message()));
        if (r.ok()) {
            // TagResource and UntagResource answer with an empty body, as AWS does.
            if (!r->isEmpty() && !QJsonDocument::fromJson(*r).isObject())
                return QStringLiteral("%1 answered with a body that is not a JSON object: %2").arg(op, QString::fromUtf8(r->left(200)));
            return {};
        }
        if (r.error().type() == QLatin1String("InternalServerError"))
            return QStringLiteral("%1 failed with InternalServerError: %2").arg(op, r.error().message());
        if (fixtureItems() != before)
            return QStringLiteral("%1 failed (%2: %3) but changed the items").arg(op, r.error().type(), r.error().message());
        return {};
    }

    // After an input's requests: on disk, the restart that must find
    // everything acknowledged (an empty string, or what differs).
    QString finish() { return m_storage == Storage::OnDisk ? reopen() : QString(); }

private:
    QByteArray call(const char *op, const QJsonObject &request, bool *ok = nullptr)
    {
        auto r = m_engine->call(m_ctx, QString::fromLatin1(op), request);
        if (ok)
            *ok = r.ok();
        return r.ok() ? *r : r.error().type().toUtf8() + ": " + r.error().message().toUtf8();
    }

    // Waits (up to 5 s) until no table or index is being created, restored
    // or deleted: what the folder holds is then settled. False if it never is
    // (the harness's tables are tiny: that is a hang).
    bool settle()
    {
        for (int i = 0; i < 250; ++i) {
            bool busy = false;
            for (const QString &name : tableNames()) {
                bool ok = false;
                const QJsonObject t = QJsonDocument::fromJson(call("DescribeTable", {{QStringLiteral("TableName"), name}}, &ok))
                                          .object().value(QStringLiteral("Table")).toObject();
                if (!ok)
                    continue;
                busy |= t.value(QStringLiteral("TableStatus")).toString() != QLatin1String("ACTIVE");
                for (const QJsonValue &g : t.value(QStringLiteral("GlobalSecondaryIndexes")).toArray())
                    busy |= g.toObject().value(QStringLiteral("IndexStatus")).toString() != QLatin1String("ACTIVE");
            }
            if (!busy)
                return true;
            QThread::msleep(20);
        }
        return false;
    }

    QStringList tableNames()
    {
        QStringList names;
        QJsonObject request;
        for (;;) {
            const QJsonObject page = QJsonDocument::fromJson(call("ListTables", request)).object();
            for (const QJsonValue &name : page.value(QStringLiteral("TableNames")).toArray())
                names << name.toString();
            if (!page.contains(QStringLiteral("LastEvaluatedTableName")))
                return names;
            request.insert(QStringLiteral("ExclusiveStartTableName"), page.value(QStringLiteral("LastEvaluatedTableName")));
        }
    }

    // All items a Scan `request` returns (a table or one of its indexes), page
    // after page, in scan order; or the error.
    QByteArray scanAll(QJsonObject request)
    {
        QJsonArray all;
        for (;;) {
            bool ok = false;
            const QByteArray body = call("Scan", request, &ok);
            if (!ok)
                return body;
            const QJsonObject page = QJsonDocument::fromJson(body).object();
            for (const QJsonValue &item : page.value(QStringLiteral("Items")).toArray())
                all.append(item);
            if (!page.contains(QStringLiteral("LastEvaluatedKey")))
                return QJsonDocument(all).toJson(QJsonDocument::Compact);
            request.insert(QStringLiteral("ExclusiveStartKey"), page.value(QStringLiteral("LastEvaluatedKey")));
        }
    }

    // The records of every shard of a stream, from its trim horizon.
    QByteArray streamRecords(const QString &arn)
    {
        QByteArray out;
        const QJsonObject stream = QJsonDocument::fromJson(call("Streams.DescribeStream", {{QStringLiteral("StreamArn"), arn}}))
                                       .object().value(QStringLiteral("StreamDescription")).toObject();
        for (const QJsonValue &shard : stream.value(QStringLiteral("Shards")).toArray()) {
            const QString id = shard.toObject().value(QStringLiteral("ShardId")).toString();
            out += id.toUtf8() + ':';
            QJsonValue iterator = QJsonDocument::fromJson(call("Streams.GetShardIterator", {{QStringLiteral("StreamArn"), arn},
                                                                                             {QStringLiteral("ShardId"), id},
                                                                                             {QStringLiteral("ShardIteratorType"), QStringLiteral("TRIM_HORIZON")}}))
                                      .object().value(QStringLiteral("ShardIterator"));
            // An open shard's iterator never ends: stop at the first empty page.
            for (int page = 0; page < 100 && iterator.isString(); ++page) {
                const QJsonObject records = QJsonDocument::fromJson(call("Streams.GetRecords", {{QStringLiteral("ShardIterator"), iterator}})).object();
                const QJsonArray list = records.value(QStringLiteral("Records")).toArray();
                if (list.isEmpty())
                    break;
                for (const QJsonValue &r : list) {
                    QJsonObject record = r.toObject();
                    out += QJsonDocument(record).toJson(QJsonDocument::Compact);
                }
                iterator = records.value(QStringLiteral("NextShardIterator"));
            }
        }
        return out;
    }

    // What the engine holds, as text: each table's definition, items, index
    // items, TTL, tags, stream records and point-in-time recovery setting.
    QByteArray everything()
    {
        QByteArray out;
        if (!settle())
            out += "NOT SETTLED after 5 s\n";
        for (const QString &name : tableNames()) {
            const QJsonObject table{{QStringLiteral("TableName"), name}};
            const QJsonObject t = QJsonDocument::fromJson(call("DescribeTable", table)).object().value(QStringLiteral("Table")).toObject();
            QJsonObject kept;
            for (const char *field : {"TableName", "TableStatus", "KeySchema", "AttributeDefinitions", "StreamSpecification",
                                      "LatestStreamArn", "TableArn", "BillingModeSummary", "ItemCount"})
                if (t.contains(QLatin1String(field)))
                    kept.insert(QLatin1String(field), t.value(QLatin1String(field)));
            QStringList indexes;
            for (const char *kind : {"GlobalSecondaryIndexes", "LocalSecondaryIndexes"}) {
                QJsonArray list;
                for (const QJsonValue &v : t.value(QLatin1String(kind)).toArray()) {
                    const QJsonObject i = v.toObject();
                    indexes << i.value(QStringLiteral("IndexName")).toString();
                    list.append(QJsonObject{{QStringLiteral("IndexName"), i.value(QStringLiteral("IndexName"))},
                                            {QStringLiteral("KeySchema"), i.value(QStringLiteral("KeySchema"))},
                                            {QStringLiteral("Projection"), i.value(QStringLiteral("Projection"))},
                                            {QStringLiteral("ItemCount"), i.value(QStringLiteral("ItemCount"))}});
                }
                if (!list.isEmpty())
                    kept.insert(QLatin1String(kind), list);
            }
            out += QJsonDocument(kept).toJson(QJsonDocument::Compact) + '\n';
            out += "items " + scanAll(table) + '\n';
            for (const QString &index : indexes)
                out += "index " + index.toUtf8() + ' ' + scanAll({{QStringLiteral("TableName"), name}, {QStringLiteral("IndexName"), index}}) + '\n';
            out += "ttl " + call("DescribeTimeToLive", table) + '\n';
            out += "tags " + call("ListTagsOfResource", {{QStringLiteral("ResourceArn"), t.value(QStringLiteral("TableArn"))}}) + '\n';
            if (t.contains(QStringLiteral("LatestStreamArn")))
                out += "stream " + streamRecords(t.value(QStringLiteral("LatestStreamArn")).toString()) + '\n';
            const QJsonObject pitr = QJsonDocument::fromJson(call("DescribeContinuousBackups", table)).object();
            out += "pitr " + pitr.value(QStringLiteral("ContinuousBackupsDescription")).toObject()
                                 .value(QStringLiteral("PointInTimeRecoveryDescription")).toObject()
                                 .value(QStringLiteral("PointInTimeRecoveryStatus")).toString().toUtf8() + '\n';
        }
        return out;
    }

    // Closes the engine, opens its folder again, and compares what it holds.
    QString reopen()
    {
        const QByteArray before = everything();
        if (before.startsWith("NOT SETTLED"))
            return QStringLiteral("a table or index was still not ACTIVE after 5 s:\n") + QString::fromUtf8(before);
        if (qEnvironmentVariableIsSet("DD_FUZZ_VERBOSE"))
            qInfo("before the restart:\n%s", before.constData());
        m_engine.reset();
        auto e = openQuietEngine(m_dir->path());
        if (!e.ok())
            return QStringLiteral("the data folder did not open again: ") + e.error().message();
        m_engine = std::move(*e);
        const QByteArray after = everything();
        if (after == before)
            return {};
        return QStringLiteral("reopening the data folder changed what it holds:\nbefore: %1\nafter:  %2")
            .arg(QString::fromUtf8(before), QString::fromUtf8(after));
    }

    // The items of tab and hsh (or the errors reading them), in key order.
    QByteArray fixtureItems()
    {
        QByteArray out;
        for (const char *table : {"tab", "hsh"})
            out += scanAll({{QStringLiteral("TableName"), QLatin1String(table)}, {QStringLiteral("ConsistentRead"), true}}) + '\n';
        return out;
    }

    Storage m_storage;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<api::Engine> m_engine;
    api::RequestContext m_ctx;
};

// Runs one corpus file through a fresh harness with `run` (runInput, or
// runPartiqlInput): the requests' outcomes, and in *broken the broken rule
// (empty when none). For the replay tests of the normal build.
template <typename Run>
QStringList replayCorpusFile(const QString &path, QString *broken, Storage storage, Run run)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read ") + path};
    RequestHarness harness(storage);
    if (const QString error = harness.open(); !error.isEmpty())
        return {error};
    QStringList outcomes;
    *broken = run(harness, f.readAll(), &outcomes);
    return outcomes;
}

} // namespace dd::fuzz
