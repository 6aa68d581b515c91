// Crc32: the CRC-32 of zlib and gzip (IEEE 802.3, reflected, polynomial
// 0xEDB88320), which botocore checks against a response's x-amz-crc32
// header. Every response carries one, so this sits on the hot path of each
// request: on x86-64 CPUs with PCLMULQDQ it folds 16 bytes per step (the
// method of Intel's "Fast CRC Computation for Generic Polynomials Using
// PCLMULQDQ Instruction"), elsewhere it reads a byte table eight bytes at a
// time. Both give exactly zlib's crc32(0, data, size).
//
// Threads: stateless, callable from any thread.
#pragma once

#include <QByteArrayView>

#include <cstdint>

namespace dd::http {

// The CRC-32 of `data`, as zlib's crc32(crc32(0, NULL, 0), data, size).
uint32_t crc32(QByteArrayView data);

} // namespace dd::http
