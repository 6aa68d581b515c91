#include "mainwindow/screenshottour.h"

#include "backups/historyview.h"
#include "backups/timelinewidget.h"
#include "browser/itemtablemodel.h"
#include "browser/filterrow.h"
#include "browser/querybar.h"
#include "browser/querybuilder.h"
#include "browser/tablebrowser.h"
#include "connections/connection.h"
#include "connections/connectiondialog.h"
#include "connections/connectiontree.h"
#include "connections/encryptionprompts.h"
#include "connections/passphrasedialog.h"
#include "dax/clustermetricspanel.h"
#include "dax/daxclustersdialog.h"
#include "designer/accesspatternpanel.h"
#include "designer/indexrow.h"
#include "designer/sampleitemspanel.h"
#include "designer/tabledesigner.h"
#include "exports/bucketpicker.h"
#include "exports/exportdialog.h"
#include "exports/importdialog.h"
#include "insights/contributorchart.h"
#include "insights/contributorinsightsview.h"
#include "items/conflictdialog.h"
#include "common/itemtreemodel.h"
#include "items/itemeditor.h"
#include "items/itemtreeeditor.h"
#include "mainwindow/mainwindow.h"
#include "migration/tablecopydialog.h"
#include "partiql/partiqleditor.h"
#include "partiql/partiqlresultmodel.h"
#include "policies/resourcepolicydialog.h"
#include "replicas/replicasdialog.h"
#include "streams/streamrecordmodel.h"
#include "streams/streamviewer.h"
#include "transactions/transactionbuilder.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QLineEdit>
#include <QPalette>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QTimer>

#include <cstdio>

namespace dd::ui {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(45, 47, 51), base(30, 31, 34), text(225, 227, 230), disabled(120, 122, 126);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(38, 40, 44));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Highlight, QColor(61, 123, 224));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(120, 170, 255));
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Disabled, QPalette::Text, disabled);
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabled);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabled);
    return p;
}

QJsonObject s(const QString &v) { return {{QStringLiteral("S"), v}}; }
QJsonObject n(const QString &v) { return {{QStringLiteral("N"), v}}; }

void seed(Connection *c)
{
    QJsonObject create{
        {QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("customerId")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}},
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("orderId")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}},
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("status")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}},
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("total")}, {QStringLiteral("AttributeType"), QStringLiteral("N")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("customerId")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}},
            QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("orderId")}, {QStringLiteral("KeyType"), QStringLiteral("RANGE")}}}},
        {QStringLiteral("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{
            {QStringLiteral("IndexName"), QStringLiteral("byStatus")},
            {QStringLiteral("KeySchema"), QJsonArray{
                QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("status")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}},
                QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("total")}, {QStringLiteral("KeyType"), QStringLiteral("RANGE")}}}},
            {QStringLiteral("Projection"), QJsonObject{{QStringLiteral("ProjectionType"), QStringLiteral("ALL")}}}}}},
        {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}};
    (void)c->callSync(QStringLiteral("CreateTable"), create);
    // Point-in-time recovery from the start, so that the history view has a window and every write.
    (void)c->callSync(QStringLiteral("UpdateContinuousBackups"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("PointInTimeRecoverySpecification"), QJsonObject{{QStringLiteral("PointInTimeRecoveryEnabled"), true}}}});
    (void)c->callSync(QStringLiteral("CreateTable"), QJsonObject{
        {QStringLiteral("TableName"), QStringLiteral("Customers")},
        {QStringLiteral("AttributeDefinitions"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("id")}, {QStringLiteral("AttributeType"), QStringLiteral("S")}}}},
        {QStringLiteral("KeySchema"), QJsonArray{QJsonObject{{QStringLiteral("AttributeName"), QStringLiteral("id")}, {QStringLiteral("KeyType"), QStringLiteral("HASH")}}}},
        {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});

    const QStringList statuses{QStringLiteral("OPEN"), QStringLiteral("SHIPPED"), QStringLiteral("DELIVERED"), QStringLiteral("CANCELLED")};
    const QStringList cities{QStringLiteral("Berlin"), QStringLiteral("Tokyo"), QStringLiteral("Lisbon"), QStringLiteral("Seattle")};
    for (int i = 0; i < 80; ++i) {
        QJsonObject item{
            {QStringLiteral("customerId"), s(QStringLiteral("c%1").arg(i % 7 + 1))},
            {QStringLiteral("orderId"), s(QStringLiteral("2024-%1-%2").arg(i % 12 + 1, 2, 10, QLatin1Char('0')).arg(1000 + i))},
            {QStringLiteral("status"), s(statuses[i % 4])},
            {QStringLiteral("total"), n(QStringLiteral("%1.%2").arg(10 + i * 7 % 230).arg(i % 100, 2, 10, QLatin1Char('0')))},
            {QStringLiteral("shipTo"), QJsonObject{{QStringLiteral("M"), QJsonObject{
                {QStringLiteral("city"), s(cities[i % 4])},
                {QStringLiteral("zip"), s(QStringLiteral("%1").arg(10115 + i * 13))},
                {QStringLiteral("geo"), QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("lat"), n(QStringLiteral("52.52"))}, {QStringLiteral("lon"), n(QStringLiteral("13.405"))}}}}}}}}},
            {QStringLiteral("lines"), QJsonObject{{QStringLiteral("L"), QJsonArray{
                QJsonObject{{QStringLiteral("M"), QJsonObject{{QStringLiteral("sku"), s(QStringLiteral("SKU-%1").arg(i))}, {QStringLiteral("qty"), n(QString::number(i % 3 + 1))}}}}}}}},
            {QStringLiteral("tags"), QJsonObject{{QStringLiteral("SS"), QJsonArray{QStringLiteral("gift"), QStringLiteral("priority")}}}},
            {QStringLiteral("paid"), QJsonObject{{QStringLiteral("BOOL"), i % 3 != 0}}}};
        if (i % 5 == 0)
            item.insert(QStringLiteral("coupon"), QJsonObject{{QStringLiteral("NULL"), true}});
        if (i % 9 == 0)
            item.insert(QStringLiteral("signature"), QJsonObject{{QStringLiteral("B"), QStringLiteral("iVBORw0KGgoAAAANSUhEUgAAAAEAAAAB")}});
        (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Item"), item}});
    }
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow *window, const QString &dir, bool dark)
    : QObject(window), m_window(window), m_dir(dir), m_dark(dark)
{
}

