// Duplicate signatures: an exact content hash of title and text, and a 64-bit simhash over
// word 3-shingles of the body (the title is left out, so a syndicated copy with a changed
// headline stays close), with the block keys used to find near neighbours quickly.
//
// Thread-safety: pure functions.
#ifndef CS_INDEXER_SIGNATURE_H_
#define CS_INDEXER_SIGNATURE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// Number of blocks a simhash is cut into for lookup; two signatures within
/// 2 * kSimhashBlocks - 1 bits differ by at most one bit in at least one block.
inline constexpr int kSimhashBlocks = 4;

/// Bits of the simhash in each block.
inline constexpr int kSimhashBlockBits = 64 / kSimhashBlocks;
static_assert(kSimhashBlockBits <= 16, "a block key table would not fit in memory");

/// Number of distinct keys simhash_block gives: keys are 0 .. kSimhashBlockKeys - 1, so a
/// table indexed by key can stand in for a hash map.
inline constexpr std::uint32_t kSimhashBlockKeys = std::uint32_t{kSimhashBlocks}
                                                   << kSimhashBlockBits;

/// Largest Hamming distance at which two simhashes count as near duplicates (tuned on the
/// benchmark corpus, see bench/extraction_eval).
inline constexpr int kNearDuplicateDistance = 7;

/// Hash of the lower-cased, whitespace-collapsed title and text: equal for exact copies.
std::uint64_t content_hash(std::string_view title, std::string_view text);

/// 64-bit simhash of the body's word 3-shingles (fewer words: of the words themselves).
std::uint64_t simhash(std::string_view text);

/// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

/// The block of `simhash` numbered `block` (0 .. kSimhashBlocks - 1), as an integer key that
/// includes the block number in its bits above the block's own.
std::uint32_t simhash_block(std::uint64_t simhash, int block);

}  // namespace cs

#endif  // CS_INDEXER_SIGNATURE_H_
