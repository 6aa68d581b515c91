#include "storage/encryptedvfs.h"

#include <QFile>
#include <QUrl>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace dd::storage::encryptedvfs {

namespace {

constexpr int kPlainBytes = kPageSize - kReserveBytes;       // what GCM encrypts of a page
constexpr int kWalHeaderBytes = 32;                           // SQLite's WAL header
constexpr int kWalFrameHeaderBytes = 24;                      // and each frame's
constexpr int kStreamHeaderBytes = 16;                        // "DDCTR1\0\0" and the file's nonce
constexpr char kStreamMagic[8] = {'D', 'D', 'C', 'T', 'R', '1', 0, 0};

std::mutex g_keysMutex;
std::unordered_map<quint64, std::shared_ptr<const DataKeys>> g_keys;
quint64 g_nextId = 1;

sqlite3_vfs *g_orig = nullptr;

enum class Kind { Plain, Pages, Stream };

struct EncFile {
    sqlite3_file base;
    Kind kind;
    bool wal;                                 // Pages: the WAL's layout (header, then frame headers before pages)
    std::shared_ptr<const DataKeys> *keys;    // owned; Plain: null
    bool ephemeral;                           // Stream: a temporary file, under DataKeys::ephemeral()
    bool headerWritten;                       // Stream: the file holds its header
    unsigned char nonce[8];                   // Stream: the file's nonce
    sqlite3_file *real;                       // the default VFS's file, just after this struct
};

// sizeof(EncFile) rounded to 8, where the real file starts.
constexpr int kEncFileBytes = int((sizeof(EncFile) + 7) & ~std::size_t(7));

const Key256 &streamKey(const EncFile *f)
{
    return f->ephemeral ? DataKeys::ephemeral().journal : (*f->keys)->journal;
}

// A page's authenticated data: which file (database or WAL) and where.
void pageAad(const EncFile *f, sqlite3_int64 offset, unsigned char out[9])
{
    out[0] = f->wal ? 'W' : 'D';
    for (int i = 0; i < 8; ++i)
        out[1 + i] = static_cast<unsigned char>(std::uint64_t(offset) >> (56 - 8 * i));
}

bool allZero(const unsigned char *p, int n)
{
    return std::all_of(p, p + n, [](unsigned char c) { return c == 0; });
}

// Encrypts the plain page `in` (to lie at `offset`) into `out`.
void sealPage(const EncFile *f, sqlite3_int64 offset, const unsigned char *in, unsigned char *out)
{
    unsigned char aad[9];
    pageAad(f, offset, aad);
    unsigned char *nonce = out + kPlainBytes;
    cipher::uniqueNonce(nonce);
    cipher::gcmSeal((*f->keys)->page, nonce, aad, int(sizeof aad), in, kPlainBytes, out, nonce + cipher::kNonceBytes);
    std::memset(out + kPlainBytes + cipher::kNonceBytes + cipher::kTagBytes, 0,
                kReserveBytes - cipher::kNonceBytes - cipher::kTagBytes);
}

// Decrypts the stored page `page` (from `offset`) in place. An all-zero
// page (a hole, or past the end) stays all zeros.
bool openPage(const EncFile *f, sqlite3_int64 offset, unsigned char *page)
{
    if (allZero(page, kPageSize))
        return true;
    unsigned char aad[9];
    pageAad(f, offset, aad);
    unsigned char nonce[cipher::kNonceBytes];
    unsigned char tag[cipher::kTagBytes];
    std::memcpy(nonce, page + kPlainBytes, sizeof nonce);
    std::memcpy(tag, page + kPlainBytes + cipher::kNonceBytes, sizeof tag);
    if (!cipher::gcmOpen((*f->keys)->page, nonce, aad, int(sizeof aad), page, kPlainBytes, page, tag))
        return false;
    std::memset(page + kPlainBytes, 0, kReserveBytes);
    return true;
}

// The stretch of the file that holds byte `offset`: where it starts, how
// long it is, and whether it is an encrypted page.
struct Segment {
    sqlite3_int64 start;
    int length;
    bool page;
};

Segment segmentAt(const EncFile *f, sqlite3_int64 offset)
{
    if (!f->wal)
        return {offset - offset % kPageSize, kPageSize, true};
    if (offset < kWalHeaderBytes)
        return {0, kWalHeaderBytes, false};
    const sqlite3_int64 frameBytes = kWalFrameHeaderBytes + kPageSize;
    const sqlite3_int64 frame = (offset - kWalHeaderBytes) / frameBytes;
    const sqlite3_int64 frameStart = kWalHeaderBytes + frame * frameBytes;
    if (offset < frameStart + kWalFrameHeaderBytes)
        return {frameStart, kWalFrameHeaderBytes, false};
    return {frameStart + kWalFrameHeaderBytes, kPageSize, true};
}

// Reads one whole page at `start`, decrypted. SQLITE_IOERR_SHORT_READ (and
// zeros) for a page not wholly in the file.
int readPage(EncFile *f, sqlite3_int64 start, unsigned char *page)
{
    const int rc = f->real->pMethods->xRead(f->real, page, kPageSize, start);
    if (rc == SQLITE_IOERR_SHORT_READ) {
        std::memset(page, 0, kPageSize);
        return rc;
    }
    if (rc != SQLITE_OK)
        return rc;
    return openPage(f, start, page) ? SQLITE_OK : SQLITE_IOERR_DATA;
}

// Calls step(segment, skip, n, done) for each stretch of [offset, offset +
// amount) that lies in one segment: `skip` bytes into it, `n` long, `done`
// bytes of the whole range before it. Stops at the first error; a short
// read is remembered and returned at the end (the rest reads as zeros).
template <typename Step>
int forEachSegment(const EncFile *f, sqlite3_int64 offset, int amount, Step step)
{
    int result = SQLITE_OK;
    for (int done = 0; done < amount;) {
        const Segment s = segmentAt(f, offset + done);
        const int skip = int(offset + done - s.start);
        const int n = std::min(amount - done, s.length - skip);
        const int rc = step(s, skip, n, done);
        if (rc == SQLITE_IOERR_SHORT_READ)
            result = rc;
        else if (rc != SQLITE_OK)
            return rc;
        done += n;
    }
    return result;
}

int pagesRead(EncFile *f, unsigned char *out, int amount, sqlite3_int64 offset)
{
    unsigned char scratch[kPageSize];
    return forEachSegment(f, offset, amount, [&](const Segment &s, int skip, int n, int done) {
        if (!s.page)
            return f->real->pMethods->xRead(f->real, out + done, n, s.start + skip);
        if (skip == 0 && n == kPageSize)
            return readPage(f, s.start, out + done);
        const int rc = readPage(f, s.start, scratch);
        std::memcpy(out + done, scratch + skip, std::size_t(n));
        return rc;
    });
}

int pagesWrite(EncFile *f, const unsigned char *in, int amount, sqlite3_int64 offset)
{
    unsigned char plain[kPageSize];
    unsigned char sealed[kPageSize];
    return forEachSegment(f, offset, amount, [&](const Segment &s, int skip, int n, int done) {
        if (!s.page)
            return f->real->pMethods->xWrite(f->real, in + done, n, s.start + skip);
        const unsigned char *page = in + done;
        if (skip != 0 || n != kPageSize) {
            // Part of a page (SQLite writes whole ones): the rest as it is.
            const int rc = readPage(f, s.start, plain);
            if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
                return rc;
            std::memcpy(plain + skip, in + done, std::size_t(n));
            page = plain;
        }
        // SQLite never writes the reserved bytes: were they not zero,
        // the WAL checksums computed over them would not hold on the
        // way back, and a crash would lose the commit. Refuse instead.
        if (!allZero(page + kPlainBytes, kReserveBytes))
            return SQLITE_IOERR_WRITE;
        // Page 1 must say the page size and reserved bytes this VFS
        // encrypts with (prepareNewDatabase()).
        if (!f->wal && s.start == 0) {
            const int pageSize = (page[16] << 8) | page[17];
            if (pageSize != kPageSize || page[20] != kReserveBytes)
                return SQLITE_IOERR_WRITE;
        }
        sealPage(f, s.start, page, sealed);
        return f->real->pMethods->xWrite(f->real, sealed, kPageSize, s.start);
    });
}

int streamEnsureHeader(EncFile *f)
{
    if (f->headerWritten)
        return SQLITE_OK;
    unsigned char header[kStreamHeaderBytes];
    std::memcpy(header, kStreamMagic, 8);
    std::memcpy(header + 8, f->nonce, 8);
    const int rc = f->real->pMethods->xWrite(f->real, header, kStreamHeaderBytes, 0);
    f->headerWritten = rc == SQLITE_OK;
    return rc;
}

// ---- sqlite3_io_methods ----

int xClose(sqlite3_file *file)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->keys;
    f->keys = nullptr;
    return rc;
}

