// "Copy table to…" (migration/tablecopydialog.h) between in-memory
// embedded connections: a table with a GSI, a TTL and items copied to
// another connection (same items, index and TTL; the source's name by
// default there) and within its own connection ("<name>-copy" by default);
// the form refusing the source itself and names DynamoDB refuses; a copy
// into an existing table, and into one whose key differs; an existing
// target while "create" is chosen (copyTable's error, with its type and
// step); Cancel during a copy of 5,000 items through one segment into a
// slowed target, then the partial table deleted on Yes or kept on Cancel; a
// target on AWS confirmed first; the job's progress held to 20 reports a
// second; and the main window's menus, another region of the same database,
// Open table and connections closing under the dialog.
#include "browser/tablebrowser.h"
#include "connections/connectiontree.h"
#include "mainwindow/mainwindow.h"
#include "migration/tablecopydialog.h"
#include "migration/tablecopyjob.h"
#include "migration/tablecopyrun.h"
#include "uitest.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>

#include <atomic>
#include <thread>

using namespace dd;
using namespace dd::ui;

namespace {

constexpr int kTimeoutMs = 10000;
constexpr int kBigItems = 5000;

QString s(const char *text) { return QString::fromUtf8(text); }

client::ApiResponse must(Connection &c, const char *op, const QJsonObject &request)
{
    const client::ApiResponse r = c.callSync(QString::fromLatin1(op), request);
    if (!r.ok())
        qWarning("%s: %s", op, qPrintable(r.error->message()));
    return r;
}

// Every item of `table`, as compact JSON, sorted; across pages.
QStringList scan(Connection &c, const QString &table)
{
    QStringList out;
    QJsonObject request{{s("TableName"), table}, {s("ConsistentRead"), true}};
    for (;;) {
        const auto r = must(c, "Scan", request);
        for (const auto &v : r.body.value(s("Items")).toArray())
            out << QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        const QJsonObject last = r.body.value(s("LastEvaluatedKey")).toObject();
        if (!r.ok() || last.isEmpty())
            break;
        request.insert(s("ExclusiveStartKey"), last);
    }
    out.sort();
    return out;
}

QJsonObject describe(Connection &c, const QString &table)
{
    return c.callSync(s("DescribeTable"), {{s("TableName"), table}}).body.value(s("Table")).toObject();
}

bool exists(Connection &c, const QString &table)
{
    return c.callSync(s("DescribeTable"), {{s("TableName"), table}}).ok();
}

QString ttlAttribute(Connection &c, const QString &table)
{
    const auto d = c.callSync(s("DescribeTimeToLive"), {{s("TableName"), table}}).body.value(s("TimeToLiveDescription")).toObject();
    return d.value(s("TimeToLiveStatus")).toString() == s("ENABLED") ? d.value(s("AttributeName")).toString() : QString();
}

// Orders: pk customerId, sk orderId, GSI byStatus (status, total), TTL on expiresAt, 30 items.
void createOrders(Connection &c)
{
    const auto def = [](const char *name, const char *type) { return QJsonObject{{s("AttributeName"), s(name)}, {s("AttributeType"), s(type)}}; };
    const auto key = [](const char *name, const char *type) { return QJsonObject{{s("AttributeName"), s(name)}, {s("KeyType"), s(type)}}; };
    must(c, "CreateTable",
         {{s("TableName"), s("Orders")},
          {s("AttributeDefinitions"), QJsonArray{def("customerId", "S"), def("orderId", "S"), def("status", "S"), def("total", "N")}},
          {s("KeySchema"), QJsonArray{key("customerId", "HASH"), key("orderId", "RANGE")}},
          {s("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{{s("IndexName"), s("byStatus")},
                                                               {s("KeySchema"), QJsonArray{key("status", "HASH"), key("total", "RANGE")}},
                                                               {s("Projection"), QJsonObject{{s("ProjectionType"), s("ALL")}}}}}},
          {s("BillingMode"), s("PAY_PER_REQUEST")}});
    must(c, "UpdateTimeToLive",
         {{s("TableName"), s("Orders")}, {s("TimeToLiveSpecification"), QJsonObject{{s("Enabled"), true}, {s("AttributeName"), s("expiresAt")}}}});
    for (int i = 0; i < 30; ++i)
        uitest::put(c, s("Orders"),
                    {{s("customerId"), uitest::S(QStringLiteral("c%1").arg(i % 4))},
                     {s("orderId"), uitest::S(QStringLiteral("o%1").arg(i, 3, 10, QLatin1Char('0')))},
                     {s("status"), uitest::S(i % 3 ? s("OPEN") : s("SHIPPED"))},
                     {s("total"), uitest::N(QString::number(i * 7))},
                     {s("expiresAt"), uitest::N(s("4102444800"))}}); // 2100: nothing expires
}

