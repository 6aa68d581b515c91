// Windows closed while their call is on its way close at once: a feature's
// destructor drops its jobs without waiting for them (common/watchers.h),
// so a slow endpoint never freezes the app when the user closes a tab or a
// dialog. Each feature talks to a real dynamodesk-server through a proxy
// that holds the server's answers back; once an answer is held (the call is
// on its way), the window is deleted, and only then are the answers let
// through. The call must then end with the server's answer. A destructor
// that waited for it would have returned only after the client gave up
// (its timeout, one attempt), and the call would have ended with that
// error instead. Jobs that end after their window has gone must also leave
// nothing behind that crashes (AddressSanitizer runs these tests too).
// Closing a whole connection likewise: Connection::retire() and the main
// window's Close connection return while its calls are on their way.
#include "backups/historyview.h"
#include "browser/tablebrowser.h"
#include "client/httpclient.h"
#include "common/tablekeys.h"
#include "dax/daxclustersdialog.h"
#include "designer/tabledesigner.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "exports/jobsdialog.h"
#include "insights/contributorinsightsview.h"
#include "items/itemeditor.h"
#include "connections/connectiontree.h"
#include "mainwindow/mainwindow.h"
#include "migration/tablecopydialog.h"
#include "policies/resourcepolicydialog.h"
#include "replicas/replicasdialog.h"
#include "servers.h"
#include "streams/streamviewer.h"
#include "streams/triggerpanel.h"
#include "transactions/transactionbuilder.h"
#include "uitest.h"

#include <QApplication>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <atomic>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 15000;
// The client's patience with the held answers: far longer than the test
// needs to delete a window and let them through.
constexpr int kClientTimeoutMs = 20000;

QString s(const char *text) { return QString::fromUtf8(text); }

// A TCP proxy to the server on its own thread: requests pass at once;
// while holding, the server's answers are kept back until release().
class HoldingProxy {
public:
    explicit HoldingProxy(quint16 upstreamPort)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(&m_context, [this, upstreamPort] { listen(upstreamPort); }, Qt::BlockingQueuedConnection);
    }
    ~HoldingProxy()
    {
        QMetaObject::invokeMethod(&m_context, [this] { qDeleteAll(m_context.children()); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }
    // Answers held back since the last hold().
    int held() const { return m_held.load(); }
    void hold()
    {
        QMetaObject::invokeMethod(&m_context, [this] {
            m_holding = true;
            m_held = 0;
        }, Qt::BlockingQueuedConnection);
    }
    void release()
    {
        QMetaObject::invokeMethod(&m_context, [this] {
            m_holding = false;
            for (const auto &[socket, bytes] : std::as_const(m_pending))
                if (socket)
                    socket->write(bytes);
            m_pending.clear();
        }, Qt::BlockingQueuedConnection);
    }

private:
    void listen(quint16 upstreamPort)
    {
        auto *server = new QTcpServer(&m_context);
        if (!server->listen(QHostAddress::LocalHost, 0))
            qFatal("the proxy cannot listen");
        m_port = server->serverPort();
        QObject::connect(server, &QTcpServer::newConnection, &m_context, [this, server, upstreamPort] {
            while (QTcpSocket *client = server->nextPendingConnection()) {
                auto *upstream = new QTcpSocket(client);
                upstream->connectToHost(QHostAddress::LocalHost, upstreamPort);
                QObject::connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
                QObject::connect(upstream, &QTcpSocket::readyRead, client, [this, client, upstream] {
                    const QByteArray bytes = upstream->readAll();
                    if (!m_holding) {
                        client->write(bytes);
                        return;
                    }
                    m_pending.append({QPointer<QTcpSocket>(client), bytes});
                    ++m_held;
                });
                QObject::connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
                QObject::connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
            }
        });
    }

    QThread m_thread;
    QObject m_context;
    quint16 m_port = 0;
    bool m_holding = false; // proxy thread only
    QList<std::pair<QPointer<QTcpSocket>, QByteArray>> m_pending; // proxy thread only
    std::atomic<int> m_held{0};
};

} // namespace

class CloseWhileBusyTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void closesAtOnce_data();
    void closesAtOnce();
    void connectionClosesAtOnce_data();
    void connectionClosesAtOnce();

private:
    std::unique_ptr<Connection> throughProxy() const;
    QWidget *open(const QString &feature, Connection *c);

    uitest::ServerProcess m_server;
    std::unique_ptr<HoldingProxy> m_proxy;
    std::unique_ptr<Connection> m_direct; // to the server itself, for the setup
};

void CloseWhileBusyTest::initTestCase()
{
    QString error;
    QVERIFY2(m_server.startDynamodesk(&error), qPrintable(error));
    m_proxy = std::make_unique<HoldingProxy>(m_server.port());
    m_direct = uitest::endpointConnection(m_server.url());
    uitest::createTable(*m_direct, s("Orders"), s("pk"));
    const auto streams = m_direct->callSync(
        s("UpdateTable"), QJsonObject{{s("TableName"), s("Orders")},
                                      {s("StreamSpecification"), QJsonObject{{s("StreamEnabled"), true}, {s("StreamViewType"), s("NEW_AND_OLD_IMAGES")}}}});
    QVERIFY2(streams.ok(), qPrintable(dd::ui::errorText(streams)));
    const auto put = m_direct->callSync(s("PutItem"), QJsonObject{{s("TableName"), s("Orders")},
                                                                    {s("Item"), QJsonObject{{s("pk"), uitest::S(s("a"))}}}});
    QVERIFY(put.ok());
}

void CloseWhileBusyTest::cleanupTestCase()
{
    m_direct.reset();
    m_proxy.reset();
    m_server.stop();
}

