// Cipher: the cryptography of encryption at rest, on OpenSSL.
//
// A data directory's data key (32 random bytes, kept wrapped in its key
// file, security/datadirkey.h) is never used itself: DataKeys derives one
// key per use from it with HKDF-SHA256, so that no two uses can share a
// key and nonce:
// - pages: AES-256-GCM, one page of a database or of its WAL at a time
//   (storage/encryptedvfs.h), authenticated with where the page lies;
// - journals: AES-256-CTR by file offset, for the rollback journal that
//   must outlive a crash (a random nonce per file);
// - files: AES-256-GCM in chunks, for the engine's own files beside the
//   databases, backups and PITR base snapshots (storage/sealedfile.h).
// Threads: all functions may be called from any thread (each thread keeps
// its own OpenSSL contexts); a DataKeys is immutable.
#pragma once

#include <QByteArray>

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace dd::storage {

using Key256 = std::array<unsigned char, 32>;

struct DataKeys {
    Key256 page{};
    Key256 journal{};
    Key256 file{};

    // The subkeys of a 32-byte data key; null if `dataKey` is not 32 bytes.
    static std::shared_ptr<const DataKeys> derive(const QByteArray &dataKey);
    // Keys for files that never outlive the process (SQLite's temporary
    // files): random, made once per process.
    static const DataKeys &ephemeral();
};

namespace cipher {

constexpr int kNonceBytes = 12;
constexpr int kTagBytes = 16;

// `n` cryptographically random bytes (OpenSSL's RAND_bytes); aborts if the
// generator fails, as nothing may go on without it.
QByteArray randomBytes(int n);
void randomBytes(unsigned char *out, int n);

// A GCM nonce that no other call in this or any later process returns: a
// per-process random prefix and a counter that starts at the wall clock's
// nanoseconds.
void uniqueNonce(unsigned char out[kNonceBytes]);

// AES-256-GCM of in[0, n) into out (may equal in), with `aad` bound in.
void gcmSeal(const Key256 &key, const unsigned char nonce[kNonceBytes], const unsigned char *aad, int aadBytes,
             const unsigned char *in, int n, unsigned char *out, unsigned char tag[kTagBytes]);
// The inverse; false (out undefined) if the tag does not match.
[[nodiscard]] bool gcmOpen(const Key256 &key, const unsigned char nonce[kNonceBytes], const unsigned char *aad, int aadBytes,
                           const unsigned char *in, int n, unsigned char *out, const unsigned char tag[kTagBytes]);

// XORs in[0, n) with AES-256-CTR's key stream at byte `offset` of a file
// whose nonce is `nonce` (8 bytes; the other 8 count 16-byte blocks).
void ctrXor(const Key256 &key, const unsigned char nonce[8], std::uint64_t offset, const unsigned char *in, unsigned char *out,
            std::size_t n);

// HKDF-SHA256 of `secret` with `salt` and `info`, 32 bytes.
Key256 hkdf(const unsigned char *secret, int secretBytes, const QByteArray &salt, const QByteArray &info);
// PBKDF2-HMAC-SHA256 of a passphrase, 32 bytes.
Key256 pbkdf2(const QByteArray &passphrase, const QByteArray &salt, int iterations);

} // namespace cipher
} // namespace dd::storage
