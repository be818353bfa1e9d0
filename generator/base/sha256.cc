// SPDX-License-Identifier: MIT
// The low-level SHA256_* functions are deprecated in OpenSSL 3 in favour of
// EVP, but EVP fetches the digest through the provider machinery on first use,
// which costs more than a whole render of a small agent (half of a process's
// instructions, measured with callgrind). The low-level functions hash
// directly.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "base/sha256.h"

#include <openssl/sha.h>

namespace agentgen {

std::string Sha256Hex(std::string_view bytes) {
  SHA256_CTX context;
  SHA256_Init(&context);
  SHA256_Update(&context, bytes.data(), bytes.size());
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256_Final(digest, &context);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size_t{2} * SHA256_DIGEST_LENGTH);
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

}  // namespace agentgen
