// Crc32. The table path is "slicing by 8": eight tables, table k giving the
// CRC of a byte followed by k zero bytes, so that eight bytes cost eight
// lookups and no dependency chain from byte to byte. The carry-less multiply
// path folds the running 128-bit remainder over each next 16 bytes with the
// constants x^(128+32) and x^(128-32) mod P (bit-reflected), then reduces
// 128 bits to 32 with two more folds and a Barrett reduction; the bytes
// after the last whole 16 go through the table.
#include "http/crc32.h"

#include <array>
#include <bit>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define DD_CRC32_CLMUL 1
#endif

namespace dd::http {

namespace {

constexpr uint32_t kPolynomial = 0xEDB88320u;

using Tables = std::array<std::array<uint32_t, 256>, 8>;

constexpr Tables makeTables()
{
    Tables t{};
    for (uint32_t i = 0; i < 256; ++i) {
        uint32_t c = i;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ kPolynomial : c >> 1;
        t[0][i] = c;
    }
    for (size_t k = 1; k < 8; ++k)
        for (uint32_t i = 0; i < 256; ++i)
            t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xff];
    return t;
}

constexpr Tables kTables = makeTables();

uint32_t load32(const unsigned char *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4);
    if constexpr (std::endian::native == std::endian::big)
        v = __builtin_bswap32(v);
    return v;
}

// `crc` is the running register (already inverted by the caller).
uint32_t tableUpdate(uint32_t crc, const unsigned char *p, size_t n)
{
    for (; n >= 8; n -= 8, p += 8) {
        const uint32_t one = load32(p) ^ crc;
        const uint32_t two = load32(p + 4);
        crc = kTables[7][one & 0xff] ^ kTables[6][(one >> 8) & 0xff] ^ kTables[5][(one >> 16) & 0xff]
            ^ kTables[4][one >> 24] ^ kTables[3][two & 0xff] ^ kTables[2][(two >> 8) & 0xff]
            ^ kTables[1][(two >> 16) & 0xff] ^ kTables[0][two >> 24];
    }
    for (; n > 0; --n, ++p)
        crc = (crc >> 8) ^ kTables[0][(crc ^ *p) & 0xff];
    return crc;
}

#ifdef DD_CRC32_CLMUL

// Folds whole 16-byte blocks of [p, p + n), n >= 16 and a multiple of 16.
__attribute__((target("pclmul,sse2"))) uint32_t clmulUpdate(uint32_t crc, const unsigned char *p, size_t n)
{
    // Bit-reflected constants: x^(128+32) and x^(128-32) mod P (fold by 128
    // bits), x^64 mod P (the last 32-bit fold), P and floor(x^64 / P).
    const __m128i k3k4 = _mm_set_epi64x(0x00ccaa009eLL, 0x01751997d0LL);
    const __m128i k5 = _mm_set_epi64x(0, 0x0163cd6124LL);
    const __m128i poly = _mm_set_epi64x(0x01f7011641LL, 0x01db710641LL);
    const __m128i mask32 = _mm_set_epi32(0, 0, 0, -1);

    __m128i x = _mm_xor_si128(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p)), _mm_cvtsi32_si128(int(crc)));
    p += 16;
    n -= 16;
    for (; n >= 16; n -= 16, p += 16) {
        const __m128i lo = _mm_clmulepi64_si128(x, k3k4, 0x00);
        const __m128i hi = _mm_clmulepi64_si128(x, k3k4, 0x11);
        x = _mm_xor_si128(_mm_xor_si128(lo, hi), _mm_loadu_si128(reinterpret_cast<const __m128i *>(p)));
    }
    // 128 -> 64 bits (appending 32 zero bits): the low half times x^(128-32).
    x = _mm_xor_si128(_mm_clmulepi64_si128(x, k3k4, 0x10), _mm_srli_si128(x, 8));
    // 64 -> 32 bits: the low 32 bits times x^64.
    x = _mm_xor_si128(_mm_clmulepi64_si128(_mm_and_si128(x, mask32), k5, 0x00), _mm_srli_si128(x, 4));
    // Barrett reduction.
    __m128i t = _mm_clmulepi64_si128(_mm_and_si128(x, mask32), poly, 0x10);
    t = _mm_clmulepi64_si128(_mm_and_si128(t, mask32), poly, 0x00);
    x = _mm_xor_si128(x, t);
    return uint32_t(_mm_cvtsi128_si32(_mm_srli_si128(x, 4)));
}

const bool kHasClmul = [] {
    __builtin_cpu_init(); // may run before libgcc's own constructor
    return __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse2");
}();

#endif

} // namespace

uint32_t crc32(QByteArrayView data)
{
    const auto *p = reinterpret_cast<const unsigned char *>(data.data());
    size_t n = size_t(data.size());
    uint32_t crc = 0xffffffffu;
#ifdef DD_CRC32_CLMUL
    if (n >= 16 && kHasClmul) {
        const size_t whole = n & ~size_t(15);
        crc = clmulUpdate(crc, p, whole);
        p += whole;
        n -= whole;
    }
#endif
    return ~tableUpdate(crc, p, n);
}

} // namespace dd::http
