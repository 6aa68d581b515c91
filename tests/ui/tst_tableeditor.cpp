// The designer's edit mode on an existing table: it opens pre-filled from
// DescribeTable, DescribeTimeToLive and ListTagsOfResource with the key
// schema and LSIs locked; a GSI added by clicking and typing, a new TTL
// attribute, a new stream view type, a changed and a removed tag and a
// deleted GSI are applied by Apply (one UpdateTable per index change) and
// read back from the engine; the plan is what AWS accepts; and when calls
// fail, each error lands beside the field it concerns. Encryption at rest
// goes from the key owned by DynamoDB to a customer managed key and back,
// and the connection tree's tooltip names each table's setting.
#include "common/errorlabel.h"
#include "common/tableencryption.h"
#include "connections/connectiontree.h"
#include "designer/indexrow.h"
#include "designer/tablechange.h"
#include "designer/tabledesigner.h"
#include "uitest.h"

#include <QComboBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace dd::ui;

namespace {

QString p(const char *s) { return QString::fromLatin1(s); }

QJsonObject describe(Connection &c, const QString &table)
{
    return c.callSync(p("DescribeTable"), QJsonObject{{p("TableName"), table}}).body.value(p("Table")).toObject();
}

// Orders: pk/sk, an LSI byDate, a GSI byStatus, stream NEW_IMAGE, TTL on expiresAt, two tags.
void createOrders(Connection &c)
{
    const QJsonObject req = QJsonDocument::fromJson(R"({
        "TableName": "Orders", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"},
                                 {"AttributeName": "date", "AttributeType": "S"}, {"AttributeName": "status", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        "LocalSecondaryIndexes": [{"IndexName": "byDate", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                   {"AttributeName": "date", "KeyType": "RANGE"}], "Projection": {"ProjectionType": "KEYS_ONLY"}}],
        "GlobalSecondaryIndexes": [{"IndexName": "byStatus", "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                                    "Projection": {"ProjectionType": "ALL"}}],
        "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"},
        "Tags": [{"Key": "team", "Value": "blue"}, {"Key": "stage", "Value": "dev"}]})").object();
    auto r = c.callSync(p("CreateTable"), req);
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    r = c.callSync(p("UpdateTimeToLive"), QJsonObject{{p("TableName"), p("Orders")},
                                                       {p("TimeToLiveSpecification"), QJsonObject{{p("Enabled"), true}, {p("AttributeName"), p("expiresAt")}}}});
    QVERIFY2(r.ok(), qPrintable(dd::ui::errorText(r)));
    uitest::put(c, p("Orders"), {{p("pk"), uitest::S(p("c1"))}, {p("sk"), uitest::S(p("o1"))}, {p("owner"), uitest::S(p("ann"))}});
}

// Opens `designer` on the table Orders, shown, once it is read; false if the read failed.
bool editOrders(TableDesigner &designer)
{
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(p("Orders"));
    designer.show();
    return QTest::qWaitForWindowExposed(&designer) && (loaded.count() > 0 || loaded.wait(5000)) && loaded.first().first().toBool();
}

} // namespace

class TestTableEditor : public QObject {
    Q_OBJECT
private slots:
    void opensPreFilledAndLocked();
    void appliesChanges();
    void stopAfterThisStep();
    void planOrder();
    void capacityChangeLeavesIndexCapacity();
    void errorsBesideTheirFields();
    void encryptionOwnedToCustomerAndBack();
    void encryptionInDetails();
};

