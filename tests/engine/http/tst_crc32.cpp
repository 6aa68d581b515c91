// Crc32 against zlib's crc32(): every length from 0 to 1100 bytes (the
// carry-less multiply path, its 16-byte blocks and the table tail), at every
// alignment within 16 bytes, over random and all-0xFF bytes.
#include "http/crc32.h"

#include <QRandomGenerator>
#include <QTest>

#include <zlib.h>

class TestCrc32 : public QObject {
    Q_OBJECT
private slots:
    void knownValues();
    void matchesZlib_data();
    void matchesZlib();
};

void TestCrc32::knownValues()
{
    QCOMPARE(dd::http::crc32({}), 0u);
    QCOMPARE(dd::http::crc32("123456789"), 0xCBF43926u); // the check value of CRC-32/ISO-HDLC
    const QByteArray item = QByteArrayLiteral(R"({"Item":{"pk":{"S":"k00000001"},"payload":{"S":"xxxx"}}})");
    QCOMPARE(dd::http::crc32(item), uint32_t(crc32(0, reinterpret_cast<const Bytef *>(item.constData()), uInt(item.size()))));
}

void TestCrc32::matchesZlib_data()
{
    QTest::addColumn<bool>("ones");
    QTest::newRow("random") << false;
    QTest::newRow("0xFF") << true;
}

void TestCrc32::matchesZlib()
{
    QFETCH(bool, ones);
    QByteArray buffer(1100 + 16, '\xff');
    if (!ones) {
        QRandomGenerator random(42);
        for (char &c : buffer)
            c = char(random.bounded(256));
    }
    for (int offset = 0; offset < 16; ++offset) {
        for (int length = 0; length + offset <= 1100; ++length) {
            const QByteArrayView data(buffer.constData() + offset, length);
            const uint32_t expected = uint32_t(crc32(0, reinterpret_cast<const Bytef *>(data.data()), uInt(length)));
            if (dd::http::crc32(data) != expected)
                QFAIL(qPrintable(QStringLiteral("offset %1, length %2").arg(offset).arg(length)));
        }
    }
}

QTEST_APPLESS_MAIN(TestCrc32)
#include "tst_crc32.moc"
