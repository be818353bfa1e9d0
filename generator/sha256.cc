// SPDX-License-Identifier: MIT
#include "sha256.h"

#include <openssl/sha.h>

namespace agentgen {

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  // The one-shot SHA256() avoids the EVP machinery's provider look-up, which
  // costs more start-up time than hashing a few agent files.
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
         digest);
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * SHA256_DIGEST_LENGTH);
  for (unsigned char byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 0xf];
  }
  return hex;
}

}  // namespace agentgen
