// The DAX clusters window against the in-memory embedded engine: Create…
// opens the Create DAX cluster dialog (parameter groups listed, the local
// IAM role filled in), whose bad name shows DAX's
// InvalidParameterValueException inline with the dialog left open, and
// whose good form creates a cluster that the list then shows and selects;
// a taken name shows ClusterAlreadyExistsFault; the Parameter groups tab
// shows default.dax1.0 read-only, creates a group, refuses TTLs that are
// not whole milliseconds before sending anything, and saves new TTLs that
// DescribeParameters then returns; a cluster's live metrics move after
// GetItems through it, every 2 s while shown and not while hidden; Open
// table through cluster… browses a table whose reads stay stale after a
// write around the cluster until Consistent read; Delete… asks, then
// deletes; a connection without Dynamodesk.DescribeClusterMetrics (AWS, or
// an endpoint that does not know it) gets a note instead of an error, and
// AWS no Open table through cluster; the main window's Table menu opens one
// window per connection and closing the connection closes it; every
// mnemonic has a buddy; and the dialogs closed while their calls run.
// Strings with quotes are ordinary literals, not raw strings: moc drops a
// test class whose raw strings hold \" or '.
#include "browser/itemtablemodel.h"
#include "browser/querybar.h"
#include "browser/tablebrowser.h"
#include "connections/connectiontree.h"
#include "dax/clustermetricspanel.h"
#include "dax/createclusterdialog.h"
#include "dax/daxclustersdialog.h"
#include "dax/daxtablewindow.h"
#include "dax/parametergroupspanel.h"
#include "mainwindow/mainwindow.h"
#include "uitest.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMutex>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 20000;
const char *kRole = "arn:aws:iam::000000000000:role/DAXServiceRole";

QString people() { return QStringLiteral("People"); }

QJsonObject personKey(const QString &id) { return {{QStringLiteral("id"), uitest::S(id)}}; }

void putPerson(Connection &c, const QString &id, const QString &name)
{
    uitest::put(c, people(), {{QStringLiteral("id"), uitest::S(id)}, {QStringLiteral("name"), uitest::S(name)}});
}

// The "name" of person `id` as GetItem (eventually consistent) answers through `c`.
QString nameThrough(Connection &c, const QString &id)
{
    const auto r = c.callSync(QStringLiteral("GetItem"), QJsonObject{{QStringLiteral("TableName"), people()}, {QStringLiteral("Key"), personKey(id)}});
    if (!r.ok())
        return r.error->type();
    return r.body.value(QStringLiteral("Item")).toObject().value(QStringLiteral("name")).toObject().value(QStringLiteral("S")).toString();
}

void createClusterDirectly(Connection &c, const QString &name, const QString &group = QString())
{
    QJsonObject request{{QStringLiteral("ClusterName"), name}, {QStringLiteral("NodeType"), QStringLiteral("dax.t3.small")},
                        {QStringLiteral("ReplicationFactor"), 1}, {QStringLiteral("IamRoleArn"), QLatin1String(kRole)}};
    if (!group.isEmpty())
        request.insert(QStringLiteral("ParameterGroupName"), group);
    const auto r = c.callSync(QStringLiteral("Dax.CreateCluster"), request);
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
}

QStringList listedClusters(Connection &c)
{
    QStringList out;
    const auto r = c.callSync(QStringLiteral("Dax.DescribeClusters"), QJsonObject());
    for (const auto &v : r.body.value(QStringLiteral("Clusters")).toArray())
        out << v.toObject().value(QStringLiteral("ClusterName")).toString();
    return out;
}

// A visible top-level widget of type T named `name` (an earlier one may await its deletion).
template <typename T>
T *visibleDialog(QWidget *parent, const char *name)
{
    for (auto *d : parent->findChildren<T *>(QLatin1String(name)))
        if (d->isVisible())
            return d;
    return nullptr;
}

