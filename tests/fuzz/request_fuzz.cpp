// libFuzzer target for the engine's requests (request_harness.h): up to four
// requests per input, each an operation byte and a JSON body, against a
// fresh in-memory engine with two tables of a few items. A crash, a hang, a
// sanitizer report, an InternalServerError or a rejected request that
// changed items ends the run. Build and run: FUZZ_TARGET=request
// tools/fuzz.sh (clang, AddressSanitizer, UBSan); new crashes and the
// inputs worth keeping go to tests/fuzz/corpus/request, which
// api_tst_requestcorpus replays in every build. With DD_FUZZ_ON_DISK set,
// each input runs on disk instead, in a data folder of its own, and is
// followed by a restart that must find everything acknowledged.
#include "request_harness.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 16384)
        return 0;
    static const bool onDisk = qEnvironmentVariableIsSet("DD_FUZZ_ON_DISK");
    dd::fuzz::RequestHarness harness(onDisk ? dd::fuzz::Storage::OnDisk : dd::fuzz::Storage::InMemory);
    if (const QString error = harness.open(); !error.isEmpty()) {
        std::fprintf(stderr, "request_fuzz: %s\n", qPrintable(error));
        std::abort();
    }
    if (const QString broken = harness.runInput(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
        !broken.isEmpty()) {
        std::fprintf(stderr, "request_fuzz: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}
