// Compacting an embedded connection's data folder (connections/compaction.h,
// the desktop app's "Compact data folder…"): the space of a deleted table
// goes back to the file system, the folder is open again afterwards with its
// tables, and a cancel, before or during a file, leaves the files as they
// were and still opens the folder.
#include "uitest.h"

#include "api/engine.h"
#include "connections/compaction.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

#include <atomic>

using namespace dd;
using namespace dd::ui;

namespace {

QJsonObject call(api::Engine &engine, const char *op, const QByteArray &request)
{
    auto r = engine.call(api::RequestContext(), QString::fromLatin1(op), QByteArrayView(request));
    if (!r.ok()) {
        qWarning() << op << r.error().message();
        return {};
    }
    return QJsonDocument::fromJson(*r).object();
}

QByteArray table(const QByteArray &name)
{
    return R"({"TableName":")" + name + R"(","BillingMode":"PAY_PER_REQUEST",
        "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
        "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}]})";
}

// A data folder whose us-east-1.db holds a table "kept" of 10 items and
// one "big" of 2,000 items of 2 KB, deleted unless keepBig: its pages stay
// in the file.
void fill(const QString &dir, bool keepBig = false)
{
    api::EngineOptions o;
    o.dataDir = dir;
    o.ttlSweepIntervalMs = o.changeLogPruneIntervalMs = o.pitrMaintenanceIntervalMs = 0;
    auto engine = api::Engine::open(o);
    QVERIFY(engine.ok());
    api::Engine &e = **engine;
    call(e, "CreateTable", table("kept"));
    call(e, "CreateTable", table("big"));
    const QByteArray payload(2000, 'x');
    for (int i = 0; i < 10; ++i)
        call(e, "PutItem", R"({"TableName":"kept","Item":{"pk":{"S":")" + QByteArray::number(i) + R"("}}})");
    for (int batch = 0; batch < 80; ++batch) {
        QByteArray writes;
        for (int i = 0; i < 25; ++i)
            writes += (i ? "," : "") + QByteArray(R"({"PutRequest":{"Item":{"pk":{"S":")") + QByteArray::number(batch * 25 + i)
                      + R"("},"data":{"S":")" + payload + R"("}}}})";
        call(e, "BatchWriteItem", R"({"RequestItems":{"big":[)" + writes + "]}}");
    }
    if (!keepBig)
        call(e, "DeleteTable", R"({"TableName":"big"})");
}

QStringList tables(api::Engine &engine)
{
    QStringList names;
    for (const QJsonValue &v : call(engine, "ListTables", "{}").value(QStringLiteral("TableNames")).toArray())
        names << v.toString();
    return names;
}

// The items a Scan finds, page after page.
int count(api::Engine &engine, const QByteArray &table)
{
    int total = 0;
    QByteArray start;
    for (;;) {
        const QJsonObject page = call(engine, "Scan", R"({"TableName":")" + table + R"(","Select":"COUNT")"
                                                          + (start.isEmpty() ? QByteArray() : ",\"ExclusiveStartKey\":" + start) + "}");
        total += page.value(QStringLiteral("Count")).toInt();
        if (!page.contains(QStringLiteral("LastEvaluatedKey")))
            return total;
        start = QJsonDocument(page.value(QStringLiteral("LastEvaluatedKey")).toObject()).toJson(QJsonDocument::Compact);
    }
}

} // namespace

class TestCompaction : public QObject {
    Q_OBJECT

private slots:
    void compactsAndOpensTheFolderAgain()
    {
        QTemporaryDir dir;
        fill(dir.path());
        const qint64 before = uitest::folderBytes(dir.path());
        QVERIFY2(before > 4'000'000, qPrintable(QString::number(before)));
        auto cancel = std::make_shared<std::atomic<bool>>(false);
        QFuture<CompactionOutcome> future = QtConcurrent::run(runCompaction, dir.path(), std::shared_ptr<const std::atomic<bool>>(cancel), QByteArray());
        future.waitForFinished();
        const CompactionOutcome out = future.result();
        QVERIFY2(out.engine, qPrintable(out.error));
        QVERIFY(!out.canceled);
        QCOMPARE(out.files.size(), 1);
        QVERIFY2(out.files.first().startsWith(QStringLiteral("us-east-1.db: ")), qPrintable(out.files.first()));
        QVERIFY2(out.bytesAfter * 4 < out.bytesBefore, qPrintable(QStringLiteral("%1 -> %2").arg(out.bytesBefore).arg(out.bytesAfter)));
        QCOMPARE(future.progressText(), QStringLiteral("Compacting us-east-1.db (1 of 1)…"));
        // Open again, with its table and items.
        QCOMPARE(tables(*out.engine), QStringList{QStringLiteral("kept")});
        QCOMPARE(count(*out.engine, "kept"), 10);
        QVERIFY(uitest::folderBytes(dir.path()) * 4 < before);
    }

    // Cancelled before it starts: no file is touched; the folder opens.
    void cancelBeforeLeavesTheFiles()
    {
        QTemporaryDir dir;
        fill(dir.path());
        const qint64 before = uitest::folderBytes(dir.path());
        auto cancel = std::make_shared<std::atomic<bool>>(true);
        QFuture<CompactionOutcome> future = QtConcurrent::run(runCompaction, dir.path(), std::shared_ptr<const std::atomic<bool>>(cancel), QByteArray());
        future.waitForFinished();
        const CompactionOutcome out = future.result();
        QVERIFY2(out.engine, qPrintable(out.error));
        QVERIFY(out.canceled);
        QVERIFY(out.files.isEmpty());
        QCOMPARE(tables(*out.engine), QStringList{QStringLiteral("kept")});
        QVERIFY2(uitest::folderBytes(dir.path()) * 10 > before * 9, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(uitest::folderBytes(dir.path()))));
    }

    // Cancelled while SQLite rewrites the file (a large live table, so that
    // the rewrite takes many steps): the VACUUM is interrupted and rolled
    // back, the file keeps its size, and the data is all there.
    void cancelDuringAFileInterruptsIt()
    {
        QTemporaryDir dir;
        fill(dir.path(), true);
        const qint64 before = uitest::folderBytes(dir.path());
        std::atomic<bool> cancel{false};
        QString error;
        api::EngineOptions o;
        o.dataDir = dir.path();
        o.ttlSweepIntervalMs = o.changeLogPruneIntervalMs = o.pitrMaintenanceIntervalMs = 0;
        o.compactBeforeOpening = true;
        o.compacting = [&](const QString &, int, int) { cancel = true; }; // as soon as the file's compaction starts
        o.compactionCancelled = [&] { return cancel.load(); };
        o.compacted = [&](const QString &, qint64, qint64, const QString &e) { error = e; };
        auto engine = api::Engine::open(o);
        QVERIFY(engine.ok());
        QVERIFY2(error.contains(QStringLiteral("interrupt")), qPrintable(error));
        QCOMPARE(tables(**engine), (QStringList{QStringLiteral("big"), QStringLiteral("kept")}));
        QCOMPARE(count(**engine, "kept"), 10);
        QCOMPARE(count(**engine, "big"), 2000);
        QVERIFY2(uitest::folderBytes(dir.path()) * 10 > before * 9, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(uitest::folderBytes(dir.path()))));
    }
};

QTEST_MAIN(TestCompaction)
#include "tst_compaction.moc"
