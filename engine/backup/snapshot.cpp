#include "backup/snapshot.h"

#include "api/keys.h"
#include "model/json.h"
#include "model/size.h"
#include "storage/changelog.h"
#include "storage/itemscan.h"
#include "storage/itemstore.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <tuple>

namespace dd::backup {

namespace {

constexpr char kMagic[4] = {'D', 'D', 'B', 'K'};
constexpr quint32 kFormatVersion = 1;
constexpr int kHeaderBytes = 4 + 4 + 8 + 32;

QStringList keyNames(const QJsonObject &description)
{
    QStringList names;
    for (const auto &v : description.value(QStringLiteral("KeySchema")).toArray())
        names << v.toObject().value(QStringLiteral("AttributeName")).toString();
    return names;
}

} // namespace

QByteArray canonicalKey(const QJsonObject &description, const QByteArray &itemJson)
{
    const QJsonObject item = QJsonDocument::fromJson(itemJson).object();
    QJsonObject key;
    for (const QString &n : keyNames(description)) {
        if (!item.contains(n))
            return {};
        key.insert(n, item.value(n));
    }
    return QJsonDocument(key).toJson(QJsonDocument::Compact);
}

Result<Snapshot> Snapshot::read(storage::Database &db, const storage::TableDef &table, qint64 nowMs)
{
    return db.read<Snapshot>([&](storage::Connection &c) -> Result<Snapshot> {
        Snapshot s;
        s.description = table.description;
        s.timeMs = nowMs;
        DD_ASSIGN(s.seq, storage::ChangeLog::lastSeq(c, table.id));
        DD_ASSIGN(storage::ItemScan scan, storage::ItemScan::hashRange(c, table, storage::HashRange{}));
        storage::StoredRow row;
        for (;;) {
            DD_ASSIGN(const bool more, scan.next(row));
            if (!more)
                break;
            s.items.emplace(canonicalKey(table.description, row.item.json), row.item.json);
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

Result<Snapshot> Snapshot::decode(const QByteArray &bytes, const QString &what)
{
    auto bad = [&](const QString &why) { return ApiError::internal(QStringLiteral("%1 is unreadable: %2").arg(what, why)); };
    if (bytes.size() < kHeaderBytes)
        return bad(QStringLiteral("the file is truncated (%1 bytes)").arg(bytes.size()));
    if (memcmp(bytes.constData(), kMagic, 4) != 0)
        return bad(QStringLiteral("not a Dynamodesk backup file"));
    QDataStream head(bytes.mid(4, 12));
    quint32 version = 0;
    quint64 length = 0;
    head >> version >> length;
    if (version != kFormatVersion)
        return bad(QStringLiteral("unknown format version %1").arg(version));
    if (quint64(bytes.size() - kHeaderBytes) < length)
        return bad(QStringLiteral("the file is truncated (%1 of %2 bytes)").arg(bytes.size() - kHeaderBytes).arg(length));
    const QByteArray payload = bytes.mid(kHeaderBytes, qsizetype(length));
    if (QCryptographicHash::hash(payload, QCryptographicHash::Sha256) != bytes.mid(16, 32) || quint64(bytes.size() - kHeaderBytes) != length)
        return bad(QStringLiteral("the file is corrupted (checksum mismatch)"));
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    Snapshot s;
    QByteArray desc;
    quint64 count = 0;
    in >> desc >> s.seq >> s.timeMs >> s.itemBytes >> count;
    s.description = QJsonDocument::fromJson(desc).object();
    for (quint64 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QByteArray k, v;
        in >> k >> v;
        s.items.emplace(std::move(k), std::move(v));
    }
    if (in.status() != QDataStream::Ok || s.items.size() != count)
        return bad(QStringLiteral("the file is corrupted"));
    return s;
}

Result<qint64> loadItems(storage::Database &db, const QString &tableName, const ItemMap &items, int pageSize)
{
    auto table = db.table(tableName);
    if (!table)
        return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted during the restore").arg(tableName));
    // Storage order first: the map is in canonical-JSON order, which is
    // random against the table's (h, pk, sk) order, so inserting in it
    // touches a different B-tree page with nearly every row and each commit
    // writes hundreds of pages to the WAL; in key order the rows append.
    struct Row {
        storage::StoredKey key;
        QByteArray keysJson;
        const QByteArray *json;
        qint64 size;
    };
    std::vector<Row> rows;
    rows.reserve(items.size());
    for (const auto &[canonical, json] : items) {
        auto item = model::itemFromStoredJson(json);
        if (!item)
            return ApiError::internal(QStringLiteral("A restored item is not valid DynamoDB JSON"));
        DD_ASSIGN(api::ItemKey key, api::keyFromItem(*table, *item));
        rows.push_back({std::move(key.stored), model::itemToJsonBytes(key.attributes), &json, model::itemSize(*item)});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return std::tie(a.key.hash, a.key.pk, a.key.sk) < std::tie(b.key.hash, b.key.pk, b.key.sk);
    });
    size_t next = 0;
    while (next < rows.size()) {
        DD_CHECK(db.write<void>([&](storage::WriteTxn &txn) -> Result<void> {
            auto current = db.table(tableName);
            if (!current || current->id != table->id)
                return ApiError::resourceNotFound(QStringLiteral("Table %1 was deleted during the restore").arg(tableName));
            for (int n = 0; n < pageSize && next < rows.size(); ++n, ++next) {
                const Row &r = rows[next];
                DD_ASSIGN(auto old, storage::ItemStore::get(txn.conn, *current, r.key));
                DD_CHECK(storage::applyPut(txn, *current, r.key, r.keysJson, old, storage::StoredItem{r.size, *r.json}));
            }
            return {};
        }));
    }
    return qint64(rows.size());
}

} // namespace dd::backup
