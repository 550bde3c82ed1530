// Tests of the bounded LRU response cache (searchd/response_cache.h).
#include "searchd/response_cache.h"

#include <catch2/catch.hpp>
#include <thread>
#include <vector>

using cs::searchd::cache_key;
using cs::searchd::ResponseCache;

TEST_CASE("cache: stores, finds and replaces answers", "[searchd][cache]") {
  ResponseCache cache(1 << 20);
  CHECK(cache.find("a") == nullptr);
  cache.insert("a", "first");
  REQUIRE(cache.find("a") != nullptr);
  CHECK(*cache.find("a") == "first");
  cache.insert("a", "second");
  CHECK(*cache.find("a") == "second");
  CHECK(cache.usage().entries == 1);
}

TEST_CASE("cache: evicts the least recently used beyond its budget", "[searchd][cache]") {
  const std::string body(1000, 'x');
  ResponseCache cache(16 * 1024);  // room for about 13 entries of 1 KB
  for (int i = 0; i < 10; ++i) cache.insert("k" + std::to_string(i), body);
  REQUIRE(cache.find("k0") != nullptr);  // k0 is now the most recently used
  for (int i = 10; i < 40; ++i) cache.insert("k" + std::to_string(i), body);
  CHECK(cache.usage().bytes <= 16 * 1024);
  CHECK(cache.find("k1") == nullptr);
  CHECK(cache.find("k39") != nullptr);
  std::size_t kept = 0;
  for (int i = 0; i < 40; ++i) kept += cache.find("k" + std::to_string(i)) != nullptr;
  CHECK(kept == cache.usage().entries);
  CHECK(kept >= 10);
}

TEST_CASE("cache: an answer over an eighth of the budget is not kept", "[searchd][cache]") {
  ResponseCache cache(8 * 1024);
  cache.insert("small", "x");
  cache.insert("huge", std::string(2000, 'x'));
  CHECK(cache.find("huge") == nullptr);
  CHECK(cache.find("small") != nullptr);
  ResponseCache off(0);
  off.insert("a", "x");
  CHECK(off.find("a") == nullptr);
  CHECK(off.usage().entries == 0);
}

TEST_CASE("cache: a body handed out survives its eviction", "[searchd][cache]") {
  ResponseCache cache(8 * 1024);
  cache.insert("a", "kept by the reader");
  auto body = cache.find("a");
  for (int i = 0; i < 100; ++i) cache.insert("k" + std::to_string(i), std::string(500, 'y'));
  CHECK(cache.find("a") == nullptr);
  CHECK(*body == "kept by the reader");
}

TEST_CASE("cache: keys tell every request apart", "[searchd][cache]") {
  using Params = std::multimap<std::string, std::string>;
  const std::string plain = cache_key("/api/search", {{"q", "palmyra"}});
  CHECK(plain == cache_key("/api/search", {{"q", "palmyra"}}));
  CHECK(plain != cache_key("/api/search", {{"q", "palmyr"}}));
  CHECK(plain != cache_key("/api/doc/x/related", {{"q", "palmyra"}}));
  // Separators inside values cannot forge another request's key.
  CHECK(cache_key("/p", Params{{"a", "1"}, {"b", "2"}}) != cache_key("/p", Params{{"a", "1b2"}}));
  CHECK(cache_key("/p", Params{{"a", "1:1"}}) != cache_key("/p", Params{{"a:1", "1"}}));
  CHECK(cache_key("/p", Params{{"f", "x"}, {"f", "y"}}) != cache_key("/p", Params{{"f", "x"}}));
}

TEST_CASE("cache: concurrent readers and writers keep it consistent", "[searchd][cache]") {
  ResponseCache cache(64 * 1024);
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i) {
        const std::string key = "k" + std::to_string((i * 7 + t) % 97);
        if (auto body = cache.find(key)) {
          wrong[t] += *body != "body of " + key;
        } else {
          cache.insert(key, "body of " + key);
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(wrong == std::vector<int>(4, 0));
  CHECK(cache.usage().bytes <= 64 * 1024);
}