void TestTableEditor::opensPreFilledAndLocked()
{
    auto connection = uitest::inMemoryConnection();
    createOrders(*connection);
    TableDesigner designer(connection.get());
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(p("Orders"));
    designer.show();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    QCOMPARE(loaded.first().first().toBool(), true);

    auto *name = designer.findChild<QLineEdit *>(p("tableName"));
    QCOMPARE(name->text(), p("Orders"));
    QVERIFY(name->isReadOnly());
    QVERIFY(designer.findChild<QLineEdit *>(p("partitionName"))->isReadOnly());
    QVERIFY(!designer.findChild<QComboBox *>(p("sortType"))->isEnabled());
    QVERIFY(!designer.findChild<QPushButton *>(p("addLocalIndex"))->isEnabled());
    QCOMPARE(designer.findChild<QLineEdit *>(p("ttlAttribute"))->text(), p("expiresAt"));
    QCOMPARE(designer.findChild<QComboBox *>(p("streamViewType"))->currentData().toString(), p("NEW_IMAGE"));
    QCOMPARE(designer.findChild<QTableWidget *>(p("tags"))->rowCount(), 2);
    const auto rows = designer.findChildren<IndexRow *>();
    QCOMPARE(rows.size(), 2);
    for (IndexRow *row : rows) {
        QVERIFY(!row->findChild<QLineEdit *>(p("indexName"))->isEnabled()); // existing indexes cannot change
        QCOMPARE(row->findChild<QWidget *>(p("removeIndex"))->isEnabled(), row->isGlobal()); // a GSI can go, an LSI not
    }
    // Nothing changed yet: nothing to apply.
    auto *apply = designer.findChild<QPushButton *>(p("applyChanges"));
    QVERIFY(apply);
    QVERIFY(!apply->isEnabled());
    QVERIFY(designer.plannedChanges().isEmpty());
}

void TestTableEditor::appliesChanges()
{
    auto connection = uitest::inMemoryConnection();
    createOrders(*connection);
    TableDesigner designer(connection.get());
    QVERIFY(editOrders(designer));
    auto *apply = designer.findChild<QPushButton *>(p("applyChanges"));

    // A new GSI on owner, typed in.
    QTest::mouseClick(designer.findChild<QPushButton *>(p("addGlobalIndex")), Qt::LeftButton);
    IndexRow *row = designer.findChildren<IndexRow *>().last();
    QTest::keyClicks(row->findChild<QLineEdit *>(p("indexName")), p("byOwner"));
    QTest::keyClicks(row->findChild<QLineEdit *>(p("indexPartition")), p("owner"));
    QTest::keyClicks(row->findChild<QLineEdit *>(p("indexSort")), p("sk"));
    // The GSI byStatus goes.
    for (IndexRow *r : designer.findChildren<IndexRow *>())
        if (r->design().name == p("byStatus"))
            QTest::mouseClick(r->findChild<QWidget *>(p("removeIndex")), Qt::LeftButton);
    // TTL moves to validUntil.
    auto *ttl = designer.findChild<QLineEdit *>(p("ttlAttribute"));
    ttl->setFocus();
    ttl->selectAll();
    QTest::keyClicks(ttl, p("validUntil"));
    // The stream now carries both images.
    auto *stream = designer.findChild<QComboBox *>(p("streamViewType"));
    stream->setFocus();
    QTest::keyClick(stream, Qt::Key_Down); // NEW_IMAGE -> OLD_IMAGE
    QTest::keyClick(stream, Qt::Key_Down); // -> NEW_AND_OLD_IMAGES
    QCOMPARE(stream->currentData().toString(), p("NEW_AND_OLD_IMAGES"));
    // Tags: team changes, stage goes.
    auto *tags = designer.findChild<QTableWidget *>(p("tags"));
    for (int r = 0; r < tags->rowCount(); ++r)
        if (tags->item(r, 0)->text() == p("team"))
            tags->item(r, 1)->setText(p("green"));
    for (int r = 0; r < tags->rowCount(); ++r)
        if (tags->item(r, 0)->text() == p("stage")) {
            tags->setCurrentCell(r, 0);
            QTest::mouseClick(designer.findChild<QWidget *>(p("removeTag")), Qt::LeftButton);
            break;
        }

    QStringList ops;
    for (const TableChange &c : designer.plannedChanges())
        ops << c.operation + QLatin1Char(':') + c.field;
    QCOMPARE(ops, QStringList({p("UpdateTable:stream"), p("UpdateTable:stream"), p("UpdateTable:indexes"), p("UpdateTable:index:1:api"),
                               p("UpdateTimeToLive:ttl"), p("UpdateTimeToLive:ttl"), p("UntagResource:tags"), p("TagResource:tags")}));
    QVERIFY(designer.cliCommand().contains(p("aws dynamodb update-table")));
    QVERIFY(apply->isEnabled());

    QSignalSpy applied(&designer, &TableDesigner::changesApplied);
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(applied.wait(20000));
    QCOMPARE(applied.first().first().toInt(), 0);

    const QJsonObject t = describe(*connection, p("Orders"));
    QStringList gsis;
    for (const QJsonValue &v : t.value(p("GlobalSecondaryIndexes")).toArray())
        gsis << v.toObject().value(p("IndexName")).toString();
    QCOMPARE(gsis, QStringList{p("byOwner")});
    QCOMPARE(t.value(p("LocalSecondaryIndexes")).toArray().size(), 1);
    QCOMPARE(t.value(p("StreamSpecification")).toObject().value(p("StreamViewType")).toString(), p("NEW_AND_OLD_IMAGES"));
    // The new index was filled from the table.
    const auto q = connection->callSync(p("Query"), QJsonObject{{p("TableName"), p("Orders")}, {p("IndexName"), p("byOwner")},
                                                                 {p("KeyConditionExpression"), p("#o = :o")},
                                                                 {p("ExpressionAttributeNames"), QJsonObject{{p("#o"), p("owner")}}},
                                                                 {p("ExpressionAttributeValues"), QJsonObject{{p(":o"), uitest::S(p("ann"))}}}});
    QVERIFY2(q.ok(), qPrintable(dd::ui::errorText(q)));
    QCOMPARE(q.body.value(p("Count")).toInt(), 1);
    const auto ttlOut = connection->callSync(p("DescribeTimeToLive"), QJsonObject{{p("TableName"), p("Orders")}});
    const QJsonObject ttlDesc = ttlOut.body.value(p("TimeToLiveDescription")).toObject();
    QCOMPARE(ttlDesc.value(p("AttributeName")).toString(), p("validUntil"));
    QCOMPARE(ttlDesc.value(p("TimeToLiveStatus")).toString(), p("ENABLED"));
    const auto tagsOut = connection->callSync(p("ListTagsOfResource"), QJsonObject{{p("ResourceArn"), t.value(p("TableArn"))}});
    QCOMPARE(tagsOut.body.value(p("Tags")).toArray(), QJsonArray{QJsonObject({{p("Key"), p("team")}, {p("Value"), p("green")}})});
}

