// Duplicate signatures: an exact content hash of title and text, and a 64-bit simhash over
// word 3-shingles of the body (the title is left out, so a syndicated copy with a changed
// headline stays close), with the LSH band keys used to find near neighbours quickly.
//
// Thread-safety: pure functions.
#ifndef CS_INDEXER_SIGNATURE_H_
#define CS_INDEXER_SIGNATURE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// Number of LSH bands a simhash is cut into; two signatures within kSimhashBands - 1 bits
/// share at least one band.
inline constexpr int kSimhashBands = 8;

/// Bits of the simhash in each band.
inline constexpr int kSimhashBandBits = 64 / kSimhashBands;
static_assert(kSimhashBandBits <= 16, "a band key table would not fit in memory");

/// Number of distinct keys simhash_band gives: keys are 0 .. kSimhashBandKeys - 1, so a table
/// indexed by key can stand in for a hash map.
inline constexpr std::uint32_t kSimhashBandKeys = std::uint32_t{kSimhashBands} << kSimhashBandBits;

/// Largest Hamming distance at which two simhashes count as near duplicates (tuned on the
/// benchmark corpus, see bench/extraction_eval).
inline constexpr int kNearDuplicateDistance = 7;

/// Hash of the lower-cased, whitespace-collapsed title and text: equal for exact copies.
std::uint64_t content_hash(std::string_view title, std::string_view text);

/// 64-bit simhash of the body's word 3-shingles (fewer words: of the words themselves).
std::uint64_t simhash(std::string_view text);

/// Number of differing bits.
int hamming_distance(std::uint64_t a, std::uint64_t b);

/// The band of `simhash` numbered `band` (0 .. kSimhashBands - 1), as an integer key that
/// includes the band number.
std::uint32_t simhash_band(std::uint64_t simhash, int band);

}  // namespace cs

#endif  // CS_INDEXER_SIGNATURE_H_
