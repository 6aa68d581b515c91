// The restore timeline (Backups and history): on an in-memory engine with a
// ManualClock, a table with point-in-time recovery gets three items at T1,
// an update, a delete and an insert at T2, a backup after T2 and a delete at
// T3. The view opened from the main window shows the writes as bars (3+1
// inserts, 1 update, 2 deletes); a click at the x of T1 previews 3 items and
// 4 differences from now; "Restore to new table…" through the dialog
// restores, the new table opens in a tab and holds exactly the items of T1.
// A click on the backup marker previews and restores the backup the same
// way. Backups are created through the name dialog and deleted after the
// confirmation; the arrow keys move the selection. Against an endpoint that
// does not know Dynamodesk's own operations (as AWS answers them:
// UnknownOperationException) the view says so instead of bars and previews,
// and backups still list, describe and restore. A backup that fails on an
// on-disk engine (its file cannot be written) is reported with the reason.
#include "api/engine.h"
#include "backups/historyview.h"
#include "backups/restorejob.h"
#include "backups/restoredialog.h"
#include "backups/timelinewidget.h"
#include "browser/tablebrowser.h"
#include "client/inprocessclient.h"
#include "connections/connection.h"
#include "diskfull.h"
#include "mainwindow/mainwindow.h"
#include "uitest.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QtConcurrent>
#include <QTabWidget>
#include <QTemporaryDir>

#include <map>
#include <optional>

using namespace dd::ui;

namespace {

// The engine with `options` and no background sweeps, prunes or PITR
// maintenance (only what a test does writes); null if it did not open.
std::shared_ptr<dd::api::Engine> openQuiet(dd::api::EngineOptions options)
{
    options.ttlSweepIntervalMs = 0;
    options.changeLogPruneIntervalMs = 0;
    options.pitrMaintenanceIntervalMs = 0;
    auto engine = dd::api::Engine::open(options);
    if (!engine.ok())
        return nullptr;
    return std::shared_ptr<dd::api::Engine>(std::move(*engine).release());
}

} // namespace

class TestRestoreTimeline : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void barsShowTheWrites();
    void clickATimeAndRestore();
    void clickABackupAndRestore();
    void keyboardMovesTheSelection();
    void createAndDeleteBackups();
    void endpointWithoutHistoryOperations();
    void backupThatFailsSaysWhy();
    void restoreCancelledBeforeItStartsSendsNothing();
    void cleanupTestCase();

private:
    std::map<QString, int> items(const QString &table);
    void restoreThroughTheDialog(const QString &target);

    // Whole seconds an hour ago, so that the engine's times sit near the wall clock the view uses for "now".
    dd::ManualClock m_clock{(QDateTime::currentMSecsSinceEpoch() / 1000 - 3600) * 1000};
    MainWindow *m_window = nullptr;
    Connection *m_connection = nullptr;
    HistoryView *m_view = nullptr;
    qint64 m_t1 = 0, m_t2 = 0; // ms
    QString m_backupArn;
};

std::map<QString, int> TestRestoreTimeline::items(const QString &table)
{
    std::map<QString, int> out;
    const auto r = m_connection->callSync(QStringLiteral("Scan"), {{QStringLiteral("TableName"), table}, {QStringLiteral("ConsistentRead"), true}});
    for (const auto &v : r.body.value(QStringLiteral("Items")).toArray()) {
        const QJsonObject o = v.toObject();
        out[o.value(QStringLiteral("pk")).toObject().value(QStringLiteral("S")).toString()] =
            o.value(QStringLiteral("v")).toObject().value(QStringLiteral("N")).toString().toInt();
    }
    return out;
}

