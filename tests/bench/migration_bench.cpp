// migration_bench: exports to and imports from S3 (local buckets) in
// process, on disk (WAL, the server's durability), through api::Engine::call:
//   - a table of N items of ~230 bytes (BatchWriteItem) with PITR on;
//   - a full export in DynamoDB JSON, then one in Ion: wall time from the
//     request to COMPLETED (DescribeExport polled every 5 ms), items/s, and
//     the size of the compressed data files;
//   - an import of each export's data/ folder (gzip) into a new table: wall
//     time to COMPLETED, items/s;
//   - the process's peak RSS (VmHWM) at the end.
//
//   migration_bench [--items N]
#include "benchutil.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <cstdio>

using namespace dd;
using bench::callOrDie;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

// Polls `describe` until the job leaves IN_PROGRESS; its description.
QJsonObject waitDone(api::Engine &e, const char *describe, const char *arnMember, const QString &arn, const char *member, const char *status)
{
    for (;;) {
        const QJsonObject d = callOrDie(e, describe, QJsonObject{{s(arnMember), arn}}).value(s(member)).toObject();
        if (d.value(s(status)).toString() != u"IN_PROGRESS")
            return d;
        QThread::msleep(5);
    }
}

qint64 folderBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

long peakRssKb()
{
    QFile f(s("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int items = 200000;
    bench::Args(argc, argv, "usage: migration_bench [--items N]").value("--items", items).done();

    QTemporaryDir dir;
    api::EngineOptions o;
    o.dataDir = dir.path();
    o.pitrMaintenanceIntervalMs = 0;
    auto engine = bench::openOrDie(o);
    api::Engine &e = *engine;
    callOrDie(e, "CreateTable", QByteArrayView(R"({"TableName":"src","BillingMode":"PAY_PER_REQUEST",
              "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})"));
    callOrDie(e, "UpdateContinuousBackups", QByteArrayView(R"({"TableName":"src","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
    const QByteArray payload(200, 'x');
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < items; i += 25)
        callOrDie(e, "BatchWriteItem", bench::kvBatch("src", i, std::min(i + 25, items), [](int j) { return j; }, 0, payload));
    std::printf("load: %d items in %.2f s\n", items, double(t.nsecsElapsed()) / 1e9);
    QDir().mkpath(e.bucketsFolder() + s("/bench"));
    QThread::msleep(1100); // an export time after the load's last write

    for (const char *format : {"DYNAMODB_JSON", "ION"}) {
        t.restart();
        const QJsonObject started = callOrDie(e, "ExportTableToPointInTime",
                                              QJsonObject{{s("TableArn"), s("arn:aws:dynamodb:us-east-1:000000000000:table/src")},
                                                          {s("S3Bucket"), s("bench")}, {s("S3Prefix"), s(format)}, {s("ExportFormat"), s(format)}})
                                        .value(s("ExportDescription")).toObject();
        const QJsonObject done = waitDone(e, "DescribeExport", "ExportArn", started.value(s("ExportArn")).toString(), "ExportDescription", "ExportStatus");
        const double exportSeconds = double(t.nsecsElapsed()) / 1e9;
        if (done.value(s("ExportStatus")).toString() != u"COMPLETED" || done.value(s("ItemCount")).toInteger() != items) {
            std::fprintf(stderr, "export failed: %s\n", QJsonDocument(done).toJson(QJsonDocument::Compact).constData());
            return 1;
        }
        const QString id = started.value(s("ExportArn")).toString().section(QLatin1Char('/'), -1);
        const QString dataPrefix = s(format) + s("/AWSDynamoDB/") + id + s("/data/");
        const qint64 bytes = folderBytes(e.bucketsFolder() + s("/bench/") + dataPrefix);
        std::printf("export %-13s %.2f s, %.0f items/s, data files %.1f MB (gzip)\n", format, exportSeconds, items / exportSeconds, double(bytes) / 1e6);

        t.restart();
        const QString target = s("imp_") + s(format);
        const QJsonObject imp = callOrDie(e, "ImportTable",
                                          QJsonObject{{s("ClientToken"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                                      {s("S3BucketSource"), QJsonObject{{s("S3Bucket"), s("bench")}, {s("S3KeyPrefix"), dataPrefix}}},
                                                      {s("InputFormat"), s(format)},
                                                      {s("InputCompressionType"), s("GZIP")},
                                                      {s("TableCreationParameters"),
                                                       QJsonObject{{s("TableName"), target},
                                                                   {s("BillingMode"), s("PAY_PER_REQUEST")},
                                                                   {s("AttributeDefinitions"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("AttributeType"), s("S")}}}},
                                                                   {s("KeySchema"), QJsonArray{QJsonObject{{s("AttributeName"), s("pk")}, {s("KeyType"), s("HASH")}}}}}}})
                                    .value(s("ImportTableDescription")).toObject();
        const QJsonObject finished = waitDone(e, "DescribeImport", "ImportArn", imp.value(s("ImportArn")).toString(), "ImportTableDescription", "ImportStatus");
        const double importSeconds = double(t.nsecsElapsed()) / 1e9;
        if (finished.value(s("ImportStatus")).toString() != u"COMPLETED" || finished.value(s("ImportedItemCount")).toInteger() != items) {
            std::fprintf(stderr, "import failed: %s\n", QJsonDocument(finished).toJson(QJsonDocument::Compact).constData());
            return 1;
        }
        std::printf("import %-13s %.2f s, %.0f items/s\n", format, importSeconds, items / importSeconds);
    }
    std::printf("peak RSS %.0f MB\n", double(peakRssKb()) / 1024);
    return 0;
}
