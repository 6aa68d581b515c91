// The global table dialog against the in-memory engine: a regional table
// (no replicas, this region only), Add replica of eu-west-1 (the progress
// while it is sent, the replica ACTIVE in the list once its items are
// copied, the same items in eu-west-1, a later write reaching it), Remove
// replica (Cancel keeps it; Yes drops the table in eu-west-1 and the list is
// regional again), DynamoDB's errors shown in the dialog (a PROVISIONED
// table, a table that does not exist, a region already in the group),
// Open region (the signal, and the main window's connection for eu-west-1
// over the same engine, selected rather than made twice), and the dialog
// closed while its call runs.
// Strings with quotes are ordinary literals, not raw strings: moc drops a
// test class whose raw strings hold \" or '.
#include "browser/tablebrowser.h"
#include "common/errorlabel.h"
#include "connections/connectiontree.h"
#include "mainwindow/mainwindow.h"
#include "replicas/replicasdialog.h"
#include "uitest.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTreeWidget>

#include <algorithm>

using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 15000;

QString eu() { return QStringLiteral("eu-west-1"); }
QString us() { return QStringLiteral("us-east-1"); }

dd::client::ApiResponse describe(Connection &c, const QString &table)
{
    return c.callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), table}});
}

// Every item of `table`, as compact JSON in a stable order.
QStringList scan(Connection &c, const QString &table)
{
    const auto r = c.callSync(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), table}, {QStringLiteral("ConsistentRead"), true}});
    QStringList out;
    for (const auto &v : r.body.value(QStringLiteral("Items")).toArray())
        out << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    out.sort();
    return out;
}

QTreeWidgetItem *regionItem(ReplicasDialog *dialog, const QString &region)
{
    QTreeWidget *list = dialog->regionList();
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->data(ReplicasDialog::RegionColumn, ReplicasDialog::RegionRole).toString() == region)
            return list->topLevelItem(i);
    return nullptr;
}

bool tableActiveEverywhere(Connection &c, const QString &table)
{
    const QJsonObject t = describe(c, table).body.value(QStringLiteral("Table")).toObject();
    if (t.value(QStringLiteral("TableStatus")).toString() != QLatin1String("ACTIVE"))
        return false;
    for (const auto &r : t.value(QStringLiteral("Replicas")).toArray())
        if (r.toObject().value(QStringLiteral("ReplicaStatus")).toString() != QLatin1String("ACTIVE"))
            return false;
    return true;
}

} // namespace

class TestReplicasDialog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void regionalTableHasNoReplicas();
    void addReplicaCopiesTheItems();
    void removeReplicaAfterConfirmation();
    void provisionedTableShowsDynamoDbsError();
    void otherErrorsAreShown();
    void openRegionAsksForTheReplicasRegion();
    void mainWindowOpensTheRegion();
    void closingWhileACallRuns();
    void cleanupTestCase();

private:
    std::unique_ptr<ReplicasDialog> openDialog(const QString &table);
    std::unique_ptr<Connection> inRegion(const QString &region);
    bool addThroughTheDialog(ReplicasDialog *dialog, const QString &region);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_connection;
};

void TestReplicasDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    m_connection = uitest::inMemoryConnection();
    QCOMPARE(m_connection->region(), us());
    uitest::createTable(*m_connection, QStringLiteral("Music"), QStringLiteral("Artist"), QStringLiteral("SongTitle"));
    for (int i = 0; i < 12; ++i)
        uitest::put(*m_connection, QStringLiteral("Music"),
                    {{QStringLiteral("Artist"), uitest::S(QStringLiteral("Artist %1").arg(i % 3))},
                     {QStringLiteral("SongTitle"), uitest::S(QStringLiteral("Song %1").arg(i))},
                     {QStringLiteral("Plays"), uitest::N(QString::number(i * 10))}});
}

void TestReplicasDialog::cleanupTestCase()
{
    m_connection.reset();
}

std::unique_ptr<ReplicasDialog> TestReplicasDialog::openDialog(const QString &table)
{
    auto dialog = std::make_unique<ReplicasDialog>(m_connection.get(), table);
    dialog->show();
    return dialog;
}

std::unique_ptr<Connection> TestReplicasDialog::inRegion(const QString &region)
{
    ConnectionSettings settings;
    settings.inMemory = true;
    settings.region = region;
    return Connection::fromEngine(settings, m_connection->sharedEngine());
}

bool TestReplicasDialog::addThroughTheDialog(ReplicasDialog *dialog, const QString &region)
{
    auto *add = dialog->findChild<QPushButton *>(QStringLiteral("addReplica"));
    dialog->regionCombo()->setCurrentText(region);
    if (!add->isEnabled())
        return false;
    QTest::mouseClick(add, Qt::LeftButton);
    return true;
}

