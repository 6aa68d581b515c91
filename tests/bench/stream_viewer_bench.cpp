// stream_viewer_bench: time from a write's acknowledgement to its record's
// row in the live stream viewer, in the real StreamViewer (offscreen) over
// the embedded engine (on disk, as the app opens a data directory, or in
// memory). A thread writes N items one at a time (PutItem through the
// connection's client, a short pause between writes) and notes when each
// call returned; the GUI thread notes when each record's row is inserted
// into the viewer's model (the row is drawn at the next paint). Per write:
// arrival minus acknowledgement (a row seen before the call returned counts
// as 0). Prints p50, p99 and max, and the viewer's poll interval.
//
//   stream_viewer_bench [--writes 1000] [--gap-ms 2] [--in-memory]
#include "benchutil.h"
#include "connections/connection.h"
#include "streams/streamrecordmodel.h"
#include "streams/streamviewer.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

using namespace dd::ui;

namespace {

const QString kTable = QStringLiteral("ViewerBench");

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("writes"), QStringLiteral("Items written."), QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("gap-ms"), QStringLiteral("Pause between writes."), QStringLiteral("MS"), QStringLiteral("2")});
    parser.addOption({QStringLiteral("in-memory"), QStringLiteral("Keep the database in memory (default: a temporary data directory).")});
    parser.process(app);
    const int writes = parser.value(QStringLiteral("writes")).toInt();
    const double gapMs = parser.value(QStringLiteral("gap-ms")).toDouble();

    QTemporaryDir dir;
    ConnectionSettings settings;
    if (parser.isSet(QStringLiteral("in-memory")))
        settings.inMemory = true;
    else
        settings.dataDir = dir.path();
    QString error;
    auto connection = Connection::open(settings, &error);
    if (!connection) {
        std::fprintf(stderr, "cannot open the engine: %s\n", qPrintable(error));
        return 1;
    }
    const auto created = connection->callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), kTable},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
        {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")},
        {QStringLiteral("StreamSpecification"), QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), QStringLiteral("NEW_AND_OLD_IMAGES")}}}});
    if (!created.ok()) {
        std::fprintf(stderr, "CreateTable: %s\n", qPrintable(created.error->message()));
        return 1;
    }

    auto *viewer = new StreamViewer(connection.get(), kTable);
    viewer->resize(1200, 800);
    viewer->show();
    std::vector<qint64> acked(size_t(writes), 0), arrived(size_t(writes), 0);
    int arrivals = 0;
    QObject::connect(viewer->model(), &QAbstractItemModel::rowsInserted, viewer, [&](const QModelIndex &, int first, int last) {
        const qint64 now = nowNs();
        for (int row = first; row <= last; ++row) {
            const QString pk = viewer->model()->record(row).keys.value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString();
            const int i = pk.mid(1).toInt();
            if (i >= 0 && i < writes && arrived[size_t(i)] == 0) {
                arrived[size_t(i)] = now;
                ++arrivals;
            }
        }
    });
    viewer->start(false); // LATEST, as the viewer opens
    // Writes start once the viewer follows the stream (its LATEST iterator is open).
    std::atomic<bool> writing{false}, written{false};
    std::thread writer;
    QTimer check;
    qint64 writtenAtNs = 0;
    QObject::connect(&check, &QTimer::timeout, [&] {
        if (!writing && viewer->isPolling()) {
            writing = true;
            writer = std::thread([&] {
                dd::client::Client &client = connection->client();
                for (int i = 0; i < writes; ++i) {
                    const QString pk = QStringLiteral("k%1").arg(i, 6, 10, QLatin1Char('0'));
                    const auto r = client.callSync(QStringLiteral("PutItem"), QJsonObject{
                        {QStringLiteral("TableName"), kTable},
                        {QStringLiteral("Item"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), pk}}},
                                                             {QStringLiteral("data"), QJsonObject{{QStringLiteral("S"), QString(200, u'x')}}}}}});
                    acked[size_t(i)] = nowNs();
                    if (!r.ok())
                        std::fprintf(stderr, "PutItem: %s\n", qPrintable(r.error->message()));
                    std::this_thread::sleep_for(std::chrono::microseconds(qint64(gapMs * 1000)));
                }
                written = true;
            });
        }
        if (written && writtenAtNs == 0)
            writtenAtNs = nowNs();
        if (arrivals == writes || (writtenAtNs > 0 && nowNs() - writtenAtNs > 10'000'000'000LL))
            app.quit();
    });
    check.start(5);
    app.exec();
    if (writer.joinable())
        writer.join();

    std::vector<double> latencies;
    for (int i = 0; i < writes; ++i)
        if (arrived[size_t(i)] > 0)
            latencies.push_back(std::max<qint64>(0, arrived[size_t(i)] - acked[size_t(i)]) / 1e6);
    std::printf("viewer poll interval %d ms (%s)\n", viewer->pollInterval(), settings.inMemory ? "in memory" : "on disk");
    if (latencies.empty()) {
        std::printf("no record arrived\n");
        return 1;
    }
    std::printf("ack -> row in viewer: %zu of %d arrived  p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", latencies.size(), writes,
                dd::bench::percentile(latencies, 0.5), dd::bench::percentile(latencies, 0.99), *std::max_element(latencies.begin(), latencies.end()));
    delete viewer;
    return latencies.size() == size_t(writes) ? 0 : 1;
}
