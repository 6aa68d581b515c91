#include "security/datadirkey.h"

#include "insights/recorder.h"

#include "storage/cipher.h"
#include "storage/connection.h"
#include "storage/encryptedvfs.h"
#include "storage/sealedfile.h"
#include "storage/wholefile.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace dd::security {

namespace {

using storage::DataKeys;
using storage::Key256;
namespace cipher = storage::cipher;
namespace encryptedvfs = storage::encryptedvfs;
namespace sealedfile = storage::sealedfile;

const QString kFormat = QStringLiteral("dynamodesk data directory key");
const QString kKdfPbkdf2 = QStringLiteral("PBKDF2-HMAC-SHA256");
const QString kKdfHex = QStringLiteral("hex key");
const QByteArray kWrapAad = QByteArrayLiteral("dynamodesk data key v1");
constexpr int kSaltBytes = 16;
constexpr int kDataKeyBytes = 32;
const QString kConverting = QStringLiteral(".converting");

QString b64(const QByteArray &b)
{
    return QString::fromLatin1(b.toBase64());
}

QByteArray unb64(const QJsonValue &v)
{
    return QByteArray::fromBase64(v.toString().toLatin1());
}

bool isHexKey(const QByteArray &secret)
{
    return secret.size() == 64 && std::all_of(secret.begin(), secret.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

Key256 keyEncryptionKey(const QString &kdf, const QByteArray &secret, const QByteArray &salt, int iterations)
{
    if (kdf == kKdfHex) {
        const QByteArray raw = QByteArray::fromHex(secret);
        return cipher::hkdf(reinterpret_cast<const unsigned char *>(raw.constData()), int(raw.size()), salt,
                            QByteArrayLiteral("dynamodesk key-encryption key v1"));
    }
    return cipher::pbkdf2(secret, salt, iterations);
}

// The key file's object for `dataKey` under `secret`.
QJsonObject wrap(const QByteArray &dataKey, const QByteArray &secret)
{
    // 64 hex digits are a key; anything else a passphrase.
    const QString kdf = isHexKey(secret) ? kKdfHex : kKdfPbkdf2;
    const QByteArray salt = cipher::randomBytes(kSaltBytes);
    const int iterations = kdf == kKdfHex ? 0 : DataDirKey::kPassphraseIterations;
    const Key256 kek = keyEncryptionKey(kdf, secret, salt, iterations);
    QByteArray wrapped(cipher::kNonceBytes + kDataKeyBytes + cipher::kTagBytes, Qt::Uninitialized);
    auto *w = reinterpret_cast<unsigned char *>(wrapped.data());
    cipher::randomBytes(w, cipher::kNonceBytes);
    cipher::gcmSeal(kek, w, reinterpret_cast<const unsigned char *>(kWrapAad.constData()), int(kWrapAad.size()),
                    reinterpret_cast<const unsigned char *>(dataKey.constData()), kDataKeyBytes, w + cipher::kNonceBytes,
                    w + cipher::kNonceBytes + kDataKeyBytes);
    QJsonObject o{{QStringLiteral("format"), kFormat},
                  {QStringLiteral("version"), 1},
                  {QStringLiteral("kdf"), kdf},
                  {QStringLiteral("salt"), b64(salt)},
                  {QStringLiteral("wrappedKey"), b64(wrapped)},
                  {QStringLiteral("cipher"), QStringLiteral("AES-256-GCM (pages of 4096 bytes, 32 reserved); AES-256-CTR journals")},
                  {QStringLiteral("changed"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
    if (iterations)
        o.insert(QStringLiteral("iterations"), iterations);
    return o;
}

// The key file's object for a new random data key.
QJsonObject wrapNewKey(const QByteArray &secret)
{
    return wrap(cipher::randomBytes(kDataKeyBytes), secret);
}

Result<void> writeKeyFile(const QString &dir, const QJsonObject &o)
{
    if (const auto why = storage::writeWholeFile(DataDirKey::filePath(dir), QJsonDocument(o).toJson()))
        return ApiError::internal(QStringLiteral("Cannot write the key file %1: %2").arg(DataDirKey::filePath(dir), *why));
    return {};
}

// The data key of `dir`, unwrapped with `secret`.
Result<QByteArray> unwrap(const QString &dir, const QByteArray &secret)
{
    const QString path = DataDirKey::filePath(dir);
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Cannot read the key file %1: %2").arg(path, f.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    const QString kdf = o.value(QStringLiteral("kdf")).toString();
    const QByteArray salt = unb64(o.value(QStringLiteral("salt")));
    const QByteArray wrapped = unb64(o.value(QStringLiteral("wrappedKey")));
    const int iterations = o.value(QStringLiteral("iterations")).toInt();
    if (o.value(QStringLiteral("format")).toString() != kFormat || o.value(QStringLiteral("version")).toInt() != 1
        || (kdf != kKdfHex && (kdf != kKdfPbkdf2 || iterations < 1)) || salt.isEmpty()
        || wrapped.size() != cipher::kNonceBytes + kDataKeyBytes + cipher::kTagBytes)
        return ApiError::internal(QStringLiteral("The key file %1 is damaged or of an unknown format").arg(path));
    if (kdf == kKdfHex && !isHexKey(secret))
        return ApiError(DataDirKey::wrongKeyError(),
                        QStringLiteral("The key or passphrase does not open the data directory %1: it is encrypted with a key of 64 hex "
                                       "digits, and the secret given is not one").arg(dir));
    const Key256 kek = keyEncryptionKey(kdf, secret, salt, iterations);
    const auto *w = reinterpret_cast<const unsigned char *>(wrapped.constData());
    QByteArray dataKey(kDataKeyBytes, Qt::Uninitialized);
    if (!cipher::gcmOpen(kek, w, reinterpret_cast<const unsigned char *>(kWrapAad.constData()), int(kWrapAad.size()),
                         w + cipher::kNonceBytes, kDataKeyBytes, reinterpret_cast<unsigned char *>(dataKey.data()),
                         w + cipher::kNonceBytes + kDataKeyBytes))
        return ApiError(DataDirKey::wrongKeyError(), QStringLiteral("The key or passphrase does not open the data directory %1").arg(dir));
    return dataKey;
}

QStringList regionFiles(const QString &dir)
{
    QStringList out;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.db")}, QDir::Files, QDir::Name))
        out << QDir(dir).filePath(f);
    return out;
}

// The engine's own files that are sealed when the directory is encrypted:
// backups and their descriptions, PITR base snapshots, Contributor Insights'
// counts (they hold keys).
QStringList sealableFiles(const QString &dir)
{
    QStringList out;
    const QString insights = QDir(dir).filePath(QLatin1String(insights::kRecorderFileName));
    if (QFileInfo::exists(insights))
        out << insights;
    const QDir backups(QDir(dir).filePath(QStringLiteral("backups")));
    for (const QString &f : backups.entryList({QStringLiteral("*.json"), QStringLiteral("*.ddbackup")}, QDir::Files, QDir::Name))
        out << backups.filePath(f);
    for (const QString &d : QDir(dir).entryList({QStringLiteral("*.db-pitr")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir pitr(QDir(dir).filePath(d));
        for (const QString &f : pitr.entryList({QStringLiteral("*.base")}, QDir::Files, QDir::Name))
            out << pitr.filePath(f);
    }
    return out;
}

bool holdsData(const QString &dir)
{
    return !regionFiles(dir).isEmpty() || !sealableFiles(dir).isEmpty();
}

bool fileIsSealed(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && sealedfile::isSealed(f.read(sealedfile::kHeaderBytes));
}

QByteArray sqlQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QStringLiteral("''"));
    return '\'' + q.toUtf8() + '\'';
}

// Rewrites database `path` through VACUUM INTO: encrypted with `keys` if
// `toEncrypted`, else in the clear; then puts the copy in its place.
Result<void> convertDatabase(const QString &path, const std::shared_ptr<const DataKeys> &keys, bool toEncrypted)
{
    const QString copy = path + kConverting;
    QFile::remove(copy);
    QFile::remove(copy + QStringLiteral("-journal"));
    const quint64 id = encryptedvfs::add(keys);
    auto unregister = qScopeGuard([id] { encryptedvfs::remove(id); });
    const char *encryptedVfs = encryptedvfs::name();
    {
        std::unique_ptr<storage::Connection> c;
        if (toEncrypted) {
            DD_ASSIGN(c, storage::Connection::open(path, false));
            // The copy takes the source's page size and its wanted reserve.
            int reserve = encryptedvfs::kReserveBytes;
            (void)sqlite3_file_control(c->handle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
        } else {
            DD_ASSIGN(c, storage::Connection::open(encryptedvfs::uri(path, id), false, encryptedVfs));
        }
        DD_CHECK(c->exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        const QString target = toEncrypted ? encryptedvfs::uri(copy, id) + QStringLiteral("&vfs=") + QString::fromLatin1(encryptedVfs)
                                           : QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(copy, "/"))
                                                 + QStringLiteral("?vfs=") + QString::fromLatin1(sqlite3_vfs_find(nullptr)->zName);
        if (auto done = c->exec("VACUUM INTO " + sqlQuote(target)); !done.ok()) {
            QFile::remove(copy);
            return ApiError::internal(QStringLiteral("Cannot convert %1: %2").arg(path, done.error().message()));
        }
    }
    // Closed: the last connection folded the WAL in and removed it.
    if (QFileInfo(path + QStringLiteral("-wal")).size() > 0) {
        QFile::remove(copy);
        return ApiError::internal(QStringLiteral("Cannot convert %1: its WAL is in use").arg(path));
    }
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(copy).constData(), QFile::encodeName(path).constData()) != 0)
        return ApiError::internal(QStringLiteral("Cannot put %1 in place of %2: %3").arg(copy, path, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

Result<void> convertFile(const QString &path, const DataKeys &keys, bool toSealed)
{
    DD_ASSIGN(const QByteArray bytes, sealedfile::readFile(path, toSealed ? nullptr : &keys, path));
    if (const auto why = storage::writeWholeFile(path, bytes, toSealed ? &keys : nullptr))
        return ApiError::internal(QStringLiteral("Cannot rewrite %1: %2").arg(path, *why));
    return {};
}

// Converts every file of `dir` not yet so: encrypted or sealed if
// `toEncrypted`, else in the clear.
Result<void> convertAll(const QString &dir, const std::shared_ptr<const DataKeys> &keys, bool toEncrypted, const DataDirKey::Progress &progress)
{
    QStringList todo;
    for (const QString &f : regionFiles(dir))
        if (encryptedvfs::isPlainDatabase(f) == toEncrypted)
            todo << f;
    for (const QString &f : sealableFiles(dir))
        if (fileIsSealed(f) != toEncrypted)
            todo << f;
    for (int i = 0; i < todo.size(); ++i) {
        if (progress)
            progress(todo.at(i), i, int(todo.size()));
        if (todo.at(i).endsWith(QStringLiteral(".db"))) {
            DD_CHECK(convertDatabase(todo.at(i), keys, toEncrypted));
        } else {
            DD_CHECK(convertFile(todo.at(i), *keys, toEncrypted));
        }
    }
    return {};
}

} // namespace

QString DataDirKey::keyRequiredError()
{
    return QStringLiteral("EncryptionKeyRequired");
}

QString DataDirKey::wrongKeyError()
{
    return QStringLiteral("WrongEncryptionKey");
}

QString DataDirKey::filePath(const QString &dir)
{
    return QDir(dir).filePath(QStringLiteral("encryption.json"));
}

bool DataDirKey::isEncrypted(const QString &dir)
{
    return QFileInfo::exists(filePath(dir));
}

Result<QByteArray> DataDirKey::readSecretFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::validation(QStringLiteral("Cannot read the key file %1: %2").arg(path, f.errorString()));
    QByteArray secret = f.readAll();
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty())
        return ApiError::validation(QStringLiteral("The key file %1 is empty").arg(path));
    return secret;
}

Result<std::shared_ptr<const DataKeys>> DataDirKey::open(const QString &dir, const QByteArray &secret)
{
    if (secret.isEmpty())
        return ApiError::validation(QStringLiteral("The encryption key or passphrase is empty"));
    if (!isEncrypted(dir)) {
        if (holdsData(dir))
            return ApiError::validation(QStringLiteral("The data directory %1 holds data in the clear: encrypt it first "
                                                       "(dynamodesk-server --encrypt-data-dir)").arg(dir));
        DD_CHECK(writeKeyFile(dir, wrapNewKey(secret)));
    }
    DD_ASSIGN(const QByteArray dataKey, unwrap(dir, secret));
    // A conversion cut short left files of both kinds: finish it first.
    for (const QString &f : regionFiles(dir))
        if (encryptedvfs::isPlainDatabase(f))
            return ApiError::validation(QStringLiteral("The data directory %1 is encrypted, but %2 is not: an encryption was cut short; "
                                                       "run it again to finish (dynamodesk-server --encrypt-data-dir)").arg(dir, f));
    return DataKeys::derive(dataKey);
}

Result<void> DataDirKey::changeSecret(const QString &dir, const QByteArray &secret, const QByteArray &newSecret)
{
    if (newSecret.isEmpty())
        return ApiError::validation(QStringLiteral("The new encryption key or passphrase is empty"));
    DD_ASSIGN(const QByteArray dataKey, unwrap(dir, secret));
    return writeKeyFile(dir, wrap(dataKey, newSecret));
}

Result<void> DataDirKey::encrypt(const QString &dir, const QByteArray &secret, const Progress &progress)
{
    if (secret.isEmpty())
        return ApiError::validation(QStringLiteral("The encryption key or passphrase is empty"));
    if (!isEncrypted(dir))
        DD_CHECK(writeKeyFile(dir, wrapNewKey(secret)));
    DD_ASSIGN(const QByteArray dataKey, unwrap(dir, secret));
    return convertAll(dir, DataKeys::derive(dataKey), true, progress);
}

Result<void> DataDirKey::decrypt(const QString &dir, const QByteArray &secret, const Progress &progress)
{
    if (!isEncrypted(dir))
        return ApiError::validation(QStringLiteral("The data directory %1 is not encrypted").arg(dir));
    DD_ASSIGN(const QByteArray dataKey, unwrap(dir, secret));
    DD_CHECK(convertAll(dir, DataKeys::derive(dataKey), false, progress));
    if (!QFile::remove(filePath(dir)))
        return ApiError::internal(QStringLiteral("Cannot remove the key file %1").arg(filePath(dir)));
    return {};
}

} // namespace dd::security
