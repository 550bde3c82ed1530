// Tests core/generations, which the pipeline uses to publish index generations.
#include "core/generations.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "temp_dir.h"

namespace fs = std::filesystem;

using cs::test::TempDir;

TEST_CASE("generations are numbered, published and pruned", "[generations]") {
  TempDir dir;
  namespace g = cs::generations;
  CHECK_FALSE(g::live_generation(dir.path));
  CHECK(g::next_generation(dir.path) == "gen-1");
  for (const char* name : {"gen-1", "gen-2", "gen-10", "gen-x", "other"}) {
    fs::create_directory(fs::path(dir.path) / name);
  }
  CHECK(g::list_generations(dir.path) == std::vector<std::string>{"gen-1", "gen-2", "gen-10"});
  CHECK(g::next_generation(dir.path) == "gen-11");
  REQUIRE(g::publish(dir.path, "gen-1").empty());
  CHECK(g::live_generation(dir.path) == "gen-1");
  CHECK(g::prune(dir.path, 1) == std::vector<std::string>{"gen-2"});
  CHECK(fs::exists(fs::path(dir.path) / "gen-1"));
  CHECK(fs::exists(fs::path(dir.path) / "gen-10"));
  CHECK(fs::exists(fs::path(dir.path) / "gen-x"));
}

TEST_CASE("publishing into a missing folder fails and leaves no stub", "[generations]") {
  CHECK_FALSE(cs::generations::publish("/nonexistent/cs-root", "gen-1").empty());
  CHECK_FALSE(cs::generations::live_generation("/nonexistent/cs-root"));
}
