// libFuzzer target for sealed files (storage/sealedfile.h), the bytes a
// damaged, truncated or planted backup or PITR snapshot of an encrypted
// data directory hands to a restore. The first input byte chooses:
// - even: the rest is a file to open(), whole and by openHead() at a few
//   sizes: never a crash or a read out of bounds (AddressSanitizer), and
//   without the key no forged file opens;
// - odd: the rest is plaintext to seal(): the sealed size is the one
//   plainSize() inverts, open() gives the plaintext back, openHead() a
//   prefix of it, and any one byte changed or the last byte cut makes
//   open() fail.
// Build and run: FUZZ_TARGET=sealed tools/fuzz.sh (clang, AddressSanitizer, UBSan).
#include "storage/sealedfile.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace dd::storage;

namespace {

const DataKeys &keys()
{
    static const auto k = DataKeys::derive(QByteArray(32, '\x5a'));
    return *k;
}

void check(bool ok)
{
    if (!ok)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if ((data[0] & 1) == 0) {
        const auto opened = sealedfile::open(keys(), bytes, QStringLiteral("f"));
        const qint64 plain = sealedfile::plainSize(bytes.size());
        check(!opened.ok() || opened->size() == plain);
        for (qint64 head : {qint64(0), qint64(1), qint64(100), qint64(sealedfile::kChunkBytes + 1)}) {
            QBuffer buffer;
            buffer.setData(bytes);
            check(buffer.open(QIODevice::ReadOnly));
            const auto h = sealedfile::openHead(keys(), buffer, head, QStringLiteral("f"));
            check(!h.ok() || (opened.ok() && opened->startsWith(*h)));
        }
        return 0;
    }
    const QByteArray sealed = sealedfile::seal(keys(), bytes);
    check(sealedfile::isSealed(sealed));
    check(sealedfile::plainSize(sealed.size()) == bytes.size());
    const auto opened = sealedfile::open(keys(), sealed, QStringLiteral("f"));
    check(opened.ok() && *opened == bytes);
    QBuffer buffer;
    buffer.setData(sealed);
    check(buffer.open(QIODevice::ReadOnly));
    const auto head = sealedfile::openHead(keys(), buffer, 10, QStringLiteral("f"));
    check(head.ok() && bytes.startsWith(*head) && head->size() >= std::min<qsizetype>(10, bytes.size()));
    QByteArray changed = sealed;
    const qsizetype at = qsizetype(data[0] >> 1) * 131 % sealed.size();
    changed[at] = char(changed.at(at) ^ 0x01);
    check(!sealedfile::open(keys(), changed, QStringLiteral("f")).ok());
    check(!sealedfile::open(keys(), sealed.chopped(1), QStringLiteral("f")).ok());
    return 0;
}
