// libFuzzer target for resource-based policy documents (PutResourcePolicy's
// Policy, CreateTable's ResourcePolicy): text anyone may send. The checks
// are policy_harness.h's; a failed one aborts.
// Build and run: FUZZ_TARGET=policy tools/fuzz.sh (clang, AddressSanitizer, UBSan).
#include "policy_harness.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dd::test::checkResourcePolicyDocument(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size))))
        std::abort();
    return 0;
}
