// The table designer: DynamoDB's CreateTable rules shown beside the fields
// (data-driven over TableDesign), the AWS CLI command, a table with a GSI
// and a TTL attribute designed by typing and clicking, then read back with
// DescribeTable and DescribeTimeToLive; designs saved and opened again with
// their access patterns and sample items; encryption at rest (owned by
// DynamoDB, the AWS managed key, a customer managed key) chosen in the form,
// its key checked beside the field, and read back from SSEDescription.
#include "common/awsclicommand.h"
#include "common/errorlabel.h"
#include "common/tableencryption.h"
#include "designer/indexrow.h"
#include "designer/tablechange.h"
#include "designer/tabledesign.h"
#include "designer/tabledesigner.h"
#include "uitest.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace dd::ui;

class TestTableDesigner : public QObject {
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
    void shellQuote();
    void request();
    void designAndCreate();
    void stopAfterCreating();
    void liveValidation();
    void saveAndOpen();
    void kmsKeyFormat_data();
    void kmsKeyFormat();
    void encryptionRequest();
    void createWithEncryption_data();
    void createWithEncryption();
    void kmsKeyErrorBesideField();
};

void TestTableDesigner::rules_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("field"); // empty: valid

    QTest::newRow("valid") << "" << "";
    QTest::newRow("short name") << "name=ab" << "tableName";
    QTest::newRow("bad character") << "name=a b c" << "tableName";
    QTest::newRow("no partition key") << "pk=" << "partition";
    QTest::newRow("sort equals partition") << "sk=id" << "sort";
    QTest::newRow("zero capacity") << "provisioned0" << "capacity";
    QTest::newRow("lsi without table sort key") << "lsiNoSort" << "index:0:sort";
    QTest::newRow("gsi type conflict") << "gsiConflict" << "index:0:partition";
    QTest::newRow("include without attributes") << "includeEmpty" << "index:0:included";
    QTest::newRow("duplicate index names") << "twoSameNames" << "index:1:name";
    QTest::newRow("reserved tag") << "awsTag" << "tag:0";
    QTest::newRow("reserved tag in capitals") << "AwsTag" << "tag:0";
    QTest::newRow("six lsis") << "sixLsis" << "indexes";
    QTest::newRow("21 gsis") << "21gsis" << "indexes";
    QTest::newRow("101 included attributes") << "101included" << "indexes";
    QTest::newRow("lsi with another partition key") << "lsiOtherPartition" << "index:0:partition";
    QTest::newRow("tag key with a bad character") << "tagChar" << "tag:0";
    QTest::newRow("tag value too long") << "tagValueLong" << "tag:0";
    QTest::newRow("key name over 255 bytes") << "pkLong" << "partition";
    QTest::newRow("ttl name over 255") << "ttlLong" << "ttl";
    QTest::newRow("valid ttl") << "ttl" << "";
    QTest::newRow("valid name with dots") << "name=my.table-1_x" << "";
    QTest::newRow("name of 256") << "name256" << "tableName";
    QTest::newRow("customer key missing") << "cmk=" << "encryption";
    QTest::newRow("customer key malformed") << "cmk=my key" << "encryption";
    QTest::newRow("customer key alias") << "cmk=alias/orders" << "";
}

