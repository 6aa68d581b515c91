// libFuzzer target for PartiQL (partiql_harness.h): statements run by
// ExecuteStatement, BatchExecuteStatement and ExecuteTransaction against a
// fresh in-memory engine holding the request harness's tables. A crash, a
// hang, a sanitizer report, an InternalServerError or a rejected statement
// that changed items ends the run. Build and run: FUZZ_TARGET=partiql
// tools/fuzz.sh; inputs worth keeping go to tests/fuzz/corpus/partiql,
// which api_tst_partiqlcorpus replays in every build.
#include "partiql_harness.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    dd::fuzz::RequestHarness harness;
    if (const QString error = harness.open(); !error.isEmpty()) {
        std::fprintf(stderr, "partiql_fuzz: %s\n", qPrintable(error));
        std::abort();
    }
    if (const QString broken = dd::fuzz::runPartiqlInput(harness, QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
        !broken.isEmpty()) {
        std::fprintf(stderr, "partiql_fuzz: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}
