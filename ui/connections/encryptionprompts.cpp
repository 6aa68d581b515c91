#include "connections/encryptionprompts.h"

#include "common/confirm.h"
#include "connections/connection.h"
#include "connections/passphrasedialog.h"

#include <QPointer>

namespace dd::ui {

namespace {

PassphraseDialog *showPassphraseDialog(QWidget *parent, PassphraseDialog::Mode mode, const QString &title, const QString &text,
                                       const QString &error = QString())
{
    auto *dialog = new PassphraseDialog(mode, title, text, parent);
    dialog->setError(error); // before it shows, so that the window makes room for it
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

} // namespace

EncryptionPrompts::EncryptionPrompts(QWidget *parent) : QObject(parent), m_parent(parent) {}

void EncryptionPrompts::askToUnlock(const ConnectionSettings &settings, bool wrong)
{
    const QString folder = settings.dataFolder();
    PassphraseDialog *dialog = showPassphraseDialog(m_parent, PassphraseDialog::Mode::Unlock, tr("Encrypted data folder"),
                                                    tr("The data folder %1 is encrypted. Enter its passphrase to open %2.")
                                                        .arg(folder, settings.displayName()),
                                                    wrong ? tr("This passphrase does not open %1. Try again.").arg(folder) : QString());
    connect(dialog, &QDialog::accepted, this, [this, dialog, settings] { emit unlockGiven(settings, dialog->passphrase()); });
    connect(dialog, &QDialog::rejected, this, [this, settings] { emit unlockRefused(settings); });
}

void EncryptionPrompts::askToEncrypt(Connection *connection)
{
    const QString folder = connection->settings().dataFolder();
    confirm(m_parent, QMessageBox::Question, tr("Encrypt data folder"),
            tr("Encrypting rewrites every database, backup and snapshot in %1 encrypted (AES-256). It closes %2 and its tabs "
               "first and opens it again when it is done.\n\nThe passphrase you choose next is never saved. Without it the data "
               "cannot be read: nobody can recover a forgotten passphrase.")
                .arg(folder, connection->displayName()),
            QStringLiteral("confirmEncryptDataFolder"),
            [this, c = QPointer<Connection>(connection), folder] {
                if (!c)
                    return;
                PassphraseDialog *dialog = showPassphraseDialog(m_parent, PassphraseDialog::Mode::Choose, tr("Encrypt data folder"),
                                                                tr("Choose the passphrase that will open %1.").arg(folder));
                connect(dialog, &QDialog::accepted, this, [this, dialog, c] {
                    if (c)
                        emit changeChosen(c, EncryptionChange{EncryptionChange::Kind::Encrypt, dialog->passphrase(), {}});
                });
            },
            tr("&Encrypt…"));
}

void EncryptionPrompts::askToChangePassphrase(Connection *connection)
{
    withCurrentSecret(connection, [this](Connection *c, const QByteArray &current) {
        const QString folder = c->settings().dataFolder();
        PassphraseDialog *dialog = showPassphraseDialog(m_parent, PassphraseDialog::Mode::Choose, tr("Change passphrase"),
                                                        tr("Choose the new passphrase of %1. Only its key file is rewritten, not the data; "
                                                           "%2 closes and opens again meanwhile.")
                                                            .arg(folder, c->displayName()));
        connect(dialog, &QDialog::accepted, this, [this, dialog, c = QPointer<Connection>(c), current] {
            if (c)
                emit changeChosen(c, EncryptionChange{EncryptionChange::Kind::ChangePassphrase, current, dialog->passphrase()});
        });
    });
}

void EncryptionPrompts::askToDecrypt(Connection *connection)
{
    const QString folder = connection->settings().dataFolder();
    confirm(m_parent, QMessageBox::Warning, tr("Decrypt data folder"),
            tr("Decrypting writes every database, backup and snapshot in %1 to disk in the clear: anyone who can read the folder "
               "can then read the data. It closes %2 and its tabs first and opens it again when it is done.\n\nDecrypt now?")
                .arg(folder, connection->displayName()),
            QStringLiteral("confirmDecryptDataFolder"),
            [this, c = QPointer<Connection>(connection)] {
                if (!c)
                    return;
                withCurrentSecret(c, [this](Connection *opened, const QByteArray &current) {
                    emit changeChosen(opened, EncryptionChange{EncryptionChange::Kind::Decrypt, current, {}});
                });
            },
            tr("&Decrypt"));
}

void EncryptionPrompts::withCurrentSecret(Connection *connection, std::function<void(Connection *, const QByteArray &)> then)
{
    const QString folder = connection->settings().dataFolder();
    const QByteArray known = m_secrets.secret(folder);
    if (!known.isEmpty()) {
        then(connection, known);
        return;
    }
    // Opened without one this session (not through the app's prompts): the
    // change itself checks it, and fails with WrongEncryptionKey if wrong.
    PassphraseDialog *dialog = showPassphraseDialog(m_parent, PassphraseDialog::Mode::Unlock, tr("Encrypted data folder"),
                                                    tr("Enter the current passphrase of %1.").arg(folder));
    connect(dialog, &QDialog::accepted, this, [dialog, c = QPointer<Connection>(connection), then = std::move(then)] {
        if (c)
            then(c, dialog->passphrase());
    });
}

} // namespace dd::ui
