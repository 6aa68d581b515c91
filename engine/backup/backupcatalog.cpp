#include "backup/backupcatalog.h"

#include "storage/sealedfile.h"
#include "storage/wholefile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <pthread.h>
#include <sched.h>
#include <cerrno>
#include <algorithm>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace dd::backup {

namespace {

// How much nicer helper threads are than the one starting them: a helper's share of a busy core is about a tenth of a
// request thread's (CFS weights 110 against 1024).
constexpr int kWorkerNice = 10;

// Writes a backup's file whole or not at all.
Result<void> writeFile(const QString &path, const QByteArray &bytes, const storage::DataKeys *keys)
{
    if (const auto why = storage::writeWholeFile(path, bytes, keys))
        return ApiError::internal(QStringLiteral("Cannot write backup file %1: %2").arg(path, *why));
    return {};
}

} // namespace

void lowerThreadPriority(const char *name)
{
    pthread_setname_np(pthread_self(), name);
    // Linux applies a nice value to the one thread (tid); relative to the
    // thread's own, so a server started with nice keeps the gap.
    const id_t tid = id_t(syscall(SYS_gettid));
    errno = 0;
    const int current = getpriority(PRIO_PROCESS, tid);
    if (errno == 0)
        (void)setpriority(PRIO_PROCESS, tid, std::min(19, current + kWorkerNice));
}

void idleThreadPriority(const char *name)
{
    lowerThreadPriority(name); // the nice value stays, should SCHED_IDLE be refused
    sched_param param{};
    (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &param);
}

BackupCatalog::BackupCatalog(const QString &dataDir, std::shared_ptr<const storage::DataKeys> keys) : m_keys(std::move(keys))
{
    if (!dataDir.isEmpty()) {
        m_dir = QDir(dataDir).filePath(QStringLiteral("backups"));
        QDir().mkpath(m_dir);
        const QStringList files = QDir(m_dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        for (const QString &f : files) {
            const QString path = QDir(m_dir).filePath(f);
            const auto bytes = storage::sealedfile::readFile(path, m_keys.get(), QStringLiteral("The backup description %1").arg(path));
            if (!bytes.ok()) {
                qWarning("%s", qPrintable(bytes.error().message()));
                continue;
            }
            QJsonObject meta = QJsonDocument::fromJson(*bytes).object();
            const QString arn = meta.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupArn")).toString();
            if (arn.isEmpty())
                continue;
            // A backup still CREATING when the process ended lost its snapshot
            // (it was in memory): it is dropped, and said so, in the log and by
            // DescribeBackup's BackupNotFoundException, as one that failed.
            if (meta.value(QStringLiteral("BackupDetails")).toObject().value(QStringLiteral("BackupStatus")).toString() == QStringLiteral("CREATING")) {
                QFile::remove(path);
                QFile::remove(dataPath(arn));
                m_failedBackups.insert(arn, QStringLiteral("the server stopped before the backup was written"));
                qWarning("The backup %s was removed: the server stopped before it was written", qPrintable(arn));
                continue;
            }
            m_meta.insert(arn, meta);
        }
    }
    m_worker = std::thread([this] { workerLoop(); });
}

BackupCatalog::~BackupCatalog()
{
    {
        std::lock_guard lock(m_jobsMutex);
        m_stopping = true;
        m_cancel = true;
        m_jobs.clear();
    }
    m_jobsWake.notify_all();
    m_worker.join();
    for (Spawned &s : m_spawned)
        s.thread.join();
}

void BackupCatalog::spawn(std::function<void()> fn)
{
    std::lock_guard lock(m_jobsMutex);
    for (auto it = m_spawned.begin(); it != m_spawned.end();) {
        if (it->done->load()) {
            it->thread.join();
            it = m_spawned.erase(it);
        } else {
            ++it;
        }
    }
    auto done = std::make_shared<std::atomic<bool>>(false);
    m_spawned.push_back({std::thread([fn = std::move(fn), done] {
                             fn();
                             *done = true;
                         }),
                         done});
}

QString BackupCatalog::fileStem(const QString &arn) const
{
    // "<13-digit ms>-<8 hex>" is unique per backup; the table name may hold characters files should not.
    return QDir(m_dir).filePath(arn.section(QLatin1Char('/'), -1));
}

QString BackupCatalog::dataPath(const QString &arn) const
{
    return m_dir.isEmpty() ? QString() : fileStem(arn) + QStringLiteral(".ddbackup");
}

Result<void> BackupCatalog::saveMeta(const QString &arn, const QJsonObject &meta) const
{
    if (m_dir.isEmpty())
        return {};
    return writeFile(fileStem(arn) + QStringLiteral(".json"), QJsonDocument(meta).toJson(QJsonDocument::Compact), m_keys.get());
}

Result<void> BackupCatalog::add(const QString &arn, const QJsonObject &meta)
{
    std::lock_guard lock(m_mutex);
    DD_CHECK(saveMeta(arn, meta));
    m_meta.insert(arn, meta);
    return {};
}

Result<void> BackupCatalog::storeData(const QString &arn, const QByteArray &bytes)
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_meta.contains(arn))
            return {}; // never added, or deleted meanwhile: no file of its own
    }
    Result<void> stored;
    if (!m_dir.isEmpty()) {
        stored = writeFile(dataPath(arn), bytes, m_keys.get());
    }
    std::lock_guard lock(m_mutex);
    if (!m_meta.contains(arn))
        return {};
    if (stored.ok()) {
        if (m_dir.isEmpty())
            m_data.insert(arn, bytes);
        QJsonObject meta = m_meta.value(arn);
        QJsonObject details = meta.value(QStringLiteral("BackupDetails")).toObject();
        // BackupSizeBytes stays the table's size, as AWS reports it, not the file's.
        details.insert(QStringLiteral("BackupStatus"), QStringLiteral("AVAILABLE"));
        meta.insert(QStringLiteral("BackupDetails"), details);
        // AVAILABLE only once its description says so on disk too: a file
        // still saying CREATING is dropped on the next open.
        stored = saveMeta(arn, meta);
        if (stored.ok()) {
            m_meta.insert(arn, meta);
            return {};
        }
    }
    dropFailedLocked(arn, stored.error().message());
    return stored.error();
}

