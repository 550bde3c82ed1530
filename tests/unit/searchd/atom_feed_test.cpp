// The Atom feed of a watch: required elements, escaping of hostile article text.
#include "searchd/atom_feed.h"

#include <catch2/catch.hpp>
#include <string>

TEST_CASE("xml escaping drops what XML forbids", "[atom]") {
  struct Case {
    std::string in;
    std::string out;
  };
  const Case cases[] = {
      {"a & b", "a &amp; b"},
      {"<script>", "&lt;script&gt;"},
      {"\"q\" 'a'", "&quot;q&quot; &#39;a&#39;"},
      {std::string("bell\x07 nul") + '\0' + "x", "bell nulx"},
      {"tab\tline\n", "tab\tline\n"},
      {"odd \xEF\xBF\xBE and \xEF\xBF\xBF end \xEF\xBF\xBD", "odd  and  end \xEF\xBF\xBD"},
      {"دير الزور", "دير الزور"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(cs::searchd::xml_escape(c.in) == c.out);
  }
}

TEST_CASE("a watch's feed has Atom's required elements", "[atom]") {
  cs::state::Watch watch{7, "Palmyra & Homs", "q=palmyra", "20261101120000", "", ""};
  cs::query::SearchResult matches;
  cs::query::Hit hit;
  hit.id = "a/1";
  hit.title = "Strike <b>hits</b> Palmyra";
  hit.outlet = "Reuters";
  hit.published = "2016-03";
  hit.added = "2026-11-02T10:00:00Z";
  hit.snippet = "near <mark>Palmyra</mark> &amp; Homs";
  matches.hits.push_back(hit);
  const std::string feed = cs::searchd::atom_feed(watch, matches, "http://127.0.0.1:8080");
  for (const char* part : {
           "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
           "<id>urn:corpus-search:watch:7:20261101120000</id>",
           "<title>Watch: Palmyra &amp; Homs</title>",
           "<updated>2026-11-02T10:00:00Z</updated>",
           "<author><name>corpus-search</name></author>",
           "href=\"http://127.0.0.1:8080/watches/7.atom\"",
           "<id>urn:corpus-search:article:a%2F1</id>",
           "<title>Strike &lt;b&gt;hits&lt;/b&gt; Palmyra</title>",
           "<published>2016-03-01T00:00:00Z</published>",
           "<author><name>Reuters</name></author>",
           "href=\"http://127.0.0.1:8080/?doc=a%2F1\"",
           "<summary type=\"html\">near &lt;mark&gt;Palmyra&lt;/mark&gt; &amp;amp; Homs</summary>",
       }) {
    CAPTURE(part);
    CHECK(feed.find(part) != std::string::npos);
  }
}

TEST_CASE("an empty feed still has an updated time", "[atom]") {
  cs::state::Watch watch{1, "w", "q=x", "20261101120000", "", ""};
  const std::string feed = cs::searchd::atom_feed(watch, {}, "");
  CHECK(feed.find("<updated>2026-11-01T12:00:00Z</updated>") != std::string::npos);
  CHECK(feed.find("<entry>") == std::string::npos);
  CHECK(feed.find("href=\"/watches/1.atom\"") != std::string::npos);
}
