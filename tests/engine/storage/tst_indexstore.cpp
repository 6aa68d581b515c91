// IndexStore: entries follow applyPut/applyDelete (insert, move, in-place
// rewrite, removal, sparse items, projections), index statistics, the
// item-collection size and its limit, and the background backfill of an
// index added to a table with items.
#include "model/json.h"
#include "model/keycodec.h"
#include "model/size.h"
#include "storage/database.h"
#include "storage/indexstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace dd;
using namespace dd::storage;

namespace {

QJsonObject json(const char *text) { return QJsonDocument::fromJson(QByteArray(text)).object(); }

const char *kTable = R"({"TableName":"t","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}], "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}, {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}], "GlobalSecondaryIndexes":[{"IndexName":"byg","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}], "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["a"]},"IndexStatus":"ACTIVE"}], "LocalSecondaryIndexes":[{"IndexName":"byl","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"l","KeyType":"RANGE"}], "Projection":{"ProjectionType":"ALL"}}]})";

} // namespace

class TstIndexStore : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<Database> m_db;
    std::shared_ptr<const TableDef> m_table;

    StoredKey keyOf(const char *pk, const char *sk)
    {
        StoredKey k;
        k.pk = model::encodeKeyValue(model::AttributeValue::string(QString::fromLatin1(pk)));
        k.hash = model::partitionHash(k.pk);
        k.sk = model::encodeKeyValue(model::AttributeValue::string(QString::fromLatin1(sk)));
        return k;
    }

    StoredItem stored(const char *itemJson)
    {
        auto item = model::itemFromJson(QJsonDocument::fromJson(QByteArray(itemJson)).object());
        return {model::itemSize(*item), model::itemToJsonBytes(*item)};
    }

    Result<bool> put(const char *pk, const char *sk, const char *itemJson, WriteEffects *fx = nullptr,
                     WriteFailure failure = WriteFailure::Anywhere)
    {
        return m_db->write<bool>([&](WriteTxn &txn) -> Result<bool> {
            const StoredKey key = keyOf(pk, sk);
            DD_ASSIGN(auto old, ItemStore::get(txn.conn, *m_table, key));
            DD_CHECK(applyPut(txn, *m_table, key, "{}", old, stored(itemJson), fx));
            return true;
        }, failure);
    }

    Result<bool> remove(const char *pk, const char *sk)
    {
        return m_db->write<bool>([&](WriteTxn &txn) -> Result<bool> {
            const StoredKey key = keyOf(pk, sk);
            DD_ASSIGN(auto old, ItemStore::get(txn.conn, *m_table, key));
            if (old)
                DD_CHECK(applyDelete(txn, *m_table, key, "{}", *old));
            return true;
        });
    }

    // Every entry of `index`: its projected item JSON, in index order.
    QList<QByteArray> entries(const IndexDef &index)
    {
        auto r = m_db->read<QList<QByteArray>>([&](Connection &c) -> Result<QList<QByteArray>> {
            DD_ASSIGN(IndexScan scan, IndexScan::hashRange(c, *m_table, index, 0, 0xFFFFFFFFLL, std::nullopt));
            QList<QByteArray> out;
            IndexRow row;
            for (;;) {
                DD_ASSIGN(const bool more, scan.next(row));
                if (!more)
                    return out;
                out << row.item.json;
            }
        });
        return r.ok() ? *r : QList<QByteArray>{"error"};
    }

