// Tests of the document data layout (core/doc_data.h): a full round trip of every stored field,
// and headers with wrong types, unknown keys and broken JSON read field by field.
#include "core/doc_data.h"

#include <catch2/catch.hpp>
#include <functional>
#include <string>
#include <vector>

namespace {

cs::Article full_article() {
  cs::Article a;
  a.id = "feed-0042";
  a.source_path = "corpus/feeds/day \"1\".jsonl";
  a.source_line = 42;
  a.url = "https://example.org/a?x=1&y=<2>";
  a.outlet = "Enab Baladi";
  a.author = "Ali \\ Hassan";
  a.title = "Shelling in Idlib: \"dozens\" killed";
  a.text = "Line one.\n\nLine two with {\"json\": true} and \\ backslashes.\n";
  a.published = {2020, 2, 0, cs::DatePrecision::kMonth};
  a.published_provenance = cs::DateProvenance::kHtmlMeta;
  a.entities = {{"idlib", "Idlib", cs::EntityType::kPlace, {"Idlib", "إدلب"}, 3},
                {"x-ali", "Ali", cs::EntityType::kPerson, {}, 1},
                {"hts", "Hayat Tahrir al-Sham", cs::EntityType::kOrg, {"HTS"}, 2}};
  a.sources = {{"sohr", "Syrian Observatory for Human Rights"}, {"", "local activists"}};
  a.mentioned_dates = {{"on Monday", {2020, 2, 3, cs::DatePrecision::kDay}},
                       {"in 2019", {2019, 0, 0, cs::DatePrecision::kYear}}};
  a.field_values = {{"lang", {"en"}}, {"region", {"north", "west"}}};
  a.content_hash = 0x0123456789abcdefULL;
  a.simhash = 0xfedcba9876543210ULL;
  a.dup_cluster = "cluster-7";
  return a;
}

// The stored data of an article whose JSON line is `header` (empty claims, text "body").
std::string with_header(const std::string& header) { return header + "\n\nbody"; }

}  // namespace

TEST_CASE("document data decodes to every field it was encoded from", "[doc_data]") {
  const cs::Article a = full_article();
  const auto d = cs::decode_doc_data(cs::encode_doc_data(a));
  REQUIRE(d);
  CHECK(d->id == a.id);
  CHECK(d->source_path == a.source_path);
  CHECK(d->source_line == a.source_line);
  CHECK(d->url == a.url);
  CHECK(d->outlet == a.outlet);
  CHECK(d->author == a.author);
  CHECK(d->title == a.title);
  CHECK(d->text == a.text);
  CHECK(d->published == a.published);
  CHECK(d->published_provenance == a.published_provenance);
  REQUIRE(d->entities.size() == a.entities.size());
  for (std::size_t i = 0; i < a.entities.size(); ++i) {
    CHECK(d->entities[i].id == a.entities[i].id);
    CHECK(d->entities[i].name == a.entities[i].name);
    CHECK(d->entities[i].type == a.entities[i].type);
    CHECK(d->entities[i].mentions == a.entities[i].mentions);
    CHECK(d->entities[i].count == a.entities[i].count);
  }
  REQUIRE(d->sources.size() == 2);
  CHECK(d->sources[1].id.empty());
  CHECK(d->sources[1].name == "local activists");
  REQUIRE(d->mentioned_dates.size() == 2);
  CHECK(d->mentioned_dates[0].text == "on Monday");
  CHECK(d->mentioned_dates[0].date == a.mentioned_dates[0].date);
  CHECK(d->mentioned_dates[1].date == a.mentioned_dates[1].date);
  CHECK(d->field_values == a.field_values);
  CHECK(d->content_hash == a.content_hash);
  CHECK(d->simhash == a.simhash);
  CHECK(d->dup_cluster == a.dup_cluster);

  const auto listing = cs::decode_doc_claims(cs::encode_doc_data(a));
  REQUIRE(listing);
  CHECK(listing->id == a.id);
  CHECK(listing->title == a.title);
  CHECK(listing->outlet == a.outlet);
  CHECK(listing->published == a.published);
  CHECK(listing->entities.empty());
  CHECK(listing->url.empty());
  CHECK(listing->field_values.empty());
}

