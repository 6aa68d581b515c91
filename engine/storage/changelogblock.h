// ChangeLogBlock: the encoding of a change-log block, the row of a table's
// log that holds the changes one commit made to it (storage/changelog.h),
// and ChangeRecord, one change as a reader of a block sees it. The writer
// builds a block in memory (append, and mark/truncate to take back the
// changes of a write rolled back) and stores heads() and bodies() as the
// row's two blobs; readers decode() them.
//
// Threads: a block belongs to one thread at a time (the writer's, under the
// write lock); decode() is stateless.
#pragma once

#include <QByteArrayView>
#include <QtGlobal>

#include <functional>
#include <string>

namespace dd::storage {

// Change-log events. Written to disk: do not reorder.
enum class ChangeEvent : int { Insert = 1, Modify = 2, Remove = 3 };

// One change as a log holds it. The views point into the block being read
// and are valid during the callback only; keys and images are null when
// the reader did not ask for bodies, images also when absent.
struct ChangeRecord {
    qint64 seq = 0;           // global change order (changelog.h)
    qint64 timeMs = 0;        // the write's time, ms since the epoch
    ChangeEvent event = ChangeEvent::Insert;
    int origin = 0;           // streams::ChangeOrigin
    QByteArrayView keys;      // DynamoDB JSON of the key attributes
    QByteArrayView oldImage;  // the item before; null on INSERT or when not logged
    QByteArrayView newImage;  // the item after; null on REMOVE or when not logged
};

// The changes of one table in one commit, being built (the writer's
// pending block). heads holds per change: varint seq, varint time_ms, a
// byte event, a byte origin, varint keys length, varint (old image length
// + 1) and varint (new image length + 1), 0 for an absent image; bodies
// holds each change's keys, old image and new image, back to back.
class ChangeLogBlock {
public:
    void append(qint64 seq, qint64 timeMs, ChangeEvent event, QByteArrayView keys, QByteArrayView oldImage,
                QByteArrayView newImage);
    // Sets the origin of the change appended last.
    void setLastOrigin(int origin);

    // A point to go back to (a write rolled back after appending).
    struct Mark {
        qsizetype heads = 0, bodies = 0; // the buffers' sizes
        qsizetype lastOriginAt = -1;      // the origin byte of the last change in heads; -1: none
        int count = 0;                    // changes
        qint64 lastSeq = 0, maxTimeMs = 0;
    };
    Mark mark() const;
    void truncate(const Mark &m);
    void clear() { truncate(Mark()); }

    bool empty() const { return m_count == 0; }
    int count() const { return m_count; }
    size_t bytes() const { return m_heads.size() + m_bodies.size(); }
    qint64 firstSeq() const { return m_firstSeq; }
    qint64 lastSeq() const { return m_lastSeq; }
    qint64 maxTimeMs() const { return m_maxTimeMs; }
    QByteArrayView heads() const { return QByteArrayView(m_heads.data(), qsizetype(m_heads.size())); }
    QByteArrayView bodies() const { return QByteArrayView(m_bodies.data(), qsizetype(m_bodies.size())); }

    // Calls `fn` with each change of the stored block `heads`/`bodies` whose
    // seq is from `from` to `to`, in order; with `withBodies` false, `bodies`
    // is not read and keys and images are null. Sets `stopped` once `fn`
    // returns false or a seq passes `to`. Returns false if the bytes do not
    // decode (a damaged block): the caller reports it.
    static bool decode(QByteArrayView heads, QByteArrayView bodies, bool withBodies, qint64 from, qint64 to,
                       const std::function<bool(const ChangeRecord &)> &fn, bool &stopped);

private:
    // std::string, not QByteArray: its appends and truncations cost a
    // tenth (measured: QByteArray's were 1,000 instructions of a streamed
    // put's logging); capacity is kept across clear().
    std::string m_heads, m_bodies;
    qsizetype m_lastOriginAt = -1;
    int m_count = 0;
    qint64 m_firstSeq = 0, m_lastSeq = 0, m_maxTimeMs = 0;
};

} // namespace dd::storage
