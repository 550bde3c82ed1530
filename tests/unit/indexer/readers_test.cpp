#include "indexer/readers.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/normalize.h"
#include "indexer/html_reader.h"
#include "temp_dir.h"

namespace {

struct Read {
  std::vector<cs::Article> articles;
  std::vector<cs::ReadIssue> issues;
};

Read read_jsonl(const std::string& text) {
  Read r;
  std::istringstream in(text);
  const cs::InputFile file{"in/feed.jsonl", "in", cs::InputFormat::kJsonLines};
  cs::read_json_lines(
      in, file, [&](cs::Article&& a) { r.articles.push_back(std::move(a)); }, r.issues);
  return r;
}

}  // namespace

TEST_CASE("plain text: first non-empty line is the title", "[readers]") {
  const cs::Article a = cs::read_text_article("\n  Palmyra retaken  \n\nBody line.\n", false);
  CHECK(a.title == "Palmyra retaken");
  CHECK(a.text == "\n\nBody line.\n");
  const cs::Article md = cs::read_text_article("## Heading here\nText", true);
  CHECK(md.title == "Heading here");
  const std::string long_line(400, 'x');
  const cs::Article no_title = cs::read_text_article(long_line + "\nmore", false);
  CHECK(no_title.title.empty());
  CHECK(no_title.text == long_line + "\nmore");
}

TEST_CASE("plain text with invalid UTF-8 is repaired", "[readers]") {
  const cs::Article a = cs::read_text_article("Title\xff\nBody \xc3", false);
  CHECK(a.title == "Title\xef\xbf\xbd");
  CHECK(a.text == "\nBody \xef\xbf\xbd");
}

TEST_CASE("JSON Lines: fields, ids and bad lines", "[readers]") {
  const Read r = read_jsonl(
      "{\"id\":\"a/1\",\"title\":\"T\",\"text\":\"Body\",\"outlet\":\"Reuters\","
      "\"published\":\"2016-03-27T10:00:00Z\",\"author\":\"X\"}\n"
      "\n"
      "{not json\n"
      "[1,2]\n"
      "{\"title\":\"\",\"text\":\"  \"}\n"
      "{\"headline\":\"H\",\"body\":\"B\",\"url\":\"http://x/y\"}\n"
      "{\"text\":\"only text\",\"id\":42}\n"
      "{\"text\":\"no id\",\"date\":\"2016-13\"}");
  REQUIRE(r.articles.size() == 4);
  CHECK(r.articles[0].id == "a_1");
  CHECK(r.articles[0].outlet == "Reuters");
  CHECK(r.articles[0].published.iso() == "2016-03-27");
  CHECK(r.articles[0].published_provenance == cs::DateProvenance::kJson);
  CHECK(r.articles[0].source_line == 1);
  CHECK(r.articles[1].title == "H");
  CHECK(r.articles[1].id.starts_with("u"));
  CHECK(r.articles[2].id == "42");
  CHECK(r.articles[3].id == "feed-L8");
  CHECK_FALSE(r.articles[3].published.known());
  REQUIRE(r.issues.size() == 4);
  CHECK(r.issues[0].where == "in/feed.jsonl:3");
  CHECK(r.issues[0].reason == "invalid JSON");
  CHECK(r.issues[1].reason == "not a JSON object");
  CHECK(r.issues[2].reason == "empty article");
  CHECK(r.issues[3].where == "in/feed.jsonl:8");
  CHECK(r.issues[3].reason == "invalid or future date ignored");
  CHECK_FALSE(r.issues[3].skipped);
}

TEST_CASE("JSON Lines: repaired records are kept with a warning", "[readers]") {
  const std::string long_title(10000, 't');
  const Read r = read_jsonl(
      "{\"id\":\"a\",\"text\":\"x\",\"published\":\"2016-02-30\"}\n"
      "{\"id\":\"b\",\"text\":\"x\",\"published\":\"2999-01-01\"}\n"
      "{\"id\":\"c\",\"text\":\"x\",\"title\":\"" +
      long_title +
      "\"}\n"
      "{\"id\":\"d\",\"title\":\"Only a title\"}\n"
      "{\"id\":\"e\",\"text\":\"caf\xc3\"}\n");
  REQUIRE(r.articles.size() == 5);
  CHECK_FALSE(r.articles[0].published.known());
  CHECK_FALSE(r.articles[1].published.known());
  CHECK(r.articles[2].title.size() <= 300);
  std::vector<std::string> reasons;
  for (const cs::ReadIssue& issue : r.issues) {
    CHECK_FALSE(issue.skipped);
    reasons.push_back(issue.where + " " + issue.reason);
  }
  CHECK(reasons == std::vector<std::string>{"in/feed.jsonl:1 invalid or future date ignored",
                                            "in/feed.jsonl:2 invalid or future date ignored",
                                            "in/feed.jsonl:3 overlong title truncated",
                                            "in/feed.jsonl:4 title only, no body text",
                                            "in/feed.jsonl:5 invalid UTF-8 replaced"});
}

