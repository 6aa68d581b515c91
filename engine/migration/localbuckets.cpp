#include "migration/localbuckets.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace dd::migration {

QString LocalBuckets::bucketNameProblem(const QString &bucket)
{
    // DynamoDB's own check of S3Bucket (its model's pattern); S3 applies
    // stricter rules to new buckets, but a folder only needs these.
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$"));
    if (bucket.size() > 255 || !pattern.match(bucket).hasMatch())
        return QStringLiteral("S3 bucket name '%1' is not valid").arg(bucket);
    return QString();
}

QString LocalBuckets::keyProblem(const QString &key)
{
    if (key.toUtf8().size() > 1024)
        return QStringLiteral("An S3 key is at most 1024 bytes long");
    if (key.contains(QChar(0)) || key.contains(QLatin1Char('\\')))
        return QStringLiteral("S3 key '%1' has a character that a local bucket cannot store").arg(key);
    if (key.isEmpty())
        return QStringLiteral("An S3 key cannot be empty");
    for (const QString &segment : key.split(QLatin1Char('/'))) {
        if (segment.isEmpty() || segment == u"." || segment == u"..")
            return QStringLiteral("S3 key '%1' cannot be stored in a local bucket: its parts between slashes must not be empty, '.' or '..'").arg(key);
    }
    return QString();
}

Result<QString> LocalBuckets::pathOf(const QString &bucket, const QString &key) const
{
    if (QString problem = bucketNameProblem(bucket); !problem.isEmpty())
        return ApiError::validation(problem);
    if (QString problem = keyProblem(key); !problem.isEmpty())
        return ApiError::validation(problem);
    return m_root + QLatin1Char('/') + bucket + QLatin1Char('/') + key;
}

Result<void> LocalBuckets::put(const QString &bucket, const QString &key, const QByteArray &bytes) const
{
    DD_ASSIGN(const QString path, pathOf(bucket, key));
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return ApiError::internal(QStringLiteral("Cannot create the folder %1").arg(info.absolutePath()));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return ApiError::internal(QStringLiteral("Cannot write %1: %2").arg(path, out.errorString()));
    return {};
}

Result<QByteArray> LocalBuckets::get(const QString &bucket, const QString &key) const
{
    DD_ASSIGN(const QString path, pathOf(bucket, key));
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Cannot read %1: %2").arg(path, in.errorString()));
    QByteArray bytes = in.readAll();
    if (bytes.size() != in.size())
        return ApiError::internal(QStringLiteral("Cannot read %1: %2").arg(path, in.errorString()));
    return bytes;
}

bool LocalBuckets::hasBucket(const QString &bucket) const
{
    return bucketNameProblem(bucket).isEmpty() && QFileInfo(m_root + QLatin1Char('/') + bucket).isDir();
}

Result<QStringList> LocalBuckets::list(const QString &bucket, const QString &prefix, QList<qint64> *sizes) const
{
    if (QString problem = bucketNameProblem(bucket); !problem.isEmpty())
        return ApiError::validation(problem);
    // Walk the deepest folder the prefix names whole; filter by the rest.
    const QString bucketDir = m_root + QLatin1Char('/') + bucket;
    const qsizetype slash = prefix.lastIndexOf(QLatin1Char('/'));
    const QString folder = slash < 0 ? QString() : prefix.left(slash);
    if (!folder.isEmpty() && !keyProblem(folder).isEmpty())
        return QStringList(); // no object can have such a key here
    const QString start = folder.isEmpty() ? bucketDir : bucketDir + QLatin1Char('/') + folder;
    struct Object {
        QByteArray order;
        QString key;
        qint64 size;
    };
    std::vector<Object> found;
    QDirIterator it(start, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        const QString key = info.filePath().mid(bucketDir.size() + 1);
        if (!key.startsWith(prefix))
            continue;
        bool hidden = false;
        for (const QString &segment : key.split(QLatin1Char('/')))
            hidden = hidden || segment.startsWith(QLatin1Char('.'));
        if (!hidden)
            found.push_back({key.toUtf8(), key, info.size()});
    }
    std::sort(found.begin(), found.end(), [](const Object &a, const Object &b) { return a.order < b.order; });
    QStringList keys;
    for (const Object &o : found) {
        keys.append(o.key);
        if (sizes)
            sizes->append(o.size);
    }
    return keys;
}

} // namespace dd::migration
