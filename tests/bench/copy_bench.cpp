// copy_bench: client::copyTable's items/s: from an embedded engine (on
// disk) into another embedded engine, and, with --url, into the endpoint
// there (a dynamodesk-server, DynamoDB Local, dynalite, ...) over HTTP; each
// with 1 and --segments scan segments.
//
//   copy_bench [--items N] [--payload BYTES] [--segments S] [--url http://127.0.0.1:8000]
#include "benchutil.h"

#include "client/httpclient.h"
#include "client/inprocessclient.h"
#include "client/tablecopy.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QUrl>

#include <cstdio>

using namespace dd;

namespace {

std::shared_ptr<client::InProcessClient> engineAt(const QString &dir)
{
    api::EngineOptions o;
    o.dataDir = dir;
    return std::make_shared<client::InProcessClient>(std::shared_ptr<api::Engine>(bench::openOrDie(o)), api::RequestContext{});
}

void run(const char *what, client::Client &source, const QString &sourceTable, client::Client &target, const QString &targetTable, int segments,
         int items)
{
    client::TableCopyOptions o;
    o.sourceTable = sourceTable;
    o.targetTable = targetTable;
    o.segments = segments;
    QElapsedTimer t;
    t.start();
    const client::TableCopyOutcome out = client::copyTable(source, target, o);
    const double s = double(t.nsecsElapsed()) / 1e9;
    if (!out.ok()) {
        std::fprintf(stderr, "%s: %s\n", what, out.error ? qPrintable(out.error->message()) : "cancelled");
        std::exit(1);
    }
    if (out.itemsCopied != items) {
        std::fprintf(stderr, "%s: copied %lld of %d items\n", what, static_cast<long long>(out.itemsCopied), items);
        std::exit(1);
    }
    std::printf("%-28s segments=%-2d %7lld items in %6.2f s: %8.0f items/s\n", what, segments, static_cast<long long>(out.itemsCopied), s,
                double(out.itemsCopied) / s);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int items = 100000, payload = 200, segments = 4;
    QByteArray url;
    bench::Args(argc, argv, "usage: copy_bench [--items N] [--payload BYTES] [--segments S] [--url URL]")
        .value("--items", items)
        .value("--payload", payload)
        .value("--segments", segments)
        .value("--url", url)
        .done();
    QTemporaryDir dir;
    auto source = engineAt(dir.filePath(QStringLiteral("source")));
    auto target = engineAt(dir.filePath(QStringLiteral("target")));
    (void)source->callSync(QStringLiteral("CreateTable"),
                           QJsonDocument::fromJson(R"({"TableName":"bench_src","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
        "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]})")
                               .object());
    const QString data(payload, u'x');
    for (int i = 0; i < items; i += 25) {
        QJsonArray requests;
        for (int j = i; j < std::min(items, i + 25); ++j)
            requests.append(QJsonObject{{QStringLiteral("PutRequest"),
                                         QJsonObject{{QStringLiteral("Item"),
                                                      QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("item-%1").arg(j)}}},
                                                                  {QStringLiteral("g"), QJsonObject{{QStringLiteral("S"), QStringLiteral("g%1").arg(j % 100)}}},
                                                                  {QStringLiteral("n"), QJsonObject{{QStringLiteral("N"), QString::number(j)}}},
                                                                  {QStringLiteral("data"), QJsonObject{{QStringLiteral("S"), data}}}}}}}});
        const auto r = source->callSync(QStringLiteral("BatchWriteItem"), {{QStringLiteral("RequestItems"), QJsonObject{{QStringLiteral("bench_src"), requests}}}});
        if (!r.ok()) {
            std::fprintf(stderr, "load: %s\n", qPrintable(r.error->message()));
            return 1;
        }
    }
    std::printf("loaded %d items of %d bytes (a KEYS_ONLY GSI)\n", items, payload);
    const QString src = QStringLiteral("bench_src");
    run("embedded -> embedded", *source, src, *target, QStringLiteral("copy1"), 1, items);
    run("embedded -> embedded", *source, src, *target, QStringLiteral("copy2"), segments, items);
    if (!url.isEmpty()) {
        client::HttpClient http(client::HttpClient::Config::local(QUrl(QString::fromUtf8(url))));
        const QString stamp = QString::number(QDateTime::currentMSecsSinceEpoch());
        run("embedded -> HTTP endpoint", *source, src, http, QStringLiteral("copy1-") + stamp, 1, items);
        run("embedded -> HTTP endpoint", *source, src, http, QStringLiteral("copy2-") + stamp, segments, items);
        run("HTTP endpoint -> embedded", http, QStringLiteral("copy2-") + stamp, *target, QStringLiteral("copy3"), segments, items);
    }
    return 0;
}
