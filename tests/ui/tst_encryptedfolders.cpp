// Encryption at rest of an embedded connection's data folder, from the
// desktop app: the connection dialog's "Encrypt the data folder" with its
// passphrase checks (never saved, only the flag), the passphrase asked when
// an encrypted folder opens (again while wrong; Cancel leaves it closed but
// saved; the session remembers it), and the connection menu's Encrypt data
// folder…, Change passphrase… and Decrypt data folder…, each run off the GUI
// thread with the connection closed and opened again, the data kept. The
// conversions' worker (connections/encryptionchange.h) is checked on its own
// for its progress and a wrong passphrase.
//
// A passphrase costs PBKDF2 (about 0.4 s) at each open; where no passphrase
// dialog is under test, the "passphrase" typed is a 64-hex-digit key, which
// skips it.
#include "uitest.h"

#include "api/engine.h"
#include "connections/compaction.h"
#include "connections/connectiondialog.h"
#include "connections/connectiontree.h"
#include "connections/encryptionchange.h"
#include "connections/passphrasedialog.h"
#include "mainwindow/mainwindow.h"
#include "security/datadirkey.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtConcurrent>

using namespace dd;
using namespace dd::ui;
using security::DataDirKey;

namespace {

const QString kNeedle = QStringLiteral("zebra-needle-4711 in plain sight");
const QByteArray kKey1 = QByteArrayLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QByteArray kKey2 = QByteArrayLiteral("fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210");

// Whether any file under `dir` (databases, WALs, backups) holds `text` as UTF-8.
bool folderContains(const QString &dir, const QString &text)
{
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(text.toUtf8()))
            return true;
    }
    return false;
}

// The visible passphrase dialog of `window` (one accepted or rejected is hidden at once).
PassphraseDialog *visiblePassphraseDialog(QWidget *window)
{
    for (auto *d : window->findChildren<PassphraseDialog *>())
        if (d->isVisible())
            return d;
    return nullptr;
}

QMessageBox *visibleBox(QWidget *window, const QString &name)
{
    auto *box = window->findChild<QMessageBox *>(name);
    return box && box->isVisible() ? box : nullptr;
}

// Types into a dialog's field (the field found by name) as the user would.
void type(QWidget *dialog, const char *field, const QByteArray &text)
{
    auto *edit = dialog->findChild<QLineEdit *>(QLatin1String(field));
    QVERIFY2(edit, field);
    edit->clear();
    QTest::keyClicks(edit, QString::fromUtf8(text));
}

void clickOk(QWidget *dialog)
{
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    buttons->button(QDialogButtonBox::Ok)->click();
}

QJsonObject item(Connection &c)
{
    return uitest::get(c, QStringLiteral("notes"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}});
}

QString note(Connection &c)
{
    return item(c).value(QStringLiteral("note")).toObject().value(QStringLiteral("S")).toString();
}

// The one open connection, once no folder is opening any more.
Connection *waitForTheConnection(MainWindow &window)
{
    if (!QTest::qWaitFor([&] { return window.connections().size() == 1 && window.connectionsOpening() == 0; }, 30000))
        return nullptr;
    return window.connections().front().get();
}

// Backs `table` up and waits until the backup is written (CreateBackup
// answers CREATING; one still CREATING when its engine closes is dropped).
void backUp(Connection &c, const QString &table)
{
    const auto created = c.callSync(QStringLiteral("CreateBackup"), {{QStringLiteral("TableName"), table}, {QStringLiteral("BackupName"), QStringLiteral("kept")}});
    QVERIFY2(created.ok(), qPrintable(dd::ui::errorText(created)));
    const QString arn = created.body.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(c.callSync(QStringLiteral("DescribeBackup"), {{QStringLiteral("BackupArn"), arn}})
                                  .body.value(QStringLiteral("BackupDescription")).toObject().value(QStringLiteral("BackupDetails"))
                                  .toObject().value(QStringLiteral("BackupStatus")).toString(),
                              QStringLiteral("AVAILABLE"), 20000);
}

QList<ConnectionSettings> savedConnections()
{
    QSettings settings;
    return ConnectionSettings::loadAll(settings);
}

} // namespace

