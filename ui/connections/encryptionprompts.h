// EncryptionPrompts: the questions the app asks about an embedded data
// folder's encryption at rest, before the main window acts: the passphrase
// of an encrypted folder that is opening (askToUnlock), and for the
// connection menu's Encrypt data folder… (a confirmation, then the new
// passphrase twice), Change passphrase… (the new one twice) and Decrypt
// data folder… (a confirmation: the data goes to disk in the clear). Each
// dialog is window-modal, shown with open() (never blocking the event
// loop) and deleted when closed; the answers come back as signals.
//
// Holds the session's passphrases (sessionsecrets.h): a change that needs
// the current one takes it from there, or asks for it first. GUI thread.
#pragma once

#include "connections/connectionsettings.h"
#include "connections/encryptionchange.h"
#include "connections/sessionsecrets.h"

#include <QObject>

#include <functional>

class QWidget;

namespace dd::ui {

class Connection;

class EncryptionPrompts : public QObject {
    Q_OBJECT
public:
    explicit EncryptionPrompts(QWidget *parent); // the dialogs' parent
    SessionSecrets &secrets() { return m_secrets; }

    // Asks for the passphrase that opens `settings`' encrypted folder;
    // `wrong`: the last one given did not. Emits unlockGiven or unlockRefused.
    void askToUnlock(const ConnectionSettings &settings, bool wrong);
    // Encrypt data folder…, Change passphrase…, Decrypt data folder… of an
    // embedded connection on disk: asks, then emits changeChosen.
    void askToEncrypt(Connection *connection);
    void askToChangePassphrase(Connection *connection);
    void askToDecrypt(Connection *connection);
    // The current secret of `connection`'s folder, asked for if the session
    // has none; `then` runs with it (not if the user cancels, or the
    // connection is gone meanwhile).
    void withCurrentSecret(Connection *connection, std::function<void(Connection *, const QByteArray &)> then);

signals:
    void unlockGiven(const ConnectionSettings &settings, const QByteArray &secret);
    void unlockRefused(const ConnectionSettings &settings);
    void changeChosen(Connection *connection, const EncryptionChange &change);

private:
    QWidget *m_parent;
    SessionSecrets m_secrets;
};

} // namespace dd::ui
