// browser_bench: the table browser's responsiveness on a big table, in the
// real TableBrowser (offscreen) over the embedded engine on disk.
//   1. ms from opening a table (constructing its tab) to the first page drawn;
//   2. the longest stall of the GUI thread (lateness of a 5 ms QTimer)
//      while a long scan runs in one browser (a Scan whose filter matches
//      nothing, so it pages through the whole table) and a CSV export of
//      the whole table runs in another.
// The table is loaded once into a data directory and reused by later runs.
//   browser_bench [--items N] [--data DIR]     defaults: 1000000, $TMPDIR/dynamodesk-browser-bench-N
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/tablebrowser.h"
#include "connections/connection.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QJsonArray>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtConcurrent>

#include <atomic>
#include <cstdio>

using namespace dd::ui;

namespace {

const QString kTable = QStringLiteral("BrowserBench");

QJsonObject s(const QString &v) { return {{QStringLiteral("S"), v}}; }
QJsonObject n(qint64 v) { return {{QStringLiteral("N"), QString::number(v)}}; }

bool load(Connection &c, qint64 items)
{
    const auto created = c.callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), kTable},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
        {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});
    if (!created.ok()) {
        std::fprintf(stderr, "CreateTable: %s\n", qPrintable(created.error->message()));
        return false;
    }
    // Two writers of 25-item batches.
    std::atomic<qint64> next{0};
    std::atomic<bool> failed{false};
    auto writer = [&] {
        for (;;) {
            const qint64 start = next.fetch_add(25);
            if (start >= items || failed)
                return;
            QJsonArray requests;
            for (qint64 i = start; i < qMin(items, start + 25); ++i)
                requests.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"), QJsonObject{
                    {QStringLiteral("pk"), s(QStringLiteral("user#%1").arg(i, 8, 10, QLatin1Char('0')))},
                    {QStringLiteral("name"), s(QStringLiteral("Customer %1").arg(i))},
                    {QStringLiteral("total"), n(i % 10007)},
                    {QStringLiteral("active"), QJsonObject{{QStringLiteral("BOOL"), i % 3 == 0}}},
                    {QStringLiteral("address"), QJsonObject{{QStringLiteral("M"), QJsonObject{
                        {QStringLiteral("city"), s(QStringLiteral("City %1").arg(i % 97))}, {QStringLiteral("zip"), n(10000 + i % 8999)}}}}}}}}}});
            auto r = c.callSync(QStringLiteral("BatchWriteItem"), QJsonObject{{QStringLiteral("RequestItems"), QJsonObject{{kTable, requests}}}});
            while (r.ok() && !r.body.value(QStringLiteral("UnprocessedItems")).toObject().isEmpty())
                r = c.callSync(QStringLiteral("BatchWriteItem"), QJsonObject{{QStringLiteral("RequestItems"), r.body.value(QStringLiteral("UnprocessedItems"))}});
            if (!r.ok()) {
                std::fprintf(stderr, "BatchWriteItem: %s\n", qPrintable(r.error->message()));
                failed = true;
            }
            if (start % 100000 == 0 && start > 0)
                std::fprintf(stderr, "  loaded %lld items\n", start);
        }
    };
    auto a = QtConcurrent::run(writer);
    writer();
    a.waitForFinished();
    return !failed;
}

// Spins the event loop until `done` or the timeout.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

class PaintProbe : public QObject {
public:
    PaintProbe(QTableView *view, QElapsedTimer *clock) : m_view(view), m_clock(clock) {}
    double firstPageMs = -1;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint && firstPageMs < 0 && m_view->model()->rowCount() > 0)
            firstPageMs = m_clock->nsecsElapsed() / 1e6; // the rows are painted by this event
        return false;
    }

private:
    QTableView *m_view;
    QElapsedTimer *m_clock;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("items"), QStringLiteral("Items in the table."), QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("Data directory (reused between runs)."), QStringLiteral("DIR")});
    parser.process(app);
    const qint64 items = parser.value(QStringLiteral("items")).toLongLong();
    const QString dataDir = parser.isSet(QStringLiteral("data")) ? parser.value(QStringLiteral("data"))
                          : QDir::temp().filePath(QStringLiteral("dynamodesk-browser-bench-%1").arg(items));

    ConnectionSettings settings;
    settings.dataDir = dataDir;
    QString error;
    auto connection = Connection::open(settings, &error);
    if (!connection) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(dataDir), qPrintable(error));
        return 1;
    }
    const QString marker = QDir(dataDir).filePath(QStringLiteral("browser-bench-loaded"));
    if (!QFile::exists(marker)) {
        std::fprintf(stderr, "loading %lld items into %s (once)...\n", items, qPrintable(dataDir));
        QElapsedTimer t;
        t.start();
        (void)connection->callSync(QStringLiteral("DeleteTable"), QJsonObject{{QStringLiteral("TableName"), kTable}});
        if (!load(*connection, items))
            return 1;
        QFile f(marker);
        f.open(QIODevice::WriteOnly);
        std::fprintf(stderr, "loaded in %.1f s\n", t.elapsed() / 1000.0);
    }

    // 1. Opening the table to the first page drawn.
    QElapsedTimer clock;
    clock.start();
    auto *browser = new TableBrowser(connection.get(), kTable);
    PaintProbe probe(browser->view(), &clock);
    browser->view()->viewport()->installEventFilter(&probe);
    browser->resize(1200, 800);
    browser->show();
    if (!waitFor([&] { return probe.firstPageMs >= 0; }, 30000)) {
        std::fprintf(stderr, "the first page was never drawn\n");
        return 1;
    }
    std::printf("items in table:                %lld\n", items);
    std::printf("open to first page drawn:      %.1f ms\n", probe.firstPageMs);

    // 2. The longest GUI stall while a whole-table scan and a CSV export run.
    auto *exporter = new TableBrowser(connection.get(), kTable);
    if (!waitFor([&] { return exporter->isReady() && !exporter->model()->isLoading(); }, 30000))
        return 1;
    browser->queryBar()->setRaw(true);
    browser->queryBar()->setQuery(QString(), QStringLiteral("{\"#p\": \"pk\"}"), QString());
    browser->queryBar()->findChild<QLineEdit *>(QStringLiteral("filter"))->setText(QStringLiteral("attribute_not_exists(#p)"));
    QTemporaryDir out;
    double worst = 0;
    QElapsedTimer tick;
    QTimer timer;
    timer.setTimerType(Qt::PreciseTimer);
    timer.setInterval(5);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const double late = tick.nsecsElapsed() / 1e6 - 5.0;
        worst = qMax(worst, late);
        tick.restart();
    });
    QElapsedTimer wall;
    wall.start();
    tick.start();
    timer.start();
    browser->run(); // pages through everything: the filter leaves no row, so the model asks for the next page at once
    exporter->exportCsv(out.filePath(QStringLiteral("bench.csv")));
    const bool finished = waitFor([&] { return !exporter->isExporting() && browser->model()->isComplete() && !browser->model()->isLoading(); },
                                  30 * 60 * 1000);
    timer.stop();
    const double seconds = wall.elapsed() / 1000.0;
    const qint64 csvBytes = QFileInfo(out.filePath(QStringLiteral("bench.csv"))).size();
    std::printf("scan + CSV export wall time:   %.1f s%s (CSV %.1f MB)\n", seconds, finished ? "" : " (timed out)", csvBytes / 1e6);
    std::printf("longest GUI thread stall:      %.1f ms (5 ms timer lateness)\n", worst);
    delete exporter;
    delete browser;
    return finished ? 0 : 1;
}