void TestTableDesigner::rules()
{
    QFETCH(QString, change);
    QFETCH(QString, field);
    TableDesign d;
    d.tableName = QStringLiteral("Orders");
    d.partition = {QStringLiteral("id"), QStringLiteral("S")};
    if (change.startsWith(QLatin1String("name=")))
        d.tableName = change.mid(5);
    else if (change == QLatin1String("pk="))
        d.partition.name.clear();
    else if (change == QLatin1String("sk=id"))
        d.sort = {QStringLiteral("id"), QStringLiteral("S")};
    else if (change == QLatin1String("provisioned0")) {
        d.onDemand = false;
        d.readCapacity = 0;
    } else if (change == QLatin1String("lsiNoSort")) {
        d.indexes.append({false, QStringLiteral("byDate"), d.partition, {QStringLiteral("date"), QStringLiteral("S")}});
    } else if (change == QLatin1String("gsiConflict")) {
        d.indexes.append({true, QStringLiteral("byId"), {QStringLiteral("id"), QStringLiteral("N")}, {}});
    } else if (change == QLatin1String("includeEmpty")) {
        IndexDesign ix{true, QStringLiteral("byStatus"), {QStringLiteral("status"), QStringLiteral("S")}, {}};
        ix.projection = QStringLiteral("INCLUDE");
        d.indexes.append(ix);
    } else if (change == QLatin1String("twoSameNames")) {
        d.indexes.append({true, QStringLiteral("byStatus"), {QStringLiteral("status"), QStringLiteral("S")}, {}});
        d.indexes.append({true, QStringLiteral("byStatus"), {QStringLiteral("owner"), QStringLiteral("S")}, {}});
    } else if (change == QLatin1String("awsTag")) {
        d.tags.append({QStringLiteral("aws:cost"), QStringLiteral("x")});
    } else if (change == QLatin1String("AwsTag")) {
        d.tags.append({QStringLiteral("AWS:cost"), QStringLiteral("x")});
    } else if (change == QLatin1String("sixLsis")) {
        d.sort = {QStringLiteral("sk"), QStringLiteral("S")};
        for (int i = 0; i < 6; ++i)
            d.indexes.append({false, QStringLiteral("lsi%1").arg(i), d.partition, {QStringLiteral("a%1").arg(i), QStringLiteral("S")}});
    } else if (change == QLatin1String("21gsis")) {
        for (int i = 0; i < 21; ++i)
            d.indexes.append({true, QStringLiteral("gsi%1").arg(i), {QStringLiteral("g%1").arg(i), QStringLiteral("S")}, {}});
    } else if (change == QLatin1String("101included")) {
        IndexDesign a{true, QStringLiteral("gsiA"), {QStringLiteral("a"), QStringLiteral("S")}, {}};
        IndexDesign b{true, QStringLiteral("gsiB"), {QStringLiteral("b"), QStringLiteral("S")}, {}};
        a.projection = b.projection = QStringLiteral("INCLUDE");
        for (int i = 0; i < 60; ++i)
            a.included << QStringLiteral("x%1").arg(i);
        for (int i = 0; i < 41; ++i)
            b.included << QStringLiteral("y%1").arg(i);
        d.indexes << a << b;
    } else if (change == QLatin1String("lsiOtherPartition")) {
        d.sort = {QStringLiteral("sk"), QStringLiteral("S")};
        d.indexes.append({false, QStringLiteral("byDate"), {QStringLiteral("other"), QStringLiteral("S")}, {QStringLiteral("date"), QStringLiteral("S")}});
    } else if (change == QLatin1String("tagChar")) {
        d.tags.append({QStringLiteral("cost#center"), QStringLiteral("x")});
    } else if (change == QLatin1String("tagValueLong")) {
        d.tags.append({QStringLiteral("owner"), QString(257, QLatin1Char('v'))});
    } else if (change == QLatin1String("pkLong")) {
        d.partition.name = QString(128, QChar(0x00e9)); // 256 bytes in UTF-8
    } else if (change == QLatin1String("ttlLong")) {
        d.ttlAttribute = QString(256, QLatin1Char('t'));
    } else if (change == QLatin1String("ttl")) {
        d.ttlAttribute = QStringLiteral("expiresAt");
    } else if (change.startsWith(QLatin1String("cmk="))) {
        d.encryption = {TableEncryption::Kind::CustomerManaged, change.mid(4)};
    } else if (change == QLatin1String("name256")) {
        d.tableName = QString(256, QLatin1Char('n'));
    }
    const auto issues = d.validate();
    if (field.isEmpty()) {
        QVERIFY2(issues.isEmpty(), qPrintable(issues.isEmpty() ? QString() : issues.first().message));
        return;
    }
    QVERIFY(!issues.isEmpty());
    bool found = false;
    for (const auto &i : issues)
        found = found || i.field == field;
    QVERIFY2(found, qPrintable(issues.first().field + QStringLiteral(": ") + issues.first().message));
}