// `count` items of table `table` (pk "id"), 25 per BatchWriteItem.
void fill(Connection &c, const QString &table, int count)
{
    for (int at = 0; at < count; at += 25) {
        QJsonArray requests;
        for (int i = at; i < std::min(count, at + 25); ++i)
            requests.append(QJsonObject{{s("PutRequest"), QJsonObject{{s("Item"), QJsonObject{{s("id"), uitest::S(QStringLiteral("item-%1").arg(i, 5, 10, QLatin1Char('0')))},
                                                                                                 {s("payload"), uitest::S(s("x").repeated(100))}}}}}});
        must(c, "BatchWriteItem", {{s("RequestItems"), QJsonObject{{table, requests}}}});
    }
}

// The in-process engine behind a proxy that takes `delayMs` longer over each BatchWriteItem, as a remote endpoint does.
class Slowed : public client::Client {
public:
    Slowed(std::shared_ptr<client::Client> real, int delayMs) : m_real(std::move(real)), m_delayMs(delayMs) {}
    QFuture<client::ApiResponse> call(const QString &op, const QJsonObject &req) override { return m_real->call(op, req); }
    client::ApiResponse callSync(const QString &op, const QJsonObject &req) override
    {
        if (op == s("BatchWriteItem"))
            std::this_thread::sleep_for(std::chrono::milliseconds(m_delayMs));
        return m_real->callSync(op, req);
    }
    QString region() const override { return m_real->region(); }
    QString displayName() const override { return s("Slowed endpoint"); }

private:
    std::shared_ptr<client::Client> m_real;
    int m_delayMs;
};

std::unique_ptr<Connection> connectionOver(const ConnectionSettings &settings, int delayMs)
{
    api::EngineOptions options;
    options.inMemory = true;
    auto engine = api::Engine::open(options);
    if (!engine.ok())
        qFatal("cannot open the engine: %s", qPrintable(engine.error().message()));
    std::shared_ptr<api::Engine> shared(std::move(*engine).release());
    std::shared_ptr<client::Client> client = std::make_shared<client::InProcessClient>(shared, api::RequestContext());
    if (delayMs > 0)
        client = std::make_shared<Slowed>(client, delayMs);
    return std::make_unique<Connection>(settings, client, settings.kind == ConnectionSettings::Kind::Embedded ? shared : nullptr);
}

QMessageBox *visibleBox(QWidget *parent, const QString &name)
{
    for (auto *box : parent->findChildren<QMessageBox *>(name))
        if (box->isVisible())
            return box;
    return nullptr;
}

} // namespace

class TestTableCopyDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsAndWhatItCreates();
    void copyToAnotherConnection();
    void copyWithinTheSameConnection();
    void formRefusesBadTargets();
    void copyIntoAnExistingTable();
    void existingTargetWhileCreatingIsAnError();
    void cancelThenDeleteOrKeepThePartialTable();
    void awsTargetIsConfirmedFirst();
    void progressReachesTheGuiThrottled();
    void mainWindow();
    void cleanupTestCase();

private:
    // The dialog on Orders of m_a, with m_a and m_b as targets, the source read.
    std::unique_ptr<TableCopyDialog> openDialog(const QString &table = s("Orders"), const QList<Connection *> &extra = {});
    // Clicks Copy and waits for the copy to end.
    void copyAndWait(TableCopyDialog *dialog);

    QTemporaryDir m_config;
    std::unique_ptr<Connection> m_a;
    std::unique_ptr<Connection> m_b;
};

void TestTableCopyDialog::initTestCase()
{
    QVERIFY(m_config.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); // "5,000"
    m_a = uitest::inMemoryConnection();
    m_b = uitest::inMemoryConnection();
    createOrders(*m_a);
}

void TestTableCopyDialog::cleanupTestCase()
{
    m_b.reset();
    m_a.reset();
}

