// Database on disk: reads on pooled readers, which keep their snapshot from
// one read to the next while nothing is committed, see every write committed
// before they start, from any thread; and the checkpoint thread copies the
// WAL into the database file while the database is open (it once never did:
// its connection had not opened the WAL). A full disk fails writes with an
// error and loses nothing acknowledged.
#include "storage/database.h"

#include "diskfull.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <optional>
#include <thread>
#include <vector>

using namespace dd;
using namespace dd::storage;

namespace {

Result<qint64> readValue(Database &db, qint64 key)
{
    return db.readSingle<qint64>([key](Connection &c) -> Result<qint64> {
        Statement *s = c.prepare("SELECT v FROM kv WHERE k = ?");
        if (!s)
            return ApiError::internal(c.lastError());
        s->bind(1, key);
        const qint64 v = s->step() ? s->columnInt(0) : -1;
        s->reset();
        return v;
    });
}

Result<void> writeValue(Database &db, qint64 key, qint64 value)
{
    return db.write<void>([&](WriteTxn &txn) -> Result<void> {
        Statement *s = txn.conn.prepare("INSERT OR REPLACE INTO kv(k, v) VALUES(?, ?)");
        if (!s)
            return ApiError::internal(txn.conn.lastError());
        s->bind(1, key).bind(2, value);
        s->step();
        if (s->resultCode() != SQLITE_DONE)
            return ApiError::internal(s->errorMessage());
        return {};
    });
}

// A table without its name.
const char *kChurnTable = R"({"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
    "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}]})";

} // namespace

class TstDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(m_dir.filePath(QStringLiteral("test.db")));
        auto db = Database::open(m_dir.filePath(QStringLiteral("test.db")), QStringLiteral("us-east-1"), nullptr);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message()));
        m_db = std::move(db).value();
        QVERIFY(m_db->write<void>([](WriteTxn &txn) {
                        return txn.conn.exec("CREATE TABLE kv(k INTEGER PRIMARY KEY, v INTEGER)");
                    }).ok());
    }

    void cleanup() { m_db.reset(); }

    // Every connection caches the statements of each table it touched; a
    // server whose clients create and delete tables all day (a test suite's
    // table per test) once kept every dropped table's: 30 KB of memory per
    // table, without bound. After a drop commits, the writer and each
    // reader finalize their cached statements before their next transaction.
    void droppedTablesLeaveNoStatementsCached()
    {
        Database &db = *m_db;
        const auto cached = [](Connection &c) {
            int n = 0;
            for (sqlite3_stmt *s = sqlite3_next_stmt(c.handle(), nullptr); s; s = sqlite3_next_stmt(c.handle(), s))
                ++n;
            return n;
        };
        int writerMost = 0, readerMost = 0;
        for (int round = 0; round < 40; ++round) {
            QJsonObject named = QJsonDocument::fromJson(kChurnTable).object();
            named.insert(QStringLiteral("TableName"), QStringLiteral("churn%1").arg(round));
            auto table = db.write<std::shared_ptr<const TableDef>>([&](WriteTxn &txn) { return db.createTable(txn, named); });
            QVERIFY2(table.ok(), qPrintable(table.ok() ? QString() : table.error().message()));
            const TableDef &def = **table;
            // A statement of the table's own on the writer and on a reader.
            QVERIFY(db.write<void>([&](WriteTxn &txn) -> Result<void> {
                          writerMost = std::max(writerMost, cached(txn.conn));
                          return txn.conn.run("INSERT INTO " + def.sqlTable + "(h, pk, sk, size, item) VALUES(?, x'01', x'', 1, '{}')", {round});
                      }).ok());
            auto read = db.read<qint64>([&](Connection &c) -> Result<qint64> {
                readerMost = std::max(readerMost, cached(c));
                Statement *st = c.prepare("SELECT count(*) FROM " + def.sqlTable);
                if (!st || !st->step())
                    return ApiError::internal(c.lastError());
                const qint64 n = st->columnInt(0);
                st->reset();
                return n;
            });
            QVERIFY(read.ok());
            QCOMPARE(*read, qint64(1));
            QVERIFY(db.write<void>([&](WriteTxn &txn) { return db.dropTable(txn, def); }).ok());
        }
        // Without the purge each round left at least one more statement on
        // each connection: 40 and more by the end.
        QVERIFY2(writerMost < 30, qPrintable(QString::number(writerMost)));
        QVERIFY2(readerMost < 15, qPrintable(QString::number(readerMost)));
        QVERIFY(readerMost > 0); // the reader did cache statements between rounds
    }

    // Each read comes after a write committed on another thread; the reader
    // it gets may hold a snapshot from before that write.
    void readsSeeWritesOfOtherThreads()
    {
        Database &db = *m_db;
        QVERIFY(writeValue(db, 1, 0).ok());
        for (qint64 i = 1; i <= 300; ++i) {
            bool wrote = false;
            std::thread writer([&] { wrote = writeValue(db, 1, i).ok(); });
            writer.join();
            QVERIFY(wrote);
            const auto here = readValue(db, 1);
            QVERIFY(here.ok());
            QCOMPARE(*here, i);
            // And from another thread, with a reader of its own.
            qint64 there = -2;
            std::thread reader([&] {
                auto r = readValue(db, 1);
                there = r.ok() ? *r : -3;
            });
            reader.join();
            QCOMPARE(there, i);
        }
    }

    // read() sees one snapshot across its statements; a later read sees
    // what was committed in between, even after a statement left active.
    void readAfterStatementLeftActive()
    {
        Database &db = *m_db;
        for (qint64 k = 1; k <= 3; ++k)
            QVERIFY(writeValue(db, k, 10).ok());
        auto first = db.read<qint64>([](Connection &c) -> Result<qint64> {
            Statement *s = c.prepare("SELECT v FROM kv ORDER BY k");
            s->step(); // left on its first row
            return s->columnInt(0);
        });
        QVERIFY(first.ok());
        QCOMPARE(*first, 10);
        bool wrote = false;
        std::thread writer([&] { wrote = writeValue(db, 1, 11).ok(); });
        writer.join();
        QVERIFY(wrote);
        const auto after = readValue(db, 1);
        QVERIFY(after.ok());
        QCOMPARE(*after, 11);
    }

    // Writes past the checkpoint threshold, with reads in between (whose
    // readers keep snapshots): the WAL reaches the database file while the
    // database is open.
    void checkpointRunsWhileOpen()
    {
        Database &db = *m_db;
        const QString file = m_dir.filePath(QStringLiteral("test.db"));
        const qint64 before = QFileInfo(file).size();
        QVERIFY(db.write<void>([](WriteTxn &txn) { return txn.conn.exec("CREATE TABLE blobs(k INTEGER PRIMARY KEY, b BLOB)"); }).ok());
        const QByteArray blob(3000, 'x');
        for (int batch = 0; batch < 200; ++batch) {
            QVERIFY(db.write<void>([&](WriteTxn &txn) -> Result<void> {
                          for (int i = 0; i < 50; ++i) {
                              Statement *s = txn.conn.prepare("INSERT INTO blobs(k, b) VALUES(?, ?)");
                              s->bind(1, qint64(batch * 50 + i)).bind(2, QByteArrayView(blob));
                              s->step();
                              if (s->resultCode() != SQLITE_DONE)
                                  return ApiError::internal(s->errorMessage());
                          }
                          return {};
                      }).ok());
            QVERIFY(readValue(db, 1).ok());
        }
        // 10,000 rows of 3 KB, a page each: past the threshold of 8,000 pages.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(file).size() > before + 4 * 1024 * 1024, 20000);
    }

    // A file that is not a database (damaged, or another program's) is
    // refused with its path, so that the server's one-line error says
    // which file it is; nothing is written to it.
    void fileThatIsNotADatabaseIsNamed()
    {
        const QString path = m_dir.filePath(QStringLiteral("eu-west-1.db"));
        const QByteArray junk = QByteArray("not a database, only text. ").repeated(40);
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(junk);
        }
        auto opened = Database::open(path, QStringLiteral("eu-west-1"), nullptr);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().message(), QStringLiteral("Cannot open the database %1: SQLite: file is not a database").arg(path));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), junk);
    }

    // A disk that cannot take another byte (here RLIMIT_FSIZE of 1 byte, as
    // a full disk): writes fail with an error, reads go on, nothing is
    // half-written; once files may grow again writes resume, and after a
    // reopen exactly the acknowledged writes are there.
    void fullDiskFailsWritesAndLosesNothing()
    {
        Database &db = *m_db;
        for (qint64 k = 1; k <= 20; ++k)
            QVERIFY(writeValue(db, k, k * 10).ok());
        std::vector<Result<void>> failed;
        std::optional<Result<qint64>> readWhileFull;
        {
            const testsupport::FileSizeLimit limit(1);
            QVERIFY(limit.ok());
            for (qint64 k = 21; k <= 25; ++k)
                failed.push_back(writeValue(db, k, k * 10));
            readWhileFull = readValue(db, 7);
        }
        for (const auto &f : failed) {
            QVERIFY(!f.ok());
            QCOMPARE(f.error().type(), QStringLiteral("InternalServerError"));
        }
        QVERIFY(readWhileFull->ok());
        QCOMPARE(**readWhileFull, qint64(70));
        QCOMPARE(*readValue(db, 21), qint64(-1)); // not half-written
        for (qint64 k = 26; k <= 30; ++k)
            QVERIFY(writeValue(db, k, k * 10).ok());
        m_db.reset();
        auto reopened = Database::open(m_dir.filePath(QStringLiteral("test.db")), QStringLiteral("us-east-1"), nullptr);
        QVERIFY(reopened.ok());
        m_db = std::move(reopened).value();
        for (qint64 k = 1; k <= 30; ++k)
            QCOMPARE(*readValue(*m_db, k), (k > 20 && k <= 25) ? qint64(-1) : k * 10);
    }
};

QTEST_APPLESS_MAIN(TstDatabase)
#include "tst_database.moc"