void TestTableDesigner::shellQuote()
{
    QCOMPARE(awscli::shellQuote(QStringLiteral("Orders")), QStringLiteral("Orders"));
    QCOMPARE(awscli::shellQuote(QStringLiteral("it's")), QStringLiteral("'it'\\''s'"));
    QCOMPARE(awscli::shellQuote(QStringLiteral("{\"a\":1}")), QStringLiteral("'{\"a\":1}'"));
    QCOMPARE(awscli::shellQuote(QStringLiteral("$HOME")), QStringLiteral("'$HOME'"));
    QCOMPARE(awscli::kebabCase(QStringLiteral("GlobalSecondaryIndexes")), QStringLiteral("global-secondary-indexes"));
    QCOMPARE(awscli::kebabCase(QStringLiteral("SSESpecification")), QStringLiteral("sse-specification"));
}

void TestTableDesigner::request()
{
    TableDesign d;
    d.tableName = QStringLiteral("Orders");
    d.partition = {QStringLiteral("customerId"), QStringLiteral("S")};
    d.sort = {QStringLiteral("orderDate"), QStringLiteral("N")};
    d.onDemand = false;
    d.indexes.append({true, QStringLiteral("byStatus"), {QStringLiteral("status"), QStringLiteral("S")}, {QStringLiteral("orderDate"), QStringLiteral("N")}});
    d.streamViewType = QStringLiteral("NEW_IMAGE");
    const QJsonObject r = d.toCreateTableRequest();
    QCOMPARE(r.value(QStringLiteral("AttributeDefinitions")).toArray().size(), 3);
    QCOMPARE(r.value(QStringLiteral("BillingMode")).toString(), QStringLiteral("PROVISIONED"));
    QVERIFY(r.value(QStringLiteral("GlobalSecondaryIndexes")).toArray().at(0).toObject().contains(QStringLiteral("ProvisionedThroughput")));
    const QString cli = awscli::command(QStringLiteral("CreateTable"), r);
    QVERIFY(cli.startsWith(QStringLiteral("aws dynamodb create-table \\\n  --table-name Orders")));
    QVERIFY(cli.contains(QStringLiteral("--stream-specification '{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_IMAGE\"}'")));
}