void TestRestoreTimeline::initTestCase()
{
    dd::api::EngineOptions options;
    options.inMemory = true;
    options.clock = &m_clock;
    const std::shared_ptr<dd::api::Engine> shared = openQuiet(options);
    QVERIFY(shared);
    auto client = std::make_shared<dd::client::InProcessClient>(shared, dd::api::RequestContext());
    ConnectionSettings settings;
    settings.inMemory = true;
    m_window = new MainWindow;
    m_window->setRememberConnections(false);
    m_connection = m_window->addConnection(std::make_unique<Connection>(settings, client, shared));
    Connection &c = *m_connection;

    uitest::createTable(c, QStringLiteral("Orders"), QStringLiteral("pk"));
    auto r = c.callSync(QStringLiteral("UpdateContinuousBackups"), {{QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("PointInTimeRecoverySpecification"), QJsonObject{{QStringLiteral("PointInTimeRecoveryEnabled"), true}}}});
    QVERIFY(r.ok());
    auto item = [](const char *pk, int v) {
        return QJsonObject{{QStringLiteral("pk"), uitest::S(QString::fromLatin1(pk))}, {QStringLiteral("v"), uitest::N(QString::number(v))}};
    };
    // T1, in the middle of its second: o1, o2, o3.
    m_clock.advanceMs(10'500);
    m_t1 = m_clock.nowMs();
    for (const char *pk : {"o1", "o2", "o3"})
        uitest::put(c, QStringLiteral("Orders"), item(pk, 1));
    // T2: o1 updated, o2 deleted, o4 inserted; a backup a second later.
    m_clock.advanceMs(10'000);
    m_t2 = m_clock.nowMs();
    uitest::put(c, QStringLiteral("Orders"), item("o1", 2));
    QVERIFY(c.callSync(QStringLiteral("DeleteItem"), {{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                      {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("o2"))}}}}).ok());
    uitest::put(c, QStringLiteral("Orders"), item("o4", 1));
    m_clock.advanceMs(1'000);
    r = c.callSync(QStringLiteral("CreateBackup"), {{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("BackupName"), QStringLiteral("afterT2")}});
    QVERIFY(r.ok());
    m_backupArn = r.body.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
    // T3: o3 deleted. Now: o1=2, o4=1.
    m_clock.advanceMs(10'000);
    QVERIFY(c.callSync(QStringLiteral("DeleteItem"), {{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                      {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("o3"))}}}}).ok());
    m_clock.advanceMs(5'000);

    m_window->resize(1300, 860);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_view = m_window->openHistory(m_connection, QStringLiteral("Orders"));
    QVERIFY(m_view);
    QCOMPARE(m_window->tabs()->currentWidget(), m_view);
    // The backup becomes AVAILABLE in the background; the view refreshes while one is CREATING.
    QTRY_VERIFY_WITH_TIMEOUT(m_view->timeline()->backups().size() == 1
                                 && m_view->timeline()->backups().first().status == QLatin1String("AVAILABLE") && !m_view->isLoading(), 10000);
    QVERIFY(m_view->pointInTimeRecoveryEnabled());
    QVERIFY(m_view->historyOperationsAvailable());
    QVERIFY(m_view->findChild<QCheckBox *>(QStringLiteral("pitrEnabled"))->isChecked());
}

void TestRestoreTimeline::barsShowTheWrites()
{
    TimelineWidget *t = m_view->timeline();
    t->setRange(double(m_t1 - 5'000), double(m_t2 + 5'000));
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isLoading() && !t->buckets().isEmpty(), 5000);
    int inserts = 0, updates = 0, deletes = 0;
    for (const TimelineBucket &b : t->buckets()) {
        inserts += b.inserts;
        updates += b.updates;
        deletes += b.deletes;
    }
    QCOMPARE(inserts, 4);
    QCOMPARE(updates, 1);
    QCOMPARE(deletes, 1);
    // Zoom with the wheel around the cursor: the time under it stays put.
    const QPoint at(t->xForTime(double(m_t1)), t->plotRect().center().y());
    const double before = t->timeAtX(at.x());
    const double span = t->rangeEnd() - t->rangeStart();
    QWheelEvent wheel(at, t->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(t, &wheel);
    QVERIFY(t->rangeEnd() - t->rangeStart() < span);
    QVERIFY(std::abs(t->timeAtX(at.x()) - before) < 200);
}

void TestRestoreTimeline::restoreThroughTheDialog(const QString &target)
{
    auto *restore = m_view->findChild<QPushButton *>(QStringLiteral("restoreToNewTable"));
    QTRY_VERIFY(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    RestoreDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<RestoreDialog *>()) != nullptr && dialog->isVisible());
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("targetName"));
    name->clear();
    QTest::keyClicks(name, target);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    // The restore runs with progress; when the table is ACTIVE the main window opens it.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->currentBrowser() && m_window->currentBrowser()->tableName() == target, 20000);
    QVERIFY(!m_view->isRestoring());
}

