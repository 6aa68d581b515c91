#include "streams/sharditerator.h"

#include <QCryptographicHash>
#include <QStringList>

namespace dd::streams {

namespace {

// Not a secret: iterators are opaque to be robust, not to be unforgeable.
constexpr char kSalt[] = "dynamodesk-shard-iterator-v1";

QByteArray checksum(const QByteArray &body)
{
    return QCryptographicHash::hash(kSalt + body, QCryptographicHash::Sha1).toHex().left(12);
}

} // namespace

QString ShardIterator::encode() const
{
    const QByteArray body = shardId.toUtf8() + ';' + QByteArray::number(position) + ';' + QByteArray::number(issuedMs);
    const QByteArray opaque = (body + ';' + checksum(streamArn.toUtf8() + '|' + body)).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    // AWS's iterators: "<StreamArn>|1|<opaque>".
    return streamArn + QStringLiteral("|1|") + QString::fromLatin1(opaque);
}

std::optional<ShardIterator> ShardIterator::decode(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('|'));
    if (parts.size() != 3 || parts[1] != QLatin1String("1") || parts[0].isEmpty())
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(parts[2].toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> fields = decoded.decoded.split(';');
    if (fields.size() != 4)
        return std::nullopt;
    const QByteArray body = fields[0] + ';' + fields[1] + ';' + fields[2];
    if (checksum(parts[0].toUtf8() + '|' + body) != fields[3])
        return std::nullopt;
    ShardIterator it;
    bool ok1 = false, ok2 = false;
    it.streamArn = parts[0];
    it.shardId = QString::fromUtf8(fields[0]);
    it.position = fields[1].toLongLong(&ok1);
    it.issuedMs = fields[2].toLongLong(&ok2);
    if (!ok1 || !ok2)
        return std::nullopt;
    return it;
}

} // namespace dd::streams
