#include "backup/snapshot.h"

#include "backup/canonicalkey.h"

#include "model/json.h"
#include "model/size.h"
#include "storage/changelog.h"
#include "storage/itemscan.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtEndian>


namespace dd::backup {

namespace {

constexpr char kMagic[4] = {'D', 'D', 'B', 'K'};
constexpr quint32 kFormatVersion = 1;
constexpr int kHeaderBytes = 4 + 4 + 8 + 32;

} // namespace

QByteArray canonicalKey(const QJsonObject &description, const QByteArray &itemJson)
{
    return CanonicalKey(description).of(itemJson);
}

Result<Snapshot> Snapshot::read(storage::Database &db, const storage::TableDef &table, qint64 nowMs,
                                const std::function<void(qint64 itemCount, qint64 itemBytes)> &fixed, const std::atomic<bool> *cancel,
                                const std::function<Result<void>(storage::Connection &)> &alsoRead)
{
    return db.read<Snapshot>([&](storage::Connection &c) -> Result<Snapshot> {
        Snapshot s;
        s.description = table.description;
        s.timeMs = nowMs;
        // The first read fixes the snapshot (WAL): with the table's figures
        // when they are wanted (they live in memory: Database::tableStatsInRead
        // fixes it under the write lock), then the log's end.
        if (fixed) {
            DD_ASSIGN(const auto figures, db.tableStatsInRead(c, table.id));
            if (!figures)
                return ApiError::resourceNotFound(QStringLiteral("Requested resource not found"));
            fixed(figures->first, figures->second);
        } else {
            storage::Statement *st = c.prepare("SELECT 1 FROM tables WHERE id = ?");
            if (!st)
                return ApiError::internal(c.lastError());
            st->bind(1, table.id);
            const bool found = st->step();
            st->reset();
            if (!found)
                return ApiError::resourceNotFound(QStringLiteral("Requested resource not found"));
        }
        DD_ASSIGN(s.seq, storage::ChangeLog::lastSeq(c, table.id));
        if (alsoRead)
            DD_CHECK(alsoRead(c));
        DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::hashRange(c, table, storage::HashRange{}));
        const CanonicalKey canonical(table.description);
        storage::StoredRow row;
        for (qint64 n = 1;; ++n) {
            if (cancel && n % 4096 == 0 && cancel->load(std::memory_order_relaxed))
                return ApiError::internal(QStringLiteral("The read of table %1 was interrupted").arg(table.name));
            DD_ASSIGN(const bool more, scan.next(row));
            if (!more)
                break;
            s.items.emplace(canonical.of(row.item.json), row.item.json);
            s.itemBytes += row.item.size;
        }
        return s;
    });
}

QByteArray Snapshot::encode() const
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << QJsonDocument(description).toJson(QJsonDocument::Compact) << seq << timeMs << itemBytes << quint64(items.size());
        for (const auto &[k, v] : items)
            out << k << v;
    }
    QByteArray bytes;
    bytes.reserve(kHeaderBytes + payload.size());
    bytes.append(kMagic, 4);
    QDataStream head(&bytes, QIODevice::Append);
    head << kFormatVersion << quint64(payload.size());
    bytes.append(QCryptographicHash::hash(payload, QCryptographicHash::Sha256));
    bytes.append(payload);
    return bytes;
}