TEST_CASE("text files: binary skipped, NUL bytes and bad UTF-8 repaired with warnings",
          "[readers]") {
  const cs::test::TempDir dir;
  const auto read_file = [&](const std::string& name, const std::string& bytes) {
    const std::string path = dir.path + "/" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    Read r;
    const cs::InputFile file{path, dir.path, cs::InputFormat::kText};
    cs::read_articles(
        file, [&](cs::Article&& a) { r.articles.push_back(std::move(a)); }, r.issues);
    return r;
  };
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>((i * 7919) % 256));
  const Read b = read_file("image.txt", binary);
  CHECK(b.articles.empty());
  REQUIRE(b.issues.size() == 1);
  CHECK(b.issues[0].reason == "binary file");
  CHECK(b.issues[0].skipped);

  const Read n = read_file("nul.txt", std::string("Title\nSome text with a NUL") + '\0' +
                                          " byte and bad \xff UTF-8 inside a longer line.");
  REQUIRE(n.articles.size() == 1);
  REQUIRE(n.issues.size() == 2);
  CHECK(n.issues[0].reason == "invalid UTF-8 replaced");
  CHECK(n.issues[1].reason == "NUL bytes removed");
  CHECK_FALSE(n.issues[1].skipped);

  const Read t = read_file("title.txt", "Just a title\n");
  REQUIRE(t.articles.size() == 1);
  REQUIRE(t.issues.size() == 1);
  CHECK(t.issues[0].reason == "title only, no body text");
}

TEST_CASE("JSON Lines: a line over the size limit is skipped, the next one read", "[readers]") {
  const std::string huge = "{\"text\":\"" + std::string(cs::kMaxArticleBytes + 10, 'a') + "\"}";
  const Read r = read_jsonl(huge + "\n{\"text\":\"small\"}\n");
  REQUIRE(r.articles.size() == 1);
  CHECK(r.articles[0].text == "small");
  REQUIRE(r.issues.size() == 1);
  CHECK(r.issues[0].reason == "too large");
}

TEST_CASE("HTML: metadata from the head, text from the article", "[readers]") {
  const cs::Article a = cs::read_html_article(
      "<html><head><title>Page title</title>"
      "<meta property=\"og:title\" content=\"OG title\">"
      "<meta property=\"og:site_name\" content=\"ARA News\">"
      "<meta name=\"author\" content=\"Haytham Mustafa\">"
      "<meta property=\"article:published_time\" content=\"2016-12-11T09:00:00+00:00\">"
      "<link rel=\"canonical\" href=\"https://example.org/a\">"
      "<script>var x = 1;</script></head><body><nav>Home | World</nav>"
      "<article><h1>Heading</h1><p>First <b>para</b>.</p><p>Second.</p>"
      "<aside>Leave a reply</aside></article><footer>(c) site</footer></body></html>");
  CHECK(a.title == "OG title");
  CHECK(a.outlet == "ARA News");
  CHECK(a.author == "Haytham Mustafa");
  CHECK(a.url == "https://example.org/a");
  CHECK(a.published.iso() == "2016-12-11");
  CHECK(a.published_provenance == cs::DateProvenance::kHtmlMeta);
  CHECK(a.text.find("First para.") != std::string::npos);
  CHECK(a.text.find("Second.") != std::string::npos);
  CHECK(a.text.find("var x") == std::string::npos);
  CHECK(a.text.find("Home") == std::string::npos);
  CHECK(a.text.find("Leave a reply") == std::string::npos);
  CHECK(a.text.find("(c) site") == std::string::npos);
}

TEST_CASE("HTML: malformed and deeply nested markup never fails", "[readers]") {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  const cs::Article a = cs::read_html_article("<title>T</title><p>unclosed <b>bold" + deep + "x");
  CHECK(a.title == "T");
  CHECK(a.text.find("unclosed bold") != std::string::npos);
}

TEST_CASE("HTML: character references beyond Unicode leave valid UTF-8", "[readers]") {
  // Found by the html fuzz target: gumbo decodes these into bytes that are no UTF-8.
  const cs::Article a = cs::read_html_article(
      "<meta name=\"author\" content=\"&#x4CCCCCCC1;\"><title>&#x4CCCCCCC1;</title>"
      "<p>a &#x4CCCCCCC1; b</p>");
  CHECK(cs::is_valid_utf8(a.title));
  CHECK(cs::is_valid_utf8(a.text));
  CHECK(cs::is_valid_utf8(a.author));
  CHECK(a.text.find('a') != std::string::npos);
  for (const char* page : {"<html lang=\"&#x888888888;\"><p>x</p>",
                           "<meta name=\"language\" content=\"&#x888888888;\"><p>x</p>"}) {
    INFO(page);
    for (const auto& [field, values] : cs::read_html_article(page).field_values) {
      for (const std::string& v : values) CHECK(cs::is_valid_utf8(v));
    }
  }
}

TEST_CASE("ids are derived from paths and sanitised", "[readers]") {
  CHECK(cs::id_from_path("corpus/000_abc.txt", "corpus") == "000_abc");
  CHECK(cs::id_from_path("corpus/sub dir/a.b.html", "corpus") == "sub_dir_a.b");
  CHECK(cs::sanitize_id("a/b?c") == "a_b_c");
  CHECK(cs::sanitize_id("../..") == "");
  CHECK(cs::sanitize_id(std::string(300, 'z')).size() == 128);
}
