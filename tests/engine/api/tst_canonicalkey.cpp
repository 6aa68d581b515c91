// backup::CanonicalKey against its definition (the key attributes through
// QJsonDocument, compact): backup files and PITR bases written before the
// fast path keyed their items by the QJsonDocument bytes, and a PITR replay
// finds a logged change's item by comparing them, so the two must agree
// byte for byte on every input, plain or not.
#include "backup/canonicalkey.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace dd;

namespace {

QJsonObject schema(const QStringList &names)
{
    QJsonArray keys;
    for (int i = 0; i < names.size(); ++i)
        keys.append(QJsonObject{{QStringLiteral("AttributeName"), names[i]}, {QStringLiteral("KeyType"), i ? QStringLiteral("RANGE") : QStringLiteral("HASH")}});
    return {{QStringLiteral("KeySchema"), keys}};
}

// The definition: what the engine wrote before the fast path.
QByteArray reference(const QStringList &names, const QByteArray &json)
{
    const QJsonObject item = QJsonDocument::fromJson(json).object();
    QJsonObject key;
    for (const QString &n : names) {
        if (!item.contains(n))
            return {};
        key.insert(n, item.value(n));
    }
    return QJsonDocument(key).toJson(QJsonDocument::Compact);
}

// The rows of matchesQJsonDocument (outside the class: moc cannot parse raw strings there).
void addCases()
{
    const QStringList pk{QStringLiteral("pk")}, pksk{QStringLiteral("pk"), QStringLiteral("sk")};
    QTest::newRow("plain") << pk << QByteArray(R"({"pk":{"S":"k00000001"},"n":{"N":"1"},"data":{"S":"xx"}})");
    QTest::newRow("keys only") << pksk << QByteArray(R"({"pk":{"S":"a"},"sk":{"N":"-1.5E+3"}})");
    QTest::newRow("sort key first") << pksk << QByteArray(R"({"sk":{"N":"2"},"x":{"L":[{"S":"]"}]},"pk":{"S":"b"}})");
    QTest::newRow("range name sorts first") << QStringList{QStringLiteral("zz"), QStringLiteral("Aa")} << QByteArray(R"({"zz":{"S":"1"},"Aa":{"S":"2"}})");
    QTest::newRow("case order") << QStringList{QStringLiteral("pk"), QStringLiteral("Pk")} << QByteArray(R"({"pk":{"S":"1"},"Pk":{"S":"2"}})");
    QTest::newRow("binary") << pk << QByteArray(R"({"pk":{"B":"AAEC/w=="}})");
    QTest::newRow("slash") << pk << QByteArray(R"({"pk":{"S":"a/b"}})");
    QTest::newRow("quote") << pk << QByteArray(R"({"pk":{"S":"a\"b"}})");
    QTest::newRow("backslash") << pk << QByteArray(R"({"pk":{"S":"a\\b"}})");
    QTest::newRow("escaped slash") << pk << QByteArray(R"({"pk":{"S":"a\/b"}})");
    QTest::newRow("control") << pk << QByteArray(R"({"pk":{"S":"a\u0001\n\tb"}})");
    QTest::newRow("del") << pk << QByteArray("{\"pk\":{\"S\":\"a\x7f" "b\"}}");
    QTest::newRow("unicode") << pk << QByteArray(R"({"pk":{"S":"\u00e9t\u00e9 日本 😀"}})");
    QTest::newRow("unicode escape") << pk << QByteArray(R"({"pk":{"S":"\ud83d\ude00"}})");
    QTest::newRow("unicode name") << QStringList{QStringLiteral("clé")} << QByteArray(R"({"clé":{"S":"v"}})");
    QTest::newRow("spaces") << pksk << QByteArray(" { \"pk\" : { \"S\" : \"a\" } ,\n \"sk\":{\"S\":\"b\"} } ");
    QTest::newRow("nested decoy") << pk << QByteArray(R"({"m":{"M":{"pk":{"S":"no"}}},"s":{"S":"\"pk\":"},"pk":{"S":"yes"}})");
    QTest::newRow("missing") << pksk << QByteArray(R"({"pk":{"S":"a"}})");
    QTest::newRow("duplicate") << pk << QByteArray(R"({"pk":{"S":"a"},"pk":{"S":"b"}})");
    QTest::newRow("null value") << pk << QByteArray(R"({"pk":{"NULL":true}})");
    QTest::newRow("empty") << pk << QByteArray("{}");
    QTest::newRow("not json") << pk << QByteArray("{\"pk\":");
    QTest::newRow("empty string") << pk << QByteArray(R"({"pk":{"S":""}})");
    QTest::newRow("numbers and literals") << pk << QByteArray(R"({"a":1.5e3,"b":true,"c":null,"pk":{"N":"0.000001"},"d":[1,{"e":"}"}]})");
}

} // namespace

class TestCanonicalKey : public QObject {
    Q_OBJECT

private slots:
    void matchesQJsonDocument_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QByteArray>("json");
        addCases();
    }
    void matchesQJsonDocument()
    {
        QFETCH(QStringList, names);
        QFETCH(QByteArray, json);
        QCOMPARE(backup::CanonicalKey(schema(names)).of(json), reference(names, json));
    }

    // Random keys of printable and other characters, through the engine's
    // own item JSON shapes.
    void randomKeys()
    {
        QRandomGenerator rng(11);
        const QStringList names{QStringLiteral("pk"), QStringLiteral("sk")};
        const backup::CanonicalKey key(schema(names));
        for (int n = 0; n < 5000; ++n) {
            QString s;
            const int len = int(rng.bounded(12));
            for (int i = 0; i < len; ++i)
                s.append(rng.bounded(5) == 0 ? QChar(char16_t(rng.bounded(0x20, 0x3000))) : QChar(char16_t(rng.bounded(0x01, 0x80))));
            const QJsonObject item{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), s}}},
                                   {QStringLiteral("sk"), QJsonObject{{QStringLiteral("N"), QString::number(rng.bounded(1000))}}},
                                   {QStringLiteral("v"), QJsonObject{{QStringLiteral("S"), s + s}}}};
            const QByteArray json = QJsonDocument(item).toJson(QJsonDocument::Compact);
            QCOMPARE(key.of(json), reference(names, json));
        }
    }
};

QTEST_APPLESS_MAIN(TestCanonicalKey)
#include "tst_canonicalkey.moc"