// Stop during Apply: the field under way gets all its calls (the stream's
// disable and enable), no later field gets any, and the form keeps the
// changes not made, so that Apply makes them next.
void TestTableEditor::stopAfterThisStep()
{
    auto connection = uitest::inMemoryConnection();
    createOrders(*connection);
    TableDesigner designer(connection.get());
    QVERIFY(editOrders(designer));
    auto *stream = designer.findChild<QComboBox *>(p("streamViewType"));
    stream->setCurrentIndex(stream->findData(p("NEW_AND_OLD_IMAGES")));
    auto *ttl = designer.findChild<QLineEdit *>(p("ttlAttribute"));
    ttl->setText(p("validUntil"));
    QStringList fields;
    for (const TableChange &c : designer.plannedChanges())
        fields << c.field;
    QCOMPARE(fields, QStringList({p("stream"), p("stream"), p("ttl"), p("ttl")}));

    auto *stop = designer.findChild<QPushButton *>(p("stopApplying"));
    QVERIFY(stop && !stop->isVisible());
    QSignalSpy applied(&designer, &TableDesigner::changesApplied);
    QTest::mouseClick(designer.findChild<QPushButton *>(p("applyChanges")), Qt::LeftButton);
    QVERIFY(stop->isVisible() && stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton); // before the first call's answer is handled
    QVERIFY(!stop->isEnabled());
    QVERIFY(applied.wait(20000));
    QVERIFY(!designer.findChild<QPushButton *>(p("applyChanges"))->isEnabled()); // until the table is read again
    QCOMPARE(applied.first().first().toInt(), 0);
    QVERIFY(!stop->isVisible());
    const QString said = designer.findChild<QLabel *>(p("progressLabel"))->text();
    QVERIFY2(said.startsWith(p("Stopped; 2 change")), qPrintable(said)); // "change(s)" without a translation

    const QJsonObject t = describe(*connection, p("Orders"));
    QCOMPARE(t.value(p("StreamSpecification")).toObject().value(p("StreamViewType")).toString(), p("NEW_AND_OLD_IMAGES"));
    const auto ttlOut = connection->callSync(p("DescribeTimeToLive"), QJsonObject{{p("TableName"), p("Orders")}});
    QCOMPARE(ttlOut.body.value(p("TimeToLiveDescription")).toObject().value(p("AttributeName")).toString(), p("expiresAt"));
    // Read again, the table now has the new stream; the form still asks for the TTL change.
    QTRY_VERIFY_WITH_TIMEOUT(designer.findChild<QPushButton *>(p("applyChanges"))->isEnabled(), 5000);
    fields.clear();
    for (const TableChange &c : designer.plannedChanges())
        fields << c.field;
    QCOMPARE(fields.join(QLatin1Char(',')), p("ttl,ttl"));
}

