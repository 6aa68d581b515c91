// DataDirKey: a data directory's encryption at rest, and its key file.
//
// An encrypted data directory holds "encryption.json": a random 32-byte
// data key, wrapped (AES-256-GCM) under a key-encryption key derived from
// the user's secret. The secret is either 64 hex digits (a key, as
// `openssl rand -hex 32` makes), used as it is, or a passphrase, stretched
// with PBKDF2-HMAC-SHA256 (kPassphraseIterations, salted). Which of the two
// a directory takes is fixed when it is created. The data key never
// changes, so changing the secret rewraps it and rewrites nothing else.
//
// What the data key encrypts (storage/cipher.h): every region's database
// and WAL (storage/encryptedvfs.h), the backups and their descriptions, the
// PITR base snapshots and Contributor Insights' counts (storage/sealedfile.h). Not encrypted: the lock
// file, the DAX attribute-name lists, the trigger logs, and exports written
// to the local S3 buckets (a user's own copy, taken out on purpose).
//
// Threads: all functions may be called from any thread; the directory's
// lock (storage/datadirlock.h) keeps other processes out.
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>

namespace dd::storage {
struct DataKeys;
}

namespace dd::security {

class DataDirKey {
public:
    static constexpr int kPassphraseIterations = 600000; // OWASP's figure for PBKDF2-HMAC-SHA256 (2023)

    // Error types of open() and the conversions, for callers that ask for the secret again.
    static QString keyRequiredError();  // "EncryptionKeyRequired": the directory is encrypted, no secret given
    static QString wrongKeyError();     // "WrongEncryptionKey": the secret does not open the key file

    // The key file of `dir`, and whether there is one.
    static QString filePath(const QString &dir);
    static bool isEncrypted(const QString &dir);

    // The secret in `path`: its whole content without a final line break
    // (ValidationException if empty or unreadable).
    static Result<QByteArray> readSecretFile(const QString &path);

    // The data keys of encrypted directory `dir`, unwrapped with `secret`.
    // A directory that is not encrypted yet gets a key file if it holds no
    // data (no region database, no backup); one that holds data in the
    // clear is refused (encrypt() converts it).
    static Result<std::shared_ptr<const storage::DataKeys>> open(const QString &dir, const QByteArray &secret);

    // Rewraps the data key of `dir` under `newSecret` (a passphrase or a
    // hex key, as at creation); the data is not rewritten.
    static Result<void> changeSecret(const QString &dir, const QByteArray &secret, const QByteArray &newSecret);

    // Progress of a conversion: the file being converted, its place among `count`.
    using Progress = std::function<void(const QString &file, int index, int count)>;

    // Encrypts the data of `dir` held in the clear under `secret`: each
    // region's database is copied encrypted (VACUUM INTO) and put in place
    // of the original, and the backups and PITR base snapshots are sealed.
    // The key file is written first, so that a conversion cut short (a
    // crash, a full disk) is finished by running it again; until then the
    // directory does not open. The caller holds the directory's lock and
    // has no database of it open.
    static Result<void> encrypt(const QString &dir, const QByteArray &secret, const Progress &progress = {});
    // The reverse: every file in the clear again, then the key file removed.
    static Result<void> decrypt(const QString &dir, const QByteArray &secret, const Progress &progress = {});
};

} // namespace dd::security
