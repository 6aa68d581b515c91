// The fast requests (GetItem, PutItem, UpdateItem, Query read from their
// bytes) find their region's database through a per-thread cache of the last
// region used. These pin that the cache never answers for another region or
// another engine: requests alternate between regions on one thread, and an
// engine opened after another one closed (possibly at the same address) sees
// only its own data.
#include "api/engine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace dd;

namespace {

const QByteArray kCreate = R"({"TableName":"Things","BillingMode":"PAY_PER_REQUEST",
    "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
    "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})";

api::RequestContext in(const char *region)
{
    api::RequestContext c;
    c.region = QString::fromLatin1(region);
    return c;
}

std::unique_ptr<api::Engine> openEngine()
{
    api::EngineOptions options;
    options.inMemory = true;
    auto engine = api::Engine::open(options);
    return engine.ok() ? std::move(*engine) : nullptr;
}

QByteArray put(const char *value)
{
    return QByteArray(R"({"TableName":"Things","Item":{"pk":{"S":"k"},"v":{"S":")") + value + R"("}}})";
}

const QByteArray kGet = R"({"TableName":"Things","Key":{"pk":{"S":"k"}}})";

// The "v" of the GetItem answer, or the error type.
QString getV(api::Engine &engine, const char *region)
{
    const Result<QByteArray> r = engine.call(in(region), u"GetItem", QByteArrayView(kGet));
    if (!r.ok())
        return r.error().type();
    return QJsonDocument::fromJson(*r).object().value(QLatin1String("Item")).toObject().value(QLatin1String("v")).toObject().value(QLatin1String("S")).toString();
}

} // namespace

class TestRegionCache : public QObject {
    Q_OBJECT
private slots:
    void alternatingRegionsOnOneThread()
    {
        auto engine = openEngine();
        QVERIFY(engine);
        for (const char *region : {"us-east-1", "eu-west-1"}) {
            QVERIFY(engine->call(in(region), u"CreateTable", QByteArrayView(kCreate)).ok());
            QVERIFY(engine->call(in(region), u"PutItem", QByteArrayView(put(region))).ok());
        }
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(getV(*engine, "us-east-1"), QStringLiteral("us-east-1"));
            QCOMPARE(getV(*engine, "eu-west-1"), QStringLiteral("eu-west-1"));
        }
        QCOMPARE(getV(*engine, "ap-south-1"), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(getV(*engine, "eu-west-1"), QStringLiteral("eu-west-1"));
    }

    void aLaterEngineSeesOnlyItsOwnData()
    {
        {
            auto first = openEngine();
            QVERIFY(first);
            QVERIFY(first->call(in("us-east-1"), u"CreateTable", QByteArrayView(kCreate)).ok());
            QVERIFY(first->call(in("us-east-1"), u"PutItem", QByteArrayView(put("first"))).ok());
            QCOMPARE(getV(*first, "us-east-1"), QStringLiteral("first"));
        }
        for (int i = 0; i < 3; ++i) {
            auto next = openEngine();
            QVERIFY(next);
            QCOMPARE(getV(*next, "us-east-1"), QStringLiteral("ResourceNotFoundException"));
            QVERIFY(next->call(in("us-east-1"), u"CreateTable", QByteArrayView(kCreate)).ok());
            QVERIFY(next->call(in("us-east-1"), u"PutItem", QByteArrayView(put("next"))).ok());
            QCOMPARE(getV(*next, "us-east-1"), QStringLiteral("next"));
        }
    }
};

QTEST_APPLESS_MAIN(TestRegionCache)
#include "tst_regioncache.moc"
