// Database: writes that share a transaction (a commit scope) with and
// without savepoints: one that fails before changing anything leaves the
// others alone, one that fails after a change without a savepoint takes the
// whole scope with it (WriteFailure). On disk, under steady writes the WAL is
// copied into the database and starts over, so that it stays bounded (a
// regression: the checkpoint connection never opened the WAL, so its
// checkpoints did nothing, and a checkpoint racing the writer never let the
// WAL start over; a busy server's WAL grew by gigabytes and every commit and
// read slowed with it).
#include "model/json.h"
#include "model/keycodec.h"
#include "model/size.h"
#include "storage/database.h"
#include "storage/itemstore.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace dd;
using namespace dd::storage;

namespace {

const char *kTable = R"({"TableName":"wal","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
    "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})";

std::pair<StoredKey, StoredItem> itemOf(const QByteArray &pk, const QByteArray &extra = QByteArray())
{
    auto item = model::itemFromJson(QJsonDocument::fromJson(R"({"pk":{"S":")" + pk + R"("})" + extra + "}").object());
    StoredKey key;
    key.pk = model::encodeKeyValue(item->at(QStringLiteral("pk")));
    key.hash = model::partitionHash(key.pk);
    return {key, StoredItem{model::itemSize(*item), model::itemToJsonBytes(*item)}};
}

} // namespace

class TstDatabaseWrites : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    std::shared_ptr<const TableDef> m_table;

    // Puts item `pk`; then fails with a condition error if `fail` ("before":
    // before the put, "after": after it).
    Result<bool> put(const QByteArray &pk, WriteFailure failure, const char *fail = "")
    {
        const auto [key, stored] = itemOf(pk);
        return m_db->write<bool>([&](WriteTxn &txn) -> Result<bool> {
            DD_ASSIGN(auto old, ItemStore::get(txn.conn, *m_table, key));
            if (qstrcmp(fail, "before") == 0)
                return ApiError::conditionalCheckFailed();
            DD_CHECK(applyPut(txn, *m_table, key, "{}", old, stored));
            if (qstrcmp(fail, "after") == 0)
                return ApiError::conditionalCheckFailed();
            return true;
        }, failure);
    }

    bool has(const QByteArray &pk)
    {
        const StoredKey key = itemOf(pk).first;
        auto got = m_db->read<std::optional<StoredItem>>([&](Connection &c) { return ItemStore::get(c, *m_table, key); });
        return got.ok() && got->has_value();
    }

private slots:
    void init()
    {
        auto opened = Database::open(QString(), QStringLiteral("us-east-1"), nullptr);
        QVERIFY(opened.ok());
        m_db = std::move(opened).value();
        auto table = m_db->write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) {
            return m_db->createTable(txn, QJsonDocument::fromJson(kTable).object());
        });
        QVERIFY(table.ok());
        m_table = *table;
    }

    void scopedWritesFailingBeforeChangesLeaveTheOthers()
    {
        std::optional<ApiError> failed;
        {
            CommitScope scope;
            QVERIFY(put("a", WriteFailure::BeforeChanges).ok());
            auto b = put("b", WriteFailure::BeforeChanges, "before");
            QVERIFY(!b.ok());
            QCOMPARE(b.error().type(), QStringLiteral("ConditionalCheckFailedException"));
            QVERIFY(put("c", WriteFailure::BeforeChanges).ok());
            failed = scope.finish();
        }
        QVERIFY(!failed);
        QVERIFY(has("a"));
        QVERIFY(!has("b"));
        QVERIFY(has("c"));
        QCOMPARE(m_db->tableStats(m_table->id)->first, 2);
    }

    void scopedWriteFailingAfterAChangeTakesTheScope()
    {
        // With a savepoint the failed write is rolled back alone.
        {
            CommitScope scope;
            QVERIFY(put("a", WriteFailure::Anywhere).ok());
            QVERIFY(!put("b", WriteFailure::Anywhere, "after").ok());
            QVERIFY(!scope.finish());
        }
        QVERIFY(has("a"));
        QVERIFY(!has("b"));
        // Without one (it broke its promise), nothing of the scope is kept.
        std::optional<ApiError> failed;
        {
            CommitScope scope;
            QVERIFY(put("c", WriteFailure::BeforeChanges).ok());
            QVERIFY(!put("d", WriteFailure::BeforeChanges, "after").ok());
            QVERIFY(!put("e", WriteFailure::BeforeChanges).ok()); // the scope has failed: later writes fail too
            failed = scope.finish();
        }
        QVERIFY(failed);
        QCOMPARE(failed->type(), QStringLiteral("InternalServerError"));
        QVERIFY(has("a"));
        QVERIFY(!has("c"));
        QVERIFY(!has("d"));
        QVERIFY(!has("e"));
        QCOMPARE(m_db->tableStats(m_table->id)->first, 1);
        // The write lock is free again and the database writes as before.
        QVERIFY(put("f", WriteFailure::BeforeChanges).ok());
        QVERIFY(has("f"));
        // Outside a scope a write failing after a change is rolled back as ever.
        QVERIFY(!put("g", WriteFailure::BeforeChanges, "after").ok());
        QVERIFY(!has("g"));
    }

    void walStaysBoundedUnderSteadyWrites()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("us-east-1.db"));
        auto opened = Database::open(path, QStringLiteral("us-east-1"), nullptr);
        QVERIFY(opened.ok());
        std::unique_ptr<Database> db = std::move(opened).value();
        const QJsonObject desc = QJsonDocument::fromJson(kTable).object();
        auto table = db->write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) { return db->createTable(txn, desc); });
        QVERIFY(table.ok());

        // Each write commits on its own: at least one WAL frame (a page) each.
        constexpr int kWrites = 20000;
        const QByteArray payload(300, 'x');
        for (int i = 0; i < kWrites; ++i) {
            const QByteArray pk = "k" + QByteArray::number(i % 100);
            auto item = model::itemFromJson(QJsonDocument::fromJson(R"({"pk":{"S":")" + pk + R"("},"n":{"N":")"
                                                                     + QByteArray::number(i) + R"("},"d":{"S":")" + payload + R"("}})").object());
            QVERIFY(item.ok());
            StoredKey key;
            key.pk = model::encodeKeyValue(item->at(QStringLiteral("pk")));
            key.hash = model::partitionHash(key.pk);
            const StoredItem stored{model::itemSize(*item), model::itemToJsonBytes(*item)};
            auto written = db->write<bool>([&](WriteTxn &txn) -> Result<bool> {
                DD_ASSIGN(auto old, ItemStore::get(txn.conn, **table, key));
                DD_CHECK(applyPut(txn, **table, key, "{}", old, stored));
                return true;
            });
            QVERIFY(written.ok());
        }
        // The WAL file keeps the size of its longest run between restarts:
        // some thousands of frames (it starts over past 8,000), far fewer
        // than the frames written (more than one a write). The database
        // holds the pages.
        const qint64 walLimit = 16000LL * 4096;
        QVERIFY2(QFileInfo(path + QStringLiteral("-wal")).size() < walLimit,
                 qPrintable(QStringLiteral("WAL of %1 bytes").arg(QFileInfo(path + QStringLiteral("-wal")).size())));
        QVERIFY(QFileInfo(path).size() > 4 * 4096);
    }
};

QTEST_GUILESS_MAIN(TstDatabaseWrites)
#include "tst_databasewrites.moc"
