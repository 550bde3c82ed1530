// Stable, fast, non-cryptographic hashing used for ids, content hashes and signatures.
// The values are stored in indexes, so the functions must never change.
// Thread-safety: pure functions.
#ifndef CS_CORE_HASH_H_
#define CS_CORE_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace cs {

/// 64-bit FNV-1a of `bytes` followed by a murmur-style finaliser (good avalanche for simhash).
std::uint64_t stable_hash64(std::string_view bytes);

/// `value` as 16 lowercase hex digits.
std::string hex64(std::uint64_t value);

}  // namespace cs

#endif  // CS_CORE_HASH_H_