void TestRestoreTimeline::clickATimeAndRestore()
{
    m_window->tabs()->setCurrentWidget(m_view);
    TimelineWidget *t = m_view->timeline();
    t->setRange(double(m_t1 - 30'000), double(m_t1 + 30'000));
    const QPoint at(t->xForTime(double(m_t1)), t->plotRect().center().y());
    QTest::mouseClick(t, Qt::LeftButton, Qt::NoModifier, at);
    QCOMPARE(t->selectedTime().value_or(0), m_t1 / 1000 * 1000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isPreviewLoading() && m_view->previewItemCount() >= 0, 5000);
    QCOMPARE(m_view->previewItemCount(), 3);
    QCOMPARE(m_view->previewDifferenceCount(), 4); // o1 modified, o2 and o3 deleted since, o4 created since
    QCOMPARE(m_view->previewItemsModel()->rowCount(), 3);
    QCOMPARE(m_view->differencesModel()->rowCount(), 4);
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("previewCounts"))->text().contains(QLatin1String("3")));

    restoreThroughTheDialog(QStringLiteral("OrdersAtT1"));
    const std::map<QString, int> expected{{QStringLiteral("o1"), 1}, {QStringLiteral("o2"), 1}, {QStringLiteral("o3"), 1}};
    QCOMPARE(items(QStringLiteral("OrdersAtT1")), expected);
}

void TestRestoreTimeline::clickABackupAndRestore()
{
    m_window->tabs()->setCurrentWidget(m_view);
    TimelineWidget *t = m_view->timeline();
    t->setRange(double(m_t2 - 30'000), double(m_t2 + 30'000));
    const QPoint marker = t->backupMarkerCenter(m_backupArn);
    QVERIFY(!marker.isNull());
    QTest::mouseClick(t, Qt::LeftButton, Qt::NoModifier, marker);
    QCOMPARE(t->selectedBackup(), m_backupArn);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isPreviewLoading() && m_view->previewItemCount() >= 0, 5000);
    QCOMPARE(m_view->previewItemCount(), 3);      // o1=2, o3, o4
    QCOMPARE(m_view->previewDifferenceCount(), 1); // o3 deleted since
    QVERIFY(m_view->findChild<QLabel *>(QStringLiteral("backupDetails"))->text().contains(QLatin1String("AVAILABLE")));

    restoreThroughTheDialog(QStringLiteral("OrdersFromBackup"));
    const std::map<QString, int> expected{{QStringLiteral("o1"), 2}, {QStringLiteral("o3"), 1}, {QStringLiteral("o4"), 1}};
    QCOMPARE(items(QStringLiteral("OrdersFromBackup")), expected);
}

void TestRestoreTimeline::keyboardMovesTheSelection()
{
    m_window->tabs()->setCurrentWidget(m_view);
    TimelineWidget *t = m_view->timeline();
    t->setRange(double(m_t1 - 30'000), double(m_t1 + 30'000));
    t->selectTime(m_t1);
    t->setFocus();
    const qint64 start = *t->selectedTime();
    QTest::keyClick(t, Qt::Key_Right);
    QVERIFY(t->selectedTime().value_or(0) >= start + 1000);
    QCOMPARE(t->selectedTime().value_or(0) % 1000, 0);
    QTest::keyClick(t, Qt::Key_Left);
    QCOMPARE(t->selectedTime().value_or(0), start);
    // Ctrl+Right jumps to the next backup.
    QTest::keyClick(t, Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(t->selectedBackup(), m_backupArn);
    // The preview follows the keyboard too.
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isPreviewLoading() && m_view->previewItemCount() == 3, 5000);
}

