// Item sizes by DynamoDB's rules and the capacity units they cost.
#include "model/json.h"
#include "model/size.h"

#include <QJsonDocument>
#include <QTest>

using namespace dd::model;

namespace {

Item item(const char *json)
{
    const auto r = itemFromJson(QJsonDocument::fromJson(json).object());
    if (!r)
        qFatal("bad test item %s", json);
    return r.value();
}

} // namespace

class TestSize : public QObject {
    Q_OBJECT
private slots:
    void itemSize_data();
    void itemSize();
    void readUnits_data();
    void readUnits();
    void writeUnits_data();
    void writeUnits();
};

void TestSize::itemSize_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<qint64>("size");
    QTest::newRow("empty") << QByteArray("{}") << qint64(0);
    QTest::newRow("string") << QByteArray(R"({"id":{"S":"abc"}})") << qint64(2 + 3);
    QTest::newRow("empty string") << QByteArray(R"({"id":{"S":""}})") << qint64(2);
    QTest::newRow("utf-8 name and value") << QByteArray("{\"\xC3\xA9\":{\"S\":\"\xE2\x82\xAC\xF0\x9F\x98\x80\"}}") << qint64(2 + 3 + 4);
    QTest::newRow("number") << QByteArray(R"({"n":{"N":"12345"}})") << qint64(1 + 4);
    QTest::newRow("zero") << QByteArray(R"({"n":{"N":"0"}})") << qint64(1 + 1);
    QTest::newRow("negative") << QByteArray(R"({"n":{"N":"-1"}})") << qint64(1 + 3);
    QTest::newRow("binary") << QByteArray(R"({"b":{"B":"AAECAw=="}})") << qint64(1 + 4);
    QTest::newRow("bool") << QByteArray(R"({"flag":{"BOOL":true}})") << qint64(4 + 1);
    QTest::newRow("null") << QByteArray(R"({"x":{"NULL":true}})") << qint64(1 + 1);
    QTest::newRow("string set") << QByteArray(R"({"ss":{"SS":["a","bc"]}})") << qint64(2 + 3);
    QTest::newRow("number set") << QByteArray(R"({"ns":{"NS":["1","12345"]}})") << qint64(2 + 2 + 4);
    QTest::newRow("binary set") << QByteArray(R"({"bs":{"BS":["AA==","AAE="]}})") << qint64(2 + 1 + 2);
    // Lists: 3 + per element (1 + value).
    QTest::newRow("empty list") << QByteArray(R"({"l":{"L":[]}})") << qint64(1 + 3);
    QTest::newRow("list") << QByteArray(R"({"l":{"L":[{"S":"ab"},{"N":"1"}]}})") << qint64(1 + 3 + (1 + 2) + (1 + 2));
    // Maps: 3 + per member (1 + name + value).
    QTest::newRow("empty map") << QByteArray(R"({"m":{"M":{}}})") << qint64(1 + 3);
    QTest::newRow("map") << QByteArray(R"({"m":{"M":{"k":{"S":"v"},"kk":{"BOOL":false}}}})") << qint64(1 + 3 + (1 + 1 + 1) + (1 + 2 + 1));
    QTest::newRow("nested") << QByteArray(R"({"m":{"M":{"l":{"L":[{"M":{}}]}}}})") << qint64(1 + 3 + (1 + 1 + (3 + (1 + 3))));
    QTest::newRow("several") << QByteArray(R"({"id":{"S":"abc"},"n":{"N":"12345"},"flag":{"BOOL":true}})") << qint64(5 + 5 + 5);
}

void TestSize::itemSize()
{
    QFETCH(QByteArray, json);
    QFETCH(qint64, size);
    QCOMPARE(dd::model::itemSize(item(json.constData())), size);
}

void TestSize::readUnits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<bool>("consistent");
    QTest::addColumn<double>("units");
    QTest::newRow("0 strong") << qint64(0) << true << 1.0;
    QTest::newRow("0 eventual") << qint64(0) << false << 0.5;
    QTest::newRow("1 strong") << qint64(1) << true << 1.0;
    QTest::newRow("4096 strong") << qint64(4096) << true << 1.0;
    QTest::newRow("4097 strong") << qint64(4097) << true << 2.0;
    QTest::newRow("4097 eventual") << qint64(4097) << false << 1.0;
    QTest::newRow("8193 eventual") << qint64(8193) << false << 1.5;
    QTest::newRow("400KB strong") << qint64(400 * 1024) << true << 100.0;
    QTest::newRow("400KB eventual") << qint64(400 * 1024) << false << 50.0;
}

void TestSize::readUnits()
{
    QFETCH(qint64, bytes);
    QFETCH(bool, consistent);
    QFETCH(double, units);
    QCOMPARE(readCapacityUnits(bytes, consistent), units);
}

void TestSize::writeUnits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<double>("units");
    QTest::newRow("0") << qint64(0) << 1.0;
    QTest::newRow("1") << qint64(1) << 1.0;
    QTest::newRow("1024") << qint64(1024) << 1.0;
    QTest::newRow("1025") << qint64(1025) << 2.0;
    QTest::newRow("3000") << qint64(3000) << 3.0;
    QTest::newRow("400KB") << qint64(400 * 1024) << 400.0;
}

void TestSize::writeUnits()
{
    QFETCH(qint64, bytes);
    QFETCH(double, units);
    QCOMPARE(writeCapacityUnits(bytes), units);
}

QTEST_APPLESS_MAIN(TestSize)
#include "tst_size.moc"