void TestReplicasDialog::regionalTableHasNoReplicas()
{
    auto dialog = openDialog(QStringLiteral("Music"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QCOMPARE(dialog->regions(), QStringList{us()});
    QCOMPARE(dialog->regionStatus(us()), QStringLiteral("ACTIVE"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("noReplicas"))->isVisible());
    QTreeWidgetItem *local = regionItem(dialog.get(), us());
    QVERIFY(local);
    QVERIFY(local->text(ReplicasDialog::RegionColumn).contains(QStringLiteral("this region")));
    QVERIFY(!dialog->isBusy());
    QCOMPARE(dialog->errorText(), QString());
    // This region is not offered; the common others are.
    QCOMPARE(dialog->regionCombo()->findText(us()), -1);
    QVERIFY(dialog->regionCombo()->findText(eu()) >= 0);
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("addReplica"))->isEnabled());
    // Nothing to remove or open in this region.
    dialog->regionList()->setCurrentItem(local);
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("removeReplica"))->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("openRegion"))->isEnabled());
    QVERIFY(!dialog->removeReplica(us()));
}

void TestReplicasDialog::addReplicaCopiesTheItems()
{
    auto dialog = openDialog(QStringLiteral("Music"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QSignalSpy changed(dialog.get(), &ReplicasDialog::replicasChanged);
    QVERIFY(addThroughTheDialog(dialog.get(), eu()));
    // Sent: what runs is said, and nothing else can be changed meanwhile.
    QCOMPARE(dialog->progressText(), QStringLiteral("Adding a replica in eu-west-1…"));
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("addReplica"))->isEnabled());
    QVERIFY(dialog->findChild<QProgressBar *>(QStringLiteral("replicasBusy"))->isVisible());

    QTRY_COMPARE_WITH_TIMEOUT(dialog->regionStatus(eu()), QStringLiteral("ACTIVE"), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->regions(), (QStringList{us(), eu()}));
    QCOMPARE(dialog->regionStatus(us()), QStringLiteral("ACTIVE"));
    QTreeWidgetItem *item = regionItem(dialog.get(), eu());
    QVERIFY(item);
    QCOMPARE(item->text(ReplicasDialog::StatusColumn), QStringLiteral("ACTIVE"));
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("noReplicas"))->isVisible());
    QCOMPARE(dialog->progressText(), QString());
    QVERIFY(!dialog->findChild<QProgressBar *>(QStringLiteral("replicasBusy"))->isVisible());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(!changed.isEmpty());
    QCOMPARE(dialog->regionCombo()->findText(eu()), -1); // in the group now

    // eu-west-1 holds the same items, and a later write reaches it.
    auto europe = inRegion(eu());
    QCOMPARE(europe->region(), eu());
    QCOMPARE(scan(*europe, QStringLiteral("Music")), scan(*m_connection, QStringLiteral("Music")));
    QCOMPARE(int(scan(*europe, QStringLiteral("Music")).size()), 12);
    const QJsonObject key{{QStringLiteral("Artist"), uitest::S(QStringLiteral("Late"))}, {QStringLiteral("SongTitle"), uitest::S(QStringLiteral("Encore"))}};
    QJsonObject late = key;
    late.insert(QStringLiteral("Plays"), uitest::N(QStringLiteral("1")));
    uitest::put(*m_connection, QStringLiteral("Music"), late);
    QTRY_COMPARE_WITH_TIMEOUT(uitest::get(*europe, QStringLiteral("Music"), key), late, kTimeoutMs);
    // There, the table lists this region as its replica.
    const QJsonArray replicas = describe(*europe, QStringLiteral("Music")).body.value(QStringLiteral("Table")).toObject().value(QStringLiteral("Replicas")).toArray();
    QCOMPARE(int(replicas.size()), 1);
    QCOMPARE(replicas.at(0).toObject().value(QStringLiteral("RegionName")).toString(), us());
}

