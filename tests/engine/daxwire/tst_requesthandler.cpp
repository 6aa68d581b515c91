// RequestHandler with an in-memory engine, no sockets: the JS client's
// requests (captured or built as it builds them) are answered, and
// thousands of mangled copies of them (bytes flipped, cut, repeated) never
// crash it and are always answered with well-formed CBOR: a result after
// an empty array, or an error's three items. The fuzzer's harness
// (tests/fuzz/daxwire_harness.h) serves them, and its corpus
// (tests/fuzz/corpus/daxwire, seeded from these requests:
// DD_WRITE_DAX_SEEDS=1 daxwire_tst_requesthandler writeSeeds) is replayed.
#include "../../fuzz/daxwire_harness.h"
#include "cborbuilders.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

using namespace dd;
using dd::daxwire::CborValue;
using dd::daxwire::CborWriter;

using namespace dd::test::cbor;

namespace {

QString q(const char *s) { return QString::fromUtf8(s); }

QByteArray path(const char *name) { return arr({i(18), t(name)}); }
QByteArray kwargs(std::initializer_list<std::pair<int, QByteArray>> entries)
{
    QByteArray o = hex("bf");
    for (const auto &[k, v] : entries)
        o += i(k) + v;
    return o + hex("ff");
}

QDir corpus() { return QDir(QFileInfo(QStringLiteral(__FILE__)).dir().filePath(QStringLiteral("../../fuzz/corpus/daxwire"))); }

} // namespace

class TestRequestHandler : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void answersTheClientsRequests();
    void mangledRequestsAreAnsweredWellFormed();
    void corpusInputsKeepTheRules();
    void writeSeeds();

private:
    QByteArray answer(const QByteArray &request, qint64 *method = nullptr);
    std::vector<QByteArray> requests() const;

    fuzz::DaxWireHarness m_harness;
    qint64 m_listId = 0; // [v]
};

void TestRequestHandler::initTestCase()
{
    const QString error = m_harness.open();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_listId = m_harness.lists().idFor({q("v")});
}

QByteArray TestRequestHandler::answer(const QByteArray &request, qint64 *method)
{
    qsizetype pos = 0;
    return m_harness.answer(request, &pos, method);
}

std::vector<QByteArray> TestRequestHandler::requests() const
{
    QByteArray value;
    CborWriter(&value).uint(quint64(m_listId));
    value += t("x");
    const QByteArray music = t("Music").replace(0, 1, QByteArray(1, char(0x45))); // the table as bytes
    const QByteArray key = b(hex("6141") + "S1");
    const QByteArray condition = b(arr({i(1), arr({i(7), arr({i(12), path("v")}), arr({i(0), path("v"), var(0)})}), arr({t("x")})}));
    const QByteArray update = b(arr({i(1), arr({arr({i(19), path("v"), arr({i(23), path("v"), var(0)})}), arr({i(22), path("w")})}),
                                     arr({t("y")})}));
    const QByteArray keyCondition = b(arr({i(1), arr({i(6), arr({i(0), path("Artist"), var(0)}), arr({i(14), path("SongTitle"), var(1)})}),
                                           arr({t("A"), t("S")})}));
    const QByteArray projection = b(arr({i(1), arr({path("v"), arr({i(18), t("l"), hex("d90cfc01")})})}));
    return {
        hex("011a0fb0cc6a") + music + key + kwargs({}),                                                           // getItem
        hex("011a0fb0cc6a") + music + key + kwargs({{0, projection}, {2, hex("f5")}}),                             // getItem, projected
        hex("013a7d8e7e56") + music + key + b(value) + kwargs({{4, condition}, {7, i(2)}}),                       // putItem
        hex("011a54f89c0f") + music + key + kwargs({{8, update}, {7, i(5)}}),                                      // updateItem
        hex("011a3c696221") + music + b(hex("6142") + "T0") + kwargs({{7, i(2)}}),                                 // deleteItem
        hex("013a3781c2ae") + music + keyCondition + kwargs({{13, i(1)}, {14, i(0)}, {10, condition}}),            // query
        hex("013a6fc8309b") + music + kwargs({{13, i(2)}, {0, projection}, {16, i(0)}, {17, i(2)}}),               // scan
        hex("013a6fc8309b") + t("Nums").replace(0, 1, QByteArray(1, char(0x44))) + kwargs({{9, b(hex("616b") + hex("c1b20000"))}}),
        hex("013a29985cdb") + hex("a1") + t("Music") + arr({hex("f4"), hex("f6"), arr({key, b(hex("6142") + "T0")})}) + kwargs({{3, i(0)}}),
        hex("011a06ed585f") + hex("a1") + t("Music") + arr({key, b(value), b(hex("6142") + "T0"), hex("f6")}) + kwargs({}),
        hex("011a6f3d49db") + arr({music, music}) + arr({key, b(hex("6142") + "T0")}) + arr({hex("f6"), projection}) + kwargs({}),
        hex("013a4524c569") + arr({i(2), i(9), i(12)}) + arr({music, music, music}) + arr({key, b(hex("6142") + "T1"), b(hex("6142") + "T2")}) +
            arr({b(value), hex("f6"), hex("f6")}) + hex("f6") + arr({i(1), i(1), i(2)}) + arr({hex("f6"), hex("f6"), condition}) +
            arr({hex("f6"), update, hex("f6")}) + kwargs({{19, t("token-1")}}),                                   // transactWriteItems
        hex("013a2c43e27e") + music,                                                                               // defineKeySchema
        hex("013a495927bb") + arr({t("a"), t("b")}),                                                               // defineAttributeListId
        hex("011a27f9bd71") + i(m_listId),                                                                         // defineAttributeList
    };
}