void TestTableDesigner::designAndCreate()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    auto *create = designer.findChild<QPushButton *>(QStringLiteral("createTable"));
    QVERIFY(!create->isEnabled()); // nothing typed yet

    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("tableName")), QStringLiteral("Orders"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("partitionName")), QStringLiteral("customerId"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("sortName")), QStringLiteral("orderDate"));
    auto *sortType = designer.findChild<QComboBox *>(QStringLiteral("sortType"));
    sortType->setFocus();
    QTest::keyClick(sortType, Qt::Key_Down); // String -> Number
    QCOMPARE(sortType->currentData().toString(), QStringLiteral("N"));
    QVERIFY(create->isEnabled());

    QTest::mouseClick(designer.findChild<QPushButton *>(QStringLiteral("addGlobalIndex")), Qt::LeftButton);
    auto *row = designer.findChild<IndexRow *>();
    QVERIFY(row);
    QVERIFY(!create->isEnabled()); // the empty index is invalid
    // The headings sit over the fields they name.
    const auto leftOf = [](const QWidget *w) { return w->mapToGlobal(QPoint(0, 0)).x(); };
    for (const auto &[title, field] : {std::pair{"indexTitle1", "indexName"}, std::pair{"indexTitle2", "indexPartition"},
                                       std::pair{"indexTitle4", "indexSort"}, std::pair{"indexTitle6", "indexProjection"},
                                       std::pair{"indexTitle7", "indexIncluded"}}) {
        auto *label = designer.findChild<QLabel *>(QLatin1String(title));
        auto *widget = row->findChild<QWidget *>(QLatin1String(field));
        QVERIFY2(label && widget, title);
        QTRY_COMPARE(leftOf(label), leftOf(widget));
        QVERIFY2(label->width() >= widget->width(), title);
    }
    QTest::keyClicks(row->findChild<QLineEdit *>(QStringLiteral("indexName")), QStringLiteral("byStatus"));
    QTest::keyClicks(row->findChild<QLineEdit *>(QStringLiteral("indexPartition")), QStringLiteral("status"));
    auto *projection = row->findChild<QComboBox *>(QStringLiteral("indexProjection"));
    projection->setFocus();
    QTest::keyClick(projection, Qt::Key_Down);
    QTest::keyClick(projection, Qt::Key_Down); // INCLUDE
    QVERIFY(!create->isEnabled()); // INCLUDE needs attributes
    QTest::keyClicks(row->findChild<QLineEdit *>(QStringLiteral("indexIncluded")), QStringLiteral("total, items"));
    QVERIFY(create->isEnabled());
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("ttlAttribute")), QStringLiteral("expiresAt"));
    const QString preview = designer.findChild<QPlainTextEdit *>(QStringLiteral("preview"))->toPlainText();
    QVERIFY(preview.contains(QStringLiteral("--global-secondary-indexes")));
    QVERIFY(preview.contains(QStringLiteral("aws dynamodb update-time-to-live")));

    QSignalSpy created(&designer, &TableDesigner::tableCreated);
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(created.wait(5000));
    QCOMPARE(created.first().first().toString(), QStringLiteral("Orders"));

    const auto r = connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}});
    QVERIFY(r.ok());
    const QJsonObject t = r.body.value(QStringLiteral("Table")).toObject();
    QCOMPARE(t.value(QStringLiteral("KeySchema")).toArray().size(), 2);
    const QJsonObject gsi = t.value(QStringLiteral("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    QCOMPARE(gsi.value(QStringLiteral("IndexName")).toString(), QStringLiteral("byStatus"));
    const QJsonObject projectionOut = gsi.value(QStringLiteral("Projection")).toObject();
    QCOMPARE(projectionOut.value(QStringLiteral("ProjectionType")).toString(), QStringLiteral("INCLUDE"));
    QCOMPARE(projectionOut.value(QStringLiteral("NonKeyAttributes")).toArray().size(), 2);
    bool numberSort = false;
    for (const auto &d : t.value(QStringLiteral("AttributeDefinitions")).toArray())
        numberSort = numberSort || (d.toObject().value(QStringLiteral("AttributeName")).toString() == QLatin1String("orderDate")
                                    && d.toObject().value(QStringLiteral("AttributeType")).toString() == QLatin1String("N"));
    QVERIFY(numberSort);
    const auto ttl = connection->callSync(QStringLiteral("DescribeTimeToLive"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}});
    QCOMPARE(ttl.body.value(QStringLiteral("TimeToLiveDescription")).toObject().value(QStringLiteral("AttributeName")).toString(), QStringLiteral("expiresAt"));
}

// Stop while a table is created: CreateTable is made, the TTL call after it
// is not; the designer goes on editing the new table with the TTL still in
// the form, planned as the change left to make, and asks before closing.
void TestTableDesigner::stopAfterCreating()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("tableName")), QStringLiteral("Orders"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("partitionName")), QStringLiteral("customerId"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("ttlAttribute")), QStringLiteral("expiresAt"));
    QCOMPARE(designer.plannedChanges().size(), 2); // CreateTable, UpdateTimeToLive

    QSignalSpy created(&designer, &TableDesigner::tableCreated);
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    QTest::mouseClick(designer.findChild<QPushButton *>(QStringLiteral("createTable")), Qt::LeftButton);
    QTest::mouseClick(designer.findChild<QPushButton *>(QStringLiteral("stopApplying")), Qt::LeftButton);
    QVERIFY(created.wait(5000));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().first().toBool(), true);

    QVERIFY(connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}}).ok());
    const auto ttl = connection->callSync(QStringLiteral("DescribeTimeToLive"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Orders")}});
    QCOMPARE(ttl.body.value(QStringLiteral("TimeToLiveDescription")).toObject().value(QStringLiteral("TimeToLiveStatus")).toString(),
             QStringLiteral("DISABLED"));
    QCOMPARE(designer.findChild<QLineEdit *>(QStringLiteral("ttlAttribute"))->text(), QStringLiteral("expiresAt"));
    const QList<TableChange> left = designer.plannedChanges();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().operation, QStringLiteral("UpdateTimeToLive"));
    auto *apply = designer.findChild<QPushButton *>(QStringLiteral("applyChanges"));
    QVERIFY(apply && apply->isEnabled());
    const QString said = designer.findChild<QLabel *>(QStringLiteral("progressLabel"))->text();
    QVERIFY2(said.startsWith(QStringLiteral("Stopped after creating Orders; 1 setting")), qPrintable(said));
    QVERIFY(designer.isModified()); // the TTL not made yet: closing asks
}

