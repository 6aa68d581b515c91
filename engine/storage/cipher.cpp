#include "storage/cipher.h"

#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <time.h>

namespace dd::storage {

namespace {

[[noreturn]] void fail(const char *what)
{
    std::fprintf(stderr, "dynamodesk: OpenSSL failed: %s\n", what);
    std::abort();
}

// One cipher context per thread and mode: set up once, then only the key
// and nonce change per call.
struct Contexts {
    EVP_CIPHER_CTX *gcmEncrypt = EVP_CIPHER_CTX_new();
    EVP_CIPHER_CTX *gcmDecrypt = EVP_CIPHER_CTX_new();
    EVP_CIPHER_CTX *ctr = EVP_CIPHER_CTX_new();
    Contexts()
    {
        if (!gcmEncrypt || !gcmDecrypt || !ctr || EVP_EncryptInit_ex(gcmEncrypt, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1
            || EVP_DecryptInit_ex(gcmDecrypt, EVP_aes_256_gcm(), nullptr, nullptr, nullptr) != 1)
            fail("cipher context");
    }
    ~Contexts()
    {
        EVP_CIPHER_CTX_free(gcmEncrypt);
        EVP_CIPHER_CTX_free(gcmDecrypt);
        EVP_CIPHER_CTX_free(ctr);
    }
};

Contexts &contexts()
{
    thread_local Contexts c;
    return c;
}

} // namespace

std::shared_ptr<const DataKeys> DataKeys::derive(const QByteArray &dataKey)
{
    if (dataKey.size() != 32)
        return nullptr;
    auto keys = std::make_shared<DataKeys>();
    const auto *secret = reinterpret_cast<const unsigned char *>(dataKey.constData());
    keys->page = cipher::hkdf(secret, 32, {}, QByteArrayLiteral("dynamodesk page key v1"));
    keys->journal = cipher::hkdf(secret, 32, {}, QByteArrayLiteral("dynamodesk journal key v1"));
    keys->file = cipher::hkdf(secret, 32, {}, QByteArrayLiteral("dynamodesk file key v1"));
    return keys;
}

const DataKeys &DataKeys::ephemeral()
{
    static const std::shared_ptr<const DataKeys> keys = derive(cipher::randomBytes(32));
    return *keys;
}

namespace cipher {

void randomBytes(unsigned char *out, int n)
{
    if (RAND_bytes(out, n) != 1)
        fail("RAND_bytes");
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, Qt::Uninitialized);
    randomBytes(reinterpret_cast<unsigned char *>(out.data()), n);
    return out;
}

void uniqueNonce(unsigned char out[kNonceBytes])
{
    static const std::uint32_t prefix = [] {
        std::uint32_t p = 0;
        randomBytes(reinterpret_cast<unsigned char *>(&p), int(sizeof p));
        return p;
    }();
    static std::atomic<std::uint64_t> counter = [] {
        timespec ts{};
        clock_gettime(CLOCK_REALTIME, &ts);
        return std::uint64_t(ts.tv_sec) * 1000000000u + std::uint64_t(ts.tv_nsec);
    }();
    const std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
    std::memcpy(out, &prefix, 4);
    std::memcpy(out + 4, &n, 8);
}

void gcmSeal(const Key256 &key, const unsigned char nonce[kNonceBytes], const unsigned char *aad, int aadBytes,
             const unsigned char *in, int n, unsigned char *out, unsigned char tag[kTagBytes])
{
    EVP_CIPHER_CTX *c = contexts().gcmEncrypt;
    int len = 0;
    if (EVP_EncryptInit_ex(c, nullptr, nullptr, key.data(), nonce) != 1 || (aadBytes && EVP_EncryptUpdate(c, nullptr, &len, aad, aadBytes) != 1)
        || EVP_EncryptUpdate(c, out, &len, in, n) != 1 || EVP_EncryptFinal_ex(c, out + len, &len) != 1
        || EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_GET_TAG, kTagBytes, tag) != 1)
        fail("AES-GCM encrypt");
}

bool gcmOpen(const Key256 &key, const unsigned char nonce[kNonceBytes], const unsigned char *aad, int aadBytes, const unsigned char *in,
             int n, unsigned char *out, const unsigned char tag[kTagBytes])
{
    EVP_CIPHER_CTX *c = contexts().gcmDecrypt;
    int len = 0;
    if (EVP_DecryptInit_ex(c, nullptr, nullptr, key.data(), nonce) != 1 || (aadBytes && EVP_DecryptUpdate(c, nullptr, &len, aad, aadBytes) != 1)
        || EVP_DecryptUpdate(c, out, &len, in, n) != 1
        || EVP_CIPHER_CTX_ctrl(c, EVP_CTRL_GCM_SET_TAG, kTagBytes, const_cast<unsigned char *>(tag)) != 1)
        fail("AES-GCM decrypt");
    return EVP_DecryptFinal_ex(c, out + len, &len) == 1;
}

void ctrXor(const Key256 &key, const unsigned char nonce[8], std::uint64_t offset, const unsigned char *in, unsigned char *out,
            std::size_t n)
{
    unsigned char iv[16];
    std::memcpy(iv, nonce, 8);
    const std::uint64_t block = offset / 16;
    for (int i = 0; i < 8; ++i)
        iv[8 + i] = static_cast<unsigned char>(block >> (56 - 8 * i));
    EVP_CIPHER_CTX *c = contexts().ctr;
    int len = 0;
    if (EVP_EncryptInit_ex(c, EVP_aes_256_ctr(), nullptr, key.data(), iv) != 1)
        fail("AES-CTR");
    // Into the block that holds `offset`: its first bytes' key stream is not used.
    if (const int skip = int(offset % 16)) {
        unsigned char scratch[16] = {};
        if (EVP_EncryptUpdate(c, scratch, &len, scratch, skip) != 1)
            fail("AES-CTR");
    }
    while (n > 0) {
        const int chunk = int(std::min<std::size_t>(n, 1 << 30));
        if (EVP_EncryptUpdate(c, out, &len, in, chunk) != 1)
            fail("AES-CTR");
        in += chunk;
        out += chunk;
        n -= std::size_t(chunk);
    }
}

Key256 hkdf(const unsigned char *secret, int secretBytes, const QByteArray &salt, const QByteArray &info)
{
    Key256 out{};
    EVP_PKEY_CTX *c = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
    std::size_t len = out.size();
    if (!c || EVP_PKEY_derive_init(c) != 1 || EVP_PKEY_CTX_set_hkdf_md(c, EVP_sha256()) != 1
        || EVP_PKEY_CTX_set1_hkdf_salt(c, reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size())) != 1
        || EVP_PKEY_CTX_set1_hkdf_key(c, secret, secretBytes) != 1
        || EVP_PKEY_CTX_add1_hkdf_info(c, reinterpret_cast<const unsigned char *>(info.constData()), int(info.size())) != 1
        || EVP_PKEY_derive(c, out.data(), &len) != 1)
        fail("HKDF");
    EVP_PKEY_CTX_free(c);
    return out;
}

Key256 pbkdf2(const QByteArray &passphrase, const QByteArray &salt, int iterations)
{
    Key256 out{};
    if (PKCS5_PBKDF2_HMAC(passphrase.constData(), int(passphrase.size()), reinterpret_cast<const unsigned char *>(salt.constData()),
                          int(salt.size()), iterations, EVP_sha256(), int(out.size()), out.data())
        != 1)
        fail("PBKDF2");
    return out;
}

} // namespace cipher
} // namespace dd::storage