// The answers of a connection's client, except the operations named with
// one of `unknown`'s prefixes: as endpoints other than dynamodesk-server
// (Dynamodesk.*) or without DAX at all (Dax.*), it does not know them.
class UnknownOperationsClient : public dd::client::Client {
public:
    UnknownOperationsClient(std::shared_ptr<dd::client::Client> inner, QStringList unknown)
        : unknown(std::move(unknown)), m_inner(std::move(inner))
    {
    }
    QFuture<dd::client::ApiResponse> call(const QString &operation, const QJsonObject &request) override
    {
        return QtFuture::makeReadyFuture(callSync(operation, request));
    }
    dd::client::ApiResponse callSync(const QString &operation, const QJsonObject &request) override
    {
        {
            const QMutexLocker lock(&m_mutex);
            ++m_calls[operation];
        }
        if (std::any_of(unknown.begin(), unknown.end(), [&](const QString &prefix) { return operation.startsWith(prefix); })) {
            dd::client::ApiResponse r;
            r.error = dd::ApiError::unknownOperation(QStringLiteral("Unknown operation %1").arg(operation));
            return r;
        }
        return m_inner->callSync(operation, request);
    }
    QString region() const override { return m_inner->region(); }
    QString displayName() const override { return QStringLiteral("http://dynamodb.example:8000"); }
    int calls(const QString &operation) const
    {
        const QMutexLocker lock(&m_mutex);
        return m_calls.value(operation);
    }
    void clearCalls()
    {
        const QMutexLocker lock(&m_mutex);
        m_calls.clear();
    }
    const QStringList unknown; // prefixes of the operations answered UnknownOperationException

private:
    std::shared_ptr<dd::client::Client> m_inner;
    mutable QMutex m_mutex;     // calls come from the connection's pool
    QHash<QString, int> m_calls; // by operation
};

} // namespace

class TestDaxClusters : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void createClusterThroughTheDialog();
    void parameterGroupTtls();
    void metricsMoveWithReadsThroughTheCluster();
    void browseThroughTheCluster();
    void deleteAfterAQuestion();
    void connectionsWithoutDaxMetrics();
    void mainWindowMenu();
    void closingWhileCallsRun();
    void cleanupTestCase();

private:
    std::unique_ptr<DaxClustersDialog> openDialog(Connection *connection = nullptr);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_connection;
};

void TestDaxClusters::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    m_connection = uitest::inMemoryConnection();
    uitest::createTable(*m_connection, people(), QStringLiteral("id"));
    putPerson(*m_connection, QStringLiteral("p1"), QStringLiteral("Ada"));
    putPerson(*m_connection, QStringLiteral("p2"), QStringLiteral("Grace"));
}

void TestDaxClusters::cleanupTestCase()
{
    m_connection.reset();
}

std::unique_ptr<DaxClustersDialog> TestDaxClusters::openDialog(Connection *connection)
{
    auto dialog = std::make_unique<DaxClustersDialog>(connection ? connection : m_connection.get());
    dialog->show();
    return dialog;
}