void TestReplicasDialog::removeReplicaAfterConfirmation()
{
    auto dialog = openDialog(QStringLiteral("Music"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded() && !dialog->isBusy(), kTimeoutMs);
    QCOMPARE(dialog->regions(), (QStringList{us(), eu()}));
    auto *remove = dialog->findChild<QPushButton *>(QStringLiteral("removeReplica"));
    dialog->regionList()->setCurrentItem(regionItem(dialog.get(), eu()));
    QVERIFY(remove->isEnabled());

    // Cancel: nothing is sent.
    QSignalSpy calls(m_connection.get(), &Connection::operationFinished);
    QTest::mouseClick(remove, Qt::LeftButton);
    QPointer<QMessageBox> box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmRemoveReplica"));
    QVERIFY(box);
    QVERIFY(box->text().contains(eu()));
    box->button(QMessageBox::Cancel)->click();
    QTRY_VERIFY(box.isNull());
    QTest::qWait(100);
    for (const auto &call : calls)
        QVERIFY(call.at(0).toString() != QLatin1String("UpdateTable"));
    QCOMPARE(dialog->regions(), (QStringList{us(), eu()}));

    // Yes: the replica goes, with its table in eu-west-1.
    QTest::mouseClick(remove, Qt::LeftButton);
    box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmRemoveReplica"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog->regions(), QStringList{us()}, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("noReplicas"))->isVisible());
    QCOMPARE(dialog->errorText(), QString());
    QVERIFY(dialog->regionCombo()->findText(eu()) >= 0); // offered again
    auto europe = inRegion(eu());
    const auto r = describe(*europe, QStringLiteral("Music"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error->type(), QStringLiteral("ResourceNotFoundException"));
    // The table here keeps its items and is regional again.
    const QJsonObject here = describe(*m_connection, QStringLiteral("Music")).body.value(QStringLiteral("Table")).toObject();
    QVERIFY(!here.contains(QStringLiteral("Replicas")));
    QCOMPARE(int(scan(*m_connection, QStringLiteral("Music")).size()), 13);
}

void TestReplicasDialog::provisionedTableShowsDynamoDbsError()
{
    const auto created = m_connection->callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), QStringLiteral("Provisioned")},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("id")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("id")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
        {QStringLiteral("ProvisionedThroughput"), QJsonObject{{QStringLiteral("ReadCapacityUnits"), 5}, {QStringLiteral("WriteCapacityUnits"), 5}}}});
    QVERIFY(created.ok());
    auto dialog = openDialog(QStringLiteral("Provisioned"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QVERIFY(addThroughTheDialog(dialog.get(), QStringLiteral("eu-west-2")));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Table write capacity should either be Pay-Per-Request or AutoScaled.")),
             qPrintable(dialog->errorText()));
    QVERIFY2(dialog->errorText().contains(QStringLiteral("eu-west-2")), qPrintable(dialog->errorText()));
    QVERIFY(dialog->findChild<ErrorLabel *>(QStringLiteral("replicasError"))->isVisible());
    QCOMPARE(dialog->progressText(), QString()); // nothing runs any more
    QVERIFY(!dialog->findChild<QProgressBar *>(QStringLiteral("replicasBusy"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton *>(QStringLiteral("addReplica"))->isEnabled(), kTimeoutMs);
    QCOMPARE(dialog->regions(), QStringList{us()});
    QVERIFY(!describe(*inRegion(QStringLiteral("eu-west-2")), QStringLiteral("Provisioned")).ok());
}

void TestReplicasDialog::otherErrorsAreShown()
{
    {
        // A region already in the group: said at once, nothing sent.
        auto dialog = openDialog(QStringLiteral("Music"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
        QVERIFY(!dialog->addReplica(us()));
        QVERIFY2(dialog->errorText().contains(us()), qPrintable(dialog->errorText()));
        // A region name DynamoDB refuses: its message.
        QVERIFY(addThroughTheDialog(dialog.get(), QStringLiteral("Not A Region")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("is not supported")), kTimeoutMs);
        QCOMPARE(dialog->regions(), QStringList{us()});
    }
    {
        // A table that is not there: the read's error, and nothing to change.
        auto dialog = openDialog(QStringLiteral("Nowhere"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), kTimeoutMs);
        QVERIFY2(dialog->errorText().contains(QStringLiteral("Nowhere")), qPrintable(dialog->errorText()));
        QVERIFY(!dialog->isLoaded());
        QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("addReplica"))->isEnabled());
        QVERIFY(!dialog->addReplica(eu()));
    }
}

void TestReplicasDialog::openRegionAsksForTheReplicasRegion()
{
    auto dialog = openDialog(QStringLiteral("Music"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QVERIFY(addThroughTheDialog(dialog.get(), QStringLiteral("ap-northeast-1")));
    QTRY_COMPARE_WITH_TIMEOUT(dialog->regionStatus(QStringLiteral("ap-northeast-1")), QStringLiteral("ACTIVE"), kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), kTimeoutMs);
    auto *open = dialog->findChild<QPushButton *>(QStringLiteral("openRegion"));
    QSignalSpy requested(dialog.get(), &ReplicasDialog::openRegionRequested);
    dialog->regionList()->setCurrentItem(regionItem(dialog.get(), us()));
    QVERIFY(!open->isEnabled());
    dialog->regionList()->setCurrentItem(regionItem(dialog.get(), QStringLiteral("ap-northeast-1")));
    QVERIFY(open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(int(requested.size()), 1);
    QCOMPARE(requested.at(0).at(0).value<Connection *>(), m_connection.get());
    QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("ap-northeast-1"));
    QCOMPARE(requested.at(0).at(2).toString(), QStringLiteral("Music"));
}

void TestReplicasDialog::mainWindowOpensTheRegion()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *a = window.addConnection(uitest::inMemoryConnection());
    uitest::createTable(*a, QStringLiteral("orders"), QStringLiteral("pk"));
    uitest::put(*a, QStringLiteral("orders"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("o1"))}});
    const auto r = a->callSync(QStringLiteral("UpdateTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("orders")},
        {QStringLiteral("ReplicaUpdates"), QJsonArray{QJsonObject{{QStringLiteral("Create"), QJsonObject{{QStringLiteral("RegionName"), eu()}}}}}}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    QTRY_VERIFY_WITH_TIMEOUT(tableActiveEverywhere(*a, QStringLiteral("orders")), kTimeoutMs);

    // The tree's menu opens the dialog; asking again shows the same one.
    emit window.tree()->replicasRequested(a, QStringLiteral("orders"));
    QPointer<ReplicasDialog> dialog = window.findChild<ReplicasDialog *>();
    QVERIFY(dialog);
    emit window.tree()->replicasRequested(a, QStringLiteral("orders"));
    QCOMPARE(int(window.findChildren<ReplicasDialog *>().size()), 1);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
    QCOMPARE(dialog->regions(), (QStringList{us(), eu()}));

    // Open region: a connection for eu-west-1 over the same engine, in the tree, with the table open.
    dialog->regionList()->setCurrentItem(regionItem(dialog, eu()));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openRegion")), Qt::LeftButton);
    QCOMPARE(window.connections().size(), size_t(2));
    Connection *europe = window.connections().back().get();
    QCOMPARE(europe->region(), eu());
    QCOMPARE(europe->engine(), a->engine());
    QVERIFY(window.tree()->connectionItem(europe));
    QVERIFY(europe->displayName().contains(eu()));
    auto *browser = qobject_cast<TableBrowser *>(window.tabs()->currentWidget());
    QVERIFY(browser);
    QCOMPARE(browser->connection(), europe);
    QCOMPARE(browser->tableName(), QStringLiteral("orders"));
    QTRY_VERIFY_WITH_TIMEOUT(window.tree()->tableItem(europe, QStringLiteral("orders")), kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(window.tree()->currentItem(), window.tree()->tableItem(europe, QStringLiteral("orders")), kTimeoutMs);
    // Through it, the replica's items.
    QCOMPARE(uitest::get(*europe, QStringLiteral("orders"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("o1"))}}).size(), qsizetype(1));

    // Again: the same connection, selected, not a second one; and this region is the first connection.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("openRegion")), Qt::LeftButton);
    QCOMPARE(window.connections().size(), size_t(2));
    QCOMPARE(window.openRegion(europe, us()), a);
    QCOMPARE(window.connections().size(), size_t(2));

    // Closing the connection closes its dialog.
    emit window.tree()->closeConnectionRequested(a);
    QVERIFY(dialog.isNull());
    QCOMPARE(window.connections().size(), size_t(1));
    // The region's connection keeps the engine open.
    QVERIFY(describe(*europe, QStringLiteral("orders")).ok());
}

void TestReplicasDialog::closingWhileACallRuns()
{
    uitest::createTable(*m_connection, QStringLiteral("Closing"), QStringLiteral("pk"));
    for (int i = 0; i < 50; ++i)
        uitest::put(*m_connection, QStringLiteral("Closing"), {{QStringLiteral("pk"), uitest::S(QString::number(i))}});
    {
        auto dialog = openDialog(QStringLiteral("Closing"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);
        QVERIFY(addThroughTheDialog(dialog.get(), QStringLiteral("us-west-2")));
        dialog->close();
    } // deleted with its UpdateTable running (or just finished, its result not yet delivered)
    QTest::qWait(50);
    // While it polls.
    {
        auto dialog = openDialog(QStringLiteral("Closing"));
        QTest::qWait(20);
    }
    QTRY_VERIFY_WITH_TIMEOUT(tableActiveEverywhere(*m_connection, QStringLiteral("Closing")), kTimeoutMs);
    QCOMPARE(scan(*inRegion(QStringLiteral("us-west-2")), QStringLiteral("Closing")).size(), qsizetype(50));
}

QTEST_MAIN(TestReplicasDialog)
#include "tst_replicasdialog.moc"