void TestRequestHandler::answersTheClientsRequests()
{
    for (const QByteArray &request : requests()) {
        qint64 method = 0;
        const QByteArray out = answer(request, &method);
        QString why;
        QVERIFY2(fuzz::wellFormedDaxAnswer(out, fuzz::daxResultItems(method), &why), qPrintable(why));
        QVERIFY2(out.startsWith(char(0x80)), qPrintable(QString::fromLatin1(out.toHex()))); // every one succeeds
    }
}

void TestRequestHandler::mangledRequestsAreAnsweredWellFormed()
{
    QRandomGenerator rng(1127);
    const std::vector<QByteArray> base = requests();
    int answered = 0;
    for (int round = 0; round < 4000; ++round) {
        QByteArray r = base[rng.bounded(int(base.size()))];
        const int edits = rng.bounded(1, 4);
        for (int e = 0; e < edits; ++e) {
            const qsizetype at = 6 + rng.bounded(int(r.size() - 6)); // past service and method
            switch (rng.bounded(4)) {
            case 0: r[at] = char(rng.bounded(256)); break;
            case 1: r[at] = char(r[at] ^ (1 << rng.bounded(8))); break;
            case 2: r.insert(at, r.mid(at, rng.bounded(1, 8))); break;
            default: r.remove(at, rng.bounded(1, 4)); break;
            }
        }
        qint64 method = 0;
        const QByteArray out = answer(r, &method);
        if (out.isEmpty())
            continue;
        ++answered;
        QString why;
        QVERIFY2(fuzz::wellFormedDaxAnswer(out, fuzz::daxResultItems(method), &why), qPrintable(QString::fromLatin1(r.toHex()) + QStringLiteral(" -> ") + why));
    }
    QVERIFY(answered > 1000);
}

void TestRequestHandler::corpusInputsKeepTheRules()
{
    const QStringList files = corpus().entryList(QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 10, qPrintable(corpus().path()));
    for (const QString &name : files) {
        QFile f(corpus().filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString broken = m_harness.runInput(f.readAll());
        QVERIFY2(broken.isEmpty(), qPrintable(name + QStringLiteral(": ") + broken));
    }
}

void TestRequestHandler::writeSeeds()
{
    if (!qEnvironmentVariableIsSet("DD_WRITE_DAX_SEEDS"))
        QSKIP("writes the fuzzer's seeds into the source tree only when DD_WRITE_DAX_SEEDS is set");
    QDir().mkpath(corpus().path());
    int n = 0;
    for (const QByteArray &request : requests()) {
        QFile f(corpus().filePath(QStringLiteral("seed-%1").arg(++n, 2, 10, QLatin1Char('0'))));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(request);
    }
    // One stream of every request after another, as a connection sends them.
    QFile all(corpus().filePath(QStringLiteral("seed-stream")));
    QVERIFY(all.open(QIODevice::WriteOnly));
    for (const QByteArray &request : requests())
        all.write(request);
}

QTEST_APPLESS_MAIN(TestRequestHandler)
#include "tst_requesthandler.moc"
