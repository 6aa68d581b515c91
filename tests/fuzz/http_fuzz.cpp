// libFuzzer target for the local endpoint's HTTP layer over a real socket
// (http_harness.h): http/httpserver_parse.cpp's request line, headers,
// Content-Length and chunked bodies, pipelining and limits, and
// http/endpoint.cpp's targets, content types, SigV4 headers and CORS. One
// endpoint serves the whole run; every 256 inputs a plain ListTables must
// still work. Build and run: FUZZ_TARGET=http tools/fuzz.sh (clang, ASan,
// UBSan); inputs worth keeping go to tests/fuzz/corpus/http, which
// http_tst_httpcorpus replays in every build.
#include "http_harness.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static dd::fuzz::HttpHarness *harness = [] {
        auto *h = new dd::fuzz::HttpHarness; // lives for the whole run
        if (const QString error = h->open(); !error.isEmpty()) {
            std::fprintf(stderr, "http_fuzz: %s\n", qPrintable(error));
            std::abort();
        }
        return h;
    }();
    static unsigned runs = 0;
    if (size > 65536)
        return 0;
    QString broken = harness->runInput(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (broken.isEmpty() && ++runs % 256 == 0)
        broken = harness->checkAlive();
    if (!broken.isEmpty()) {
        std::fprintf(stderr, "http_fuzz: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}