void BackupCatalog::dropFailed(const QString &arn, const QString &why)
{
    std::lock_guard lock(m_mutex);
    dropFailedLocked(arn, why);
}

void BackupCatalog::dropFailedLocked(const QString &arn, const QString &why)
{
    if (removeLocked(arn))
        m_failedBackups.insert(arn, why);
}

QJsonObject BackupCatalog::meta(const QString &arn) const
{
    std::lock_guard lock(m_mutex);
    return m_meta.value(arn);
}

QList<QJsonObject> BackupCatalog::all() const
{
    std::lock_guard lock(m_mutex);
    return m_meta.values();
}

Result<QByteArray> BackupCatalog::data(const QString &arn) const
{
    if (m_dir.isEmpty()) {
        std::lock_guard lock(m_mutex);
        return m_data.value(arn);
    }
    if (!QFile::exists(dataPath(arn)))
        return ApiError::internal(QStringLiteral("Backup file %1 is missing").arg(dataPath(arn)));
    return storage::sealedfile::readFile(dataPath(arn), m_keys.get(), QStringLiteral("Backup file %1").arg(dataPath(arn)));
}

Result<QByteArray> BackupCatalog::dataHead(const QString &arn, qint64 maxBytes, qint64 *totalSize) const
{
    if (m_dir.isEmpty()) {
        std::lock_guard lock(m_mutex);
        const QByteArray bytes = m_data.value(arn);
        *totalSize = bytes.size();
        return bytes;
    }
    QFile f(dataPath(arn));
    if (!f.open(QIODevice::ReadOnly))
        return ApiError::internal(QStringLiteral("Backup file %1 is missing").arg(dataPath(arn)));
    if (m_keys) {
        *totalSize = storage::sealedfile::plainSize(f.size());
        return storage::sealedfile::openHead(*m_keys, f, maxBytes, QStringLiteral("Backup file %1").arg(dataPath(arn)));
    }
    *totalSize = f.size();
    return f.read(maxBytes);
}

bool BackupCatalog::remove(const QString &arn)
{
    std::lock_guard lock(m_mutex);
    return removeLocked(arn);
}

bool BackupCatalog::removeLocked(const QString &arn)
{
    if (!m_meta.remove(arn))
        return false;
    m_data.remove(arn);
    if (!m_dir.isEmpty()) {
        QFile::remove(fileStem(arn) + QStringLiteral(".json"));
        QFile::remove(dataPath(arn));
    }
    return true;
}

void BackupCatalog::post(std::function<void()> fn)
{
    {
        std::lock_guard lock(m_jobsMutex);
        m_jobs.push_back(std::move(fn));
    }
    m_jobsWake.notify_one();
}

void BackupCatalog::workerLoop()
{
    // At normal priority: jobs take the write lock (restores), and a
    // low-priority thread holding it could be kept off the cores while
    // requests wait for it. Jobs run their CPU-heavy parts on helper
    // threads at lowerThreadPriority().
    pthread_setname_np(pthread_self(), "dd-backup");
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock lock(m_jobsMutex);
            m_jobsWake.wait(lock, [this] { return m_stopping || !m_jobs.empty(); });
            if (m_stopping)
                return;
            job = std::move(m_jobs.front());
            m_jobs.pop_front();
        }
        job();
    }
}

void BackupCatalog::noteFailedRestore(const QString &region, const QString &table, const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_failedRestores.insert(region + u'\n' + table, reason);
}

void BackupCatalog::clearFailedRestore(const QString &region, const QString &table)
{
    std::lock_guard lock(m_mutex);
    if (!m_failedRestores.isEmpty())
        m_failedRestores.remove(region + u'\n' + table);
}

ApiError BackupCatalog::notFound(const QString &arn) const
{
    QString why;
    {
        std::lock_guard lock(m_mutex);
        why = m_failedBackups.value(arn);
    }
    const QString message = QStringLiteral("Backup not found: %1").arg(arn);
    return ApiError(QStringLiteral("BackupNotFoundException"),
                    why.isEmpty() ? message : message + QStringLiteral(" (its creation failed and it was removed: %1)").arg(why));
}

QString BackupCatalog::failedRestore(const QString &region, const QString &table) const
{
    std::lock_guard lock(m_mutex);
    return m_failedRestores.isEmpty() ? QString() : m_failedRestores.value(region + u'\n' + table);
}

} // namespace dd::backup