bool ScreenshotTour::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        settle(20);
    }
    return true;
}

void ScreenshotTour::settle(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

void ScreenshotTour::save(QWidget *widget, const QString &name)
{
    settle();
    const QString path = QDir(m_dir).filePath(name + (m_dark ? QStringLiteral("-dark") : QString()) + QStringLiteral(".png"));
    if (widget->grab().save(path)) {
        ++m_saved;
        std::printf("%s\n", qPrintable(path));
    } else {
        std::fprintf(stderr, "could not save %s\n", qPrintable(path));
    }
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_dir);
    if (m_dark) {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
    }
    m_window->resize(1400, 820);
    if (m_window->connections().empty()) {
        emit finished(false);
        return;
    }
    Connection *c = m_window->connections().front().get();
    const qint64 tourStart = QDateTime::currentMSecsSinceEpoch();
    seed(c);
    const qint64 seeded = QDateTime::currentMSecsSinceEpoch();
    settle(1200);
    (void)c->callSync(QStringLiteral("CreateBackup"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                                  {QStringLiteral("BackupName"), QStringLiteral("after-import")}});
    m_window->tree()->refresh(c);
    waitFor([&] { return m_window->tree()->tableItem(c, QStringLiteral("Orders")) != nullptr; });
    m_window->tree()->tableItem(c, QStringLiteral("Orders"))->setExpanded(true);
    m_window->tree()->setCurrentItem(m_window->tree()->tableItem(c, QStringLiteral("Orders")));

    // 1: the main window browsing a table.
    TableBrowser *browser = m_window->openTable(c, QStringLiteral("Orders"));
    waitFor([&] { return browser->model()->rowCount() > 0 || !browser->isReady(); });
    waitFor([&] { return !browser->model()->isLoading(); });
    // The third order, its line items shown (and expanded) in the detail tree.
    settle(800);
    waitFor([&] { return !browser->model()->isLoading(); });
    browser->view()->setFocus();
    browser->view()->selectionModel()->setCurrentIndex(browser->model()->index(2, 3),
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    save(m_window, QStringLiteral("01-main"));

    // 2: the designer with sample items seen through a GSI, a live
    // validation message beside the LSI; then its access patterns, one of
    // which no key serves yet.
    {
        TableDesign d;
        d.tableName = QStringLiteral("Invoices");
        d.partition = {QStringLiteral("accountId"), QStringLiteral("S")};
        d.sort = {QStringLiteral("issuedAt"), QStringLiteral("S")};
        d.indexes.append({true, QStringLiteral("byStatus"), {QStringLiteral("status"), QStringLiteral("S")}, {QStringLiteral("dueDate"), QStringLiteral("S")}});
        IndexDesign lsi{false, QStringLiteral("byTotal"), d.partition, {QStringLiteral("total"), QStringLiteral("N")}};
        lsi.projection = QStringLiteral("INCLUDE");
        d.indexes.append(lsi);
        d.ttlAttribute = QStringLiteral("expiresAt");
        d.streamViewType = QStringLiteral("NEW_AND_OLD_IMAGES");
        const char *rows[][5] = {{"acme", "2024-03-02", "OPEN", "2024-04-01", "120.50"}, {"acme", "2024-01-15", "PAID", "2024-02-14", "80"},
                                 {"globex", "2024-02-20", "OPEN", "2024-03-21", "42"}, {"acme", "2024-02-07", "OVERDUE", "2024-03-08", "310"},
                                 {"initech", "2024-03-11", "", "", "15"}, {"globex", "2024-01-03", "PAID", "2024-02-02", "999.99"}};
        for (const auto &r : rows) {
            QJsonObject item{{QStringLiteral("accountId"), s(QString::fromUtf8(r[0]))}, {QStringLiteral("issuedAt"), s(QString::fromUtf8(r[1]))},
                             {QStringLiteral("total"), n(QString::fromUtf8(r[4]))}};
            if (*r[2]) {
                item.insert(QStringLiteral("status"), s(QString::fromUtf8(r[2])));
                item.insert(QStringLiteral("dueDate"), s(QString::fromUtf8(r[3])));
            }
            d.samples.append(item);
        }
        d.patterns.append({tr("Invoices of an account, newest first"), QStringLiteral("accountId"), QStringLiteral("issuedAt"), QStringLiteral("<"), true});
        d.patterns.append({tr("Open invoices by due date"), QStringLiteral("status"), QStringLiteral("dueDate"), QStringLiteral("between"), false});
        d.patterns.append({tr("Largest invoices of an account"), QStringLiteral("accountId"), QStringLiteral("total"), QStringLiteral(">="), true});
        d.patterns.append({tr("Invoices of a customer's e-mail"), QStringLiteral("email"), QString(), QStringLiteral("="), false});
        TableDesigner *designer = m_window->newTable(c);
        designer->setDesign(d);
        designer->samples()->setView(QStringLiteral("byStatus"));
        save(designer, QStringLiteral("02-designer"));
        designer->sideTabs()->setCurrentWidget(designer->patterns());
        save(designer, QStringLiteral("02-designer-patterns"));
        designer->close();
    }

    // 3, 4: the item editor in both notations.
    browser->view()->selectRow(2);
    browser->editSelected();
    auto *editor = browser->findChild<ItemEditor *>();
    if (editor) {
        save(editor, QStringLiteral("03-item-editor"));
        editor->setFormat(ItemEditor::Format::Plain);
        save(editor, QStringLiteral("04-item-editor-plain"));
        // 5: someone else changes the item; the save conflicts.
        QJsonObject changed = browser->model()->item(2);
        changed.insert(QStringLiteral("status"), s(QStringLiteral("CANCELLED")));
        (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Item"), changed}});
        editor->setText(editor->text().replace(QStringLiteral("\"paid\": false"), QStringLiteral("\"paid\": true")).replace(QStringLiteral("\"paid\": true,"), QStringLiteral("\"paid\": true, \"note\": \"call before delivery\",")));
        editor->save();
        waitFor([&] { return editor->conflictDialog() != nullptr; });
        if (editor->conflictDialog())
            save(editor->conflictDialog(), QStringLiteral("05-conflict"));
        editor->close();
    }

    // 6: a query with a filter.
    browser->queryBar()->setQuery(QStringLiteral("customerId = :c AND begins_with(orderId, :y)"), QString(),
                                  QStringLiteral("{\":c\": \"c1\", \":y\": \"2024-0\"}"));
    browser->run();
    waitFor([&] { return !browser->model()->isLoading(); });
    save(m_window, QStringLiteral("06-query"));

    // 10: the visual query builder: a Query on the byStatus index with a
    // sort key condition and a filter; the detail pane shows a nested cell.
    browser->queryBar()->setRaw(false);
    browser->queryBar()->setOperation(QStringLiteral("Query"));
    browser->queryBar()->setIndex(QStringLiteral("byStatus"));
    browser->queryBar()->builder()->setPartitionValue(QStringLiteral("SHIPPED"));
    browser->queryBar()->builder()->setSortCondition(QStringLiteral(">="), QStringLiteral("50"));
    browser->queryBar()->builder()->clearFilters();
    browser->queryBar()->builder()->addFilter()->setCondition(
        QueryCondition{QStringLiteral("shipTo.city"), QStringLiteral("begins_with"), QStringLiteral("S"), QStringLiteral("To"), QString()});
    browser->queryBar()->builder()->addFilter()->setCondition(
        QueryCondition{QStringLiteral("paid"), QStringLiteral("="), QStringLiteral("BOOL"), QStringLiteral("true"), QString()});
    browser->run();
    waitFor([&] { return !browser->model()->isLoading(); });
    if (browser->model()->rowCount() > 0) {
        const int shipTo = int(browser->model()->columns().indexOf(QStringLiteral("shipTo")));
        browser->view()->setCurrentIndex(browser->model()->index(0, qMax(0, shipTo)));
    }
    save(m_window, QStringLiteral("10-query-builder"));

    // 11: the item editor's tree, with a value DynamoDB would refuse: the
    // error names the rule and the tree selects the node.
    browser->view()->selectRow(0);
    browser->editSelected();
    if (auto *treeEditor = browser->findChild<ItemEditor *>()) {
        treeEditor->tree()->view()->expandAll();
        ItemTreeModel *tree = treeEditor->tree()->model();
        tree->setData(tree->indexForPath(QStringLiteral("lines[0].qty")).siblingAtColumn(ItemTreeModel::ValueColumn), QStringLiteral("two"));
        save(treeEditor, QStringLiteral("11-item-tree"));
        treeEditor->close();
    }

    // 7: the connection dialog.
    ConnectionDialog dialog(m_window);
    dialog.show();
    save(&dialog, QStringLiteral("07-connection"));
    // 17: the same, encrypting a new data folder with a passphrase.
    dialog.findChild<QLineEdit *>(QStringLiteral("dataDir"))->setText(QDir::home().filePath(QStringLiteral("dynamodesk/customers")));
    dialog.findChild<QCheckBox *>(QStringLiteral("encrypt"))->setChecked(true);
    dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("correct horse battery"));
    dialog.findChild<QLineEdit *>(QStringLiteral("confirmPassphrase"))->setText(QStringLiteral("correct horse battery"));
    save(&dialog, QStringLiteral("17-connection-encrypted"));
    dialog.close();
    // 18: the passphrase asked for when an encrypted folder opens, after a wrong one.
    {
        EncryptionPrompts prompts(m_window);
        ConnectionSettings encrypted;
        encrypted.dataDir = QDir::home().filePath(QStringLiteral("dynamodesk/customers"));
        encrypted.name = QStringLiteral("Customers");
        encrypted.encrypted = true;
        prompts.askToUnlock(encrypted, true);
        if (auto *ask = m_window->findChild<PassphraseDialog *>()) {
            ask->findChild<QLineEdit *>(QStringLiteral("passphrase"))->setText(QStringLiteral("correct horse"));
            save(ask, QStringLiteral("18-passphrase"));
            ask->close();
        }
    }

    // 8: the transaction builder after a cancelled transfer: the debit's
    // condition failed, with the item it saw.
    (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Customers")},
        {QStringLiteral("Item"), QJsonObject{{QStringLiteral("id"), s(QStringLiteral("c1"))}, {QStringLiteral("credit"), n(QStringLiteral("40"))}}}});
    (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Customers")},
        {QStringLiteral("Item"), QJsonObject{{QStringLiteral("id"), s(QStringLiteral("c2"))}, {QStringLiteral("credit"), n(QStringLiteral("5"))}}}});
    TransactionBuilder *builder = m_window->openTransactionBuilder(c);
    QString pasteError;
    builder->pasteJson(QStringLiteral(R"json([
      {"Update": {"TableName": "Customers", "Key": {"id": {"S": "c1"}}, "UpdateExpression": "SET credit = credit - :amount",
                  "ConditionExpression": "credit >= :amount", "ExpressionAttributeValues": {":amount": {"N": "75"}},
                  "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
      {"Update": {"TableName": "Customers", "Key": {"id": {"S": "c2"}}, "UpdateExpression": "SET credit = credit + :amount",
                  "ExpressionAttributeValues": {":amount": {"N": "75"}}}},
      {"Put": {"TableName": "Orders", "Item": {"customerId": {"S": "c2"}, "orderId": {"S": "2024-13-0001"}, "status": {"S": "OPEN"}, "total": {"N": "75"}},
               "ConditionExpression": "attribute_not_exists(orderId)"}}
    ])json"), &pasteError);
    bool ran = false;
    connect(builder, &TransactionBuilder::finished, this, [&ran] { ran = true; });
    builder->run();
    waitFor([&] { return ran; });
    settle();
    save(m_window, QStringLiteral("08-transaction"));

    // 12: the PartiQL editor: a SELECT through an index, with a comment,
    // a parameter and its results; two earlier statements in the history.
    PartiqlEditor *partiql = m_window->openPartiqlEditor(c, QStringLiteral("Customers"));
    const auto runStatement = [&](const QString &statement, const QString &parameters) {
        bool done = false;
        QMetaObject::Connection once = connect(partiql, &PartiqlEditor::finished, this, [&done] { done = true; });
        partiql->setStatement(statement);
        partiql->setParametersText(parameters);
        partiql->run();
        waitFor([&] { return done; });
        disconnect(once);
    };
    runStatement(partiql->statement(), QString());
    runStatement(QStringLiteral("UPDATE \"Customers\" SET credit = credit + 10 WHERE id = 'c2'"), QString());
    runStatement(QStringLiteral("-- Shipped orders of 100 or more, through the byStatus index\n"
                                "SELECT customerId, orderId, total, shipTo.city, paid\n"
                                "FROM \"Orders\".\"byStatus\"\n"
                                "WHERE status = ? AND total >= 100"),
                 QStringLiteral("[{\"S\": \"SHIPPED\"}]"));
    partiql->view()->selectRow(1);
    save(m_window, QStringLiteral("12-partiql"));

    // 9: the live stream viewer of Orders while orders change.
    (void)c->callSync(QStringLiteral("UpdateTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("StreamSpecification"), QJsonObject{{QStringLiteral("StreamEnabled"), true}, {QStringLiteral("StreamViewType"), QStringLiteral("NEW_AND_OLD_IMAGES")}}}});
    StreamViewer *viewer = m_window->openStreamViewer(c, QStringLiteral("Orders"));
    waitFor([&] { return viewer->isPolling(); });
    for (int i = 0; i < 12; ++i) {
        const QJsonObject key{{QStringLiteral("customerId"), s(QStringLiteral("c%1").arg(i % 7 + 1))},
                              {QStringLiteral("orderId"), s(QStringLiteral("2024-%1-%2").arg(i % 12 + 1, 2, 10, QLatin1Char('0')).arg(1000 + i))}};
        if (i % 4 == 3) {
            (void)c->callSync(QStringLiteral("DeleteItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key}});
        } else {
            (void)c->callSync(QStringLiteral("UpdateItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key},
                {QStringLiteral("UpdateExpression"), QStringLiteral("SET #s = :s, shipTo.city = :c")},
                {QStringLiteral("ExpressionAttributeNames"), QJsonObject{{QStringLiteral("#s"), QStringLiteral("status")}}},
                {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":s"), s(QStringLiteral("SHIPPED"))}, {QStringLiteral(":c"), s(QStringLiteral("Osaka"))}}}});
        }
        settle(120);
    }
    (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Item"), QJsonObject{
        {QStringLiteral("customerId"), s(QStringLiteral("c9"))}, {QStringLiteral("orderId"), s(QStringLiteral("2024-12-2000"))},
        {QStringLiteral("status"), s(QStringLiteral("OPEN"))}, {QStringLiteral("total"), n(QStringLiteral("19.99"))}}}});
    waitFor([&] { return viewer->model()->totalCount() >= 13; });
    viewer->view()->selectRow(0);
    settle();
    save(m_window, QStringLiteral("09-stream"));

    // 10: backups and history: the recovery window, two backups, the writes
    // as bars, and what the table held a moment after the import.
    (void)c->callSync(QStringLiteral("CreateBackup"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                                  {QStringLiteral("BackupName"), QStringLiteral("after-shipping")}});
    for (int i = 0; i < 24; ++i) {
        const QJsonObject key{{QStringLiteral("customerId"), s(QStringLiteral("c%1").arg((i + 20) % 7 + 1))},
                              {QStringLiteral("orderId"), s(QStringLiteral("2024-%1-%2").arg((i + 20) % 12 + 1, 2, 10, QLatin1Char('0')).arg(1020 + i))}};
        if (i % 5 == 4)
            (void)c->callSync(QStringLiteral("DeleteItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key}});
        else
            (void)c->callSync(QStringLiteral("UpdateItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key},
                {QStringLiteral("UpdateExpression"), QStringLiteral("SET #s = :s")},
                {QStringLiteral("ExpressionAttributeNames"), QJsonObject{{QStringLiteral("#s"), QStringLiteral("status")}}},
                {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":s"), s(QStringLiteral("DELIVERED"))}}}});
        settle(i % 6 == 0 ? 400 : 90);
    }
    HistoryView *history = m_window->openHistory(c, QStringLiteral("Orders"));
    waitFor([&] {
        const auto &b = history->timeline()->backups();
        return !history->isLoading() && b.size() == 2 && std::all_of(b.begin(), b.end(), [](const TimelineBackup &x) { return x.status == QLatin1String("AVAILABLE"); });
    });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    history->timeline()->setRange(double(tourStart - (now - tourStart) / 8), double(now + (now - tourStart) / 12));
    history->timeline()->selectTime(seeded + 600);
    waitFor([&] { return !history->isLoading() && history->previewItemCount() >= 0; });
    save(m_window, QStringLiteral("10-history"));

    // 13: the global table dialog: Orders with an ACTIVE replica in eu-west-1.
    (void)c->callSync(QStringLiteral("UpdateTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
        {QStringLiteral("ReplicaUpdates"), QJsonArray{QJsonObject{{QStringLiteral("Create"), QJsonObject{{QStringLiteral("RegionName"), QStringLiteral("eu-west-1")}}}}}}});
    ReplicasDialog *replicas = m_window->openReplicas(c, QStringLiteral("Orders"));
    waitFor([&] { return replicas->isLoaded() && replicas->regions().size() == 2 && !replicas->isBusy(); });
    if (QTreeWidgetItem *replica = replicas->regionList()->topLevelItem(1))
        replicas->regionList()->setCurrentItem(replica);
    save(replicas, QStringLiteral("13-global-table"));
    replicas->close();

    // 14: Export to S3 of Orders into a local bucket, completed.
    (void)c->callSync(QStringLiteral("Dynamodesk.CreateLocalBucket"), QJsonObject{{QStringLiteral("BucketName"), QStringLiteral("exports")}});
    ExportDialog *exporter = m_window->openExport(c, QStringLiteral("Orders"));
    waitFor([&] { return exporter->isLoaded() && exporter->bucketPicker()->hasLocalBuckets(); });
    exporter->bucketPicker()->setBucket(QStringLiteral("exports"));
    if (auto *prefix = exporter->findChild<QLineEdit *>(QStringLiteral("exportPrefix")))
        prefix->setText(QStringLiteral("orders"));
    exporter->startExport();
    waitFor([&] { return !exporter->isExporting(); });
    const QJsonObject exported = exporter->exportDescription();
    save(exporter, QStringLiteral("14-export"));
    exporter->close();

    // 15: Import from S3 of that export's data files into a new table, completed.
    ImportDialog *importer = m_window->openImport(c);
    waitFor([&] { return importer->bucketPicker()->hasLocalBuckets(); });
    importer->bucketPicker()->setBucket(QStringLiteral("exports"));
    const QString manifest = exported.value(QStringLiteral("ExportManifest")).toString();
    const auto setText = [importer](const char *name, const QString &text) {
        if (auto *edit = importer->findChild<QLineEdit *>(QLatin1String(name)))
            edit->setText(text);
    };
    setText("importPrefix", manifest.section(QLatin1Char('/'), 0, -2) + QStringLiteral("/data/"));
    if (auto *compression = importer->findChild<QComboBox *>(QStringLiteral("compression")))
        compression->setCurrentIndex(compression->findData(QStringLiteral("GZIP")));
    setText("importTableName", QStringLiteral("OrdersCopy"));
    setText("partitionKey", QStringLiteral("customerId"));
    setText("sortKey", QStringLiteral("orderId"));
    importer->startImport();
    waitFor([&] { return !importer->isImporting() && importer->canOpenTable(); });
    save(importer, QStringLiteral("15-import"));
    importer->close();

    // 16: DAX clusters: two clusters, one with a parameter group of short
    // TTLs, and the metrics of the first after reads through it.
    const QString role = QStringLiteral("arn:aws:iam::000000000000:role/DAXServiceRole");
    (void)c->callSync(QStringLiteral("Dax.CreateParameterGroup"), QJsonObject{{QStringLiteral("ParameterGroupName"), QStringLiteral("short-ttls")},
                                                                             {QStringLiteral("Description"), QStringLiteral("10 s items, no query cache")}});
    (void)c->callSync(QStringLiteral("Dax.UpdateParameterGroup"), QJsonObject{{QStringLiteral("ParameterGroupName"), QStringLiteral("short-ttls")},
        {QStringLiteral("ParameterNameValues"), QJsonArray{
            QJsonObject{{QStringLiteral("ParameterName"), QStringLiteral("record-ttl-millis")}, {QStringLiteral("ParameterValue"), QStringLiteral("10000")}},
            QJsonObject{{QStringLiteral("ParameterName"), QStringLiteral("query-ttl-millis")}, {QStringLiteral("ParameterValue"), QStringLiteral("0")}}}}});
    (void)c->callSync(QStringLiteral("Dax.CreateCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("orders-cache")},
        {QStringLiteral("NodeType"), QStringLiteral("dax.r5.large")}, {QStringLiteral("ReplicationFactor"), 3}, {QStringLiteral("IamRoleArn"), role},
        {QStringLiteral("Description"), QStringLiteral("Order lookups of the shop")}});
    (void)c->callSync(QStringLiteral("Dax.CreateCluster"), QJsonObject{{QStringLiteral("ClusterName"), QStringLiteral("sessions")},
        {QStringLiteral("NodeType"), QStringLiteral("dax.t3.small")}, {QStringLiteral("ReplicationFactor"), 1}, {QStringLiteral("IamRoleArn"), role},
        {QStringLiteral("ParameterGroupName"), QStringLiteral("short-ttls")}});
    if (std::unique_ptr<Connection> cached = c->throughDaxCluster(QStringLiteral("orders-cache"))) {
        for (int n = 0; n < 60; ++n) {
            const int i = n % 20 + 40; // 20 orders, each read 3 times: a miss, then hits
            const QJsonObject key{{QStringLiteral("customerId"), s(QStringLiteral("c%1").arg(i % 7 + 1))},
                                  {QStringLiteral("orderId"), s(QStringLiteral("2024-%1-%2").arg(i % 12 + 1, 2, 10, QLatin1Char('0')).arg(1000 + i))}};
            (void)cached->callSync(QStringLiteral("GetItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key}});
        }
        (void)cached->callSync(QStringLiteral("Query"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
            {QStringLiteral("KeyConditionExpression"), QStringLiteral("customerId = :c")},
            {QStringLiteral("ExpressionAttributeValues"), QJsonObject{{QStringLiteral(":c"), s(QStringLiteral("c1"))}}}});
    }
    DaxClustersDialog *dax = m_window->openDaxClusters(c);
    waitFor([&] { return !dax->isLoading() && dax->clusterNames().size() == 2; });
    dax->selectCluster(QStringLiteral("orders-cache"));
    waitFor([&] { return dax->metricsPanel()->metric(QStringLiteral("TotalRequestCount")) > 0; });
    save(dax, QStringLiteral("16-dax-clusters"));
    dax->close();

    // 19: Copy table to…: Orders duplicated within its connection as
    // Orders-copy, done, with what it created.
    if (TableCopyDialog *copy = m_window->openTableCopy(c, QStringLiteral("Orders"))) {
        waitFor([&] { return copy->isLoaded(); });
        settle();
        copy->startCopy();
        waitFor([&] { return !copy->isCopying(); });
        save(copy, QStringLiteral("19-table-copy"));
        copy->close();
    }

    // 20: Resource policy…: Orders' policy made of two templates (an IAM
    // user's read access, a Deny of deletes), saved, with its revision.
    if (ResourcePolicyDialog *policy = m_window->openResourcePolicy(c, QStringLiteral("Orders"))) {
        waitFor([&] { return policy->isDescribed() && policy->isLoaded() && !policy->isBusy(); });
        policy->insertTemplate(0);
        policy->editor()->insertPlainText(QStringLiteral("analyst"));
        policy->insertTemplate(2);
        policy->save();
        waitFor([&] { return !policy->isBusy(); });
        policy->editor()->moveCursor(QTextCursor::Start);
        save(policy, QStringLiteral("20-resource-policy"));
        policy->close();
    }

    // 21: a Query on a GSI with a multi-attribute key (2 partition + 3 sort
    // attributes): a value for each partition attribute, = on the first sort
    // attribute and BETWEEN on the next; the tree names every attribute.
    {
        auto attr = [](const char *name, const char *type) {
            return QJsonObject{{QStringLiteral("AttributeName"), QLatin1String(name)}, {QStringLiteral("AttributeType"), QLatin1String(type)}};
        };
        auto key = [](const char *name, const char *type) {
            return QJsonObject{{QStringLiteral("AttributeName"), QLatin1String(name)}, {QStringLiteral("KeyType"), QLatin1String(type)}};
        };
        (void)c->callSync(QStringLiteral("CreateTable"), QJsonObject{
            {QStringLiteral("TableName"), QStringLiteral("Matches")},
            {QStringLiteral("AttributeDefinitions"), QJsonArray{attr("matchId", "S"), attr("tenant", "S"), attr("year", "N"),
                                                                 attr("area", "S"), attr("round", "N"), attr("tag", "S")}},
            {QStringLiteral("KeySchema"), QJsonArray{key("matchId", "HASH")}},
            {QStringLiteral("GlobalSecondaryIndexes"), QJsonArray{QJsonObject{
                {QStringLiteral("IndexName"), QStringLiteral("byRound")},
                {QStringLiteral("KeySchema"), QJsonArray{key("tenant", "HASH"), key("year", "HASH"), key("area", "RANGE"),
                                                         key("round", "RANGE"), key("tag", "RANGE")}},
                {QStringLiteral("Projection"), QJsonObject{{QStringLiteral("ProjectionType"), QStringLiteral("ALL")}}}}}},
            {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});
        const QStringList teams{QStringLiteral("Falcons"), QStringLiteral("Otters"), QStringLiteral("Herons"), QStringLiteral("Lynx"),
                                QStringLiteral("Badgers"), QStringLiteral("Wolves")};
        int id = 0;
        for (const QString &tenant : {QStringLiteral("acme"), QStringLiteral("globex")})
            for (const QString &area : {QStringLiteral("north"), QStringLiteral("south")})
                for (int round = 1; round <= 5; ++round)
                    for (const QString &tag : {QStringLiteral("court-1"), QStringLiteral("court-2"), QStringLiteral("court-3")}) {
                        ++id;
                        (void)c->callSync(QStringLiteral("PutItem"), QJsonObject{
                            {QStringLiteral("TableName"), QStringLiteral("Matches")},
                            {QStringLiteral("Item"), QJsonObject{
                                {QStringLiteral("matchId"), s(QStringLiteral("m-%1").arg(id, 3, 10, QLatin1Char('0')))},
                                {QStringLiteral("tenant"), s(tenant)}, {QStringLiteral("year"), n(QStringLiteral("2025"))},
                                {QStringLiteral("area"), s(area)}, {QStringLiteral("round"), n(QString::number(round))},
                                {QStringLiteral("tag"), s(tag)},
                                {QStringLiteral("home"), s(teams[id % 6])}, {QStringLiteral("away"), s(teams[(id + 3) % 6])},
                                {QStringLiteral("score"), s(QStringLiteral("%1:%2").arg(id * 7 % 5).arg(id * 3 % 4))}}}});
                    }
        m_window->tree()->refresh(c);
        waitFor([&] { return m_window->tree()->tableItem(c, QStringLiteral("Matches")) != nullptr; });
        m_window->tree()->tableItem(c, QStringLiteral("Matches"))->setExpanded(true);
        m_window->tree()->setCurrentItem(m_window->tree()->tableItem(c, QStringLiteral("Matches")));
        TableBrowser *matches = m_window->openTable(c, QStringLiteral("Matches"));
        waitFor([&] { return matches->isReady() && !matches->model()->isLoading(); });
        QueryBar *bar = matches->queryBar();
        bar->setRaw(false);
        bar->setOperation(QStringLiteral("Query"));
        bar->setIndex(QStringLiteral("byRound"));
        bar->builder()->setPartitionValue(QStringLiteral("acme"), 0);
        bar->builder()->setPartitionValue(QStringLiteral("2025"), 1);
        bar->builder()->setSortCondition(QStringLiteral("="), QStringLiteral("north"), QString(), 0);
        bar->builder()->setSortCondition(QStringLiteral("between"), QStringLiteral("2"), QStringLiteral("4"), 1);
        matches->run();
        waitFor([&] { return !matches->model()->isLoading(); });
        settle();
        save(m_window, QStringLiteral("21-multiattribute-query"));
    }

    // 22: Contributor insights of Orders: a few orders read far more than the rest.
    {
        (void)c->callSync(QStringLiteral("UpdateContributorInsights"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                                                   {QStringLiteral("ContributorInsightsAction"), QStringLiteral("ENABLE")}});
        const QJsonArray items = c->callSync(QStringLiteral("Scan"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")},
                                                                                {QStringLiteral("Limit"), 12}})
                                     .body.value(QStringLiteral("Items")).toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            const QJsonObject key{{QStringLiteral("customerId"), item.value(QStringLiteral("customerId"))},
                                  {QStringLiteral("orderId"), item.value(QStringLiteral("orderId"))}};
            const int reads = i == 0 ? 60 : i < 3 ? 25 : i < 6 ? 8 : 2;
            for (int r = 0; r < reads; ++r)
                (void)c->callSync(QStringLiteral("GetItem"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}, {QStringLiteral("Key"), key}});
        }
        ContributorInsightsView *insights = m_window->openContributorInsights(c, QStringLiteral("Orders"));
        insights->setRangeMinutes(15);
        // The item rules are offered once the table's key is known (its first load).
        waitFor([&] { return !insights->isLoading() && insights->rules().contains(InsightsRule::ItemsAccessed); });
        insights->setRule(InsightsRule::ItemsAccessed);
        waitFor([&] {
            return !insights->isLoading() && insights->status() == QLatin1String("ENABLED") && insights->rule() == InsightsRule::ItemsAccessed
                && !insights->chart()->report().contributors.isEmpty();
        });
        settle();
        save(m_window, QStringLiteral("22-contributor-insights"));
    }

    emit finished(m_saved >= 6);
}

} // namespace dd::ui