std::unique_ptr<TableCopyDialog> TestTableCopyDialog::openDialog(const QString &table, const QList<Connection *> &extra)
{
    auto dialog = std::make_unique<TableCopyDialog>(m_a.get(), table, QList<Connection *>{m_a.get(), m_b.get()} + extra);
    dialog->show();
    if (!QTest::qWaitFor([&] { return dialog->isLoaded(); }, kTimeoutMs))
        qWarning("the source was not read");
    return dialog;
}

void TestTableCopyDialog::copyAndWait(TableCopyDialog *dialog)
{
    auto *copy = dialog->findChild<QPushButton *>(s("startCopy"));
    QVERIFY2(copy->isEnabled(), qPrintable(dialog->formError()));
    QTest::mouseClick(copy, Qt::LeftButton);
    QVERIFY(dialog->isCopying());
    QVERIFY(!copy->isEnabled());
    QVERIFY(dialog->findChild<QPushButton *>(s("cancelCopy"))->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isCopying(), kTimeoutMs);
}

// The source first, its own connection the target, named <name>-copy;
// four segments and the TTL by default; the summary of the CreateTable
// that copyTable will send.
void TestTableCopyDialog::defaultsAndWhatItCreates()
{
    auto dialog = openDialog();
    QVERIFY(uitest::labelsWithoutBuddy(dialog.get()).isEmpty());
    QCOMPARE(dialog->targetConnection(), m_a.get());
    QCOMPARE(dialog->targetTable(), s("Orders-copy"));
    QCOMPARE(dialog->findChild<QComboBox *>(s("targetConnection"))->count(), 2);
    QCOMPARE(dialog->findChild<QSpinBox *>(s("segments"))->value(), 4);
    auto *ttl = dialog->findChild<QCheckBox *>(s("copyTimeToLive"));
    QVERIFY(ttl->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(ttl->text().contains(s("expiresAt")), kTimeoutMs);
    QVERIFY(dialog->findChild<QRadioButton *>(s("createTarget"))->isChecked());
    QCOMPARE(dialog->formError(), QString());
    const QString summary = dialog->summaryText();
    QVERIFY2(summary.contains(s("Key: customerId (S), orderId (S)")), qPrintable(summary));
    QVERIFY2(summary.contains(s("Global index byStatus: status (S), total (N); projects ALL")), qPrintable(summary));
    QVERIFY2(summary.contains(s("Billing: on demand (PAY_PER_REQUEST)")), qPrintable(summary));
    QVERIFY2(summary.contains(s("Items: about 30")), qPrintable(summary));
    QVERIFY(!dialog->findChild<QProgressBar *>(s("copyProgress"))->isVisible());
    // Another connection: the source's own name; typed names stay.
    QVERIFY(dialog->setTarget(m_b.get()));
    QCOMPARE(dialog->targetTable(), s("Orders"));
    QVERIFY(dialog->setTarget(m_a.get()));
    QCOMPARE(dialog->targetTable(), s("Orders-copy"));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(s("targetTableName")), s("2"));
    QVERIFY(dialog->setTarget(m_b.get()));
    QCOMPARE(dialog->targetTable(), s("Orders-copy2"));
    // Without a region opener the region is the target's, read-only.
    auto *region = dialog->findChild<QComboBox *>(s("targetRegion"));
    QCOMPARE(region->currentText(), s("us-east-1"));
    QVERIFY(!region->isEnabled());
    QVERIFY(!dialog->setRegion(s("eu-west-1")));
}

