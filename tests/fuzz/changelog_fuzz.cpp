// libFuzzer target for the change log's block format (storage/changelogblock.h),
// the bytes a damaged database file hands to every log reader. The first two
// input bytes give the length of `heads`, the rest is heads then bodies.
// decode() must reject what does not decode and never read outside the two
// (AddressSanitizer checks), with or without bodies and for any seq range;
// and what it accepts must survive a round trip: the changes appended to a
// new block decode to the same changes.
// Build and run: FUZZ_TARGET=changelog tools/fuzz.sh (clang, AddressSanitizer, UBSan).
#include "storage/changelogblock.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

using namespace dd;

namespace {

struct Change {
    qint64 seq, timeMs;
    storage::ChangeEvent event;
    int origin;
    QByteArray keys, oldImage, newImage; // null when absent
};

std::vector<Change> decodeAll(QByteArrayView heads, QByteArrayView bodies, bool &ok)
{
    std::vector<Change> out;
    bool stopped = false;
    ok = storage::ChangeLogBlock::decode(heads, bodies, true, 0, std::numeric_limits<qint64>::max(), [&](const storage::ChangeRecord &r) {
        out.push_back({r.seq, r.timeMs, r.event, r.origin, r.keys.toByteArray(),
                       r.oldImage.isNull() ? QByteArray() : r.oldImage.toByteArray(),
                       r.newImage.isNull() ? QByteArray() : r.newImage.toByteArray()});
        return true;
    }, stopped);
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    const size_t headsSize = std::min(size - 2, size_t(data[0]) | size_t(data[1]) << 8);
    const QByteArrayView heads(reinterpret_cast<const char *>(data) + 2, qsizetype(headsSize));
    const QByteArrayView bodies(reinterpret_cast<const char *>(data) + 2 + headsSize, qsizetype(size - 2 - headsSize));

    // Heads alone, and a range cut by the input's first byte.
    bool stopped = false;
    int seen = 0;
    storage::ChangeLogBlock::decode(heads, bodies, false, data[0] % 4, data[1] % 8, [&](const storage::ChangeRecord &r) {
        if (!r.keys.isNull() || !r.oldImage.isNull() || !r.newImage.isNull())
            std::abort(); // bodies were not asked for
        return ++seen < 3;
    }, stopped);

    bool ok = false;
    const std::vector<Change> changes = decodeAll(heads, bodies, ok);
    if (!ok)
        return 0;
    storage::ChangeLogBlock block;
    for (const Change &c : changes) {
        block.append(c.seq, c.timeMs, c.event, c.keys, c.oldImage.isNull() ? QByteArrayView() : QByteArrayView(c.oldImage),
                     c.newImage.isNull() ? QByteArrayView() : QByteArrayView(c.newImage));
        block.setLastOrigin(c.origin);
    }
    bool again = false;
    const std::vector<Change> round = decodeAll(block.heads(), block.bodies(), again);
    if (!again || round.size() != changes.size())
        std::abort();
    for (size_t i = 0; i < round.size(); ++i) {
        const Change &a = changes[i], &b = round[i];
        if (a.seq != b.seq || a.timeMs != b.timeMs || a.event != b.event || a.origin != b.origin || a.keys != b.keys
            || a.oldImage != b.oldImage || a.oldImage.isNull() != b.oldImage.isNull() || a.newImage != b.newImage
            || a.newImage.isNull() != b.newImage.isNull())
            std::abort();
    }
    return 0;
}
