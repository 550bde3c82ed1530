#include "indexer/signature.h"

#include <array>
#include <bit>

#include "core/hash.h"

namespace cs {

namespace {

constexpr std::size_t kShingleWords = 3;

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

unsigned char lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

// +1 for each set bit of `h`, -1 for each clear one. Branch-free: the bits are random, so a
// branch per bit was mispredicted half the time (a quarter of all extraction time).
void add_weights(std::array<int, 64>& weights, std::uint64_t h) {
  for (int bit = 0; bit < 64; ++bit) weights[bit] += static_cast<int>((h >> bit) & 1) * 2 - 1;
}

}  // namespace

std::uint64_t content_hash(std::string_view title, std::string_view text) {
  std::string folded;
  folded.reserve(title.size() + text.size() + 1);
  bool space = true;
  for (std::string_view part : {title, std::string_view("\n"), text}) {
    for (unsigned char c : part) {
      const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      if (is_space) {
        if (!space) folded.push_back(' ');
        space = true;
      } else {
        folded.push_back(static_cast<char>(lower(c)));
        space = false;
      }
    }
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return stable_hash64(folded);
}

std::uint64_t simhash(std::string_view text) {
  std::array<std::uint64_t, kShingleWords> recent{};
  std::array<int, 64> weights{};
  std::size_t words = 0;
  std::size_t i = 0;
  std::string word;
  while (i < text.size()) {
    if (!is_word_byte(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    word.clear();
    while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i]))) {
      word.push_back(static_cast<char>(lower(static_cast<unsigned char>(text[i++]))));
    }
    recent[words % kShingleWords] = stable_hash64(word);
    ++words;
    if (words >= kShingleWords) {
      std::uint64_t shingle = 0;
      for (std::size_t k = 0; k < kShingleWords; ++k) {
        shingle = shingle * 0x9e3779b97f4a7c15ULL + recent[(words + k) % kShingleWords];
      }
      add_weights(weights, stable_hash64(std::string_view(reinterpret_cast<const char*>(&shingle),
                                                          sizeof shingle)));
    }
  }
  if (words < kShingleWords) {
    for (std::size_t k = 0; k < words; ++k) add_weights(weights, recent[k]);
  }
  std::uint64_t signature = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) signature |= std::uint64_t{1} << bit;
  }
  return signature;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::uint32_t simhash_block(std::uint64_t simhash, int block) {
  const std::uint64_t bits =
      (simhash >> (block * kSimhashBlockBits)) & ((std::uint64_t{1} << kSimhashBlockBits) - 1);
  return (static_cast<std::uint32_t>(block) << kSimhashBlockBits) |
         static_cast<std::uint32_t>(bits);
}

}  // namespace cs