TEST_CASE("document data headers are read field by field, whatever else they hold", "[doc_data]") {
  struct Case {
    std::string header;
    std::function<void(const cs::Article&)> check;
  };
  const std::vector<Case> cases = {
      {R"({"id":5,"title":["x"],"line":"7","entities":{"a":1},"sources":"s","outlet":"O"})",
       [](const cs::Article& a) {
         CHECK(a.id.empty());
         CHECK(a.title.empty());
         CHECK(a.source_line == 0);
         CHECK(a.entities.empty());
         CHECK(a.sources.empty());
         CHECK(a.outlet == "O");
       }},
      {R"({"x":{"id":"evil","entities":[{"id":"no"}],"line":9},"id":"ok","y":[{"title":"t"}]})",
       [](const cs::Article& a) {
         CHECK(a.id == "ok");
         CHECK(a.title.empty());
         CHECK(a.entities.empty());
         CHECK(a.source_line == 0);
       }},
      {R"({"entities":[1,"s",[2],{"id":"e","mentions":[1,"M",{"k":"v"},"N"],"count":2.5,)"
       R"("type":"place","extra":{"id":"inner"}},{"name":"n","count":4}]})",
       [](const cs::Article& a) {
         REQUIRE(a.entities.size() == 2);
         CHECK(a.entities[0].id == "e");
         CHECK(a.entities[0].mentions == std::vector<std::string>{"M", "N"});
         CHECK(a.entities[0].count == 0);
         CHECK(a.entities[0].type == cs::EntityType::kPlace);
         CHECK(a.entities[1].id.empty());
         CHECK(a.entities[1].name == "n");
         CHECK(a.entities[1].count == 4);
         CHECK(a.entities[1].type == cs::EntityType::kOther);
       }},
      {R"({"fields":{"lang":["en",3,"ar"],"bad":"x","nested":[["y"]]},"dates":[{"text":"t",)"
       R"("date":7},"d",{"text":"u","date":"2021-05"}]})",
       [](const cs::Article& a) {
         CHECK(a.field_values.at("lang") == std::vector<std::string>{"en", "ar"});
         CHECK(a.field_values.count("bad") == 0);
         CHECK(a.field_values.at("nested").empty());
         REQUIRE(a.mentioned_dates.size() == 2);
         CHECK_FALSE(a.mentioned_dates[0].date.known());
         CHECK(a.mentioned_dates[1].date == cs::PartialDate{2021, 5, 0, cs::DatePrecision::kMonth});
       }},
      {R"({"id":"a","id":"b","title":"t","title":7,"line":3,"line":-2})",
       [](const cs::Article& a) {
         CHECK(a.id == "b");
         CHECK(a.title.empty());
         CHECK(a.source_line == -2);
       }},
      {R"({"published":"2019-13-45","provenance":"html-meta","content_hash":"zz"})",
       [](const cs::Article& a) {
         CHECK_FALSE(a.published.known());
         CHECK(a.published_provenance == cs::DateProvenance::kHtmlMeta);
         CHECK(a.content_hash == 0);
       }},
  };
  for (const Case& c : cases) {
    INFO(c.header);
    const auto article = cs::decode_doc_data(with_header(c.header));
    REQUIRE(article);
    CHECK(article->text == "body");
    c.check(*article);
  }
}

TEST_CASE("document data that is not one JSON object does not decode", "[doc_data]") {
  const std::vector<std::string> bad = {"",
                                        "no newline at all",
                                        with_header("[1,2]"),
                                        with_header("5"),
                                        with_header("\"s\""),
                                        with_header("{"),
                                        with_header(R"({"id":"a"} trailing)"),
                                        with_header(R"({"id":"a",})"),
                                        "{\"id\":\"a\"}\nclaims without a second newline"};
  for (const std::string& data : bad) {
    INFO(data);
    CHECK_FALSE(cs::decode_doc_data(data));
    CHECK_FALSE(cs::decode_doc_claims(data));
  }
}