void TestDaxClusters::createClusterThroughTheDialog()
{
    auto dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kTimeoutMs);
    QCOMPARE(dialog->clusterNames(), QStringList());
    QCOMPARE(dialog->errorText(), QString());

    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("createClusterButton")), Qt::LeftButton);
    QPointer<CreateClusterDialog> create = dialog->findChild<CreateClusterDialog *>();
    QVERIFY(create);
    QVERIFY(create->isVisible());
    QVERIFY2(uitest::labelsWithoutBuddy(create).isEmpty(), qPrintable(uitest::labelsWithoutBuddy(create).join(QLatin1String(", "))));
    QTRY_VERIFY_WITH_TIMEOUT(create->groupsLoaded(), kTimeoutMs);
    QCOMPARE(create->parameterGroups(), QStringList{QStringLiteral("default.dax1.0")});
    auto *name = create->findChild<QLineEdit *>(QStringLiteral("clusterName"));
    auto *nodeType = create->findChild<QComboBox *>(QStringLiteral("nodeType"));
    auto *nodes = create->findChild<QSpinBox *>(QStringLiteral("replicationFactor"));
    auto *role = create->findChild<QLineEdit *>(QStringLiteral("iamRoleArn"));
    auto *createButton = create->findChild<QPushButton *>(QStringLiteral("createCluster"));
    QCOMPARE(role->text(), QLatin1String(kRole));
    QCOMPARE(nodes->minimum(), 1);
    QCOMPARE(nodes->maximum(), 11);
    QCOMPARE(nodeType->count(), int(CreateClusterDialog::nodeTypes().size()));
    QVERIFY(CreateClusterDialog::nodeTypes().contains(QStringLiteral("dax.r5.24xlarge")));
    QVERIFY(!createButton->isEnabled()); // no name yet
    QVERIFY(!create->create());

    // A name DAX refuses: its error in the dialog, which stays open, and no cluster.
    QTest::keyClicks(name, QStringLiteral("1bad"));
    QVERIFY(createButton->isEnabled());
    QTest::mouseClick(createButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!create->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(create->errorText().contains(QStringLiteral("InvalidParameterValueException")), qPrintable(create->errorText()));
    QVERIFY2(create->errorText().contains(QStringLiteral("Cluster ID specified is not a valid identifier")), qPrintable(create->errorText()));
    QVERIFY(create->isVisible());
    QVERIFY(createButton->isEnabled());
    QCOMPARE(listedClusters(*m_connection), QStringList());

    // A good form: created, the dialog closes, the list shows and selects it.
    name->clear();
    QTest::keyClicks(name, QStringLiteral("People-Cache"));
    nodeType->setCurrentIndex(nodeType->findData(QStringLiteral("dax.r5.large")));
    nodes->setValue(3);
    create->findChild<QLineEdit *>(QStringLiteral("clusterDescription"))->setText(QStringLiteral("reads of People"));
    QTest::mouseClick(createButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(create.isNull() || !create->isVisible(), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(dialog->clusterNames(), QStringList{QStringLiteral("people-cache")}, kTimeoutMs); // DAX's lower case
    QCOMPARE(dialog->selectedCluster(), QStringLiteral("people-cache"));
    QTreeWidgetItem *row = dialog->clusterList()->topLevelItem(0);
    QCOMPARE(row->text(DaxClustersDialog::StatusColumn), QStringLiteral("available"));
    QCOMPARE(row->text(DaxClustersDialog::NodeTypeColumn), QStringLiteral("dax.r5.large"));
    QCOMPARE(row->text(DaxClustersDialog::NodesColumn), QStringLiteral("3"));
    QCOMPARE(row->text(DaxClustersDialog::ParameterGroupColumn), QStringLiteral("default.dax1.0"));
    QVERIFY2(row->text(DaxClustersDialog::EndpointColumn).endsWith(QStringLiteral("/dax/people-cache")),
             qPrintable(row->text(DaxClustersDialog::EndpointColumn)));
    QCOMPARE(dialog->clusterDescription(QStringLiteral("people-cache")).value(QStringLiteral("Description")).toString(), QStringLiteral("reads of People"));
    QCOMPARE(listedClusters(*m_connection), QStringList{QStringLiteral("people-cache")});
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY2(dialog->statusText().contains(QStringLiteral("people-cache")), qPrintable(dialog->statusText()));

    // The same name again: ClusterAlreadyExistsFault, inline.
    QPointer<CreateClusterDialog> again = dialog->createCluster();
    QVERIFY(again && again != create);
    QTRY_VERIFY_WITH_TIMEOUT(again->groupsLoaded(), kTimeoutMs);
    again->findChild<QLineEdit *>(QStringLiteral("clusterName"))->setText(QStringLiteral("people-cache"));
    QVERIFY(again->create());
    QVERIFY(again->isCreating() || !again->errorText().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!again->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(again->errorText().contains(QStringLiteral("ClusterAlreadyExistsFault")), qPrintable(again->errorText()));
    QVERIFY(again->isVisible());
    // Asked again while open: the same dialog.
    QCOMPARE(dialog->createCluster(), again.data());
    again->reject();
}

void TestDaxClusters::parameterGroupTtls()
{
    auto dialog = openDialog();
    ParameterGroupsPanel *groups = dialog->parameterGroups();
    dialog->tabs()->setCurrentWidget(groups);
    QTRY_VERIFY_WITH_TIMEOUT(!groups->isLoading() && groups->parametersLoaded(), kTimeoutMs);
    QCOMPARE(groups->groupNames(), QStringList{QStringLiteral("default.dax1.0")});
    QCOMPARE(groups->selectedGroup(), QStringLiteral("default.dax1.0"));
    // The default group: its values, read-only.
    QCOMPARE(groups->recordTtl(), QStringLiteral("300000"));
    QCOMPARE(groups->queryTtl(), QStringLiteral("300000"));
    QVERIFY(groups->isReadOnly());
    QVERIFY(groups->findChild<QLineEdit *>(QStringLiteral("recordTtl"))->isReadOnly());
    QVERIFY(groups->findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isVisible());
    QCOMPARE(groups->findChild<QLabel *>(QStringLiteral("recordTtlMeaning"))->text(), QStringLiteral("= 5 min"));
    QVERIFY(!groups->canSave());
    QVERIFY(!groups->save());
    QVERIFY(!groups->findChild<QPushButton *>(QStringLiteral("deleteParameterGroup"))->isEnabled());
    QVERIFY(!groups->deleteSelected());

    // New parameter group…: created, listed (lower case) and selected.
    QTest::mouseClick(groups->findChild<QPushButton *>(QStringLiteral("newParameterGroup")), Qt::LeftButton);
    QPointer<QInputDialog> ask = visibleDialog<QInputDialog>(groups, "newParameterGroupDialog");
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("Fast"));
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(groups->groupNames(), (QStringList{QStringLiteral("default.dax1.0"), QStringLiteral("fast")}), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(groups->selectedGroup() == QStringLiteral("fast") && groups->parametersLoaded(), kTimeoutMs);
    QVERIFY(!groups->isReadOnly());
    QVERIFY(!groups->findChild<QLabel *>(QStringLiteral("readOnlyNote"))->isVisible());
    QCOMPARE(groups->errorText(), QString());
    // A name taken: DAX's fault, shown.
    QVERIFY(groups->createGroup(QStringLiteral("fast")));
    QTRY_VERIFY_WITH_TIMEOUT(!groups->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(groups->errorText().contains(QStringLiteral("ParameterGroupAlreadyExistsFault")), qPrintable(groups->errorText()));

    // Values that are not whole milliseconds: said at once, nothing sent.
    auto *save = groups->findChild<QPushButton *>(QStringLiteral("saveTtls"));
    groups->setTtls(QStringLiteral("1.5"), QStringLiteral("0"));
    QVERIFY(!groups->ttlErrorText().isEmpty());
    QVERIFY2(groups->ttlErrorText().contains(QStringLiteral("Item TTL")), qPrintable(groups->ttlErrorText()));
    QVERIFY(!save->isEnabled());
    groups->setTtls(QStringLiteral("1500"), QStringLiteral("-1"));
    QVERIFY2(groups->ttlErrorText().contains(QStringLiteral("Query TTL")), qPrintable(groups->ttlErrorText()));
    QVERIFY(!groups->save());
    // Good values: saved, and DescribeParameters returns them.
    auto *recordField = groups->findChild<QLineEdit *>(QStringLiteral("recordTtl"));
    auto *queryField = groups->findChild<QLineEdit *>(QStringLiteral("queryTtl"));
    recordField->selectAll();
    QTest::keyClicks(recordField, QStringLiteral("61500"));
    queryField->selectAll();
    QTest::keyClicks(queryField, QStringLiteral("0"));
    QCOMPARE(groups->ttlErrorText(), QString());
    QCOMPARE(groups->findChild<QLabel *>(QStringLiteral("recordTtlMeaning"))->text(), QStringLiteral("= 1 min 1 s 500 ms"));
    QCOMPARE(groups->findChild<QLabel *>(QStringLiteral("queryTtlMeaning"))->text(), QStringLiteral("not cached"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!groups->isBusy() && !groups->isLoading(), kTimeoutMs);
    QCOMPARE(groups->errorText(), QString());
    QVERIFY2(groups->statusText().contains(QStringLiteral("fast")), qPrintable(groups->statusText()));
    const auto r = m_connection->callSync(QStringLiteral("Dax.DescribeParameters"), QJsonObject{{QStringLiteral("ParameterGroupName"), QStringLiteral("fast")}});
    QVERIFY(r.ok());
    QHash<QString, QString> values;
    for (const auto &v : r.body.value(QStringLiteral("Parameters")).toArray())
        values.insert(v.toObject().value(QStringLiteral("ParameterName")).toString(), v.toObject().value(QStringLiteral("ParameterValue")).toString());
    QCOMPARE(values.value(QStringLiteral("record-ttl-millis")), QStringLiteral("61500"));
    QCOMPARE(values.value(QStringLiteral("query-ttl-millis")), QStringLiteral("0"));
    QVERIFY(!save->isEnabled()); // nothing changed since
    QCOMPARE(groups->recordTtl(), QStringLiteral("61500"));

    // Shown again after another selection: what DAX holds.
    QVERIFY(groups->selectGroup(QStringLiteral("default.dax1.0")));
    QTRY_VERIFY_WITH_TIMEOUT(groups->parametersLoaded(), kTimeoutMs);
    QCOMPARE(groups->recordTtl(), QStringLiteral("300000"));
    QVERIFY(groups->selectGroup(QStringLiteral("fast")));
    QTRY_VERIFY_WITH_TIMEOUT(groups->parametersLoaded(), kTimeoutMs);
    QCOMPARE(groups->recordTtl(), QStringLiteral("61500"));

    // The Create dialog offers the new group.
    CreateClusterDialog *create = dialog->createCluster();
    QTRY_VERIFY_WITH_TIMEOUT(create->groupsLoaded(), kTimeoutMs);
    QCOMPARE(create->parameterGroups(), (QStringList{QStringLiteral("default.dax1.0"), QStringLiteral("fast")}));
    create->reject();

    // A group in use cannot be deleted: DAX says so; a free one goes after a question.
    createClusterDirectly(*m_connection, QStringLiteral("uses-fast"), QStringLiteral("fast"));
    QVERIFY(groups->deleteGroup(QStringLiteral("fast")));
    QTRY_VERIFY_WITH_TIMEOUT(!groups->errorText().isEmpty() && !groups->isBusy(), kTimeoutMs);
    QVERIFY2(groups->errorText().contains(QStringLiteral("InvalidParameterGroupStateFault")), qPrintable(groups->errorText()));
    QVERIFY(m_connection->callSync(QStringLiteral("Dax.DeleteCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("uses-fast")}}).ok());
    QVERIFY(groups->createGroup(QStringLiteral("spare")));
    QTRY_VERIFY_WITH_TIMEOUT(groups->selectedGroup() == QStringLiteral("spare") && !groups->isLoading(), kTimeoutMs);
    QVERIFY(groups->deleteSelected());
    QPointer<QMessageBox> box = groups->findChild<QMessageBox *>(QStringLiteral("confirmDeleteParameterGroup"));
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(groups->groupNames(), (QStringList{QStringLiteral("default.dax1.0"), QStringLiteral("fast")}), kTimeoutMs);
    QCOMPARE(groups->errorText(), QString());
    QVERIFY2(uitest::labelsWithoutBuddy(dialog.get()).isEmpty(), qPrintable(uitest::labelsWithoutBuddy(dialog.get()).join(QLatin1String(", "))));
}

void TestDaxClusters::metricsMoveWithReadsThroughTheCluster()
{
    auto dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && dialog->clusterNames().contains(QStringLiteral("people-cache")), kTimeoutMs);
    QVERIFY(dialog->selectCluster(QStringLiteral("people-cache")));
    ClusterMetricsPanel *metrics = dialog->metricsPanel();
    QCOMPARE(metrics->cluster(), QStringLiteral("people-cache"));
    QTRY_VERIFY_WITH_TIMEOUT(metrics->metric(QStringLiteral("TotalRequestCount")) >= 0, kTimeoutMs);
    const qint64 hitsBefore = metrics->metric(QStringLiteral("ItemCacheHits"));
    const qint64 missesBefore = metrics->metric(QStringLiteral("ItemCacheMisses"));
    QVERIFY(metrics->isSupported());
    QCOMPARE(metrics->noteText(), QString());

    // Three reads of one item through the cluster: a miss, then two hits.
    std::unique_ptr<Connection> routed = m_connection->throughDaxCluster(QStringLiteral("people-cache"));
    QVERIFY(routed);
    QCOMPARE(routed->daxCluster(), QStringLiteral("people-cache"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(nameThrough(*routed, QStringLiteral("p2")), QStringLiteral("Grace"));
    // Read again by the panel's own timer (every 2 s while shown).
    QTRY_COMPARE_WITH_TIMEOUT(metrics->metric(QStringLiteral("ItemCacheHits")), hitsBefore + 2, kTimeoutMs);
    QCOMPARE(metrics->metric(QStringLiteral("ItemCacheMisses")), missesBefore + 1);
    QVERIFY(metrics->metric(QStringLiteral("GetItemRequestCount")) >= 3);
    QVERIFY(metrics->metric(QStringLiteral("EstimatedDbSize")) > 0);
    QCOMPARE(metrics->text(QStringLiteral("ItemCacheHits")), QString::number(hitsBefore + 2));
    QVERIFY2(metrics->text(QStringLiteral("ItemCacheRatio")).endsWith(QStringLiteral("%")), qPrintable(metrics->text(QStringLiteral("ItemCacheRatio"))));
    QVERIFY2(metrics->text(QStringLiteral("Requests")).contains(QString::number(metrics->metric(QStringLiteral("TotalRequestCount")))),
             qPrintable(metrics->text(QStringLiteral("Requests"))));
    QVERIFY(!metrics->text(QStringLiteral("CacheSize")).isEmpty());
    QVERIFY(metrics->isPolling() || metrics->isReading());

    // Hidden (another tab): no more reads; shown again: reads at once.
    dialog->tabs()->setCurrentWidget(dialog->parameterGroups());
    QTRY_VERIFY_WITH_TIMEOUT(!metrics->isReading(), kTimeoutMs);
    QVERIFY(!metrics->isPolling());
    const int reads = metrics->reads();
    QTest::qWait(ClusterMetricsPanel::kRefreshMs + 500);
    QCOMPARE(metrics->reads(), reads);
    dialog->tabs()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(metrics->reads() > reads, kTimeoutMs);

    // Another cluster selected: its own figures (nothing through it yet).
    createClusterDirectly(*m_connection, QStringLiteral("idle"));
    dialog->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->clusterNames().contains(QStringLiteral("idle")), kTimeoutMs);
    QVERIFY(dialog->selectCluster(QStringLiteral("idle")));
    QTRY_COMPARE_WITH_TIMEOUT(metrics->metric(QStringLiteral("TotalRequestCount")), qint64(0), kTimeoutMs);
    QCOMPARE(metrics->text(QStringLiteral("ItemCacheRatio")), QStringLiteral("–"));
    QVERIFY(m_connection->callSync(QStringLiteral("Dax.DeleteCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("idle")}}).ok());
}

void TestDaxClusters::browseThroughTheCluster()
{
    auto dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && !dialog->clusterNames().isEmpty(), kTimeoutMs);
    QVERIFY(dialog->selectCluster(QStringLiteral("people-cache")));
    QVERIFY(dialog->canBrowseThroughClusters());
    auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openTableThroughCluster"));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QPointer<QInputDialog> ask;
    QTRY_VERIFY_WITH_TIMEOUT((ask = visibleDialog<QInputDialog>(dialog.get(), "chooseTableDialog")), kTimeoutMs);
    QCOMPARE(ask->comboBoxItems(), QStringList{people()});
    ask->setTextValue(people());
    ask->accept();
    QPointer<DaxTableWindow> window = dialog->findChild<DaxTableWindow *>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QCOMPARE(window->cluster(), QStringLiteral("people-cache"));
    QCOMPARE(window->tableName(), people());
    QVERIFY2(window->windowTitle().contains(QStringLiteral("people-cache")), qPrintable(window->windowTitle()));
    QVERIFY2(window->connection()->endpointForPrograms().endsWith(QStringLiteral("/dax/people-cache")),
             qPrintable(window->connection()->endpointForPrograms()));
    TableBrowser *browser = window->browser();
    QTRY_VERIFY_WITH_TIMEOUT(browser->isReady() && !browser->model()->isLoading() && browser->model()->rowCount() == 2, kTimeoutMs);
    const auto names = [browser] {
        QStringList out;
        for (int row = 0; row < browser->model()->rowCount(); ++row)
            out << browser->model()->item(row).value(QStringLiteral("name")).toObject().value(QStringLiteral("S")).toString();
        out.sort();
        return out;
    };
    QCOMPARE(names(), (QStringList{QStringLiteral("Ada"), QStringLiteral("Grace")}));

    // A write around the cluster: the browser's Scan is answered from the query cache, unchanged.
    putPerson(*m_connection, QStringLiteral("p1"), QStringLiteral("Augusta"));
    browser->run();
    QTRY_VERIFY_WITH_TIMEOUT(!browser->model()->isLoading() && browser->model()->rowCount() == 2, kTimeoutMs);
    QCOMPARE(names(), (QStringList{QStringLiteral("Ada"), QStringLiteral("Grace")}));
    // GetItem through the cluster: its item cache, stale too (p1 was cached by neither read yet: now it is).
    std::unique_ptr<Connection> routed = m_connection->throughDaxCluster(QStringLiteral("people-cache"));
    QCOMPARE(nameThrough(*routed, QStringLiteral("p1")), QStringLiteral("Augusta")); // a miss reads the table
    putPerson(*m_connection, QStringLiteral("p1"), QStringLiteral("Ada Lovelace"));
    QCOMPARE(nameThrough(*routed, QStringLiteral("p1")), QStringLiteral("Augusta")); // the cached item
    QCOMPARE(nameThrough(*m_connection, QStringLiteral("p1")), QStringLiteral("Ada Lovelace"));
    // Consistent read: the table itself.
    browser->queryBar()->findChild<QCheckBox *>(QStringLiteral("consistent"))->setChecked(true);
    browser->run();
    QTRY_VERIFY_WITH_TIMEOUT(!browser->model()->isLoading() && names().contains(QStringLiteral("Ada Lovelace")), kTimeoutMs);
    // DescribeTable went to the table itself (a cluster refuses it): the browser knows the keys.
    QCOMPARE(browser->keys().partition, QStringLiteral("id"));

    // Asked again: the same window.
    QCOMPARE(dialog->openTableThroughCluster(QStringLiteral("people-cache"), people()), window.data());
    // Closing the clusters window closes the windows it opened.
    dialog.reset();
    QVERIFY(window.isNull());
}

void TestDaxClusters::deleteAfterAQuestion()
{
    auto dialog = openDialog();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && !dialog->clusterNames().isEmpty(), kTimeoutMs);
    QVERIFY(dialog->selectCluster(QStringLiteral("people-cache")));
    auto *deleteButton = dialog->findChild<QPushButton *>(QStringLiteral("deleteCluster"));
    // Cancel: nothing deleted.
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    QPointer<QMessageBox> box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmDeleteCluster"));
    QVERIFY(box);
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
    QVERIFY2(box->text().contains(QStringLiteral("people-cache")), qPrintable(box->text()));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QTest::qWait(100);
    QVERIFY(!dialog->isDeleting());
    QVERIFY(listedClusters(*m_connection).contains(QStringLiteral("people-cache")));
    // Yes: deleted and gone from the list.
    QTest::mouseClick(deleteButton, Qt::LeftButton);
    box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmDeleteCluster"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->clusterNames().contains(QStringLiteral("people-cache")) && !dialog->isLoading(), kTimeoutMs);
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(!listedClusters(*m_connection).contains(QStringLiteral("people-cache")));
    // Nothing selected any more: no metrics, nothing to delete.
    QVERIFY(!deleteButton->isEnabled() || !dialog->selectedCluster().isEmpty());
    // A cluster that is gone: DAX's fault, shown.
    QVERIFY(dialog->deleteCluster(QStringLiteral("people-cache")));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("ClusterNotFoundFault")), qPrintable(dialog->errorText()));
}

void TestDaxClusters::connectionsWithoutDaxMetrics()
{
    createClusterDirectly(*m_connection, QStringLiteral("elsewhere"));
    // An endpoint that does not know Dynamodesk.*: a note, asked once.
    const std::shared_ptr<dd::client::Client> inner(&m_connection->client(), [](dd::client::Client *) {}); // m_connection owns it
    auto client = std::make_shared<UnknownOperationsClient>(inner, QStringList{QStringLiteral("Dynamodesk.")});
    ConnectionSettings settings;
    settings.kind = ConnectionSettings::Kind::Endpoint;
    settings.url = QStringLiteral("http://dynamodb.example:8000");
    Connection endpoint(settings, client);
    {
        auto dialog = openDialog(&endpoint);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && dialog->clusterNames().contains(QStringLiteral("elsewhere")), kTimeoutMs);
        QVERIFY(dialog->selectCluster(QStringLiteral("elsewhere")));
        ClusterMetricsPanel *metrics = dialog->metricsPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!metrics->isSupported(), kTimeoutMs);
        QVERIFY2(metrics->noteText().contains(QStringLiteral("CloudWatch")), qPrintable(metrics->noteText()));
        QCOMPARE(dialog->errorText(), QString());
        QVERIFY(!metrics->isPolling());
        QTest::qWait(ClusterMetricsPanel::kRefreshMs + 500);
        QCOMPARE(client->calls(QStringLiteral("Dynamodesk.DescribeClusterMetrics")), 1);
        // Its endpoint column is what DAX says.
        QVERIFY2(dialog->clusterList()->topLevelItem(0)->text(DaxClustersDialog::EndpointColumn).contains(QStringLiteral("/dax/")),
                 qPrintable(dialog->clusterList()->topLevelItem(0)->text(DaxClustersDialog::EndpointColumn)));
        QVERIFY(dialog->canBrowseThroughClusters());
    }
    // AWS: no such call at all, the note, and no browsing through a cluster.
    settings.kind = ConnectionSettings::Kind::Aws;
    client->clearCalls();
    Connection aws(settings, client);
    {
        auto dialog = openDialog(&aws);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading() && dialog->clusterNames().contains(QStringLiteral("elsewhere")), kTimeoutMs);
        QVERIFY(dialog->selectCluster(QStringLiteral("elsewhere")));
        QVERIFY(!dialog->metricsPanel()->isSupported());
        QVERIFY2(dialog->metricsPanel()->noteText().contains(QStringLiteral("CloudWatch")), qPrintable(dialog->metricsPanel()->noteText()));
        QVERIFY(!dialog->canBrowseThroughClusters());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("openTableThroughCluster"))->isEnabled());
        QVERIFY(!dialog->openTableThroughSelected());
        QVERIFY(!dialog->openTableThroughCluster(QStringLiteral("elsewhere"), people()));
        QTest::qWait(300);
        QCOMPARE(client->calls(QStringLiteral("Dynamodesk.DescribeClusterMetrics")), 0);
    }
    // An endpoint without DAX at all (DynamoDB Local): said in the dialog.
    settings.kind = ConnectionSettings::Kind::Endpoint;
    auto noDax = std::make_shared<UnknownOperationsClient>(inner, QStringList{QStringLiteral("Dynamodesk."), QStringLiteral("Dax.")});
    Connection local(settings, noDax);
    {
        auto dialog = openDialog(&local);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
        QVERIFY2(dialog->errorText().contains(QStringLiteral("does not offer DAX")), qPrintable(dialog->errorText()));
        QCOMPARE(dialog->clusterNames(), QStringList());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("deleteCluster"))->isEnabled());
    }
    QVERIFY(m_connection->callSync(QStringLiteral("Dax.DeleteCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("elsewhere")}}).ok());
}

void TestDaxClusters::mainWindowMenu()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *a = window.addConnection(uitest::inMemoryConnection());
    QAction *action = window.findChild<QAction *>(QStringLiteral("daxAction"));
    QVERIFY(action);
    // In the Table menu.
    bool inTableMenu = false;
    for (QAction *menu : window.menuBar()->actions())
        if (menu->menu() && menu->menu()->actions().contains(action))
            inTableMenu = menu->text() == QStringLiteral("&Table");
    QVERIFY(inTableMenu);

    QPointer<DaxClustersDialog> dialog = window.openDaxClusters(a);
    QVERIFY(dialog);
    QCOMPARE(dialog->connection(), a);
    QCOMPARE(window.openDaxClusters(a), dialog.data());
    QCOMPARE(int(window.findChildren<DaxClustersDialog *>().size()), 1);
    QVERIFY2(uitest::labelsWithoutBuddy(dialog).isEmpty(), qPrintable(uitest::labelsWithoutBuddy(dialog).join(QLatin1String(", "))));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kTimeoutMs);
    QCOMPARE(dialog->errorText(), QString());

    // The connection tree's current connection, through the action.
    window.tree()->setCurrentItem(window.tree()->connectionItem(a));
    QCOMPARE(window.tree()->currentConnection(), a);
    dialog->close();
    QTRY_VERIFY(dialog.isNull()); // deleted on close
    action->trigger();
    QTRY_VERIFY(!window.findChildren<DaxClustersDialog *>().isEmpty());
    dialog = window.findChildren<DaxClustersDialog *>().constFirst();
    QVERIFY(dialog->isVisible());

    // Closing the connection closes its window.
    emit window.tree()->closeConnectionRequested(a);
    QVERIFY(dialog.isNull());
}

void TestDaxClusters::closingWhileCallsRun()
{
    {
        // Before anything was read.
        DaxClustersDialog dialog(m_connection.get());
        dialog.show();
    }
    {
        // With a create and a TTL change under way: both still happen.
        auto dialog = openDialog();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), kTimeoutMs);
        CreateClusterDialog *create = dialog->createCluster();
        QTRY_VERIFY_WITH_TIMEOUT(create->groupsLoaded(), kTimeoutMs);
        create->findChild<QLineEdit *>(QStringLiteral("clusterName"))->setText(QStringLiteral("made-while-closing"));
        QVERIFY(create->create());
        ParameterGroupsPanel *groups = dialog->parameterGroups();
        QTRY_VERIFY_WITH_TIMEOUT(groups->groupNames().contains(QStringLiteral("fast")), kTimeoutMs);
        QVERIFY(groups->selectGroup(QStringLiteral("fast")));
        QTRY_VERIFY_WITH_TIMEOUT(groups->parametersLoaded(), kTimeoutMs);
        groups->setTtls(QStringLiteral("42"), QStringLiteral("43"));
        QVERIFY(groups->save());
    }
    QTRY_VERIFY_WITH_TIMEOUT(listedClusters(*m_connection).contains(QStringLiteral("made-while-closing")), kTimeoutMs);
    // The dialogs did not wait for their calls: the change lands after them.
    const auto ttls = [this] {
        const auto r = m_connection->callSync(QStringLiteral("Dax.DescribeParameters"), QJsonObject{{QStringLiteral("ParameterGroupName"), QStringLiteral("fast")}});
        QStringList values;
        for (const auto &v : r.body.value(QStringLiteral("Parameters")).toArray())
            values << v.toObject().value(QStringLiteral("ParameterValue")).toString();
        return values;
    };
    QTRY_COMPARE_WITH_TIMEOUT(ttls(), (QStringList{QStringLiteral("43"), QStringLiteral("42")}), kTimeoutMs); // query-ttl-millis first, as DAX lists them
    {
        // While the metrics are being read, and a window browses through a cluster.
        auto dialog = openDialog();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->clusterNames().contains(QStringLiteral("made-while-closing")), kTimeoutMs);
        QVERIFY(dialog->selectCluster(QStringLiteral("made-while-closing")));
        QVERIFY(dialog->openTableThroughCluster(QStringLiteral("made-while-closing"), people()));
        dialog->metricsPanel()->refresh();
    }
}

QTEST_MAIN(TestDaxClusters)
#include "tst_daxclusters.moc"