int xRead(sqlite3_file *file, void *out, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    auto *bytes = static_cast<unsigned char *>(out);
    switch (f->kind) {
    case Kind::Plain:
        return f->real->pMethods->xRead(f->real, out, amount, offset);
    case Kind::Pages:
        return pagesRead(f, bytes, amount, offset);
    case Kind::Stream: {
        const int rc = f->real->pMethods->xRead(f->real, out, amount, offset + kStreamHeaderBytes);
        if (rc == SQLITE_OK || rc == SQLITE_IOERR_SHORT_READ) {
            // Short: past the end reads as zeros, whatever the key stream.
            int have = amount;
            if (rc == SQLITE_IOERR_SHORT_READ) {
                sqlite3_int64 size = 0;
                if (f->real->pMethods->xFileSize(f->real, &size) != SQLITE_OK)
                    return SQLITE_IOERR_READ;
                have = int(std::clamp<sqlite3_int64>(size - kStreamHeaderBytes - offset, 0, amount));
            }
            cipher::ctrXor(streamKey(f), f->nonce, std::uint64_t(offset), bytes, bytes, std::size_t(have));
        }
        return rc;
    }
    }
    return SQLITE_IOERR_READ;
}

int xWrite(sqlite3_file *file, const void *in, int amount, sqlite3_int64 offset)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    switch (f->kind) {
    case Kind::Plain:
        return f->real->pMethods->xWrite(f->real, in, amount, offset);
    case Kind::Pages:
        return pagesWrite(f, static_cast<const unsigned char *>(in), amount, offset);
    case Kind::Stream: {
        if (const int rc = streamEnsureHeader(f); rc != SQLITE_OK)
            return rc;
        std::vector<unsigned char> sealed(static_cast<std::size_t>(amount));
        cipher::ctrXor(streamKey(f), f->nonce, std::uint64_t(offset), static_cast<const unsigned char *>(in), sealed.data(),
                       sealed.size());
        return f->real->pMethods->xWrite(f->real, sealed.data(), amount, offset + kStreamHeaderBytes);
    }
    }
    return SQLITE_IOERR_WRITE;
}

int xTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    if (f->kind != Kind::Stream)
        return f->real->pMethods->xTruncate(f->real, size);
    if (size == 0) {
        // Emptied (journal_mode=TRUNCATE): what is written next gets a new
        // nonce, never the old key stream again.
        cipher::randomBytes(f->nonce, 8);
        f->headerWritten = false;
        return f->real->pMethods->xTruncate(f->real, 0);
    }
    return f->real->pMethods->xTruncate(f->real, size + kStreamHeaderBytes);
}

int xSync(sqlite3_file *file, int flags)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xSync(f->real, flags);
}

int xFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    const int rc = f->real->pMethods->xFileSize(f->real, size);
    if (rc == SQLITE_OK && f->kind == Kind::Stream)
        *size = std::max<sqlite3_int64>(0, *size - kStreamHeaderBytes);
    return rc;
}

int xLock(sqlite3_file *file, int lock)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xLock(f->real, lock);
}

int xUnlock(sqlite3_file *file, int lock)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xUnlock(f->real, lock);
}

int xCheckReservedLock(sqlite3_file *file, int *out)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}

int xFileControl(sqlite3_file *file, int op, void *arg)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    if (op == SQLITE_FCNTL_VFSNAME) {
        // SQLite frees what it gets back, so a copy.
        *static_cast<char **>(arg) = sqlite3_mprintf("%s", name());
        return SQLITE_OK;
    }
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