void TestRestoreTimeline::createAndDeleteBackups()
{
    m_window->tabs()->setCurrentWidget(m_view);
    // A name DynamoDB refuses: its error stays after the refresh that follows.
    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("createBackup")), Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_view->findChild<QInputDialog *>(QStringLiteral("backupNameDialog"))) != nullptr && dialog->isVisible());
    dialog->setTextValue(QStringLiteral("not a name!"));
    dialog->accept();
    auto *error = m_view->findChild<QLabel *>(QStringLiteral("historyError"));
    QVERIFY(error);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QLatin1String("ValidationException")), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_view->isLoading(), 10000);
    QTest::qWait(50);
    QVERIFY2(error->text().contains(QLatin1String("ValidationException")), qPrintable(error->text()));
    QCOMPARE(m_view->timeline()->backups().size(), 1);

    QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("createBackup")), Qt::LeftButton);
    QTRY_VERIFY((dialog = m_view->findChild<QInputDialog *>(QStringLiteral("backupNameDialog"))) != nullptr && dialog->isVisible());
    dialog->setTextValue(QStringLiteral("second-backup"));
    dialog->accept();
    TimelineWidget *t = m_view->timeline();
    QTRY_VERIFY_WITH_TIMEOUT(t->backups().size() == 2 && t->backups().last().status == QLatin1String("AVAILABLE") && !m_view->isLoading(), 10000);
    QCOMPARE(t->backups().last().name, QStringLiteral("second-backup"));
    QVERIFY2(error->text().isEmpty(), qPrintable(error->text())); // the next action succeeded

    t->selectBackup(t->backups().last().arn);
    auto *remove = m_view->findChild<QPushButton *>(QStringLiteral("deleteBackup"));
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = m_view->findChild<QMessageBox *>(QStringLiteral("confirmDeleteBackup"))) != nullptr && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(t->backups().size() == 1 && !m_view->isLoading(), 10000);
    QCOMPARE(t->backups().first().arn, m_backupArn);
    QVERIFY(t->selectedBackup().isEmpty());
    // The details of the deleted backup are gone too.
    QCOMPARE(m_view->previewItemCount(), -1);
    QVERIFY(m_view->detailsTitle().startsWith(QLatin1String("Click")));
}

void TestRestoreTimeline::endpointWithoutHistoryOperations()
{
    auto *inProcess = dynamic_cast<dd::client::InProcessClient *>(&m_connection->client());
    QVERIFY(inProcess);
    auto inner = std::make_shared<dd::client::InProcessClient>(inProcess->engine(), dd::api::RequestContext());
    ConnectionSettings settings;
    settings.name = QStringLiteral("AWS-like");
    Connection aws(settings, std::make_shared<uitest::WithoutDynamodeskOperations>(inner));
    HistoryView view(&aws, QStringLiteral("Orders"));
    view.resize(1000, 700);
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading() && view.timeline()->backups().size() == 1, 10000);
    QVERIFY(!view.historyOperationsAvailable());
    QVERIFY(view.pointInTimeRecoveryEnabled());
    QVERIFY(view.timeline()->buckets().isEmpty());
    view.timeline()->setRange(double(m_t2 - 30'000), double(m_t2 + 30'000));
    QTest::mouseClick(view.timeline(), Qt::LeftButton, Qt::NoModifier, view.timeline()->backupMarkerCenter(m_backupArn));
    QTRY_VERIFY_WITH_TIMEOUT(!view.isPreviewLoading(), 5000);
    QCOMPARE(view.previewItemCount(), -1);
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("previewCounts"))->text().contains(QLatin1String("Dynamodesk")));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("backupDetails"))->text().contains(QLatin1String("AVAILABLE")));
    QVERIFY(view.findChild<QPushButton *>(QStringLiteral("restoreToNewTable"))->isEnabled());
}

