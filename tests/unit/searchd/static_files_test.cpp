// Tests of the web folder lookups (searchd/static_files.h): traversal and symlinks refused.
#include "searchd/static_files.h"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

/// A temporary web folder with app.js, css/site.css, a secret beside it and a symlink out.
struct WebFolder {
  fs::path base = fs::temp_directory_path() / ("searchd_static_" + std::to_string(::getpid()));
  fs::path web = base / "web";
  WebFolder() {
    fs::create_directories(web / "css");
    std::ofstream(web / "app.js") << "console.log(1);";
    std::ofstream(web / "css" / "site.css") << "body{}";
    std::ofstream(web / ".hidden") << "no";
    std::ofstream(base / "secret.txt") << "secret";
    fs::create_symlink(base / "secret.txt", web / "leak.txt");
    fs::create_directory_symlink(base, web / "up");
  }
  ~WebFolder() { fs::remove_all(base); }
};

}  // namespace

TEST_CASE("static files: serves files inside the folder", "[searchd][static]") {
  WebFolder folder;
  cs::searchd::StaticFiles files(folder.web);
  auto js = files.load("app.js");
  REQUIRE(js);
  CHECK(js->content == "console.log(1);");
  CHECK(js->content_type == "text/javascript; charset=utf-8");
  auto css = files.load("css/site.css");
  REQUIRE(css);
  CHECK(css->content_type == "text/css; charset=utf-8");
}

TEST_CASE("static files: refuses traversal, hidden files, symlinks out", "[searchd][static]") {
  WebFolder folder;
  cs::searchd::StaticFiles files(folder.web);
  for (auto path :
       {"../secret.txt", "css/../../secret.txt", "./app.js", ".hidden", "leak.txt", "up/secret.txt",
        "", "css", "css/", "/etc/passwd", "missing.js", "css//site.css", "..\\secret.txt"}) {
    INFO(path);
    CHECK_FALSE(files.load(path));
  }
}

TEST_CASE("static files: missing root serves nothing", "[searchd][static]") {
  cs::searchd::StaticFiles files("/nonexistent/searchd/web");
  CHECK_FALSE(files.load("index.html"));
}

TEST_CASE("static files: safe relative paths and content types", "[searchd][static]") {
  CHECK(cs::searchd::is_safe_relative_path("a/b.js"));
  CHECK_FALSE(cs::searchd::is_safe_relative_path(std::string_view("a\0b", 3)));
  CHECK(cs::searchd::content_type_for("x.html") == "text/html; charset=utf-8");
  CHECK(cs::searchd::content_type_for("x.svg") == "image/svg+xml");
  CHECK(cs::searchd::content_type_for("x.bin") == "application/octet-stream");
}