int xSectorSize(sqlite3_file *file)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xSectorSize(f->real);
}

int xDeviceCharacteristics(sqlite3_file *file)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    // An encrypted page is written whole or not at all by this VFS, not by
    // the device: claim no atomic writes.
    return f->real->pMethods->xDeviceCharacteristics(f->real)
           & ~(SQLITE_IOCAP_ATOMIC | SQLITE_IOCAP_ATOMIC512 | SQLITE_IOCAP_ATOMIC1K | SQLITE_IOCAP_ATOMIC2K | SQLITE_IOCAP_ATOMIC4K
               | SQLITE_IOCAP_ATOMIC8K | SQLITE_IOCAP_ATOMIC16K | SQLITE_IOCAP_ATOMIC32K | SQLITE_IOCAP_ATOMIC64K
               | SQLITE_IOCAP_BATCH_ATOMIC);
}

int xShmMap(sqlite3_file *file, int page, int pageSize, int extend, void volatile **out)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xShmMap(f->real, page, pageSize, extend, out);
}

int xShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

void xShmBarrier(sqlite3_file *file)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    f->real->pMethods->xShmBarrier(f->real);
}

int xShmUnmap(sqlite3_file *file, int deleteFlag)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    return f->real->pMethods->xShmUnmap(f->real, deleteFlag);
}

// Version 2: the WAL's shared memory, but no xFetch, so SQLite never maps
// the (encrypted) file.
const sqlite3_io_methods kMethods = {
    2,           xClose,      xRead,  xWrite,   xTruncate,  xSync, xFileSize, xLock, xUnlock, xCheckReservedLock, xFileControl,
    xSectorSize, xDeviceCharacteristics, xShmMap, xShmLock, xShmBarrier, xShmUnmap, nullptr, nullptr,
};

std::shared_ptr<const DataKeys> keysOf(const char *databaseName)
{
    const sqlite3_int64 id = sqlite3_uri_int64(databaseName, "ddkeys", 0);
    std::lock_guard lock(g_keysMutex);
    const auto it = g_keys.find(quint64(id));
    return it == g_keys.end() ? nullptr : it->second;
}

int vfsOpen(sqlite3_vfs *, sqlite3_filename name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *f = reinterpret_cast<EncFile *>(file);
    std::memset(static_cast<void *>(f), 0, sizeof(EncFile));
    f->real = reinterpret_cast<sqlite3_file *>(reinterpret_cast<char *>(file) + kEncFileBytes);
    std::shared_ptr<const DataKeys> keys;
    if (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_WAL)) {
        f->kind = Kind::Pages;
        f->wal = flags & SQLITE_OPEN_WAL;
        keys = name ? keysOf((flags & SQLITE_OPEN_WAL) ? sqlite3_filename_database(name) : name) : nullptr;
        if (!keys)
            return SQLITE_CANTOPEN;
    } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
        f->kind = Kind::Stream;
        keys = name ? keysOf(sqlite3_filename_database(name)) : nullptr;
        if (!keys)
            return SQLITE_CANTOPEN;
    } else if (flags & SQLITE_OPEN_SUPER_JOURNAL) {
        f->kind = Kind::Plain; // names of journals only
    } else {
        // Temporary databases and journals, statement journals: gone when
        // closed, so under a key of this process.
        f->kind = Kind::Stream;
        f->ephemeral = true;
    }
    const int rc = g_orig->xOpen(g_orig, name, f->real, flags, outFlags);
    if (rc != SQLITE_OK)
        return rc;
    if (keys)
        f->keys = new std::shared_ptr<const DataKeys>(std::move(keys));
    f->base.pMethods = &kMethods;
    if (f->kind == Kind::Stream) {
        sqlite3_int64 size = 0;
        unsigned char header[kStreamHeaderBytes];
        if (f->real->pMethods->xFileSize(f->real, &size) == SQLITE_OK && size >= kStreamHeaderBytes
            && f->real->pMethods->xRead(f->real, header, kStreamHeaderBytes, 0) == SQLITE_OK
            && std::memcmp(header, kStreamMagic, 8) == 0) {
            std::memcpy(f->nonce, header + 8, 8);
            f->headerWritten = true;
        } else {
            cipher::randomBytes(f->nonce, 8);
            // Anything shorter than a header (a torn first write) holds nothing.
            if (size > 0 && size < kStreamHeaderBytes)
                (void)f->real->pMethods->xTruncate(f->real, 0);
        }
    }
    return SQLITE_OK;
}