class TestEncryptedFolders : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_config.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.path());
    }

    // The dialog's encryption fields: only for a folder on disk; OK refuses
    // an empty passphrase, two that differ, and a folder already holding
    // data in the clear (Encrypt data folder… converts those), saying why
    // beside the fields.
    void connectionDialogChecksThePassphrase()
    {
        QTemporaryDir dir, used;
        QVERIFY(dir.isValid() && used.isValid());
        {
            ConnectionSettings s;
            s.dataDir = used.path();
            QString error;
            auto c = Connection::open(s, &error);
            QVERIFY2(c, qPrintable(error));
            uitest::createTable(*c, QStringLiteral("notes"), QStringLiteral("pk"));
        }
        ConnectionDialog dialog;
        dialog.show();
        QVERIFY(uitest::labelsWithoutBuddy(&dialog).isEmpty());
        auto *dataDir = dialog.findChild<QLineEdit *>(QStringLiteral("dataDir"));
        auto *inMemory = dialog.findChild<QCheckBox *>(QStringLiteral("inMemory"));
        auto *encrypt = dialog.findChild<QCheckBox *>(QStringLiteral("encrypt"));
        auto *passphrase = dialog.findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *confirmation = dialog.findChild<QLineEdit *>(QStringLiteral("confirmPassphrase"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("encryptionError"));
        QVERIFY(dataDir && inMemory && encrypt && passphrase && confirmation && error);
        QCOMPARE(passphrase->echoMode(), QLineEdit::Password);
        QCOMPARE(confirmation->echoMode(), QLineEdit::Password);
        dataDir->setText(dir.path());

        QVERIFY(encrypt->isEnabled());
        QVERIFY(!passphrase->isEnabled());
        encrypt->setChecked(true);
        QVERIFY(passphrase->isEnabled() && confirmation->isEnabled());
        // In memory nothing is on disk to encrypt.
        inMemory->setChecked(true);
        QVERIFY(!encrypt->isEnabled());
        QVERIFY(!passphrase->isEnabled());
        QVERIFY(!dialog.settings().encrypted);
        inMemory->setChecked(false);
        QVERIFY(passphrase->isEnabled());

        clickOk(&dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY(error->isVisible());
        QCOMPARE(error->text(), QStringLiteral("Enter a passphrase."));
        type(&dialog, "passphrase", "correct horse");
        QVERIFY(!error->isVisible()); // an edit takes the message back
        type(&dialog, "confirmPassphrase", "correct hose");
        clickOk(&dialog);
        QVERIFY(dialog.isVisible());
        QCOMPARE(error->text(), QStringLiteral("The two passphrases differ."));

        dataDir->setText(used.path());
        type(&dialog, "confirmPassphrase", "correct horse");
        clickOk(&dialog);
        QVERIFY(dialog.isVisible());
        QVERIFY2(error->text().contains(QStringLiteral("already holds data in the clear")), qPrintable(error->text()));

        dataDir->setText(dir.path());
        clickOk(&dialog);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.settings().encrypted);
        QCOMPARE(dialog.passphrase(), QByteArray("correct horse"));
        // Unchecked: no passphrase, whatever the fields hold.
        encrypt->setChecked(false);
        QVERIFY(!dialog.settings().encrypted);
        QVERIFY(dialog.passphrase().isEmpty());
    }

    // A folder made encrypted through the dialog holds nothing in the
    // clear; its passphrase is not saved. The same session reopens it
    // without asking; a new one asks: Cancel leaves it closed (and saved),
    // a wrong passphrase is refused and asked again, the right one opens it
    // with its data.
    void encryptedFolderAsksForItsPassphrase()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QByteArray passphrase = "Tr0ub4dor & 3, not in the settings";
        ConnectionSettings settings;
        {
            ConnectionDialog dialog;
            dialog.show();
            dialog.findChild<QLineEdit *>(QStringLiteral("dataDir"))->setText(dir.path());
            dialog.findChild<QCheckBox *>(QStringLiteral("encrypt"))->setChecked(true);
            type(&dialog, "passphrase", passphrase);
            type(&dialog, "confirmPassphrase", passphrase);
            clickOk(&dialog);
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            settings = dialog.settings();
            QVERIFY(settings.encrypted);

            MainWindow window;
            window.openConnectionInBackground(settings, dialog.passphrase());
            Connection *c = waitForTheConnection(window);
            QVERIFY(c);
            QVERIFY(!visiblePassphraseDialog(&window));
            QVERIFY(c->settings().encrypted);
            QVERIFY(DataDirKey::isEncrypted(dir.path()));
            const QString tip = window.tree()->connectionItem(c)->toolTip(0);
            QVERIFY2(tip.contains(QStringLiteral("Encrypted at rest (AES-256)")), qPrintable(tip));
            uitest::createTable(*c, QStringLiteral("notes"), QStringLiteral("pk"));
            uitest::put(*c, QStringLiteral("notes"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}, {QStringLiteral("note"), uitest::S(kNeedle)}});
            QCOMPARE(note(*c), kNeedle);

            // Saved: the flag, never the passphrase.
            QCOMPARE(savedConnections().size(), 1);
            QVERIFY(savedConnections().front().encrypted);
            {
                QSettings s;
                s.sync();
                QFile file(s.fileName());
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(s.fileName()));
                const QByteArray saved = file.readAll();
                QVERIFY(saved.contains("encrypted=true"));
                QVERIFY(!saved.contains("Tr0ub4dor"));
            }

            // Closed and opened again in this session: no question.
            emit window.tree()->closeConnectionRequested(c);
            QCOMPARE(window.connections().size(), size_t(0));
            QVERIFY(!folderContains(dir.path(), kNeedle));
            QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("us-east-1.db"))));
            window.openConnectionInBackground(settings);
            c = waitForTheConnection(window);
            QVERIFY(c);
            QVERIFY(!visiblePassphraseDialog(&window));
            QCOMPARE(note(*c), kNeedle);
        }
        QVERIFY(!folderContains(dir.path(), kNeedle));

        // A new session: asked. Cancel leaves it closed, saying so, and saved.
        MainWindow window;
        window.openConnectionsInBackground(savedConnections());
        PassphraseDialog *ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((ask = visiblePassphraseDialog(&window)) != nullptr, 20000);
        QVERIFY2(ask->text().contains(dir.path()), qPrintable(ask->text()));
        QVERIFY(ask->error().isEmpty());
        QCOMPARE(ask->findChild<QLineEdit *>(QStringLiteral("passphrase"))->echoMode(), QLineEdit::Password);
        QVERIFY(uitest::labelsWithoutBuddy(ask).isEmpty());
        QVERIFY(ask->isModal());
        ask->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel)->click();
        QTRY_VERIFY(!visiblePassphraseDialog(&window));
        QCOMPARE(window.connections().size(), size_t(0));
        QCOMPARE(window.connectionsOpening(), 0);
        const QString status = window.statusBar()->currentMessage();
        QVERIFY2(status.contains(QStringLiteral("is not open")) && status.contains(QStringLiteral("no passphrase")), qPrintable(status));
        QCOMPARE(savedConnections().size(), 1);
        QCOMPARE(savedConnections().front().dataFolder(), dir.path());

        // Again: a wrong passphrase is refused and asked again.
        window.openConnectionsInBackground(savedConnections());
        QTRY_VERIFY_WITH_TIMEOUT((ask = visiblePassphraseDialog(&window)) != nullptr, 20000);
        clickOk(ask); // empty: not even tried
        QVERIFY(ask->isVisible());
        QCOMPARE(ask->error(), QStringLiteral("Enter the passphrase."));
        type(ask, "passphrase", "not the passphrase");
        clickOk(ask);
        QPointer<PassphraseDialog> first = ask;
        QTRY_VERIFY_WITH_TIMEOUT((ask = visiblePassphraseDialog(&window)) != nullptr && ask != first, 20000);
        QVERIFY2(ask->error().contains(QStringLiteral("does not open")), qPrintable(ask->error()));
        QCOMPARE(window.connections().size(), size_t(0));
        QVERIFY(!visibleBox(&window, QStringLiteral("connectionError")));

        // The right one opens it, with its item.
        type(ask, "passphrase", passphrase);
        clickOk(ask);
        Connection *c = waitForTheConnection(window);
        QVERIFY(c);
        QVERIFY(!visiblePassphraseDialog(&window));
        QVERIFY(!visibleBox(&window, QStringLiteral("connectionError")));
        QCOMPARE(note(*c), kNeedle);
        QVERIFY(c->settings().encrypted);
        QCOMPARE(savedConnections().size(), 1);
    }

    // The connection menu's three actions on a folder with a table and a
    // backup: Encrypt (confirmed, then a passphrase twice), Change
    // passphrase (the old one no longer opens it, the new one does and the
    // session knows it), Decrypt (confirmed: Cancel does nothing). Each
    // closes the connection and opens it again with its data.
    void encryptChangeAndDecryptFromTheMenu()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        MainWindow window;
        window.setRememberConnections(false);
        ConnectionSettings settings;
        settings.dataDir = dir.path();
        Connection *c = window.openConnection(settings);
        QVERIFY(c);
        QVERIFY(!c->settings().encrypted);
        uitest::createTable(*c, QStringLiteral("notes"), QStringLiteral("pk"));
        uitest::put(*c, QStringLiteral("notes"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}, {QStringLiteral("note"), uitest::S(kNeedle)}});
        backUp(*c, QStringLiteral("notes"));
        QVERIFY(folderContains(dir.path(), kNeedle)); // the check below finds the text when it is there
        window.openTable(c, QStringLiteral("notes"));
        QCOMPARE(window.tabs()->count(), 1);

        // Encrypt: Cancel at the question does nothing.
        emit window.tree()->encryptRequested(c);
        QMessageBox *box = visibleBox(&window, QStringLiteral("confirmEncryptDataFolder"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(dir.path()), qPrintable(box->text()));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!visibleBox(&window, QStringLiteral("confirmEncryptDataFolder")));
        QVERIFY(!visiblePassphraseDialog(&window));
        QCOMPARE(window.connections().front().get(), c);

        // Yes, then the passphrase twice (they must match).
        emit window.tree()->encryptRequested(c);
        QTRY_VERIFY((box = visibleBox(&window, QStringLiteral("confirmEncryptDataFolder"))) != nullptr);
        box->button(QMessageBox::Yes)->click();
        PassphraseDialog *choose = nullptr;
        QTRY_VERIFY((choose = visiblePassphraseDialog(&window)) != nullptr);
        QVERIFY(choose->findChild<QLineEdit *>(QStringLiteral("confirmPassphrase")));
        type(choose, "passphrase", kKey1);
        type(choose, "confirmPassphrase", kKey2);
        clickOk(choose);
        QVERIFY(choose->isVisible());
        QCOMPARE(choose->error(), QStringLiteral("The two passphrases differ."));
        type(choose, "confirmPassphrase", kKey1);
        clickOk(choose);
        QCOMPARE(window.tabs()->count(), 0); // closed at once, its tab too
        c = waitForTheConnection(window);
        QVERIFY(c);
        QVERIFY(!visibleBox(&window, QStringLiteral("connectionError")));
        QVERIFY(DataDirKey::isEncrypted(dir.path()));
        QVERIFY(c->settings().encrypted);
        QVERIFY(window.tree()->connectionItem(c)->toolTip(0).contains(QStringLiteral("Encrypted at rest")));
        QCOMPARE(note(*c), kNeedle);
        QVERIFY(!folderContains(dir.path(), kNeedle)); // the backup too
        QVERIFY2(window.statusBar()->currentMessage().startsWith(QStringLiteral("Encrypted the data folder")),
                 qPrintable(window.statusBar()->currentMessage()));

        // Change passphrase: key 2 opens it, key 1 no longer does.
        emit window.tree()->changePassphraseRequested(c);
        QTRY_VERIFY((choose = visiblePassphraseDialog(&window)) != nullptr);
        type(choose, "passphrase", kKey2);
        type(choose, "confirmPassphrase", kKey2);
        clickOk(choose);
        c = waitForTheConnection(window);
        QVERIFY(c);
        QVERIFY(!visibleBox(&window, QStringLiteral("connectionError")));
        QCOMPARE(note(*c), kNeedle);
        emit window.tree()->closeConnectionRequested(c);
        Connection::waitForRetired(); // closed without waiting: its engine lets the folder go a moment later
        {
            api::EngineOptions o;
            o.dataDir = dir.path();
            o.encryptionKey = kKey1;
            auto old = api::Engine::open(o);
            QVERIFY(!old.ok());
            QCOMPARE(old.error().type(), DataDirKey::wrongKeyError());
            o.encryptionKey = kKey2;
            QVERIFY(api::Engine::open(o).ok());
        }
        // The session knows the new one: opened again without a question.
        window.openConnectionInBackground(settings);
        c = waitForTheConnection(window);
        QVERIFY(c);
        QVERIFY(!visiblePassphraseDialog(&window));
        QCOMPARE(note(*c), kNeedle);

        // Decrypt: Cancel does nothing; Yes puts it in the clear.
        emit window.tree()->decryptRequested(c);
        QTRY_VERIFY((box = visibleBox(&window, QStringLiteral("confirmDecryptDataFolder"))) != nullptr);
        QVERIFY2(box->text().contains(QStringLiteral("in the clear")), qPrintable(box->text()));
        box->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!visibleBox(&window, QStringLiteral("confirmDecryptDataFolder")));
        QCOMPARE(window.connections().front().get(), c);
        QVERIFY(DataDirKey::isEncrypted(dir.path()));
        emit window.tree()->decryptRequested(c);
        QTRY_VERIFY((box = visibleBox(&window, QStringLiteral("confirmDecryptDataFolder"))) != nullptr);
        box->button(QMessageBox::Yes)->click();
        c = waitForTheConnection(window);
        QVERIFY(c);
        QVERIFY(!visibleBox(&window, QStringLiteral("connectionError")));
        QVERIFY(!DataDirKey::isEncrypted(dir.path()));
        QVERIFY(!c->settings().encrypted);
        QVERIFY(!window.tree()->connectionItem(c)->toolTip(0).contains(QStringLiteral("Encrypted")));
        QCOMPARE(note(*c), kNeedle);
        QVERIFY(folderContains(dir.path(), kNeedle));
        const auto backups = c->callSync(QStringLiteral("ListBackups"), {{QStringLiteral("TableName"), QStringLiteral("notes")}});
        QCOMPARE(backups.body.value(QStringLiteral("BackupSummaries")).toArray().size(), 1);
    }

    // The worker on its own: each file converted is a step named in the
    // progress text; a wrong current passphrase changes nothing; an
    // encrypted folder compacts with its key.
    void conversionsReportTheirFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        {
            ConnectionSettings s;
            s.dataDir = dir.path();
            QString error;
            auto c = Connection::open(s, &error);
            QVERIFY2(c, qPrintable(error));
            uitest::createTable(*c, QStringLiteral("notes"), QStringLiteral("pk"));
            uitest::put(*c, QStringLiteral("notes"), {{QStringLiteral("pk"), uitest::S(QStringLiteral("k1"))}, {QStringLiteral("note"), uitest::S(kNeedle)}});
            backUp(*c, QStringLiteral("notes"));
        }
        const auto run = [&](EncryptionChange::Kind kind, const QByteArray &secret, QString *text) {
            QFuture<EncryptionOutcome> future = QtConcurrent::run(runEncryptionChange, dir.path(), EncryptionChange{kind, secret, {}});
            future.waitForFinished();
            *text = future.progressText();
            // Taken, not copied: the task may still hold the future's
            // results (and so a copy of the engine, and the folder's lock)
            // for a moment after it finished.
            return future.takeResult();
        };
        QString text;
        {
            const EncryptionOutcome out = run(EncryptionChange::Kind::Encrypt, kKey1, &text);
            QVERIFY2(out.engine, qPrintable(out.error));
            QVERIFY2(out.filesConverted >= 2, qPrintable(QString::number(out.filesConverted))); // the database and the backup
            const QString n = QString::number(out.filesConverted);
            QVERIFY2(text.startsWith(QStringLiteral("Encrypting ")) && text.endsWith(QStringLiteral("(%1 of %1)…").arg(n)), qPrintable(text));
        }
        QVERIFY(!folderContains(dir.path(), kNeedle));
        {
            const EncryptionOutcome out = run(EncryptionChange::Kind::Decrypt, kKey2, &text);
            QVERIFY(!out.engine);
            QVERIFY2(out.errorType == DataDirKey::wrongKeyError(), qPrintable(out.errorType + QStringLiteral(": ") + out.error));
            QCOMPARE(out.filesConverted, 0);
        }
        QVERIFY(DataDirKey::isEncrypted(dir.path()));
        {
            auto cancel = std::make_shared<std::atomic<bool>>(false);
            QFuture<CompactionOutcome> future = QtConcurrent::run(runCompaction, dir.path(), std::shared_ptr<const std::atomic<bool>>(cancel), kKey1);
            const CompactionOutcome out = future.takeResult();
            QVERIFY2(out.engine, qPrintable(out.error));
            QCOMPARE(out.files.size(), 1);
        }
        {
            const EncryptionOutcome out = run(EncryptionChange::Kind::Decrypt, kKey1, &text);
            QVERIFY2(out.engine, qPrintable(out.error));
            QVERIFY(text.startsWith(QStringLiteral("Decrypting ")));
        }
        QVERIFY(!DataDirKey::isEncrypted(dir.path()));
        QVERIFY(folderContains(dir.path(), kNeedle));
    }

private:
    QTemporaryDir m_config; // QSettings of the windows: never the user's
};

QTEST_MAIN(TestEncryptedFolders)
#include "tst_encryptedfolders.moc"
