// Query and Scan responses, byte for byte: pages and LastEvaluatedKey
// (Limit, a filter that drops the page's last item, reverse order), filters,
// projections, Select COUNT, legacy parameters, index reads (a GSI, an LSI
// whose items are fetched from the table), parallel Scan, consumed capacity
// and errors. The expected bytes were recorded from the engine before its
// read path was rewritten to read rows in place (DD_GOLDEN_PRINT=1 prints
// the responses again, in the form of the table below).
#include "api/engine.h"

#include <QTest>

using namespace dd;

#include "tst_queryops_data.h"

class TestQueryOps : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<api::Engine> m_engine;
    api::RequestContext m_ctx;

    QByteArray run(const char *op, const char *request)
    {
        auto r = m_engine->call(m_ctx, QString::fromLatin1(op), QByteArrayView(request, qsizetype(strlen(request))));
        if (!r.ok())
            return "!" + r.error().type().toUtf8() + ": " + r.error().message().toUtf8();
        return *r;
    }

private slots:
    void initTestCase()
    {
        api::EngineOptions o;
        o.inMemory = true;
        m_engine = std::move(api::Engine::open(o).value());
        const QByteArray created = run("CreateTable", kCreate);
        QVERIFY2(created.startsWith("{"), created.constData());
        for (const QByteArray &item : items())
            QCOMPARE(run("PutItem", QByteArray("{\"TableName\":\"qtab\",\"Item\":" + item + "}").constData()), QByteArray("{}"));
    }

    void responses()
    {
        const bool print = qEnvironmentVariableIsSet("DD_GOLDEN_PRINT");
        for (const Case &c : kCases) {
            const QByteArray got = run(c.op, c.request);
            if (print) {
                printCase(c, got);
                continue;
            }
            QVERIFY2(got == QByteArray(c.expected), (QByteArray(c.op) + " " + c.request + "\n got: " + got + "\nwant: " + c.expected).constData());
        }
    }
};

QTEST_GUILESS_MAIN(TestQueryOps)
#include "tst_queryops.moc"
