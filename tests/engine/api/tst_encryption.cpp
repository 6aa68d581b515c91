// Encryption at rest through the engine (EngineOptions::encryptionKey): a
// new data directory opened with a key keeps no item, attribute or table
// name in the clear in any file (databases, WALs, backups and their
// descriptions, PITR base snapshots), and its backups and PITR restore; it
// does not open without its key (EncryptionKeyRequired) or with another
// (WrongEncryptionKey); a passphrase works as a hex key does; a directory
// in the clear is refused with a key until converted; Encrypt, a change of
// key and Decrypt keep every item and backup; an Encrypt cut short is
// finished by running it again; a changed backup file fails its restore,
// which creates nothing. SSESpecification gives tables AWS's SSEDescription
// (a KMS key ARN for a key id, an alias or the AWS managed key), changed by
// UpdateTable, kept by backups and restores unless overridden.
#include "enginecalls.h"

#include "security/datadirkey.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dd;
using namespace dd::test;
using Change = api::EngineOptions::EncryptionChange;

namespace {

const QByteArray kKey = QByteArrayLiteral("8f1c2d3e4a5b6c7d8e9f00112233445566778899aabbccddeeff001122334455");
const QByteArray kOtherKey = QByteArrayLiteral("0000000000000000000000000000000000000000000000000000000000000001");
const char *kSecretText = "CONFIDENTIAL-VALUE";

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestEncryption : public QObject, public EngineCalls {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_dir;

    Result<std::unique_ptr<api::Engine>> openWith(const QByteArray &key, Change change = Change::None, const QByteArray &newKey = {})
    {
        m_engine.reset();
        api::EngineOptions o;
        o.dataDir = m_dir;
        o.ttlSweepIntervalMs = 0;
        o.changeLogPruneIntervalMs = 0;
        o.pitrMaintenanceIntervalMs = 0;
        o.encryptionKey = key;
        o.encryptionChange = change;
        o.newEncryptionKey = newKey;
        return api::Engine::open(o);
    }
    bool use(Result<std::unique_ptr<api::Engine>> e)
    {
        if (!e.ok()) {
            qWarning() << e.error().type() << e.error().message();
            return false;
        }
        m_engine = std::move(*e);
        return true;
    }
    void fillTable(const QString &table, int n)
    {
        ok("CreateTable", {{QStringLiteral("TableName"), table},
                           {QStringLiteral("KeySchema"), QJsonArray{obj(R"({"AttributeName":"pk","KeyType":"HASH"})")}},
                           {QStringLiteral("AttributeDefinitions"), QJsonArray{obj(R"({"AttributeName":"pk","AttributeType":"S"})")}},
                           {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}});
        for (int i = 0; i < n; ++i)
            ok("PutItem", {{QStringLiteral("TableName"), table},
                           {QStringLiteral("Item"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("k%1").arg(i)}}},
                                                                {QStringLiteral("secret_attribute"),
                                                                 QJsonObject{{QStringLiteral("S"), QStringLiteral("%1-%2").arg(QLatin1String(kSecretText)).arg(i)}}}}}});
    }
    int count(const QString &table)
    {
        return ok("Scan", {{QStringLiteral("TableName"), table}, {QStringLiteral("Select"), QStringLiteral("COUNT")}}).value(QStringLiteral("Count")).toInt(-1);
    }
    QString backup(const QString &table)
    {
        const QString arn = ok("CreateBackup", {{QStringLiteral("TableName"), table}, {QStringLiteral("BackupName"), QStringLiteral("bkp")}})
                                .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
        for (int i = 0; i < 1000; ++i) {
            if (ok("DescribeBackup", {{QStringLiteral("BackupArn"), arn}}).value(QStringLiteral("BackupDescription")).toObject()
                    .value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString() == QStringLiteral("AVAILABLE"))
                return arn;
            QTest::qWait(10);
        }
        return {};
    }
    // The files of the data directory that hold `text`.
    QStringList filesHolding(const QByteArray &text)
    {
        QStringList out;
        QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.open(QIODevice::ReadOnly) && f.readAll().contains(text))
                out << QDir(m_dir).relativeFilePath(f.fileName());
        }
        return out;
    }
    QStringList dataFiles()
    {
        QStringList out;
        QDirIterator it(m_dir, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << QDir(m_dir).relativeFilePath(it.next());
        return out;
    }

private slots:
    void init()
    {
        m_dir = QDir(m_tmp.path()).filePath(QString::fromLatin1(QTest::currentTestFunction()));
    }
    void cleanup()
    {
        m_engine.reset();
    }

    void nothingIsKeptInTheClear()
    {
        QVERIFY(use(openWith(kKey)));
        QVERIFY(security::DataDirKey::isEncrypted(m_dir));
        fillTable(QStringLiteral("SecretTable"), 200);
        const QString arn = backup(QStringLiteral("SecretTable"));
        QVERIFY(!arn.isEmpty());
        ok("UpdateContinuousBackups", obj(R"({"TableName":"SecretTable","PointInTimeRecoverySpecification":{"PointInTimeRecoveryEnabled":true}})"));
        ok("UpdateItem", obj(R"({"TableName":"SecretTable","Key":{"pk":{"S":"k1"}},"UpdateExpression":"SET later_attribute = :v",
                                 "ExpressionAttributeValues":{":v":{"S":"CONFIDENTIAL-LATER"}}})"));
        // Closed (the WAL folded into the file), then open again with a WAL.
        for (int pass = 0; pass < 2; ++pass) {
            if (pass == 0)
                m_engine.reset();
            const QStringList files = dataFiles();
            QVERIFY2(files.contains(QStringLiteral("us-east-1.db")), qPrintable(files.join(u' ')));
            QVERIFY2(std::any_of(files.begin(), files.end(), [](const QString &f) { return f.startsWith(QStringLiteral("backups/")); }), qPrintable(files.join(u' ')));
            QVERIFY2(std::any_of(files.begin(), files.end(), [](const QString &f) { return f.startsWith(QStringLiteral("us-east-1.db-pitr/")); }), qPrintable(files.join(u' ')));
            for (const char *text : {kSecretText, "SecretTable", "secret_attribute", "later_attribute", "SQLite format 3"})
                QVERIFY2(filesHolding(text).isEmpty(), qPrintable(QString::fromLatin1(text) + QStringLiteral(" in ") + filesHolding(text).join(u' ')));
            if (pass == 0) {
                QVERIFY(use(openWith(kKey)));
                ok("PutItem", obj(R"({"TableName":"SecretTable","Item":{"pk":{"S":"new"},"secret_attribute":{"S":"CONFIDENTIAL-VALUE-NEW"}}})"));
            }
        }
        QCOMPARE(count(QStringLiteral("SecretTable")), 201);
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("FromBackup")}, {QStringLiteral("BackupArn"), arn}});
        ok("RestoreTableToPointInTime", {{QStringLiteral("SourceTableName"), QStringLiteral("SecretTable")}, {QStringLiteral("TargetTableName"), QStringLiteral("FromPitr")},
                                         {QStringLiteral("UseLatestRestorableTime"), true}});
        QVERIFY(waitActive(QStringLiteral("FromBackup")));
        QVERIFY(waitActive(QStringLiteral("FromPitr")));
        QCOMPARE(count(QStringLiteral("FromBackup")), 200);
        QCOMPARE(count(QStringLiteral("FromPitr")), 201);
        const QJsonObject item = ok("GetItem", obj(R"({"TableName":"FromPitr","Key":{"pk":{"S":"k1"}}})")).value(QStringLiteral("Item")).toObject();
        QCOMPARE(item.value(QStringLiteral("later_attribute")).toObject().value(QStringLiteral("S")).toString(), QStringLiteral("CONFIDENTIAL-LATER"));
        QVERIFY(filesHolding(kSecretText).isEmpty());
    }

    void theKeyIsNeeded()
    {
        QVERIFY(use(openWith(kKey)));
        fillTable(QStringLiteral("tbl"), 3);
        m_engine.reset();
        auto none = openWith({});
        QVERIFY(!none.ok());
        QCOMPARE(none.error().type(), security::DataDirKey::keyRequiredError());
        QVERIFY2(none.error().message().contains(QStringLiteral("is encrypted")), qPrintable(none.error().message()));
        auto other = openWith(kOtherKey);
        QVERIFY(!other.ok());
        QCOMPARE(other.error().type(), security::DataDirKey::wrongKeyError());
        auto passphrase = openWith(QByteArrayLiteral("not the hex key"));
        QVERIFY(!passphrase.ok());
        QCOMPARE(passphrase.error().type(), security::DataDirKey::wrongKeyError());
        QVERIFY(use(openWith(kKey)));
        QCOMPARE(count(QStringLiteral("tbl")), 3);
    }

    void aPassphraseWorks()
    {
        const QByteArray passphrase = QByteArrayLiteral("correct horse battery staple");
        QVERIFY(use(openWith(passphrase)));
        fillTable(QStringLiteral("tbl"), 5);
        m_engine.reset();
        QFile keyFile(security::DataDirKey::filePath(m_dir));
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        const QJsonObject k = QJsonDocument::fromJson(keyFile.readAll()).object();
        QCOMPARE(k.value(QStringLiteral("kdf")).toString(), QStringLiteral("PBKDF2-HMAC-SHA256"));
        QCOMPARE(k.value(QStringLiteral("iterations")).toInt(), security::DataDirKey::kPassphraseIterations);
        QCOMPARE(openWith(QByteArrayLiteral("correct horse battery stapler")).error().type(), security::DataDirKey::wrongKeyError());
        QVERIFY(use(openWith(passphrase)));
        QCOMPARE(count(QStringLiteral("tbl")), 5);
    }

    void convertsBothWaysAndChangesKeys()
    {
        QVERIFY(use(openWith({})));
        fillTable(QStringLiteral("tbl"), 50);
        const QString arn = backup(QStringLiteral("tbl"));
        m_engine.reset();
        QVERIFY(!filesHolding(kSecretText).isEmpty());
        // A key alone does not take data in the clear.
        auto refused = openWith(kKey);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("in the clear")), qPrintable(refused.error().message()));
        QVERIFY(!security::DataDirKey::isEncrypted(m_dir));

        QStringList converted;
        m_engine.reset();
        {
            api::EngineOptions o;
            o.dataDir = m_dir;
            o.encryptionKey = kKey;
            o.encryptionChange = Change::Encrypt;
            o.converting = [&](const QString &file, int, int) { converted << QDir(m_dir).relativeFilePath(file); };
            QVERIFY(use(api::Engine::open(o)));
        }
        QVERIFY2(converted.contains(QStringLiteral("us-east-1.db")), qPrintable(converted.join(u' ')));
        QVERIFY2(converted.size() == 3, qPrintable(converted.join(u' '))); // the database, the backup and its description
        QCOMPARE(count(QStringLiteral("tbl")), 50);
        m_engine.reset();
        QVERIFY(filesHolding(kSecretText).isEmpty());

        // A new key: the old one no longer opens it.
        QVERIFY(use(openWith(kKey, Change::None, kOtherKey)));
        m_engine.reset();
        QCOMPARE(openWith(kKey).error().type(), security::DataDirKey::wrongKeyError());
        QVERIFY(use(openWith(kOtherKey)));
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("restored")}, {QStringLiteral("BackupArn"), arn}});
        QVERIFY(waitActive(QStringLiteral("restored")));
        QCOMPARE(count(QStringLiteral("restored")), 50);
        m_engine.reset();

        QVERIFY(use(openWith(kOtherKey, Change::Decrypt)));
        m_engine.reset();
        QVERIFY(!security::DataDirKey::isEncrypted(m_dir));
        QVERIFY(!filesHolding(kSecretText).isEmpty());
        QVERIFY(use(openWith({})));
        QCOMPARE(count(QStringLiteral("tbl")), 50);
        QCOMPARE(count(QStringLiteral("restored")), 50);
        QCOMPARE(ok("ListBackups", QJsonObject()).value(QStringLiteral("BackupSummaries")).toArray().size(), 1);
    }

    // Cut short: the key file and one region encrypted, another region
    // still in the clear. It does not open; Encrypt again finishes it.
    void anEncryptionCutShortIsFinished()
    {
        QVERIFY(use(openWith({})));
        fillTable(QStringLiteral("east"), 10);
        m_ctx.region = QStringLiteral("eu-west-1");
        fillTable(QStringLiteral("west"), 20);
        m_engine.reset();
        const QString west = QDir(m_dir).filePath(QStringLiteral("eu-west-1.db"));
        const QString saved = m_tmp.filePath(QStringLiteral("west-in-the-clear.db"));
        QVERIFY(QFile::copy(west, saved));
        QVERIFY(use(openWith(kKey, Change::Encrypt)));
        m_engine.reset();
        QVERIFY(QFile::remove(west));
        QVERIFY(QFile::copy(saved, west));
        auto half = openWith(kKey);
        QVERIFY(!half.ok());
        QVERIFY2(half.error().message().contains(QStringLiteral("cut short")), qPrintable(half.error().message()));
        QVERIFY(use(openWith(kKey, Change::Encrypt)));
        QCOMPARE(count(QStringLiteral("west")), 20);
        m_ctx.region = QStringLiteral("us-east-1");
        QCOMPARE(count(QStringLiteral("east")), 10);
        m_engine.reset();
        QVERIFY(filesHolding(kSecretText).isEmpty());
    }

    void aChangedBackupFailsItsRestore()
    {
        QVERIFY(use(openWith(kKey)));
        fillTable(QStringLiteral("tbl"), 20);
        const QString arn = backup(QStringLiteral("tbl"));
        m_engine.reset();
        const QStringList backups = QDir(QDir(m_dir).filePath(QStringLiteral("backups"))).entryList({QStringLiteral("*.ddbackup")});
        QCOMPARE(backups.size(), 1);
        QFile f(QDir(m_dir).filePath(QStringLiteral("backups/") + backups.first()));
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(f.size() - 20));
        QVERIFY(f.putChar('x'));
        f.close();
        QVERIFY(use(openWith(kKey)));
        const ApiError e = fail("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("rst")}, {QStringLiteral("BackupArn"), arn}});
        if (e.type() == QStringLiteral("none")) {
            // Accepted, then failed in the background: the table goes away.
            for (int i = 0; i < 2000 && call("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}}).ok(); ++i)
                QTest::qWait(10);
        } else {
            QVERIFY2(e.message().contains(QStringLiteral("changed or damaged")), qPrintable(e.message()));
        }
        QCOMPARE(fail("DescribeTable", {{QStringLiteral("TableName"), QStringLiteral("rst")}}).type(), QStringLiteral("ResourceNotFoundException"));
        QCOMPARE(count(QStringLiteral("tbl")), 20);
    }

    void sseSpecificationIsDescribed()
    {
        m_engine.reset();
        api::EngineOptions o;
        o.inMemory = true;
        QVERIFY(use(api::Engine::open(o)));
        const auto create = [&](const QString &name, const QJsonValue &sse) {
            QJsonObject req{{QStringLiteral("TableName"), name},
                            {QStringLiteral("KeySchema"), QJsonArray{obj(R"({"AttributeName":"pk","KeyType":"HASH"})")}},
                            {QStringLiteral("AttributeDefinitions"), QJsonArray{obj(R"({"AttributeName":"pk","AttributeType":"S"})")}},
                            {QStringLiteral("BillingMode"), QStringLiteral("PAY_PER_REQUEST")}};
            if (!sse.isUndefined())
                req.insert(QStringLiteral("SSESpecification"), sse);
            return ok("CreateTable", req).value(QStringLiteral("TableDescription")).toObject().value(QStringLiteral("SSEDescription"));
        };
        const auto described = [&](const QString &name) {
            return ok("DescribeTable", {{QStringLiteral("TableName"), name}}).value(QStringLiteral("Table")).toObject().value(QStringLiteral("SSEDescription"));
        };
        const auto keyArn = [](const QJsonValue &sse) { return sse.toObject().value(QStringLiteral("KMSMasterKeyArn")).toString(); };
        QVERIFY(create(QStringLiteral("plain"), QJsonValue::Undefined).isUndefined());
        QVERIFY(create(QStringLiteral("owned"), obj(R"({"Enabled":false})")).isUndefined());
        const QJsonValue managed = create(QStringLiteral("managed"), obj(R"({"Enabled":true})"));
        QCOMPARE(managed.toObject().value(QStringLiteral("Status")).toString(), QStringLiteral("ENABLED"));
        QCOMPARE(managed.toObject().value(QStringLiteral("SSEType")).toString(), QStringLiteral("KMS"));
        QVERIFY2(QRegularExpression(QStringLiteral("^arn:aws:kms:us-east-1:000000000000:key/[0-9a-f-]{36}$")).match(keyArn(managed)).hasMatch(),
                 qPrintable(keyArn(managed)));
        QCOMPARE(keyArn(create(QStringLiteral("managed2"), obj(R"({"Enabled":true,"KMSMasterKeyId":"alias/aws/dynamodb"})"))), keyArn(managed));
        const QString byAlias = keyArn(create(QStringLiteral("alias1"), obj(R"({"Enabled":true,"SSEType":"KMS","KMSMasterKeyId":"alias/orders"})")));
        QCOMPARE(keyArn(create(QStringLiteral("alias2"), obj(R"({"Enabled":true,"KMSMasterKeyId":"arn:aws:kms:us-east-1:000000000000:alias/orders"})"))), byAlias);
        QVERIFY(byAlias != keyArn(managed));
        QCOMPARE(keyArn(create(QStringLiteral("byid"), obj(R"({"Enabled":true,"KMSMasterKeyId":"1234abcd-12ab-34cd-56ef-1234567890ab"})"))),
                 QStringLiteral("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        const QString arn = QStringLiteral("arn:aws:kms:eu-west-1:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321");
        QCOMPARE(keyArn(create(QStringLiteral("byarn"), QJsonObject{{QStringLiteral("Enabled"), true}, {QStringLiteral("KMSMasterKeyId"), arn}})), arn);
        QCOMPARE(keyArn(described(QStringLiteral("byarn"))), arn);

        // UpdateTable turns it on and off.
        ok("UpdateTable", obj(R"({"TableName":"plain","SSESpecification":{"Enabled":true,"KMSMasterKeyId":"alias/orders"}})"));
        QCOMPARE(keyArn(described(QStringLiteral("plain"))), byAlias);
        ok("UpdateTable", obj(R"({"TableName":"plain","SSESpecification":{"Enabled":false}})"));
        QVERIFY(described(QStringLiteral("plain")).isUndefined());

        // Backups keep it; a restore takes it unless overridden.
        const QString backupArn = backup(QStringLiteral("byarn"));
        const QJsonObject features = ok("DescribeBackup", {{QStringLiteral("BackupArn"), backupArn}}).value(QStringLiteral("BackupDescription")).toObject()
                                         .value(QStringLiteral("SourceTableFeatureDetails")).toObject();
        QCOMPARE(keyArn(features.value(QStringLiteral("SSEDescription"))), arn);
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("same")}, {QStringLiteral("BackupArn"), backupArn}});
        ok("RestoreTableFromBackup", {{QStringLiteral("TargetTableName"), QStringLiteral("owned2")}, {QStringLiteral("BackupArn"), backupArn},
                                      {QStringLiteral("SSESpecificationOverride"), obj(R"({"Enabled":false})")}});
        QVERIFY(waitActive(QStringLiteral("same")));
        QVERIFY(waitActive(QStringLiteral("owned2")));
        QCOMPARE(keyArn(described(QStringLiteral("same"))), arn);
        QVERIFY(described(QStringLiteral("owned2")).isUndefined());
    }

    void compactionBeforeOpening()
    {
        QVERIFY(use(openWith(kKey)));
        fillTable(QStringLiteral("tbl"), 300);
        for (int i = 0; i < 290; ++i)
            ok("DeleteItem", {{QStringLiteral("TableName"), QStringLiteral("tbl")},
                              {QStringLiteral("Key"), QJsonObject{{QStringLiteral("pk"), QJsonObject{{QStringLiteral("S"), QStringLiteral("k%1").arg(i)}}}}}});
        m_engine.reset();
        api::EngineOptions o;
        o.dataDir = m_dir;
        o.encryptionKey = kKey;
        o.compactBeforeOpening = true;
        QString error = QStringLiteral("not called");
        o.compacted = [&](const QString &, qint64, qint64, const QString &e) { error = e; };
        QVERIFY(use(api::Engine::open(o)));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(count(QStringLiteral("tbl")), 10);
        m_engine.reset();
        QVERIFY(filesHolding(kSecretText).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestEncryption)
#include "tst_encryption.moc"