void TestTableCopyDialog::copyToAnotherConnection()
{
    auto dialog = openDialog();
    Connection *copiedTo = nullptr;
    QString copiedTable;
    connect(dialog.get(), &TableCopyDialog::copied, this, [&](Connection *c, const QString &t) { copiedTo = c; copiedTable = t; });
    QVERIFY(dialog->setTarget(m_b.get()));
    copyAndWait(dialog.get());
    QCOMPARE(dialog->run()->errorText(), QString());
    QVERIFY2(dialog->run()->resultText().startsWith(s("Copied 30 item(s) into table Orders on ")), qPrintable(dialog->run()->resultText()));
    QCOMPARE(dialog->run()->phaseText(), s("Done"));
    QCOMPARE(dialog->run()->progressText(), s("30 item(s)"));
    QCOMPARE(copiedTo, m_b.get());
    QCOMPARE(copiedTable, s("Orders"));

    QCOMPARE(scan(*m_b, s("Orders")), scan(*m_a, s("Orders")));
    const QJsonObject table = describe(*m_b, s("Orders"));
    const QJsonArray gsis = table.value(s("GlobalSecondaryIndexes")).toArray();
    QCOMPARE(gsis.size(), 1);
    QCOMPARE(gsis.at(0).toObject().value(s("IndexName")).toString(), s("byStatus"));
    QCOMPARE(gsis.at(0).toObject().value(s("KeySchema")), describe(*m_a, s("Orders")).value(s("GlobalSecondaryIndexes")).toArray().at(0).toObject().value(s("KeySchema")));
    QCOMPARE(ttlAttribute(*m_b, s("Orders")), s("expiresAt"));
    // The index holds the items too.
    const auto shipped = must(*m_b, "Query", {{s("TableName"), s("Orders")}, {s("IndexName"), s("byStatus")},
                                              {s("KeyConditionExpression"), s("#s = :s")},
                                              {s("ExpressionAttributeNames"), QJsonObject{{s("#s"), s("status")}}},
                                              {s("ExpressionAttributeValues"), QJsonObject{{s(":s"), uitest::S(s("SHIPPED"))}}}});
    QCOMPARE(shipped.body.value(s("Count")).toInt(), 10);

    // Open table asks to browse the copy.
    Connection *opened = nullptr;
    QString openedTable;
    connect(dialog.get(), &TableCopyDialog::openTableRequested, this, [&](Connection *c, const QString &t) { opened = c; openedTable = t; });
    auto *open = dialog->findChild<QPushButton *>(s("openCopiedTable"));
    QVERIFY(open->isVisible());
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(opened, m_b.get());
    QCOMPARE(openedTable, s("Orders"));
    must(*m_b, "DeleteTable", {{s("TableName"), s("Orders")}});
}

void TestTableCopyDialog::copyWithinTheSameConnection()
{
    auto dialog = openDialog();
    dialog->findChild<QCheckBox *>(s("copyTimeToLive"))->setChecked(false);
    dialog->findChild<QSpinBox *>(s("segments"))->setValue(2);
    QCOMPARE(dialog->targetTable(), s("Orders-copy"));
    copyAndWait(dialog.get());
    QCOMPARE(dialog->run()->errorText(), QString());
    QCOMPARE(scan(*m_a, s("Orders-copy")), scan(*m_a, s("Orders")));
    QCOMPARE(describe(*m_a, s("Orders-copy")).value(s("GlobalSecondaryIndexes")).toArray().size(), 1);
    QCOMPARE(ttlAttribute(*m_a, s("Orders-copy")), QString()); // not asked for
    must(*m_a, "DeleteTable", {{s("TableName"), s("Orders-copy")}});
}

void TestTableCopyDialog::formRefusesBadTargets()
{
    auto dialog = openDialog();
    auto *name = dialog->findChild<QLineEdit *>(s("targetTableName"));
    auto *copy = dialog->findChild<QPushButton *>(s("startCopy"));
    auto *error = dialog->findChild<QLabel *>(s("targetTableError"));
    struct Case {
        const char *name;
        const char *error; // the start of it; empty: accepted
    };
    for (const Case &c : {Case{"Orders", "This is the source table"}, Case{"ab", "Must be 3 to 255 characters long"},
                          Case{"bad name!", "Only letters, digits"}, Case{"", "Required"}, Case{"Orders.v2", ""}}) {
        name->setText(s(c.name));
        QVERIFY2(*c.error ? dialog->formError().startsWith(s(c.error)) : dialog->formError().isEmpty(),
                 qPrintable(s(c.name) + s(": ") + dialog->formError()));
        QCOMPARE(copy->isEnabled(), !*c.error);
        QCOMPARE(error->isVisible(), bool(*c.error));
        if (*c.error)
            QVERIFY(!dialog->startCopy());
    }
    name->setText(s("x").repeated(256));
    QVERIFY(dialog->formError().startsWith(s("Must be 3 to 255")));
    // The same name elsewhere is another table.
    name->setText(s("Orders"));
    QVERIFY(dialog->setTarget(m_b.get()));
    QCOMPARE(dialog->formError(), QString());
    QVERIFY(copy->isEnabled());
    // Into an existing table: the source itself refused too.
    QVERIFY(dialog->setTarget(m_a.get()));
    dialog->setIntoExisting(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->existingTables().contains(s("Orders")), kTimeoutMs);
    QVERIFY(!copy->isEnabled());
    QVERIFY(dialog->formError().startsWith(s("Choose the table")));
    dialog->setTargetTable(s("Orders"));
    QVERIFY2(dialog->formError().startsWith(s("A table cannot be copied into itself")), qPrintable(dialog->formError()));
    QVERIFY(!dialog->startCopy());
    QVERIFY(dialog->summaryText().contains(s("key schema must be the source's: customerId (S), orderId (S)")));
}