void TestTableDesigner::liveValidation()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.show();
    auto *name = designer.findChild<QLineEdit *>(QStringLiteral("tableName"));
    QTest::keyClicks(name, QStringLiteral("ab"));
    // The reason sits beside the field, visible.
    bool shown = false;
    for (auto *label : designer.findChildren<ErrorLabel *>())
        shown = shown || (label->isVisible() && label->text().contains(QStringLiteral("3")));
    QVERIFY(shown);
    QTest::keyClicks(name, QStringLiteral("c"));
    for (auto *label : designer.findChildren<ErrorLabel *>())
        QVERIFY(!label->text().contains(QStringLiteral("characters long")));
}

void TestTableDesigner::saveAndOpen()
{
    auto connection = uitest::inMemoryConnection();
    TableDesign d;
    d.tableName = QStringLiteral("Orders");
    d.partition = {QStringLiteral("customerId"), QStringLiteral("S")};
    d.sort = {QStringLiteral("orderDate"), QStringLiteral("N")};
    d.onDemand = false;
    d.readCapacity = 7;
    d.indexes.append({true, QStringLiteral("byStatus"), {QStringLiteral("status"), QStringLiteral("S")}, {QStringLiteral("orderDate"), QStringLiteral("N")}});
    d.streamViewType = QStringLiteral("KEYS_ONLY");
    d.ttlAttribute = QStringLiteral("expiresAt");
    d.tags.append({QStringLiteral("team"), QStringLiteral("blue")});
    d.patterns.append({QStringLiteral("Orders by status, newest first"), QStringLiteral("status"), QStringLiteral("orderDate"), QStringLiteral(">"), true});
    d.samples.append(QJsonObject{{QStringLiteral("customerId"), uitest::S(QStringLiteral("c1"))}, {QStringLiteral("orderDate"), uitest::N(QStringLiteral("3"))}});

    TableDesigner designer(connection.get());
    QVERIFY(!designer.isModified());
    designer.setDesign(d);
    QVERIFY(designer.isModified()); // closing now would ask first
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("orders.design.json"));
    QString error;
    QVERIFY2(designer.saveDesign(path, &error), qPrintable(error));
    QVERIFY(!designer.isModified()); // saved

    TableDesigner again(connection.get());
    QVERIFY2(again.openDesign(path, &error), qPrintable(error));
    QVERIFY(!again.isModified());
    // A change, then Esc: the question, and Cancel keeps the designer.
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    auto *readCapacity = again.findChildren<QSpinBox *>().first();
    readCapacity->setValue(readCapacity->value() + 1);
    QVERIFY(again.isModified());
    QTest::keyClick(&again, Qt::Key_Escape);
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = again.findChild<QMessageBox *>(QStringLiteral("confirmDiscardDesign"))) != nullptr && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(again.isVisible());
    readCapacity->setValue(readCapacity->value() - 1);
    QVERIFY(!again.isModified());
    const TableDesign back = again.design();
    QCOMPARE(back.toCreateTableRequest(), d.toCreateTableRequest());
    QCOMPARE(back.ttlAttribute, d.ttlAttribute);
    QCOMPARE(back.patterns.size(), 1);
    QVERIFY(back.patterns.first() == d.patterns.first());
    QCOMPARE(back.samples, d.samples);

    QFile junk(dir.filePath(QStringLiteral("junk.json")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("{\"format\": \"something else\"}");
    junk.close();
    QVERIFY(!again.openDesign(junk.fileName(), &error));
    QVERIFY(error.contains(QStringLiteral("not a Dynamodesk table design")));
}

void TestTableDesigner::kmsKeyFormat_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << "" << false;
    QTest::newRow("key id") << "1234abcd-12ab-34cd-56ef-1234567890ab" << true;
    QTest::newRow("multi-region key id") << "mrk-1234abcd12ab34cd56ef1234567890ab" << true;
    QTest::newRow("key ARN") << "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab" << true;
    QTest::newRow("alias name") << "alias/orders-key" << true;
    QTest::newRow("alias ARN") << "arn:aws:kms:eu-west-1:111122223333:alias/orders-key" << true;
    QTest::newRow("bare alias") << "alias/" << false;
    QTest::newRow("word") << "orders-key" << false;
    QTest::newRow("short uuid") << "1234abcd-12ab-34cd-56ef" << false;
    QTest::newRow("other service ARN") << "arn:aws:s3:::bucket" << false;
    QTest::newRow("ARN without key") << "arn:aws:kms:us-east-1:111122223333:1234" << false;
}

