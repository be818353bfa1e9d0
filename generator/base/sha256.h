// SPDX-License-Identifier: MIT
// Content hashes for the manifest (docs/command-line.md, "Manifest") and
// `agpm.resource.checksum` (docs/templates.md, "The template context"),
// computed by OpenSSL's libcrypto.
#ifndef AGENTGEN_BASE_SHA256_H_
#define AGENTGEN_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace agentgen {

/// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace agentgen

#endif  // AGENTGEN_BASE_SHA256_H_