void TestTableCopyDialog::copyIntoAnExistingTable()
{
    uitest::createTable(*m_b, s("Same"), s("customerId"), s("orderId"));
    uitest::put(*m_b, s("Same"), {{s("customerId"), uitest::S(s("zz"))}, {s("orderId"), uitest::S(s("kept"))}});
    uitest::createTable(*m_b, s("Other"), s("id"));
    auto dialog = openDialog();
    QVERIFY(dialog->setTarget(m_b.get()));
    dialog->setIntoExisting(true);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->existingTables().contains(s("Other")) && dialog->existingTables().contains(s("Same")), kTimeoutMs);
    dialog->setTargetTable(s("Same"));
    QCOMPARE(dialog->targetTable(), s("Same"));
    copyAndWait(dialog.get());
    QCOMPARE(dialog->run()->errorText(), QString());
    QCOMPARE(scan(*m_b, s("Same")).size(), 31); // the 30 copied and the one it held
    QCOMPARE(ttlAttribute(*m_b, s("Same")), s("expiresAt"));

    // Another key schema: copyTable's refusal, nothing written.
    dialog->setTargetTable(s("Other"));
    copyAndWait(dialog.get());
    QVERIFY2(dialog->run()->errorText().startsWith(s("The copy failed: ValidationException: The key schema of Other is not that of Orders")),
             qPrintable(dialog->run()->errorText()));
    QCOMPARE(scan(*m_b, s("Other")).size(), 0);
    must(*m_b, "DeleteTable", {{s("TableName"), s("Same")}});
    must(*m_b, "DeleteTable", {{s("TableName"), s("Other")}});
}

void TestTableCopyDialog::existingTargetWhileCreatingIsAnError()
{
    uitest::createTable(*m_b, s("Orders"), s("customerId"), s("orderId"));
    auto dialog = openDialog();
    QVERIFY(dialog->setTarget(m_b.get()));
    copyAndWait(dialog.get());
    QVERIFY2(dialog->run()->errorText().startsWith(s("The copy failed: ResourceInUseException: CreateTable of Orders: ")),
             qPrintable(dialog->run()->errorText()));
    QVERIFY(dialog->findChild<QLabel *>(s("copyError"))->isVisible());
    QCOMPARE(dialog->run()->phaseText(), s("Failed"));
    QVERIFY(!dialog->findChild<QPushButton *>(s("openCopiedTable"))->isVisible());
    QVERIFY(dialog->findChild<QPushButton *>(s("startCopy"))->isEnabled()); // the form is back
    QVERIFY(!visibleBox(dialog.get(), s("confirmDeletePartialTable")));
    QCOMPARE(scan(*m_b, s("Orders")).size(), 0);
    must(*m_b, "DeleteTable", {{s("TableName"), s("Orders")}});
}

