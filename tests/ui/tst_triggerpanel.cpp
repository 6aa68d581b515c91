// The stream viewer's Triggers panel against the in-memory engine: a trigger
// added through the dialog (which refuses an invalid name or an empty
// command) receives the table's writes, its runs appear in the inspector;
// Pause shows it PAUSED and holds records back, Resume delivers them.
#include "streams/streamviewer.h"
#include "streams/triggerdialog.h"
#include "streams/triggerpanel.h"
#include "uitest.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace dd::ui;

namespace {

int lineCount(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return int(f.readAll().count('\n'));
}

} // namespace

class TestTriggerPanel : public QObject {
    Q_OBJECT
private slots:
    void addWritePauseResume();
};

void TestTriggerPanel::addWritePauseResume()
{
    auto connection = uitest::inMemoryConnection();
    const auto created = connection->callSync(
        QStringLiteral("CreateTable"),
        QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
                    {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")},
                                                                                    {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
                    {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("pk")},
                                                                         {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
                    {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")},
                    {QStringLiteral("StreamSpecification"), QJsonObject{{QStringLiteral("StreamEnabled"), true},
                                                                        {QStringLiteral("StreamViewType"), QStringLiteral("NEW_IMAGE")}}}});
    QVERIFY(created.ok());
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("records.jsonl"));

    StreamViewer viewer(connection.get(), QStringLiteral("Orders"));
    viewer.resize(1200, 700);
    viewer.show();
    TriggerPanel *panel = viewer.triggerPanel();
    QTRY_VERIFY(panel->isSupported());
    QCOMPARE(panel->list()->rowCount(), 0);

    // Add through the dialog.
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("addTrigger")), Qt::LeftButton);
    QPointer<TriggerDialog> dialog = panel->findChild<TriggerDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("triggerName"));
    auto *target = dialog->findChild<QLineEdit *>(QStringLiteral("target"));
    QVERIFY(!ok->isEnabled()); // no command yet
    name->clear();
    QTest::keyClicks(name, QStringLiteral("bad name"));
    QTest::keyClicks(target, QStringLiteral("python3 -c 'import json,sys; [print(json.dumps(r)) for r in json.load(sys.stdin)[\"Records\"]]' >> ") + out);
    QVERIFY(!ok->isEnabled()); // the name has a space
    QVERIFY(dialog->validationError().contains(QStringLiteral("name")));
    name->clear();
    QTest::keyClicks(name, QStringLiteral("recorder"));
    QVERIFY(ok->isEnabled());
    auto *batch = dialog->findChild<QSpinBox *>(QStringLiteral("batchSize"));
    batch->setValue(10);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!dialog); // closed (and deleted) once the engine created it
    QTRY_COMPARE(panel->list()->rowCount(), 1);
    QCOMPARE(panel->list()->item(0, 0)->text(), QStringLiteral("recorder"));
    QCOMPARE(panel->selectedTrigger(), QStringLiteral("recorder"));

    // Writes reach the command; its runs show in the inspector.
    for (int i = 0; i < 3; ++i)
        uitest::put(*connection, QStringLiteral("Orders"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("o%1").arg(i))}});
    QTRY_COMPARE_WITH_TIMEOUT(lineCount(out), 3, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->runs()->rowCount() >= 1, 10000);
    QCOMPARE(panel->runs()->item(0, 4)->text(), QStringLiteral("OK"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->item(0, 2)->text(), QStringLiteral("3"), 10000);
    QCOMPARE(panel->stateOf(QStringLiteral("recorder")), QStringLiteral("RUNNING"));

    // Pause: shown as PAUSED; a write waits.
    auto *pause = panel->findChild<QPushButton *>(QStringLiteral("pauseTrigger"));
    QCOMPARE(pause->text(), QStringLiteral("Pause"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->stateOf(QStringLiteral("recorder")), QStringLiteral("PAUSED"), 10000);
    QCOMPARE(panel->list()->item(0, 1)->text(), QStringLiteral("PAUSED"));
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    uitest::put(*connection, QStringLiteral("Orders"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("while-paused"))}});
    QTest::qWait(500);
    QCOMPARE(lineCount(out), 3);

    // Resume: the held record arrives.
    QTest::mouseClick(pause, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->stateOf(QStringLiteral("recorder")), QStringLiteral("RUNNING"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(lineCount(out), 4, 20000);
}

QTEST_MAIN(TestTriggerPanel)
#include "tst_triggerpanel.moc"