// A backup whose file cannot be written (a full disk, here files that may
// not grow past 16 KB) is removed by the engine; the view, which refreshed
// while it was CREATING, says why instead of dropping its marker silently.
void TestRestoreTimeline::backupThatFailsSaysWhy()
{
    QTemporaryDir dir;
    dd::api::EngineOptions options;
    options.dataDir = dir.path();
    const std::shared_ptr<dd::api::Engine> shared = openQuiet(options);
    QVERIFY(shared);
    ConnectionSettings settings;
    settings.dataDir = dir.path();
    Connection c(settings, std::make_shared<dd::client::InProcessClient>(shared, dd::api::RequestContext()), shared);
    uitest::createTable(c, QStringLiteral("Big"), QStringLiteral("pk"));
    for (int i = 0; i < 2000; i += 25) {
        QJsonArray batch;
        for (int j = i; j < i + 25; ++j)
            batch.append(QJsonObject{{QStringLiteral("PutRequest"), QJsonObject{{QStringLiteral("Item"),
                QJsonObject{{QStringLiteral("pk"), uitest::S(QStringLiteral("k%1").arg(j))}, {QStringLiteral("v"), uitest::N(QString::number(j))}}}}}});
        QVERIFY(c.callSync(QStringLiteral("BatchWriteItem"), {{QStringLiteral("RequestItems"), QJsonObject{{QStringLiteral("Big"), batch}}}}).ok());
    }
    HistoryView view(&c, QStringLiteral("Big"));
    view.resize(1000, 700);
    view.show();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isLoading(), 10000);
    // Nothing but the backup writes while files are limited: the WAL is
    // copied into the database first.
    QVERIFY(dd::testsupport::checkpointWal(dir.filePath(QStringLiteral("us-east-1.db"))));
    std::optional<dd::testsupport::FileSizeLimit> limit(std::in_place, 16 * 1024);
    QVERIFY(limit->ok());
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("createBackup")), Qt::LeftButton);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = view.findChild<QInputDialog *>(QStringLiteral("backupNameDialog"))) != nullptr && dialog->isVisible());
    dialog->setTextValue(QStringLiteral("too-big"));
    dialog->accept();
    auto *error = view.findChild<QLabel *>(QStringLiteral("historyError"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && error->text().startsWith(QLatin1String("The backup too-big was not created: ")), 20000);
    limit.reset();
    QVERIFY2(error->text().contains(QLatin1String("Cannot write backup file")), qPrintable(error->text()));
    QVERIFY(view.timeline()->backups().isEmpty());
}

// A restore cancelled before its job ran sends nothing and says so (it
// said "it goes on"); one not cancelled is sent and waited for.
void TestRestoreTimeline::restoreCancelledBeforeItStartsSendsNothing()
{
    const QJsonObject request{{QStringLiteral("BackupArn"), m_backupArn}, {QStringLiteral("TargetTableName"), QStringLiteral("neverSent")}};
    const CancelFlag cancelled = newCancelFlag();
    cancelled->store(true);
    RestoreOutcome out = QtConcurrent::run(m_connection->pool(), &runRestore, m_connection, QStringLiteral("RestoreTableFromBackup"), request,
                                           qint64(0), 10, cancelled).result();
    QVERIFY(out.canceled && !out.sent);
    QCOMPARE(m_connection->callSync(QStringLiteral("DescribeTable"), {{QStringLiteral("TableName"), QStringLiteral("neverSent")}}).error->type(),
             QStringLiteral("ResourceNotFoundException"));
    out = QtConcurrent::run(m_connection->pool(), &runRestore, m_connection, QStringLiteral("RestoreTableFromBackup"), request, qint64(0), 10,
                            newCancelFlag()).result();
    QVERIFY(out.sent && out.active && !out.canceled);
}

void TestRestoreTimeline::cleanupTestCase()
{
    delete m_window;
}

QTEST_MAIN(TestRestoreTimeline)
#include "tst_restoretimeline.moc"