// 5,000 items through one segment into a target that takes 3 ms more per
// batch (about 0.6 s in all): Cancel once items arrive.
void TestTableCopyDialog::cancelThenDeleteOrKeepThePartialTable()
{
    uitest::createTable(*m_a, s("Big"), s("id"));
    fill(*m_a, s("Big"), kBigItems);
    ConnectionSettings slowSettings;
    slowSettings.inMemory = true;
    slowSettings.name = s("Slow");
    auto slow = connectionOver(slowSettings, 3);
    auto dialog = openDialog(s("Big"), {slow.get()});
    // No time to live on the source: nothing to copy, so not offered.
    auto *ttl = dialog->findChild<QCheckBox *>(s("copyTimeToLive"));
    QTRY_VERIFY_WITH_TIMEOUT(ttl->text().contains(s("off on the source")), kTimeoutMs);
    QVERIFY(!ttl->isChecked());
    QVERIFY(!ttl->isEnabled());
    QVERIFY(dialog->setTarget(slow.get()));
    dialog->findChild<QSpinBox *>(s("segments"))->setValue(1);
    for (const bool keep : {false, true}) {
        QTest::mouseClick(dialog->findChild<QPushButton *>(s("startCopy")), Qt::LeftButton);
        QVERIFY(dialog->isCopying());
        QVERIFY(!dialog->findChild<QDialogButtonBox *>()->isEnabled()); // no Close meanwhile
        QTRY_VERIFY_WITH_TIMEOUT(dialog->run()->phaseText() == s("Copying items…") && !dialog->run()->progressText().startsWith(s("0 ")), kTimeoutMs);
        QVERIFY2(dialog->run()->progressText().endsWith(s(" of ~5,000 item(s)")), qPrintable(dialog->run()->progressText()));
        auto *bar = dialog->findChild<QProgressBar *>(s("copyProgress"));
        QVERIFY(bar->maximum() > 0 && bar->value() > 0 && bar->value() < bar->maximum());
        dialog->reject(); // Esc: cancels, the dialog stays
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->run()->phaseText(), s("Cancelling…"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isCopying(), kTimeoutMs);
        QCOMPARE(dialog->run()->phaseText(), s("Cancelled"));
        QVERIFY2(dialog->run()->resultText().startsWith(s("Cancelled after copying ")), qPrintable(dialog->run()->resultText()));
        const qsizetype copied = scan(*slow, s("Big")).size();
        QVERIFY2(copied > 0 && copied < kBigItems, qPrintable(QString::number(copied)));
        QMessageBox *box = visibleBox(dialog.get(), s("confirmDeletePartialTable"));
        QVERIFY(box);
        QVERIFY(box->text().contains(s("Big")));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // keeping it is the default
        if (keep) {
            box->button(QMessageBox::Cancel)->click();
            QTest::qWait(100);
            QVERIFY(!dialog->run()->isDeleting());
            QVERIFY(exists(*slow, s("Big")));
        } else {
            box->button(QMessageBox::Yes)->click();
            QTRY_VERIFY_WITH_TIMEOUT(!exists(*slow, s("Big")), kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(dialog->run()->resultText().contains(s("Deleted the partial table Big.")), kTimeoutMs);
        }
    }
    dialog.reset();
    must(*m_a, "DeleteTable", {{s("TableName"), s("Big")}});
}

void TestTableCopyDialog::awsTargetIsConfirmedFirst()
{
    ConnectionSettings aws;
    aws.kind = ConnectionSettings::Kind::Aws;
    aws.profile = s("staging");
    aws.region = s("eu-west-1");
    auto target = connectionOver(aws, 0);
    auto dialog = openDialog(s("Orders"), {target.get()});
    QVERIFY(dialog->setTarget(target.get()));
    QVERIFY(dialog->startCopy());
    QMessageBox *box = visibleBox(dialog.get(), s("confirmCopyToAws"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(s("profile staging")) && box->text().contains(s("table Orders")), qPrintable(box->text()));
    QVERIFY(!dialog->isCopying());
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(50);
    QVERIFY(!dialog->isCopying());
    QVERIFY(!exists(*target, s("Orders")));

    QVERIFY(dialog->startCopy());
    box = visibleBox(dialog.get(), s("confirmCopyToAws"));
    QVERIFY(box);
    box->button(QMessageBox::Yes)->click();
    QVERIFY(dialog->isCopying());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isCopying(), kTimeoutMs);
    QCOMPARE(dialog->run()->errorText(), QString());
    QCOMPARE(scan(*target, s("Orders")).size(), 30);
    dialog.reset();
}

// copyTable reports after every batch of 25 items; the GUI thread hears
// at most one report per 50 ms, then the outcome.
void TestTableCopyDialog::progressReachesTheGuiThrottled()
{
    uitest::createTable(*m_a, s("Many"), s("id"));
    fill(*m_a, s("Many"), 2000);
    auto slow = connectionOver(ConnectionSettings(), 5);
    TableCopyJob job;
    int reports = 0;
    qint64 lastSeen = 0;
    bool done = false;
    client::TableCopyOutcome outcome;
    qint64 elapsed = 0;
    connect(&job, &TableCopyJob::progressed, this, [&](const client::TableCopyProgress &p) {
        QVERIFY(!done);
        QVERIFY(p.itemsCopied >= lastSeen);
        lastSeen = p.itemsCopied;
        ++reports;
    });
    connect(&job, &TableCopyJob::finished, this, [&](const client::TableCopyOutcome &o, qint64 ms) {
        outcome = o;
        elapsed = ms;
        done = true;
    });
    client::TableCopyOptions options;
    options.sourceTable = s("Many");
    options.segments = 2;
    QVERIFY(job.start(m_a.get(), slow.get(), options));
    QVERIFY(!job.start(m_a.get(), slow.get(), options)); // one at a time
    QTRY_VERIFY_WITH_TIMEOUT(done, kTimeoutMs);
    QVERIFY(outcome.ok());
    QCOMPARE(outcome.itemsCopied, qint64(2000));
    QVERIFY(outcome.created);
    qInfo("%d progress reports in %lld ms", reports, elapsed);
    QVERIFY(reports >= 2); // the start, and items under way
    QVERIFY2(reports <= elapsed / TableCopyJob::kProgressIntervalMs + 2, qPrintable(QStringLiteral("%1 reports in %2 ms").arg(reports).arg(elapsed)));
    QVERIFY(!job.isRunning());
    must(*m_a, "DeleteTable", {{s("TableName"), s("Many")}});
}

// The tree's menu and the Table menu open the dialog (one per table);
// another region of the same engine opens as a connection and receives
// the copy; Open table browses it; a closing target leaves the form, a
// closing source takes the dialog with it.
void TestTableCopyDialog::mainWindow()
{
    MainWindow window;
    window.setRememberConnections(false);
    Connection *a = window.addConnection(uitest::inMemoryConnection());
    Connection *b = window.addConnection(uitest::inMemoryConnection());
    createOrders(*a);
    QVERIFY(window.findChild<QAction *>(s("copyTableAction")));
    emit window.tree()->copyTableRequested(a, s("Orders"));
    QPointer<TableCopyDialog> dialog = window.findChild<TableCopyDialog *>();
    QVERIFY(dialog);
    emit window.tree()->copyTableRequested(a, s("Orders"));
    QCOMPARE(int(window.findChildren<TableCopyDialog *>().size()), 1);
    QCOMPARE(dialog->findChild<QComboBox *>(s("targetConnection"))->count(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isLoaded(), kTimeoutMs);

    // eu-west-1 of a's engine: a new connection in the tree, the copy's target.
    QVERIFY(dialog->findChild<QComboBox *>(s("targetRegion"))->isEnabled());
    QVERIFY(dialog->setRegion(s("eu-west-1")));
    QCOMPARE(int(window.connections().size()), 3);
    QCOMPARE(dialog->findChild<QComboBox *>(s("targetConnection"))->count(), 3); // offered as it opened
    Connection *europe = dialog->targetConnection();
    QCOMPARE(europe->region(), s("eu-west-1"));
    QCOMPARE(europe->engine(), a->engine());
    QCOMPARE(dialog->targetTable(), s("Orders")); // another region: the same name
    copyAndWait(dialog);
    QCOMPARE(dialog->run()->errorText(), QString());
    QCOMPARE(scan(*europe, s("Orders")), scan(*a, s("Orders")));
    QTRY_VERIFY_WITH_TIMEOUT(window.tree()->tableItem(europe, s("Orders")), kTimeoutMs); // the tree refreshed
    QVERIFY(dialog->openTable());
    auto *browser = qobject_cast<TableBrowser *>(window.tabs()->currentWidget());
    QVERIFY(browser);
    QCOMPARE(browser->connection(), europe);
    QCOMPARE(browser->tableName(), s("Orders"));

    // Back to us-east-1: a's own connection.
    QVERIFY(dialog->setRegion(s("us-east-1")));
    QCOMPARE(dialog->targetConnection(), a);
    QCOMPARE(int(window.connections().size()), 3);

    // A closed connection leaves the targets.
    QVERIFY(dialog->setTarget(b));
    emit window.tree()->closeConnectionRequested(b);
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>(s("targetConnection"))->count(), 2);
    QVERIFY(dialog->targetConnection() && dialog->targetConnection() != b);
    emit window.tree()->closeConnectionRequested(europe);
    QVERIFY(!dialog->openTable()); // its copy's connection is gone
    emit window.tree()->closeConnectionRequested(a);
    QVERIFY(dialog.isNull());
}

QTEST_MAIN(TestTableCopyDialog)
#include "tst_tablecopydialog.moc"
