// The timeline's axis ticks from seconds to years: at least the minimum
// spacing apart, inside the range, in order, aligned to local time (whole
// seconds, minute and hour multiples, midnights, month starts), labelled
// in the form that fits the step, with the date under the first tick of a
// sub-day axis.
#include "backups/timeaxis.h"

#include <QDateTime>
#include <QTest>

using namespace dd::ui;

class TestTimeAxis : public QObject {
    Q_OBJECT
private slots:
    void ticks_data()
    {
        QTest::addColumn<double>("spanMs");
        QTest::addColumn<QString>("labelPattern"); // a regular expression every label matches
        QTest::newRow("10 seconds") << 10e3 << QStringLiteral("^\\d\\d:\\d\\d:\\d\\d$");
        QTest::newRow("an hour") << 3600e3 << QStringLiteral("^\\d\\d:\\d\\d$");
        QTest::newRow("three days") << 3 * 86400e3 << QStringLiteral("^\\d\\d:\\d\\d$");
        QTest::newRow("two months") << 61 * 86400e3 << QStringLiteral("^\\d{1,2} \\S+$");
        QTest::newRow("two years") << 730 * 86400e3 << QStringLiteral("^(\\S+ )?\\d{4}$");
    }
    void ticks()
    {
        QFETCH(double, spanMs);
        QFETCH(QString, labelPattern);
        const double start = double(QDateTime(QDate(2026, 3, 14), QTime(9, 26, 53, 589)).toMSecsSinceEpoch());
        const int width = 1000, spacing = 90;
        const QList<AxisTick> ticks = axisTicks(start, start + spanMs, width, spacing);
        QVERIFY2(ticks.size() >= 2, qPrintable(QString::number(ticks.size())));
        QVERIFY(ticks.size() <= width / spacing + 1);
        const QRegularExpression re(labelPattern);
        for (int i = 0; i < ticks.size(); ++i) {
            const AxisTick &t = ticks[i];
            QVERIFY(t.ms >= start && t.ms < start + spanMs);
            QVERIFY2(re.match(t.label).hasMatch(), qPrintable(t.label));
            QCOMPARE(qint64(t.ms) % 1000, 0);
            if (i > 0)
                QVERIFY((t.ms - ticks[i - 1].ms) / spanMs * width >= spacing);
        }
        const QDateTime first = QDateTime::fromMSecsSinceEpoch(qint64(ticks.first().ms));
        if (spanMs >= 60 * 86400e3)
            QCOMPARE(first.time(), QTime(0, 0));
        if (spanMs < 86400e3)
            QVERIFY(!ticks.first().date.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