void TestTableDesigner::kmsKeyFormat()
{
    QFETCH(QString, key);
    QFETCH(bool, valid);
    QCOMPARE(TableEncryption::keyProblem(key).isEmpty(), valid);
}

void TestTableDesigner::encryptionRequest()
{
    TableDesign d;
    d.tableName = QStringLiteral("Orders");
    d.partition = {QStringLiteral("id"), QStringLiteral("S")};
    QVERIFY(!d.toCreateTableRequest().contains(QStringLiteral("SSESpecification")));

    d.encryption.kind = TableEncryption::Kind::AwsManaged;
    QCOMPARE(d.toCreateTableRequest().value(QStringLiteral("SSESpecification")).toObject(),
             (QJsonObject{{QStringLiteral("Enabled"), true}, {QStringLiteral("SSEType"), QStringLiteral("KMS")}}));

    d.encryption = {TableEncryption::Kind::CustomerManaged, QStringLiteral("alias/orders-key")};
    const QJsonObject r = d.toCreateTableRequest();
    QCOMPARE(r.value(QStringLiteral("SSESpecification")).toObject(),
             (QJsonObject{{QStringLiteral("Enabled"), true}, {QStringLiteral("SSEType"), QStringLiteral("KMS")},
                          {QStringLiteral("KMSMasterKeyId"), QStringLiteral("alias/orders-key")}}));
    QVERIFY(awscli::command(QStringLiteral("CreateTable"), r)
                .contains(QStringLiteral("--sse-specification '{\"Enabled\":true,\"KMSMasterKeyId\":\"alias/orders-key\",\"SSEType\":\"KMS\"}'")));
    // A saved design keeps it.
    QCOMPARE(TableDesign::fromDescription(r).encryption, d.encryption);
}

void TestTableDesigner::createWithEncryption_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("key");
    QTest::newRow("owned by DynamoDB") << int(TableEncryption::Kind::Owned) << QString();
    QTest::newRow("AWS managed key") << int(TableEncryption::Kind::AwsManaged) << QString();
    QTest::newRow("customer managed key") << int(TableEncryption::Kind::CustomerManaged) << QStringLiteral("1234abcd-12ab-34cd-56ef-1234567890ab");
}

