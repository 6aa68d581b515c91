// LocalBuckets: the Amazon S3 buckets that exports write to and imports
// read from, emulated as folders of this machine: object KEY of bucket B is
// the file <root>/B/KEY. <root> is EngineOptions::s3Dir (by default the data
// directory's "s3" folder). A user drops files into <root>/B/prefix/ to
// import them and finds an export's files under the same path as on S3.
// Keys map to paths segment by segment, so keys that a file system cannot
// hold ("a//b", "../x", a trailing "/") are refused, with a message that
// says why; every other S3 key works.
// Threads: every method may be called from any thread (each works on files
// of its own; put() writes a temporary file and renames it).
#pragma once

#include "model/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace dd::migration {

class LocalBuckets {
public:
    explicit LocalBuckets(QString root) : m_root(std::move(root)) {}
    const QString &root() const { return m_root; }

    // Why `bucket` is not a bucket name S3 accepts (3-63 characters: lower
    // case letters, digits, dots and hyphens, starting and ending with a
    // letter or digit); empty if it is one.
    static QString bucketNameProblem(const QString &bucket);
    // Why `key` cannot be an object key here; empty if it can.
    static QString keyProblem(const QString &key);

    // The file of object `key` in `bucket`. Errors: ValidationException
    // for a bad bucket name or key.
    Result<QString> pathOf(const QString &bucket, const QString &key) const;
    // Writes the object, creating the bucket's folders as needed; an
    // existing object is replaced whole (a reader never sees half a file).
    Result<void> put(const QString &bucket, const QString &key, const QByteArray &bytes) const;
    // The object's bytes. Error: an InternalServerError naming the file.
    Result<QByteArray> get(const QString &bucket, const QString &key) const;
    // Whether the bucket's folder exists.
    bool hasBucket(const QString &bucket) const;
    // The keys of the bucket's objects that start with `prefix` (an S3
    // prefix: "data/x" matches "data/x1.csv" and "data/x/y"), in S3's
    // order (by their UTF-8 bytes), with each object's size in *sizes if
    // given. Hidden files and folders (a name starting with ".") are
    // skipped, as a desktop's own.
    Result<QStringList> list(const QString &bucket, const QString &prefix, QList<qint64> *sizes = nullptr) const;

private:
    QString m_root;
};

} // namespace dd::migration
