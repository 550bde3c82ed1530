// Test helper: a fresh temporary folder, removed with everything in it on destruction.
#ifndef CS_TESTS_UNIT_TEMP_DIR_H_
#define CS_TESTS_UNIT_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <string>

namespace cs::test {

/// Creates /tmp/cs-test-XXXXXX on construction and removes it on destruction.
struct TempDir {
  TempDir() {
    char tmpl[] = "/tmp/cs-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path;
};

}  // namespace cs::test

#endif  // CS_TESTS_UNIT_TEMP_DIR_H_
