// Changing how an embedded connection's data folder is encrypted at rest
// (the connection menu's "Encrypt data folder…", "Change passphrase…" and
// "Decrypt data folder…"), the way compaction.h compacts it: the caller
// closes the connection first (its engine holds the folder's lock);
// runEncryptionChange() then opens the folder again with
// EngineOptions::encryptionChange or newEncryptionKey, reporting each file
// it converts as a step (progress text: the file and its n of m), and hands
// back the opened engine. A conversion has no Cancel: one cut short (a
// crash, a full disk) leaves the folder unopenable until it runs again. The
// future finishes with its outcome either way (never cancelled, so that the
// opened engine is not dropped).
// Runs off the GUI thread (QtConcurrent::run).
#pragma once

#include <QByteArray>
#include <QPromise>
#include <QString>

#include <memory>

namespace dd::api {
class Engine;
}

namespace dd::ui {

struct EncryptionChange {
    enum class Kind { Encrypt, ChangePassphrase, Decrypt };
    Kind kind = Kind::Encrypt;
    QByteArray secret;    // Encrypt: the passphrase (or 64-hex-digit key) to encrypt with; else the current one
    QByteArray newSecret; // ChangePassphrase: the one that replaces it (the data is not rewritten)
};

struct EncryptionOutcome {
    std::shared_ptr<api::Engine> engine; // the folder opened again; null if it could not be (see error)
    QString error;                       // why not, one line
    QString errorType;                   // the ApiError's type (DataDirKey::wrongKeyError(): the secret did not open it)
    int filesConverted = 0;              // databases, backups and PITR snapshots rewritten
};

void runEncryptionChange(QPromise<EncryptionOutcome> &promise, const QString &dataDir, const EncryptionChange &change);

} // namespace dd::ui
