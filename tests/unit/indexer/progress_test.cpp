#include "indexer/progress.h"

#include <catch2/catch.hpp>

TEST_CASE("progress bar: percentage of bytes, rate and ETA", "[progress]") {
  cs::IndexProgress p;
  p.articles = 500;
  p.bytes_done = 25'000'000;
  p.bytes_total = 100'000'000;
  const std::string bar = cs::progress_bar(p, 10.0);
  CHECK(bar.find(" 25%") != std::string::npos);
  CHECK(bar.find("500 articles, 50/s") != std::string::npos);
  CHECK(bar.find("ETA 30s") != std::string::npos);
  CHECK(bar.find("[######..") != std::string::npos);
}

TEST_CASE("progress bar: unknown total and zero time do not divide by zero", "[progress]") {
  const cs::IndexProgress p;
  CHECK(cs::progress_bar(p, 0).find("ETA ?") != std::string::npos);
  CHECK(cs::progress_line(p, 0) == "0 articles, 0/s, 0.0 of 0.0 MB read");
}

TEST_CASE("progress line: count, rate and bytes", "[progress]") {
  cs::IndexProgress p;
  p.articles = 1200;
  p.bytes_done = 5'000'000;
  p.bytes_total = 40'000'000;
  CHECK(cs::progress_line(p, 4.0) == "1200 articles, 300/s, 5.0 of 40.0 MB read");
}
