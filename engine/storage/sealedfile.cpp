#include "storage/sealedfile.h"

#include <QFile>
#include <QIODevice>

#include <cstring>

namespace dd::storage::sealedfile {

namespace {

constexpr char kMagic[8] = {'D', 'D', 'S', 'E', 'A', 'L', 'E', 'D'};
constexpr int kVersion = 1;
constexpr int kSaltBytes = 32;
constexpr qint64 kSealedChunkBytes = kChunkBytes + cipher::kTagBytes;

void putU32(unsigned char *p, quint32 v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = static_cast<unsigned char>(v >> (24 - 8 * i));
}

quint32 getU32(const unsigned char *p)
{
    return (quint32(p[0]) << 24) | (quint32(p[1]) << 16) | (quint32(p[2]) << 8) | quint32(p[3]);
}

struct FileKey {
    Key256 key;
    unsigned char header[kHeaderBytes];
};

FileKey fileKey(const DataKeys &keys, const unsigned char *header)
{
    FileKey k;
    std::memcpy(k.header, header, kHeaderBytes);
    const QByteArray salt(reinterpret_cast<const char *>(header + 16), kSaltBytes);
    k.key = cipher::hkdf(keys.file.data(), int(keys.file.size()), salt, QByteArrayLiteral("dynamodesk sealed file v1"));
    return k;
}

void chunkNonce(qint64 index, unsigned char nonce[cipher::kNonceBytes])
{
    std::memset(nonce, 0, cipher::kNonceBytes);
    for (int i = 0; i < 8; ++i)
        nonce[4 + i] = static_cast<unsigned char>(quint64(index) >> (56 - 8 * i));
}

void chunkAad(const FileKey &k, bool last, unsigned char aad[kHeaderBytes + 1])
{
    std::memcpy(aad, k.header, kHeaderBytes);
    aad[kHeaderBytes] = last ? 1 : 0;
}

// Chunks of a sealed file with `plain` bytes of plaintext (one, empty, for none).
qint64 chunkCount(qint64 plain)
{
    return plain == 0 ? 1 : (plain + kChunkBytes - 1) / kChunkBytes;
}

ApiError damaged(const QString &what, const QString &why)
{
    return ApiError::internal(QStringLiteral("%1 cannot be read: %2").arg(what, why));
}

// Decrypts chunk `index` (`sealedChunk`, its ciphertext and tag) of a file
// whose plaintext has `plain` bytes, appending it to `out`.
bool openChunk(const FileKey &k, qint64 index, qint64 plain, const char *sealedChunk, qint64 sealedLength, QByteArray &out)
{
    const qint64 n = sealedLength - cipher::kTagBytes;
    unsigned char nonce[cipher::kNonceBytes];
    chunkNonce(index, nonce);
    unsigned char aad[kHeaderBytes + 1];
    chunkAad(k, index == chunkCount(plain) - 1, aad);
    const qsizetype at = out.size();
    out.resize(at + n);
    const auto *in = reinterpret_cast<const unsigned char *>(sealedChunk);
    return cipher::gcmOpen(k.key, nonce, aad, int(sizeof aad), in, int(n), reinterpret_cast<unsigned char *>(out.data() + at), in + n);
}

Result<FileKey> headerKey(const DataKeys &keys, const QByteArray &head, qint64 sealedBytes, qint64 *plain, const QString &what)
{
    if (!isSealed(head))
        return damaged(what, QStringLiteral("it is not an encrypted file of this data directory"));
    const auto *h = reinterpret_cast<const unsigned char *>(head.constData());
    if (getU32(h + 8) != kVersion || getU32(h + 12) != kChunkBytes)
        return damaged(what, QStringLiteral("its encryption format is unknown"));
    *plain = plainSize(sealedBytes);
    if (*plain < 0)
        return damaged(what, QStringLiteral("it is truncated"));
    return fileKey(keys, h);
}

// A chunk whose tag does not match.
ApiError changed(const QString &what)
{
    return damaged(what, QStringLiteral("it was changed or damaged, or belongs to another encryption key"));
}

} // namespace

bool isSealed(const QByteArray &head)
{
    return head.size() >= kHeaderBytes && std::memcmp(head.constData(), kMagic, sizeof kMagic) == 0;
}

qint64 plainSize(qint64 sealedBytes)
{
    const qint64 body = sealedBytes - kHeaderBytes;
    if (body < cipher::kTagBytes)
        return -1;
    const qint64 chunks = (body + kSealedChunkBytes - 1) / kSealedChunkBytes;
    const qint64 plain = body - chunks * cipher::kTagBytes;
    return chunkCount(plain) == chunks ? plain : -1;
}

QByteArray seal(const DataKeys &keys, const QByteArray &plain)
{
    const qint64 chunks = chunkCount(plain.size());
    QByteArray out(kHeaderBytes + plain.size() + chunks * cipher::kTagBytes, Qt::Uninitialized);
    auto *h = reinterpret_cast<unsigned char *>(out.data());
    std::memcpy(h, kMagic, sizeof kMagic);
    putU32(h + 8, kVersion);
    putU32(h + 12, kChunkBytes);
    cipher::randomBytes(h + 16, kSaltBytes);
    const FileKey k = fileKey(keys, h);
    unsigned char *o = h + kHeaderBytes;
    const auto *in = reinterpret_cast<const unsigned char *>(plain.constData());
    for (qint64 i = 0; i < chunks; ++i) {
        const int n = int(std::min<qint64>(kChunkBytes, plain.size() - i * kChunkBytes));
        unsigned char nonce[cipher::kNonceBytes];
        chunkNonce(i, nonce);
        unsigned char aad[kHeaderBytes + 1];
        chunkAad(k, i == chunks - 1, aad);
        cipher::gcmSeal(k.key, nonce, aad, int(sizeof aad), in + i * kChunkBytes, n, o, o + n);
        o += n + cipher::kTagBytes;
    }
    return out;
}

Result<QByteArray> open(const DataKeys &keys, const QByteArray &sealed, const QString &what)
{
    qint64 plain = 0;
    DD_ASSIGN(const FileKey k, headerKey(keys, sealed, sealed.size(), &plain, what));
    QByteArray out;
    out.reserve(plain);
    const qint64 chunks = chunkCount(plain);
    for (qint64 i = 0; i < chunks; ++i) {
        const qint64 at = kHeaderBytes + i * kSealedChunkBytes;
        const qint64 length = std::min<qint64>(kSealedChunkBytes, sealed.size() - at);
        if (!openChunk(k, i, plain, sealed.constData() + at, length, out))
            return changed(what);
    }
    return out;
}

Result<QByteArray> openHead(const DataKeys &keys, QIODevice &file, qint64 maxBytes, const QString &what)
{
    const qint64 size = file.size();
    if (!file.seek(0))
        return damaged(what, file.errorString());
    const QByteArray head = file.read(kHeaderBytes);
    qint64 plain = 0;
    DD_ASSIGN(const FileKey k, headerKey(keys, head, size, &plain, what));
    QByteArray out;
    // At least the first chunk, whose tag also vouches for the header.
    for (qint64 i = 0; i < chunkCount(plain) && (i == 0 || out.size() < maxBytes); ++i) {
        const QByteArray chunk = file.read(kSealedChunkBytes);
        const qint64 expected = std::min<qint64>(kSealedChunkBytes, size - kHeaderBytes - i * kSealedChunkBytes);
        if (chunk.size() != expected)
            return damaged(what, file.errorString());
        if (!openChunk(k, i, plain, chunk.constData(), chunk.size(), out))
            return changed(what);
    }
    return out;
}

Result<QByteArray> readFile(const QString &path, const DataKeys *keys, const QString &what)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Cannot read %1: %2").arg(what, f.errorString()));
    const QByteArray bytes = f.readAll();
    if (bytes.size() != f.size())
        return ApiError::internal(QStringLiteral("Cannot read %1: %2").arg(what, f.errorString()));
    if (!keys)
        return bytes;
    return open(*keys, bytes, what);
}

} // namespace dd::storage::sealedfile
