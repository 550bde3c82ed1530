// The write guard: same-origin and token rules for state-changing requests.
#include "searchd/write_guard.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "temp_dir.h"

namespace {

httplib::Request request(const std::vector<std::pair<std::string, std::string>>& headers) {
  httplib::Request req;
  req.method = "POST";
  bool host = false;
  for (const auto& [name, value] : headers) {
    req.headers.emplace(name, value);
    host = host || name == "Host";
  }
  if (!host) req.headers.emplace("Host", "127.0.0.1:8080");
  return req;
}

}  // namespace

TEST_CASE("writes: same origin passes, cross-site is refused", "[write_guard]") {
  const std::string token = "0123456789abcdef0123";
  struct Case {
    const char* what;
    bool loopback;
    std::string token;
    std::vector<std::pair<std::string, std::string>> headers;
    int status;
  };
  const Case cases[] = {
      {"a local tool", true, "", {}, 0},
      {"the page",
       true,
       "",
       {{"Origin", "http://127.0.0.1:8080"}, {"Sec-Fetch-Site", "same-origin"}},
       0},
      {"another site", true, "", {{"Origin", "http://evil.example"}}, 403},
      {"a cross-site fetch", true, "", {{"Sec-Fetch-Site", "cross-site"}}, 403},
      {"a same-site other port", true, "", {{"Sec-Fetch-Site", "same-site"}}, 403},
      {"origin null", true, "", {{"Origin", "null"}}, 403},
      {"beyond loopback, no token configured", false, "", {}, 403},
      {"token missing", false, token, {}, 401},
      {"token wrong", false, token, {{"Authorization", "Bearer 0123456789abcdef0124"}}, 401},
      {"token right", false, token, {{"Authorization", "Bearer " + token}}, 0},
      {"token in X-Write-Token", true, token, {{"X-Write-Token", token}}, 0},
      {"a rebound name on loopback",
       true,
       "",
       {{"Host", "evil.example:8080"},
        {"Origin", "http://evil.example:8080"},
        {"Sec-Fetch-Site", "same-origin"}},
       403},
      {"token right but cross-site",
       false,
       token,
       {{"Authorization", "Bearer " + token}, {"Origin", "http://evil.example"}},
       403},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const cs::searchd::WriteGuard guard(c.loopback, c.token);
    CHECK(guard.refusal(request(c.headers)).first == c.status);
  }
}

TEST_CASE("host names of Host headers", "[write_guard]") {
  CHECK(cs::searchd::host_name("127.0.0.1:8080") == "127.0.0.1");
  CHECK(cs::searchd::host_name("localhost") == "localhost");
  CHECK(cs::searchd::host_name("[::1]:8080") == "[::1]");
  CHECK(cs::searchd::host_name("") == "");
}

TEST_CASE("loopback hosts", "[write_guard]") {
  for (const char* host : {"127.0.0.1", "127.0.1.1", "::1", "localhost"}) {
    CAPTURE(host);
    CHECK(cs::searchd::is_loopback_host(host));
  }
  for (const char* host : {"0.0.0.0", "10.0.0.1", "::", "example.org", "127.evil.example",
                           "127.0.0.1.nip.io", "1270.0.0.1"}) {
    CAPTURE(host);
    CHECK_FALSE(cs::searchd::is_loopback_host(host));
  }
}

TEST_CASE("write token files", "[write_guard]") {
  cs::test::TempDir dir;
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir.path + "/" + name) << text;
    return dir.path + "/" + name;
  };
  std::string error;
  CHECK(cs::searchd::read_write_token(write("ok", "  0123456789abcdef  \nrest\n"), error) ==
        "0123456789abcdef");
  CHECK_FALSE(cs::searchd::read_write_token(write("short", "abc\n"), error));
  CHECK(error.find("shorter") != std::string::npos);
  CHECK_FALSE(cs::searchd::read_write_token(dir.path + "/missing", error));
  CHECK(error.find("cannot read") != std::string::npos);
}
