// Encryption at rest below the engine: the encrypting VFS keeps nothing in
// the clear in a database, its WAL or its rollback journal; SQLite recovers
// through it from a crash both in WAL mode (the frame checksums hold over
// the pages it hands back) and from a hot rollback journal; other keys and
// changed bytes fail with an error, never wrong data; VACUUM's temporary
// file and the copy stay encrypted. Sealed files round-trip at every chunk
// boundary and refuse truncation, changes and other keys.
#include "storage/cipher.h"
#include "storage/connection.h"
#include "storage/database.h"
#include "storage/encryptedvfs.h"
#include "storage/sealedfile.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace dd;
using namespace dd::storage;

namespace {

std::shared_ptr<const DataKeys> makeKeys()
{
    return DataKeys::derive(cipher::randomBytes(32));
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A connection to `path` through the encrypted VFS, registered under `keys`
// for as long as it lives.
struct Encrypted {
    quint64 id = 0;
    std::unique_ptr<Connection> conn;
    Encrypted(const QString &path, std::shared_ptr<const DataKeys> keys)
    {
        id = encryptedvfs::add(std::move(keys));
        auto c = Connection::open(encryptedvfs::uri(path, id), false, encryptedvfs::name());
        if (!c.ok()) {
            qWarning("%s", qPrintable(c.error().message()));
            return;
        }
        conn = std::move(*c);
        (void)encryptedvfs::prepareNewDatabase(conn->handle());
    }
    ~Encrypted()
    {
        conn.reset();
        encryptedvfs::remove(id);
    }
    Result<qint64> count()
    {
        Statement *s = conn->prepare("SELECT count(*), sum(length(v)) FROM t");
        if (!s)
            return ApiError::internal(conn->lastError());
        const qint64 n = s->step() ? s->columnInt(0) : -1;
        const bool ok = s->ok();
        const QString error = s->errorMessage();
        s->reset();
        if (!ok)
            return ApiError::internal(error);
        return n;
    }
    QString integrity()
    {
        Statement *s = conn->prepare("PRAGMA integrity_check");
        if (!s)
            return conn->lastError();
        const QString r = s->step() ? s->columnText(0) : s->errorMessage();
        s->reset();
        return r;
    }
};

// Copies the database and its side files (a crash's leftovers) to `to`.
void copyFiles(const QString &from, const QString &to)
{
    for (const char *suffix : {"", "-wal", "-journal"}) {
        const QString src = from + QString::fromLatin1(suffix);
        if (QFile::exists(src))
            QVERIFY(QFile::copy(src, to + QString::fromLatin1(suffix)));
    }
}

} // namespace

class TestEncryption : public QObject {
    Q_OBJECT

private slots:
    void nothingIsInTheClear()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        const auto keys = makeKeys();
        {
            Encrypted e(path, keys);
            QVERIFY(e.conn);
            QVERIFY(e.conn->exec("PRAGMA journal_mode=WAL; CREATE TABLE secret_table(k INTEGER PRIMARY KEY, v TEXT);"
                                 "CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT)").ok());
            QVERIFY(e.conn->exec("PRAGMA wal_autocheckpoint=0").ok());
            QVERIFY(e.conn->exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000) "
                                 "INSERT INTO t SELECT i, 'SECRET-' || i || '-' || hex(randomblob(40)) FROM n").ok());
            // Both copies: some pages in the database file, the rest in the WAL only.
            QVERIFY(e.conn->exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
            QVERIFY(e.conn->exec("UPDATE t SET v = 'SECRET-UPDATED-' || k WHERE k % 7 = 0").ok());
            const QByteArray db = fileBytes(path);
            const QByteArray wal = fileBytes(path + QStringLiteral("-wal"));
            QVERIFY(db.size() > 100 * 1024);
            QVERIFY(wal.size() > 4096);
            for (const QByteArray &bytes : {db, wal}) {
                QVERIFY(!bytes.contains("SECRET"));
                QVERIFY(!bytes.contains("secret_table"));
                QVERIFY(!bytes.contains("SQLite format 3"));
            }
            QCOMPARE(*e.count(), qint64(3000));
        }
        Encrypted again(path, keys);
        QCOMPARE(*again.count(), qint64(3000));
        QCOMPARE(again.integrity(), QStringLiteral("ok"));
        Statement *s = again.conn->prepare("SELECT v FROM t WHERE k = 14");
        QVERIFY(s && s->step());
        QCOMPARE(s->columnText(0), QStringLiteral("SECRET-UPDATED-14"));
        s->reset();
    }

    void otherKeysReadNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        {
            Encrypted e(path, makeKeys());
            QVERIFY(e.conn->exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT); INSERT INTO t VALUES(1, 'x')").ok());
        }
        // SQLite reads the header when it opens the file: with other keys
        // that fails already (an I/O error: the page fails its tag).
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("disk I/O error")));
        Encrypted other(path, makeKeys());
        QVERIFY(!other.conn);
        // Nor does SQLite without the VFS: the file is not a database to it.
        auto plain = Connection::open(path, false);
        QVERIFY(plain.ok());
        QVERIFY(!(*plain)->exec("SELECT count(*) FROM sqlite_schema").ok());
    }

    void aChangedByteIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        const auto keys = makeKeys();
        {
            Encrypted e(path, keys);
            QVERIFY(e.conn->exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 2000) "
                                 "INSERT INTO t SELECT i, hex(randomblob(50)) FROM n").ok());
        }
        // One bit of one page in the middle of the table.
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 10 * 4096);
        QVERIFY(f.seek(5 * 4096 + 1000));
        char c = 0;
        QVERIFY(f.getChar(&c));
        QVERIFY(f.seek(5 * 4096 + 1000));
        QVERIFY(f.putChar(char(c ^ 1)));
        f.close();
        Encrypted e(path, keys);
        const auto n = e.count();
        QVERIFY(!n.ok());
        QVERIFY2(n.error().message().contains(QStringLiteral("I/O error")), qPrintable(n.error().message()));
    }

    // Committed frames only in the WAL, as a killed process leaves them:
    // the copy opens with every row (SQLite checked the frames' checksums
    // over what the VFS decrypted).
    void aCrashInWalModeLosesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        const auto keys = makeKeys();
        Encrypted e(path, keys);
        QVERIFY(e.conn->exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT)").ok());
        for (int i = 0; i < 50; ++i)
            QVERIFY(e.conn->exec("INSERT INTO t SELECT coalesce(max(k), 0) + 1, hex(randomblob(300)) FROM t").ok());
        QVERIFY(QFile(path + QStringLiteral("-wal")).size() > 50 * 4096);
        copyFiles(path, copy);
        Encrypted crashed(copy, keys);
        QCOMPARE(*crashed.count(), qint64(50));
        QCOMPARE(crashed.integrity(), QStringLiteral("ok"));
    }

    // A transaction that spilled changed pages into the file before a
    // crash: the hot (encrypted) rollback journal puts the old ones back.
    void aHotJournalRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("a.db"));
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        const auto keys = makeKeys();
        Encrypted e(path, keys);
        QVERIFY(e.conn->exec("PRAGMA journal_mode=DELETE; CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);"
                             "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000) "
                             "INSERT INTO t SELECT i, 'old' FROM n").ok());
        QVERIFY(e.conn->exec("PRAGMA cache_size=10; BEGIN; UPDATE t SET v = hex(randomblob(200))").ok());
        const QByteArray journal = fileBytes(path + QStringLiteral("-journal"));
        QVERIFY(journal.size() > 10 * 4096);
        QVERIFY(journal.startsWith("DDCTR1"));
        copyFiles(path, copy);
        QVERIFY(e.conn->exec("ROLLBACK").ok());
        Encrypted crashed(copy, keys);
        QCOMPARE(*crashed.count(), qint64(3000));
        Statement *s = crashed.conn->prepare("SELECT count(*) FROM t WHERE v = 'old'");
        QVERIFY(s && s->step());
        QCOMPARE(s->columnInt(0), qint64(3000));
        s->reset();
        QCOMPARE(crashed.integrity(), QStringLiteral("ok"));
    }

    void compactionKeepsTheFileEncrypted()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("us-east-1.db"));
        const auto keys = makeKeys();
        {
            auto db = Database::open(path, QStringLiteral("us-east-1"), nullptr, keys);
            QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message()));
        }
        {
            Encrypted e(path, keys);
            QVERIFY(e.conn->exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT);"
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 5000) "
                                 "INSERT INTO t SELECT i, 'SECRET' || hex(randomblob(100)) FROM n; DELETE FROM t WHERE k > 100").ok());
        }
        const auto sizes = Database::compactFile(path, {}, keys);
        QVERIFY2(sizes.ok(), sizes.ok() ? "" : qPrintable(sizes.error().message()));
        QVERIFY(sizes->second < sizes->first);
        QVERIFY(!fileBytes(path).contains("SECRET"));
        Encrypted e(path, keys);
        QCOMPARE(*e.count(), qint64(100));
        QCOMPARE(e.integrity(), QStringLiteral("ok"));
        // Opened as a Database again: its tables are all there.
        e.conn.reset();
        auto db = Database::open(path, QStringLiteral("us-east-1"), nullptr, keys);
        QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message()));
    }

    void aFileInTheClearIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("us-east-1.db"));
        {
            auto db = Database::open(path, QStringLiteral("us-east-1"), nullptr);
            QVERIFY(db.ok());
        }
        auto db = Database::open(path, QStringLiteral("us-east-1"), nullptr, makeKeys());
        QVERIFY(!db.ok());
        QVERIFY2(db.error().message().contains(QStringLiteral("not encrypted")), qPrintable(db.error().message()));
        QVERIFY(encryptedvfs::isPlainDatabase(path));
    }

    void sealedFilesRoundTrip_data()
    {
        QTest::addColumn<int>("size");
        for (int n : {0, 1, 1000, sealedfile::kChunkBytes - 1, sealedfile::kChunkBytes, sealedfile::kChunkBytes + 1,
                      3 * sealedfile::kChunkBytes + 77})
            QTest::addRow("%d", n) << n;
    }

    void sealedFilesRoundTrip()
    {
        QFETCH(int, size);
        const auto keys = makeKeys();
        const QByteArray plain = cipher::randomBytes(size);
        const QByteArray sealed = sealedfile::seal(*keys, plain);
        QVERIFY(sealedfile::isSealed(sealed));
        QCOMPARE(sealedfile::plainSize(sealed.size()), qint64(size));
        QCOMPARE(*sealedfile::open(*keys, sealed, QStringLiteral("f")), plain);
        // Sealing twice gives other bytes (a new salt).
        QVERIFY(sealedfile::seal(*keys, plain) != sealed);
        QBuffer buffer;
        buffer.setData(sealed);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        const auto head = sealedfile::openHead(*keys, buffer, 100, QStringLiteral("f"));
        QVERIFY(head.ok());
        QVERIFY(head->size() >= std::min(size, 100));
        QCOMPARE(*head, plain.left(head->size()));
        // Other keys, a flipped bit, any truncation (at chunk ends too).
        QVERIFY(!sealedfile::open(*makeKeys(), sealed, QStringLiteral("f")).ok());
        for (qsizetype at : {qsizetype(0), qsizetype(20), qsizetype(sealedfile::kHeaderBytes), sealed.size() / 2, sealed.size() - 1}) {
            QByteArray changed = sealed;
            changed[at] = char(changed.at(at) ^ 0x10);
            QVERIFY2(!sealedfile::open(*keys, changed, QStringLiteral("f")).ok(), qPrintable(QString::number(at)));
        }
        for (qint64 chunks = 0; chunks * (sealedfile::kChunkBytes + 16) < size; ++chunks) {
            const qint64 cut = sealedfile::kHeaderBytes + chunks * (sealedfile::kChunkBytes + 16);
            QVERIFY(!sealedfile::open(*keys, sealed.left(cut), QStringLiteral("f")).ok());
        }
        const auto cut = sealedfile::open(*keys, sealed.chopped(1), QStringLiteral("the backup file X"));
        QVERIFY(!cut.ok());
        QVERIFY(cut.error().message().startsWith(QStringLiteral("the backup file X cannot be read")));
        QVERIFY(!sealedfile::open(*keys, plain, QStringLiteral("f")).ok());
    }
};

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
