// libFuzzer target for the DAX wire protocol's requests (daxwire_harness.h):
// engine/daxwire's CBOR scanner and decoder, key and attribute codecs,
// expression rendering and answers, through a RequestHandler serving a DAX
// cluster of an in-memory engine. Build and run: FUZZ_TARGET=daxwire
// tools/fuzz.sh (clang, ASan, UBSan); inputs worth keeping go to
// tests/fuzz/corpus/daxwire, which daxwire_tst_requesthandler replays.
#include "daxwire_harness.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dd::fuzz::DaxWireHarness *harness = [] {
        auto *h = new dd::fuzz::DaxWireHarness; // lives for the whole run
        if (const QString error = h->open(); !error.isEmpty()) {
            std::fprintf(stderr, "daxwire_fuzz: %s\n", qPrintable(error));
            std::abort();
        }
        return h;
    }();
    if (size > 65536)
        return 0;
    if (const QString broken = harness->runInput(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size))); !broken.isEmpty()) {
        std::fprintf(stderr, "daxwire_fuzz: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}
