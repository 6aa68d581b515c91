#include "migration/compression.h"

#include <zlib.h>
#include <zstd.h>

namespace dd::migration {

QByteArray gzip(QByteArrayView data)
{
    z_stream z{};
    // 15 + 16: a gzip header and trailer around the deflate stream.
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("zlib's deflateInit2 failed");
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(data.size()))) + 32);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    Q_ASSERT(rc == Z_STREAM_END);
    Q_UNUSED(rc);
    out.resize(qsizetype(z.total_out));
    deflateEnd(&z);
    return out;
}

Result<QByteArray> gunzip(QByteArrayView data, qint64 maxBytes)
{
    QByteArray out;
    qsizetype at = 0;
    while (at < data.size()) {
        z_stream z{};
        if (inflateInit2(&z, 15 + 16) != Z_OK)
            return ApiError::internal(QStringLiteral("zlib cannot start"));
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + at));
        z.avail_in = uInt(data.size() - at);
        int rc = Z_OK;
        // Inflate this member into the end of `out`.
        const qsizetype base = out.size();
        qsizetype used = 0;
        out.resize(base + 256 * 1024);
        for (;;) {
            z.next_out = reinterpret_cast<Bytef *>(out.data() + base + used);
            z.avail_out = uInt(out.size() - base - used);
            const uLong beforeOut = z.total_out;
            rc = inflate(&z, Z_NO_FLUSH);
            used += qsizetype(z.total_out - beforeOut);
            if (rc == Z_STREAM_END)
                break;
            if (rc != Z_OK && rc != Z_BUF_ERROR) {
                inflateEnd(&z);
                return ApiError::internal(QStringLiteral("The data is not gzip, or is corrupted (%1)").arg(QString::fromLatin1(z.msg ? z.msg : "zlib error")));
            }
            if (z.avail_in == 0 && rc == Z_BUF_ERROR) {
                inflateEnd(&z);
                return ApiError::internal(QStringLiteral("The gzip data is truncated"));
            }
            if (base + used > maxBytes) {
                inflateEnd(&z);
                return ApiError::internal(QStringLiteral("The gzip data inflates past %1 bytes").arg(maxBytes));
            }
            if (z.avail_out == 0)
                out.resize(base + used + std::max<qsizetype>(used, 256 * 1024));
        }
        at += qsizetype(z.total_in);
        inflateEnd(&z);
        out.resize(base + used);
        if (out.size() > maxBytes)
            return ApiError::internal(QStringLiteral("The gzip data inflates past %1 bytes").arg(maxBytes));
    }
    return out;
}

Result<QByteArray> unzstd(QByteArrayView data, qint64 maxBytes)
{
    ZSTD_DCtx *ctx = ZSTD_createDCtx();
    if (!ctx)
        return ApiError::internal(QStringLiteral("zstd cannot start"));
    QByteArray out;
    ZSTD_inBuffer in{data.data(), size_t(data.size()), 0};
    qsizetype used = 0;
    size_t rc = 0;
    while (in.pos < in.size) {
        if (out.size() - used < 64 * 1024)
            out.resize(std::max<qsizetype>(out.size() * 2, 256 * 1024));
        ZSTD_outBuffer o{out.data() + used, size_t(out.size() - used), 0};
        rc = ZSTD_decompressStream(ctx, &o, &in);
        used += qsizetype(o.pos);
        if (ZSTD_isError(rc)) {
            const QString why = QString::fromLatin1(ZSTD_getErrorName(rc));
            ZSTD_freeDCtx(ctx);
            return ApiError::internal(QStringLiteral("The data is not zstd, or is corrupted (%1)").arg(why));
        }
        if (used > maxBytes) {
            ZSTD_freeDCtx(ctx);
            return ApiError::internal(QStringLiteral("The zstd data inflates past %1 bytes").arg(maxBytes));
        }
        if (o.pos == 0 && in.pos == in.size)
            break;
    }
    // Output still held inside the decoder (the input was all consumed).
    while (rc != 0) {
        if (out.size() - used < 64 * 1024)
            out.resize(std::max<qsizetype>(out.size() * 2, 256 * 1024));
        ZSTD_outBuffer o{out.data() + used, size_t(out.size() - used), 0};
        const size_t before = o.pos;
        rc = ZSTD_decompressStream(ctx, &o, &in);
        used += qsizetype(o.pos);
        if (ZSTD_isError(rc)) {
            ZSTD_freeDCtx(ctx);
            return ApiError::internal(QStringLiteral("The zstd data is corrupted (%1)").arg(QString::fromLatin1(ZSTD_getErrorName(rc))));
        }
        if (used > maxBytes) {
            ZSTD_freeDCtx(ctx);
            return ApiError::internal(QStringLiteral("The zstd data inflates past %1 bytes").arg(maxBytes));
        }
        if (o.pos == before && rc != 0) {
            ZSTD_freeDCtx(ctx);
            return ApiError::internal(QStringLiteral("The zstd data is truncated"));
        }
    }
    ZSTD_freeDCtx(ctx);
    out.resize(used);
    return out;
}

} // namespace dd::migration