void TestTableDesigner::createWithEncryption()
{
    QFETCH(int, kind);
    QFETCH(QString, key);
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&designer));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("tableName")), QStringLiteral("Secrets"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("partitionName")), QStringLiteral("id"));
    auto *choice = designer.findChild<QComboBox *>(QStringLiteral("encryption"));
    auto *keyField = designer.findChild<QLineEdit *>(QStringLiteral("kmsKey"));
    QCOMPARE(choice->currentData().toInt(), int(TableEncryption::Kind::Owned)); // the default, as in the console
    QVERIFY(!keyField->isEnabled());
    choice->setCurrentIndex(choice->findData(kind));
    QCOMPARE(keyField->isEnabled(), !key.isEmpty());
    if (!key.isEmpty())
        QTest::keyClicks(keyField, key);
    const QString preview = designer.findChild<QPlainTextEdit *>(QStringLiteral("preview"))->toPlainText();
    QCOMPARE(preview.contains(QStringLiteral("--sse-specification")), kind != int(TableEncryption::Kind::Owned));
    if (!key.isEmpty())
        QVERIFY(preview.contains(QStringLiteral("\"KMSMasterKeyId\":\"") + key));

    auto *create = designer.findChild<QPushButton *>(QStringLiteral("createTable"));
    QVERIFY(create->isEnabled());
    QSignalSpy created(&designer, &TableDesigner::tableCreated);
    QTest::mouseClick(create, Qt::LeftButton);
    QVERIFY(created.wait(5000));

    const auto r = connection->callSync(QStringLiteral("DescribeTable"), QJsonObject{{QStringLiteral("TableName"), QStringLiteral("Secrets")}});
    QVERIFY(r.ok());
    const QJsonObject t = r.body.value(QStringLiteral("Table")).toObject();
    if (kind == int(TableEncryption::Kind::Owned)) {
        QVERIFY(!t.contains(QStringLiteral("SSEDescription")));
        return;
    }
    const QJsonObject sse = t.value(QStringLiteral("SSEDescription")).toObject();
    QCOMPARE(sse.value(QStringLiteral("Status")).toString(), QStringLiteral("ENABLED"));
    QCOMPARE(sse.value(QStringLiteral("SSEType")).toString(), QStringLiteral("KMS"));
    const QString arn = sse.value(QStringLiteral("KMSMasterKeyArn")).toString();
    QVERIFY2(arn.startsWith(QStringLiteral("arn:aws:kms:") + connection->region() + QLatin1Char(':')), qPrintable(arn));
    if (!key.isEmpty())
        QCOMPARE(arn.section(QLatin1Char('/'), -1), key);
    QCOMPARE(int(TableEncryption::fromDescription(t).kind), kind); // read back as chosen
}

void TestTableDesigner::kmsKeyErrorBesideField()
{
    auto connection = uitest::inMemoryConnection();
    TableDesigner designer(connection.get());
    designer.show();
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("tableName")), QStringLiteral("Secrets"));
    QTest::keyClicks(designer.findChild<QLineEdit *>(QStringLiteral("partitionName")), QStringLiteral("id"));
    auto *create = designer.findChild<QPushButton *>(QStringLiteral("createTable"));
    auto *error = designer.findChild<ErrorLabel *>(QStringLiteral("encryptionError"));
    QVERIFY(create->isEnabled());
    QVERIFY(!error->isVisible());

    auto *choice = designer.findChild<QComboBox *>(QStringLiteral("encryption"));
    choice->setCurrentIndex(choice->findData(int(TableEncryption::Kind::CustomerManaged)));
    QVERIFY(!create->isEnabled()); // the key is required
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("Required")));
    auto *keyField = designer.findChild<QLineEdit *>(QStringLiteral("kmsKey"));
    QTest::keyClicks(keyField, QStringLiteral("orders key"));
    QVERIFY(!create->isEnabled());
    QVERIFY(error->isVisible());
    keyField->clear();
    QTest::keyClicks(keyField, QStringLiteral("alias/orders-key"));
    QVERIFY(create->isEnabled());
    QVERIFY(!error->isVisible());
    // Back to a key DynamoDB owns: the key field no longer counts.
    keyField->clear();
    choice->setCurrentIndex(choice->findData(int(TableEncryption::Kind::Owned)));
    QVERIFY(create->isEnabled());
    QVERIFY(!error->isVisible());
    QVERIFY(uitest::labelsWithoutBuddy(&designer).isEmpty());
}

QTEST_MAIN(TestTableDesigner)
#include "tst_tabledesigner.moc"