int vfsDelete(sqlite3_vfs *, const char *name, int syncDir)
{
    return g_orig->xDelete(g_orig, name, syncDir);
}

int vfsAccess(sqlite3_vfs *, const char *name, int flags, int *out)
{
    return g_orig->xAccess(g_orig, name, flags, out);
}

int vfsFullPathname(sqlite3_vfs *, const char *name, int n, char *out)
{
    return g_orig->xFullPathname(g_orig, name, n, out);
}

void *vfsDlOpen(sqlite3_vfs *, const char *name)
{
    return g_orig->xDlOpen(g_orig, name);
}

void vfsDlError(sqlite3_vfs *, int n, char *out)
{
    g_orig->xDlError(g_orig, n, out);
}

void (*vfsDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_orig->xDlSym(g_orig, handle, symbol);
}

void vfsDlClose(sqlite3_vfs *, void *handle)
{
    g_orig->xDlClose(g_orig, handle);
}

int vfsRandomness(sqlite3_vfs *, int n, char *out)
{
    return g_orig->xRandomness(g_orig, n, out);
}

int vfsSleep(sqlite3_vfs *, int micros)
{
    return g_orig->xSleep(g_orig, micros);
}

int vfsCurrentTime(sqlite3_vfs *, double *out)
{
    return g_orig->xCurrentTime(g_orig, out);
}

int vfsGetLastError(sqlite3_vfs *, int n, char *out)
{
    return g_orig->xGetLastError ? g_orig->xGetLastError(g_orig, n, out) : 0;
}

int vfsCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *out)
{
    return g_orig->xCurrentTimeInt64(g_orig, out);
}

sqlite3_vfs g_vfs;

} // namespace

const char *name()
{
    static std::once_flag once;
    std::call_once(once, [] {
        (void)sqlite3_initialize();
        g_orig = sqlite3_vfs_find(nullptr);
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = kEncFileBytes + g_orig->szOsFile;
        g_vfs.mxPathname = g_orig->mxPathname;
        g_vfs.zName = "dd-encrypted";
        g_vfs.xOpen = vfsOpen;
        g_vfs.xDelete = vfsDelete;
        g_vfs.xAccess = vfsAccess;
        g_vfs.xFullPathname = vfsFullPathname;
        g_vfs.xDlOpen = vfsDlOpen;
        g_vfs.xDlError = vfsDlError;
        g_vfs.xDlSym = vfsDlSym;
        g_vfs.xDlClose = vfsDlClose;
        g_vfs.xRandomness = vfsRandomness;
        g_vfs.xSleep = vfsSleep;
        g_vfs.xCurrentTime = vfsCurrentTime;
        g_vfs.xGetLastError = vfsGetLastError;
        g_vfs.xCurrentTimeInt64 = vfsCurrentTimeInt64;
        (void)sqlite3_vfs_register(&g_vfs, 0);
    });
    return g_vfs.zName;
}

quint64 add(std::shared_ptr<const DataKeys> keys)
{
    std::lock_guard lock(g_keysMutex);
    const quint64 id = g_nextId++;
    g_keys.emplace(id, std::move(keys));
    return id;
}

void remove(quint64 id)
{
    std::lock_guard lock(g_keysMutex);
    g_keys.erase(id);
}

QString uri(const QString &path, quint64 id)
{
    return QStringLiteral("file:") + QString::fromLatin1(QUrl::toPercentEncoding(path, "/")) + QStringLiteral("?ddkeys=")
           + QString::number(id);
}

int prepareNewDatabase(sqlite3 *db)
{
    char *error = nullptr;
    const int rc = sqlite3_exec(db, "PRAGMA page_size=4096", nullptr, nullptr, &error);
    sqlite3_free(error);
    if (rc != SQLITE_OK)
        return rc;
    int reserve = kReserveBytes;
    return sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
}

bool isPlainDatabase(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace dd::storage::encryptedvfs
