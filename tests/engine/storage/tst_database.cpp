// Database on disk: under steady writes the WAL is copied into the database
// and starts over, so that it stays bounded (a regression: the checkpoint
// connection never opened the WAL, so its checkpoints did nothing, and a
// checkpoint racing the writer never let the WAL start over; the WAL of a
// busy server grew by gigabytes and every commit and read slowed with it).
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

class TstDatabase : public QObject {
    Q_OBJECT

private slots:
    void walStaysBoundedUnderSteadyWrites()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("us-east-1.db"));
        auto opened = Database::open(path, QStringLiteral("us-east-1"), nullptr);
        QVERIFY(opened.ok());
        std::unique_ptr<Database> db = std::move(opened).value();
        const QJsonObject desc = QJsonDocument::fromJson(R"({"TableName":"wal","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
            "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})").object();
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
        // a few thousand frames (checkpoints start at 2,000), far fewer than
        // the frames written (more than one a write). The database holds the pages.
        const qint64 walLimit = 10000LL * 4096;
        QVERIFY2(QFileInfo(path + QStringLiteral("-wal")).size() < walLimit,
                 qPrintable(QStringLiteral("WAL of %1 bytes").arg(QFileInfo(path + QStringLiteral("-wal")).size())));
        QVERIFY(QFileInfo(path).size() > 4 * 4096);
    }
};

QTEST_GUILESS_MAIN(TstDatabase)
#include "tst_database.moc"