void TestTableEditor::planOrder()
{
    TableDesign before;
    before.tableName = p("Orders");
    before.partition = {p("pk"), p("S")};
    before.indexes.append({true, p("old"), {p("a"), p("S")}, {}});
    TableDesign after = before;
    after.onDemand = false;
    after.readCapacity = 3;
    after.writeCapacity = 4;
    after.indexes.append({true, p("new1"), {p("b"), p("N")}, {}});
    after.indexes.append({true, p("new2"), {p("c"), p("S")}, {}});
    const auto plan = TableChangePlanner::plan(before, after, p("arn:aws:dynamodb:us-east-1:000000000000:table/Orders"));
    QCOMPARE(plan.size(), 3);
    // Billing first, with the existing GSI's throughput in the same call.
    QCOMPARE(plan[0].request.value(p("BillingMode")).toString(), p("PROVISIONED"));
    QCOMPARE(plan[0].request.value(p("GlobalSecondaryIndexUpdates")).toArray().size(), 1);
    // Then one index per call, each with its attribute definitions and waiting for ACTIVE.
    for (int i : {1, 2}) {
        QCOMPARE(plan[i].request.value(p("GlobalSecondaryIndexUpdates")).toArray().size(), 1);
        QVERIFY(plan[i].waitUntilActive);
        QVERIFY(plan[i].request.value(p("GlobalSecondaryIndexUpdates")).toArray().at(0).toObject().value(p("Create")).toObject()
                    .contains(p("ProvisionedThroughput")));
    }
    bool definesB = false;
    for (const QJsonValue &v : plan[1].request.value(p("AttributeDefinitions")).toArray())
        definesB = definesB || (v.toObject().value(p("AttributeName")) == p("b") && v.toObject().value(p("AttributeType")) == p("N"));
    QVERIFY(definesB);
}

