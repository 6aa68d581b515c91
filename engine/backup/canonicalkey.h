// CanonicalKey: the canonical key JSON of items under one key schema: the
// key attributes of an item as compact JSON with sorted members, exactly as
// QJsonDocument writes them ({"pk":{"S":"a"},"sk":{"N":"1"}}). Backup files
// and PITR bases key their items by it (backup::ItemMap), and a PITR replay
// finds a logged change's item by it, so its bytes must never change.
// Plain keys (ASCII names and values without escapes, as nearly all are)
// are copied from the item's JSON with no parse; any other falls back to
// QJsonDocument, which the fast path matches byte for byte.
// Threads: a CanonicalKey is immutable; of() may be called from any thread.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace dd::backup {

class CanonicalKey {
public:
    // For tables with the KeySchema of `description` (a TableDescription).
    explicit CanonicalKey(const QJsonObject &description);

    // The canonical key JSON of `itemJson` (DynamoDB JSON of an item or of
    // its keys); empty if a key attribute is missing or the JSON is invalid.
    QByteArray of(QByteArrayView itemJson) const;

private:
    bool fast(QByteArrayView json, QByteArray &out) const;
    QByteArray slow(QByteArrayView json) const;

    QStringList m_names;       // the key attribute names, in KeySchema order
    QList<QByteArray> m_plain; // the names sorted as QJsonObject orders members, if all are plain ASCII; else empty (slow path only)
};

} // namespace dd::backup