std::unique_ptr<Connection> CloseWhileBusyTest::throughProxy() const
{
    ConnectionSettings settings;
    settings.kind = ConnectionSettings::Kind::Endpoint;
    settings.url = QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port());
    auto config = dd::client::HttpClient::Config::local(QUrl(settings.url));
    config.timeoutMs = kClientTimeoutMs;
    config.maxAttempts = 1;
    return std::make_unique<Connection>(settings, std::make_shared<dd::client::HttpClient>(config));
}

// The feature's window, shown; each starts a call at once (the item
// editor's save reads the item first).
QWidget *CloseWhileBusyTest::open(const QString &feature, Connection *c)
{
    const QString table = s("Orders");
    QWidget *w = nullptr;
    if (feature == u"browser") {
        w = new TableBrowser(c, table);
    } else if (feature == u"history") {
        w = new HistoryView(c, table);
    } else if (feature == u"insights") {
        w = new ContributorInsightsView(c, table);
    } else if (feature == u"export") {
        w = new ExportDialog(c, table);
    } else if (feature == u"import") {
        w = new ImportDialog(c);
    } else if (feature == u"jobs") {
        w = new JobsDialog(c);
    } else if (feature == u"replicas") {
        w = new ReplicasDialog(c, table);
    } else if (feature == u"policy") {
        w = new ResourcePolicyDialog(c, table);
    } else if (feature == u"transaction") {
        w = new TransactionBuilder(c);
    } else if (feature == u"stream") {
        w = new StreamViewer(c, table);
    } else if (feature == u"trigger") {
        w = new TriggerPanel(c, table);
    } else if (feature == u"dax") {
        w = new DaxClustersDialog(c);
    } else if (feature == u"copy") {
        w = new TableCopyDialog(c, table, {c});
    } else if (feature == u"designer") {
        auto *designer = new TableDesigner(c);
        designer->editTable(table);
        w = designer;
    } else if (feature == u"item") {
        TableKeys keys;
        keys.partition = s("pk");
        keys.partitionType = s("S");
        keys.partitions = {TableKeys::Attribute{s("pk"), s("S")}};
        auto *editor = new ItemEditor(c, table, keys, ItemEditor::Mode::Edit, QJsonObject{{s("pk"), uitest::S(s("a"))}});
        editor->show();
        editor->save(); // reads the item first
        return editor;
    }
    if (w)
        w->show();
    return w;
}

void CloseWhileBusyTest::closesAtOnce_data()
{
    QTest::addColumn<QString>("feature");
    for (const char *f : {"browser", "history", "insights", "export", "import", "jobs", "replicas", "policy", "transaction", "stream",
                          "trigger", "dax", "copy", "designer", "item"})
        QTest::newRow(f) << s(f);
}

void CloseWhileBusyTest::closesAtOnce()
{
    QFETCH(QString, feature);
    auto c = throughProxy();
    QList<std::pair<QString, QString>> ended; // operation, error
    connect(c.get(), &Connection::operationFinished, c.get(),
            [&ended](const QString &operation, double, double, const QString &error) { ended.append({operation, error}); });
    m_proxy->hold();
    QPointer<QWidget> w = open(feature, c.get());
    QVERIFY(w);
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->held() > 0, kTimeoutMs);
    QCoreApplication::processEvents();
    const qsizetype before = ended.size();
    delete w;
    m_proxy->release();
    // The held call ends with the server's answer, after its window has gone.
    QTRY_VERIFY_WITH_TIMEOUT(ended.size() > before, kTimeoutMs);
    for (qsizetype i = before; i < ended.size(); ++i)
        QVERIFY2(ended.at(i).second.isEmpty(), qPrintable(ended.at(i).first + QStringLiteral(": ") + ended.at(i).second));
    c.reset(); // waits for whatever the window left running
}

void CloseWhileBusyTest::connectionClosesAtOnce_data()
{
    QTest::addColumn<bool>("throughWindow");
    QTest::newRow("retire") << false;
    QTest::newRow("main window") << true;
}

void CloseWhileBusyTest::connectionClosesAtOnce()
{
    QFETCH(bool, throughWindow);
    auto owned = throughProxy();
    Connection *c = owned.get();
    std::unique_ptr<MainWindow> window;
    if (throughWindow) {
        window = std::make_unique<MainWindow>();
        window->setRememberConnections(false);
        window->addConnection(std::move(owned));
        QVERIFY(window->openTable(c, s("Orders"))); // a tab whose scan is held too
    }
    m_proxy->hold();
    QFuture<dd::client::ApiResponse> call = c->call(s("DescribeTable"), QJsonObject{{s("TableName"), s("Orders")}});
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->held() > 0, kTimeoutMs);
    if (throughWindow) {
        emit window->tree()->closeConnectionRequested(c);
        QCOMPARE(window->connections().size(), size_t(0));
        QCOMPARE(window->tabs()->count(), 0);
    } else {
        Connection::retire(std::move(owned));
    }
    // Closed while the answer is still held: nothing waited for the call.
    QVERIFY(!call.isFinished());
    m_proxy->release();
    // The call ends with the server's answer, not the client's timeout.
    QTRY_VERIFY_WITH_TIMEOUT(call.isFinished(), kTimeoutMs);
    const dd::client::ApiResponse answer = call.result();
    QVERIFY2(answer.ok(), qPrintable(dd::ui::errorText(answer)));
    QCOMPARE(answer.body.value(s("Table")).toObject().value(s("TableName")).toString(), s("Orders"));
    Connection::waitForRetired();
    window.reset();
}

QTEST_MAIN(CloseWhileBusyTest)
#include "tst_closewhilebusy.moc"