// A capacity change of a provisioned table leaves its GSIs' own capacity
// alone: the plan once sent the table's to every GSI, which overwrote a
// capacity set elsewhere, and failed the whole call (as AWS does) for a
// GSI that already had it ("will not change").
void TestTableEditor::capacityChangeLeavesIndexCapacity()
{
    auto connection = uitest::inMemoryConnection();
    QVERIFY(connection->callSync(p("CreateTable"), QJsonDocument::fromJson(R"({"TableName":"Prov",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"a","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
        "GlobalSecondaryIndexes":[{"IndexName":"byA","KeySchema":[{"AttributeName":"a","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},
          "ProvisionedThroughput":{"ReadCapacityUnits":10,"WriteCapacityUnits":10}}]})").object()).ok());
    const auto describe = [&] { return connection->callSync(p("DescribeTable"), QJsonObject{{p("TableName"), p("Prov")}}).body.value(p("Table")).toObject(); };
    const TableDesign before = TableDesign::fromDescription(describe());
    QVERIFY(!before.onDemand);
    TableDesign after = before;
    after.readCapacity = 10;
    after.writeCapacity = 10;
    const auto plan = TableChangePlanner::plan(before, after, describe().value(p("TableArn")).toString());
    QCOMPARE(plan.size(), 1);
    QVERIFY(!plan[0].request.contains(p("GlobalSecondaryIndexUpdates")));
    const auto applied = connection->callSync(plan[0].operation, plan[0].request);
    QVERIFY2(applied.ok(), qPrintable(dd::ui::errorText(applied)));
    const QJsonObject t = describe();
    QCOMPARE(t.value(p("ProvisionedThroughput")).toObject().value(p("ReadCapacityUnits")).toInt(), 10);
    const QJsonObject gsi = t.value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject();
    QCOMPARE(gsi.value(p("ProvisionedThroughput")).toObject().value(p("ReadCapacityUnits")).toInt(), 10);
    QCOMPARE(gsi.value(p("ProvisionedThroughput")).toObject().value(p("WriteCapacityUnits")).toInt(), 10);
    // And a change to other numbers leaves the GSI's 10/10 as it was.
    TableDesign third = after;
    third.readCapacity = 7;
    const auto again = TableChangePlanner::plan(after, third, t.value(p("TableArn")).toString());
    QCOMPARE(again.size(), 1);
    QVERIFY(connection->callSync(again[0].operation, again[0].request).ok());
    QCOMPARE(describe().value(p("GlobalSecondaryIndexes")).toArray().at(0).toObject().value(p("ProvisionedThroughput")).toObject()
                 .value(p("ReadCapacityUnits")).toInt(), 10);
}

void TestTableEditor::errorsBesideTheirFields()
{
    auto connection = uitest::inMemoryConnection();
    createOrders(*connection);
    TableDesigner designer(connection.get());
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(p("Orders"));
    designer.show();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    auto *ttl = designer.findChild<QLineEdit *>(p("ttlAttribute"));
    ttl->selectAll();
    QTest::keyClicks(ttl, p("validUntil"));
    auto *billing = designer.findChild<QComboBox *>(p("billingMode"));
    billing->setCurrentIndex(1); // PROVISIONED
    // The table goes behind the designer's back: every call fails.
    QVERIFY(connection->callSync(p("DeleteTable"), QJsonObject{{p("TableName"), p("Orders")}}).ok());
    QSignalSpy applied(&designer, &TableDesigner::changesApplied);
    QTest::mouseClick(designer.findChild<QPushButton *>(p("applyChanges")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QVERIFY(applied.first().first().toInt() >= 2);
    QVERIFY(designer.isVisible()); // stays open on failure
    // The TTL field's error label and the billing field's each say why.
    auto errorNear = [&](QWidget *field) {
        for (auto *label : field->parentWidget()->findChildren<ErrorLabel *>())
            if (label->isVisible() && label->text().contains(p("Requested resource not found")))
                return true;
        return false;
    };
    QTRY_VERIFY(errorNear(ttl));
    QVERIFY(errorNear(billing));
}

namespace {

// Opens `table` in the designer's edit mode, changes its encryption at rest
// to `kind` (with `key`), applies, and checks that the call succeeded.
void applyEncryption(Connection &c, const QString &table, TableEncryption::Kind kind, const QString &key = QString())
{
    TableDesigner designer(&c);
    QSignalSpy loaded(&designer, &TableDesigner::loaded);
    designer.editTable(table);
    designer.show();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
    auto *choice = designer.findChild<QComboBox *>(p("encryption"));
    choice->setCurrentIndex(choice->findData(int(kind)));
    auto *keyField = designer.findChild<QLineEdit *>(p("kmsKey"));
    keyField->clear();
    QTest::keyClicks(keyField, key);
    const QList<TableChange> plan = designer.plannedChanges();
    QCOMPARE(plan.size(), 1);
    QCOMPARE(plan.first().request.value(p("SSESpecification")).toObject(), (TableEncryption{kind, key}.specification()));
    QVERIFY(designer.cliCommand().contains(p("--sse-specification")));
    QSignalSpy applied(&designer, &TableDesigner::changesApplied);
    QTest::mouseClick(designer.findChild<QPushButton *>(p("applyChanges")), Qt::LeftButton);
    QVERIFY(applied.wait(10000));
    QCOMPARE(applied.first().first().toInt(), 0);
}

} // namespace

void TestTableEditor::encryptionOwnedToCustomerAndBack()
{
    auto connection = uitest::inMemoryConnection();
    uitest::createTable(*connection, p("Secrets"), p("id"));
    const QString keyId = p("1234abcd-12ab-34cd-56ef-1234567890ab");

    applyEncryption(*connection, p("Secrets"), TableEncryption::Kind::CustomerManaged, keyId);
    if (QTest::currentTestFailed())
        return;
    const QJsonObject sse = describe(*connection, p("Secrets")).value(p("SSEDescription")).toObject();
    QCOMPARE(sse.value(p("Status")).toString(), p("ENABLED"));
    QCOMPARE(sse.value(p("SSEType")).toString(), p("KMS"));
    const QString arn = sse.value(p("KMSMasterKeyArn")).toString();
    QVERIFY2(arn.startsWith(p("arn:aws:kms:")) && arn.endsWith(p(":key/") + keyId), qPrintable(arn));

    // Opened again: the customer managed key with its ARN, and nothing to change.
    {
        TableDesigner designer(connection.get());
        QSignalSpy loaded(&designer, &TableDesigner::loaded);
        designer.editTable(p("Secrets"));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 5000);
        QCOMPARE(designer.findChild<QComboBox *>(p("encryption"))->currentData().toInt(), int(TableEncryption::Kind::CustomerManaged));
        auto *keyField = designer.findChild<QLineEdit *>(p("kmsKey"));
        QCOMPARE(keyField->text(), arn);
        QVERIFY(keyField->isEnabled());
        QVERIFY(designer.plannedChanges().isEmpty());
    }

    applyEncryption(*connection, p("Secrets"), TableEncryption::Kind::Owned);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(!describe(*connection, p("Secrets")).contains(p("SSEDescription")));
}

void TestTableEditor::encryptionInDetails()
{
    auto connection = uitest::inMemoryConnection();
    for (const char *name : {"Owned", "Managed", "Customer"})
        uitest::createTable(*connection, p(name), p("id"));
    applyEncryption(*connection, p("Managed"), TableEncryption::Kind::AwsManaged);
    applyEncryption(*connection, p("Customer"), TableEncryption::Kind::CustomerManaged, p("alias/orders-key"));
    if (QTest::currentTestFailed())
        return;
    const QString customerArn = describe(*connection, p("Customer")).value(p("SSEDescription")).toObject().value(p("KMSMasterKeyArn")).toString();
    QVERIFY(customerArn.contains(p(":key/")));

    ConnectionTree tree;
    tree.addConnection(connection.get());
    QTRY_VERIFY_WITH_TIMEOUT(tree.tableItem(connection.get(), p("Customer")), 5000);
    QVERIFY(tree.tableItem(connection.get(), p("Owned"))->toolTip(0).contains(p("Encryption: Owned by Amazon DynamoDB")));
    QVERIFY(tree.tableItem(connection.get(), p("Managed"))->toolTip(0).contains(p("Encryption: AWS managed key")));
    QVERIFY2(tree.tableItem(connection.get(), p("Customer"))->toolTip(0).contains(p("Encryption: Customer managed key: ") + customerArn),
             qPrintable(tree.tableItem(connection.get(), p("Customer"))->toolTip(0)));
    tree.removeConnection(connection.get());
}

QTEST_MAIN(TestTableEditor)
#include "tst_tableeditor.moc"