namespace {

ApiError unreadable(const QString &what, const QString &why)
{
    return ApiError::internal(QStringLiteral("%1 is unreadable: %2").arg(what, why));
}

// The header checks of decode() on `bytes`, the start of an encoding of
// `totalSize` bytes: the payload length, or the error.
Result<quint64> checkHeader(const QByteArray &bytes, qint64 totalSize, const QString &what)
{
    if (totalSize < kHeaderBytes || bytes.size() < kHeaderBytes)
        return unreadable(what, QStringLiteral("the file is truncated (%1 bytes)").arg(totalSize));
    if (memcmp(bytes.constData(), kMagic, 4) != 0)
        return unreadable(what, QStringLiteral("not a Dynamodesk backup file"));
    QDataStream head(bytes.mid(4, 12));
    quint32 version = 0;
    quint64 length = 0;
    head >> version >> length;
    if (version != kFormatVersion)
        return unreadable(what, QStringLiteral("unknown format version %1").arg(version));
    if (quint64(totalSize - kHeaderBytes) < length)
        return unreadable(what, QStringLiteral("the file is truncated (%1 of %2 bytes)").arg(totalSize - kHeaderBytes).arg(length));
    if (quint64(totalSize - kHeaderBytes) != length)
        return unreadable(what, QStringLiteral("the file is corrupted (checksum mismatch)"));
    return length;
}

// Reads QDataStream's big-endian integers and QByteArrays (a quint32
// length, 0xffffffff for null, 0xfffffffe then a quint64 for long ones)
// from memory; ok() turns false at the first read past the end.
class StreamReader {
public:
    StreamReader(const char *begin, const char *end) : m_p(begin), m_end(end) {}
    bool ok() const { return m_ok; }
    quint64 u64() { return take(8) ? qFromBigEndian<quint64>(m_p - 8) : 0; }
    void bytes(QByteArray &out)
    {
        if (!take(4))
            return;
        quint64 n = qFromBigEndian<quint32>(m_p - 4);
        if (n == 0xffffffffu) {
            out = QByteArray();
            return;
        }
        if (n == 0xfffffffeu)
            n = u64();
        if (!m_ok || n > quint64(m_end - m_p)) {
            m_ok = false;
            return;
        }
        out = QByteArray(m_p, qsizetype(n));
        m_p += n;
    }

private:
    bool take(qsizetype n)
    {
        if (!m_ok || m_end - m_p < n)
            return m_ok = false;
        m_p += n;
        return true;
    }
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace

Result<QJsonObject> Snapshot::peekDescription(const QByteArray &head, qint64 totalSize, const QString &what, qint64 *needed)
{
    DD_ASSIGN(const quint64 length, checkHeader(head, totalSize, what));
    StreamReader in(head.constData() + kHeaderBytes, head.constData() + head.size());
    QByteArray desc;
    in.bytes(desc);
    if (!in.ok()) {
        // Too short a head, or a description longer than the payload.
        const quint64 descBytes = head.size() >= kHeaderBytes + 4 ? qFromBigEndian<quint32>(head.constData() + kHeaderBytes) : 0;
        if (descBytes == 0xffffffffu || descBytes >= 0xfffffffeu || descBytes + 4 > length)
            return unreadable(what, QStringLiteral("the file is corrupted"));
        *needed = qint64(kHeaderBytes + 4 + descBytes);
        return QJsonObject();
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(desc, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return unreadable(what, QStringLiteral("the file is corrupted"));
    return doc.object();
}

Result<void> Snapshot::verify(const QByteArray &bytes, const QString &what)
{
    DD_ASSIGN(const quint64 length, checkHeader(bytes, bytes.size(), what));
    const QByteArrayView payload(bytes.constData() + kHeaderBytes, qsizetype(length));
    if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != QByteArrayView(bytes.constData() + 16, 32))
        return unreadable(what, QStringLiteral("the file is corrupted (checksum mismatch)"));
    return {};
}

Result<Snapshot> Snapshot::decode(const QByteArray &bytes, const QString &what, bool verifyChecksum)
{
    DD_ASSIGN(const quint64 length, checkHeader(bytes, bytes.size(), what));
    if (verifyChecksum)
        DD_CHECK(verify(bytes, what));
    // QDataStream's encoding (Qt_6_4) read straight from memory: through
    // QDataStream each item cost two QBuffer reads and took three times as long.
    StreamReader in(bytes.constData() + kHeaderBytes, bytes.constData() + kHeaderBytes + length);
    Snapshot s;
    QByteArray desc;
    quint64 count = 0;
    in.bytes(desc);
    s.seq = qint64(in.u64());
    s.timeMs = qint64(in.u64());
    s.itemBytes = qint64(in.u64());
    count = in.u64();
    s.description = QJsonDocument::fromJson(desc).object();
    // The file holds the map in its order: each entry goes at the end.
    for (quint64 i = 0; i < count && in.ok(); ++i) {
        QByteArray k, v;
        in.bytes(k);
        in.bytes(v);
        s.items.emplace_hint(s.items.end(), std::move(k), std::move(v));
    }
    if (!in.ok() || s.items.size() != count)
        return unreadable(what, QStringLiteral("the file is corrupted"));
    return s;
}

} // namespace dd::backup