private slots:
    void init()
    {
        auto db = Database::open(QString(), QStringLiteral("us-east-1"), nullptr);
        QVERIFY(db.ok());
        m_db = std::move(db).value();
        auto t = m_db->write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) { return m_db->createTable(txn, json(kTable)); });
        QVERIFY(t.ok());
        m_table = *t;
        QCOMPARE(m_table->indexes.size(), size_t(2));
        QVERIFY(m_table->indexes[0].id > 0 && m_table->indexes[1].id > m_table->indexes[0].id);
        QVERIFY(m_table->hasLocalIndexes);
    }

    void followsWrites()
    {
        const IndexDef &gsi = m_table->indexes[0], &lsi = m_table->indexes[1];
        QVERIFY(put("p", "1", R"({"pk":{"S":"p"},"sk":{"S":"1"},"g":{"S":"x"},"a":{"S":"A"},"b":{"S":"B"}})").ok());
        QVERIFY(put("p", "2", R"({"pk":{"S":"p"},"sk":{"S":"2"},"b":{"S":"B"},"l":{"N":"5"}})").ok()); // not in byg
        QCOMPARE(entries(gsi), QList<QByteArray>{R"({"a":{"S":"A"},"g":{"S":"x"},"pk":{"S":"p"},"sk":{"S":"1"}})"});
        QCOMPARE(entries(lsi).size(), 1);
        QCOMPARE(m_db->indexStats(gsi.id)->first, 1);

        // Move in byg (delete + insert), in-place rewrite in byl.
        WriteEffects fx;
        QVERIFY(put("p", "1", R"({"pk":{"S":"p"},"sk":{"S":"1"},"g":{"S":"y"},"a":{"S":"A2"},"l":{"N":"1"}})", &fx).ok());
        QCOMPARE(entries(gsi), QList<QByteArray>{R"({"a":{"S":"A2"},"g":{"S":"y"},"pk":{"S":"p"},"sk":{"S":"1"}})"});
        QCOMPARE(entries(lsi).size(), 2);
        QCOMPARE(fx.indexes.size(), size_t(2));
        QVERIFY(!fx.indexes[0].inPlace && fx.indexes[0].oldSize > 0 && fx.indexes[0].newSize > 0);
        QVERIFY(fx.indexes[1].oldSize < 0 && fx.indexes[1].newSize > 0);
        QVERIFY(fx.itemCollectionBytes && *fx.itemCollectionBytes > 0);

        // A change to an attribute byg does not project touches only byl.
        fx = WriteEffects();
        QVERIFY(put("p", "1", R"({"pk":{"S":"p"},"sk":{"S":"1"},"g":{"S":"y"},"a":{"S":"A2"},"l":{"N":"1"},"z":{"S":"new"}})", &fx).ok());
        QCOMPARE(fx.indexes.size(), size_t(1));
        QCOMPARE(fx.indexes[0].index->name, QStringLiteral("byl"));
        QVERIFY(fx.indexes[0].inPlace);

        QVERIFY(remove("p", "1").ok());
        QVERIFY(remove("p", "2").ok());
        QVERIFY(entries(gsi).isEmpty());
        QVERIFY(entries(lsi).isEmpty());
        QCOMPARE(*m_db->indexStats(gsi.id), (std::pair<qint64, qint64>{0, 0}));
        QCOMPARE(*m_db->indexStats(lsi.id), (std::pair<qint64, qint64>{0, 0}));
    }

    // Entries are built from the stored item's members (storedjson.h); they
    // must be what entryFor() builds from the decoded item, byte for byte,
    // through a sequence of versions of one item that move, keep or drop its
    // entries: escapes, non-ASCII names and values, numbers, binaries, nested
    // values, keys that cannot be index keys, and a stored item outside the
    // engine's own form (decoded in full instead).
    void entriesMatchDecodedItems()
    {
        const QByteArray longKey(2049, 'k'); // over the 2048-byte partition key limit
        const QList<QByteArray> versions = {
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"a\":{\"S\":\"A\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"a\":{\"S\":\"A\"},\"b\":{\"S\":\"other\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\\\"y\\\\z\\n\"},"
            "\"a\":{\"M\":{\"q\":{\"L\":[{\"N\":\"1.50\"},{\"B\":\"AAE=\"},{\"NULL\":true}]}}}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"\xc3\xbf\xe6\x97\xa5\"},\"a\":{\"SS\":[\"b\",\"a\"]},"
            "\"z\xc3\xa9\":{\"S\":\"\xc3\xa9\"},\"l\":{\"N\":\"-12.5e3\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"\"},\"a\":{\"S\":\"A\"},\"l\":{\"N\":\"7\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"N\":\"5\"},\"a\":{\"NS\":[\"1\",\"2\"]},\"l\":{\"S\":\"no\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"" + longKey + "\"},\"l\":{\"N\":\"8\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"a\\\"q\":{\"S\":\"escaped name\"},"
            "\"a\":{\"BS\":[\"AQ==\",\"Ag==\"]},\"l\":{\"N\":\"8\"}}",
            "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"y\"},\"a\":{\"BOOL\":false},\"l\":{\"N\":\"9\"}}",
        };
        const auto check = [&](const StoredItem &item) {
            auto decoded = model::itemFromStoredJson(item.json);
            QVERIFY(decoded);
            for (const IndexDef &index : m_table->indexes) {
                const std::optional<IndexRow> expected = IndexStore::entryFor(*m_table, index, *decoded, item);
                QCOMPARE(entries(index), expected ? QList<QByteArray>{expected->item.json} : QList<QByteArray>{});
                QCOMPARE(m_db->indexStats(index.id)->first, expected ? 1 : 0);
                QCOMPARE(m_db->indexStats(index.id)->second, expected ? expected->item.size : 0);
            }
        };
        for (const QByteArray &v : versions) {
            QVERIFY2(put("p", "1", v.constData()).ok(), v.constData());
            check(stored(v.constData()));
            if (QTest::currentTestFailed())
                return;
        }
        // Outside the stored form (spaces): the items are decoded in full.
        const StoredItem spaced{0, "{ \"a\" : {\"S\":\"A\"}, \"g\" : {\"S\":\"z\"}, \"pk\" : {\"S\":\"p\"}, \"sk\" : {\"S\":\"1\"} }"};
        auto written = m_db->write<bool>([&](WriteTxn &txn) -> Result<bool> {
            const StoredKey key = keyOf("p", "1");
            DD_ASSIGN(auto old, ItemStore::get(txn.conn, *m_table, key));
            StoredItem item = spaced;
            item.size = model::itemSize(*model::itemFromStoredJson(item.json));
            DD_CHECK(applyPut(txn, *m_table, key, "{}", old, item));
            return true;
        });
        QVERIFY(written.ok());
        check(StoredItem{model::itemSize(*model::itemFromStoredJson(spaced.json)), spaced.json});
        QVERIFY(remove("p", "1").ok());
        for (const IndexDef &index : m_table->indexes)
            QVERIFY(entries(index).isEmpty());
    }

    void itemCollectionLimit()
    {
        WriteEffects fx;
        fx.itemCollectionLimit = 150;
        QVERIFY(put("p", "1", R"({"pk":{"S":"p"},"sk":{"S":"1"},"l":{"N":"1"},"d":{"S":"0123456789012345678901234567890123456789"}})", &fx).ok());
        const qint64 first = *fx.itemCollectionBytes;
        QVERIFY(first > 80 && first < 150);
        fx = WriteEffects();
        fx.itemCollectionLimit = 150;
        auto r = put("p", "2", R"({"pk":{"S":"p"},"sk":{"S":"2"},"l":{"N":"1"},"d":{"S":"0123456789012345678901234567890123456789"}})", &fx);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().type(), QStringLiteral("ItemCollectionSizeLimitExceededException"));
        // Nothing of the refused write is kept; another partition is another collection.
        QCOMPARE(m_db->indexStats(m_table->indexes[1].id)->first, 1);
        fx = WriteEffects();
        fx.itemCollectionLimit = 150;
        QVERIFY(put("q", "2", R"({"pk":{"S":"q"},"sk":{"S":"2"},"l":{"N":"1"},"d":{"S":"0123456789012345678901234567890123456789"}})", &fx).ok());
        QCOMPARE(*fx.itemCollectionBytes, first);
    }

    // The limit is checked before anything changes: single-item writes
    // share a transaction without savepoints (WriteFailure::BeforeChanges),
    // and a refused one must not take the others of its scope with it.
    void itemCollectionLimitBeforeChanges()
    {
        std::optional<ApiError> failed;
        {
            CommitScope scope;
            WriteEffects fx;
            fx.itemCollectionLimit = 150;
            QVERIFY(put("p", "1", R"({"pk":{"S":"p"},"sk":{"S":"1"},"l":{"N":"1"},"g":{"S":"x"},"d":{"S":"0123456789012345678901234567890123456789"}})",
                        &fx, WriteFailure::BeforeChanges).ok());
            fx = WriteEffects();
            fx.itemCollectionLimit = 150;
            auto r = put("p", "2", R"({"pk":{"S":"p"},"sk":{"S":"2"},"l":{"N":"2"},"g":{"S":"y"},"d":{"S":"0123456789012345678901234567890123456789"}})",
                         &fx, WriteFailure::BeforeChanges);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().type(), QStringLiteral("ItemCollectionSizeLimitExceededException"));
            failed = scope.finish();
        }
        QVERIFY(!failed);
        QCOMPARE(m_db->tableStats(m_table->id)->first, 1);
        for (const IndexDef &index : m_table->indexes) {
            QCOMPARE(m_db->indexStats(index.id)->first, 1);
            QCOMPARE(entries(index).size(), 1);
        }
    }

    void backfill()
    {
        for (int i = 0; i < 700; ++i) {
            const QByteArray sk = QByteArray::number(i);
            const QByteArray item = "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"" + sk + "\"},\"h\":{\"S\":\"v" + QByteArray::number(i % 7) + "\"}}";
            QVERIFY(put("p", sk.constData(), item.constData()).ok());
        }
        QVERIFY(put("p", "x", R"({"pk":{"S":"p"},"sk":{"S":"x"},"h":{"N":"1"}})").ok()); // wrong type: skipped
        QJsonObject desc = m_table->description;
        QJsonArray gsis = desc.value(QLatin1String("GlobalSecondaryIndexes")).toArray();
        gsis.append(json(R"({"IndexName":"byh","KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}, "IndexStatus":"CREATING","Backfilling":true})"));
        desc.insert(QLatin1String("GlobalSecondaryIndexes"), gsis);
        QJsonArray defs = desc.value(QLatin1String("AttributeDefinitions")).toArray();
        defs.append(json(R"({"AttributeName":"h","AttributeType":"S"})"));
        desc.insert(QLatin1String("AttributeDefinitions"), defs);
        auto t = m_db->write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) { return m_db->updateTable(txn, *m_table, desc); });
        QVERIFY(t.ok());
        QVERIFY((*t)->index(QStringLiteral("byh"))->backfilling);
        // Writes during the backfill maintain the new index too.
        m_table = *t;
        QVERIFY(remove("p", "3").ok());
        QVERIFY(put("p", "new", R"({"pk":{"S":"p"},"sk":{"S":"new"},"h":{"S":"w"}})").ok());
        // A move whose old entry the backfill may not have written yet (then
        // the entry is inserted, and the backfill finds it there).
        QVERIFY(put("p", "5", R"({"pk":{"S":"p"},"sk":{"S":"5"},"h":{"S":"moved"}})").ok());
        QTRY_VERIFY_WITH_TIMEOUT(!m_db->table(QStringLiteral("t"))->index(QStringLiteral("byh"))->backfilling, 20000);
        m_table = m_db->table(QStringLiteral("t"));
        const IndexDef &byh = *m_table->index(QStringLiteral("byh"));
        const QList<QByteArray> all = entries(byh);
        QCOMPARE(all.size(), 700);
        QCOMPARE(all.count(R"({"h":{"S":"moved"},"pk":{"S":"p"},"sk":{"S":"5"}})"), 1);
        QCOMPARE(m_db->indexStats(byh.id)->first, 700);
        // Deleting the index drops its store and statistics.
        desc = m_table->description;
        gsis = desc.value(QLatin1String("GlobalSecondaryIndexes")).toArray();
        gsis.removeLast();
        desc.insert(QLatin1String("GlobalSecondaryIndexes"), gsis);
        t = m_db->write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) { return m_db->updateTable(txn, *m_table, desc); });
        QVERIFY(t.ok());
        QVERIFY(!(*t)->index(QStringLiteral("byh")));
        QCOMPARE(*m_db->indexStats(byh.id), (std::pair<qint64, qint64>{0, 0}));
    }
};

QTEST_GUILESS_MAIN(TstIndexStore)
#include "tst_indexstore.moc"
