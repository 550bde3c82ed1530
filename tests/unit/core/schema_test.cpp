#include "core/schema.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/gazetteer.h"
#include "core/normalize.h"

namespace schema = cs::schema;

TEST_CASE("schema prefixes and field names are unique", "[schema]") {
  std::set<std::string> prefixes = {std::string(schema::kPrefixId),
                                    std::string(schema::kPrefixPath),
                                    std::string(schema::kPrefixContent)};
  std::set<std::string> names;
  for (const schema::Field& f : schema::fields()) {
    CAPTURE(f.name);
    CHECK(prefixes.insert(std::string(f.prefix)).second);
    CHECK(names.insert(std::string(f.name)).second);
  }
}

TEST_CASE("schema value slots never overlap", "[schema]") {
  std::set<Xapian::valueno> slots = {schema::kSlotDate, schema::kSlotExactHash,
                                     schema::kSlotSimhash, schema::kSlotDupCluster,
                                     schema::kSlotPrecision};
  for (const schema::Field* f : schema::facet_fields()) {
    for (unsigned i = 0; i < f->slot_count; ++i) {
      CAPTURE(f->name, i);
      CHECK(slots.insert(f->first_slot + i).second);
      CHECK(f->first_slot + i < schema::kSlotNextFree);
    }
  }
}

TEST_CASE("facets keep the JSON contract's order, fields are found by name", "[schema]") {
  std::vector<std::string_view> facets;
  for (const schema::Field* f : schema::facet_fields()) facets.push_back(f->name);
  CHECK(facets == std::vector<std::string_view>{"outlet", "year", "month", "person", "org", "place",
                                                "source", "claimant", "victims", "lang"});
  CHECK(schema::find_field("outlet")->prefix == "XO");
  CHECK(schema::find_field("nope") == nullptr);
  CHECK(schema::field_for_entity_type(cs::EntityType::kPlace)->name == "place");
  CHECK(schema::field_for_entity_type(cs::EntityType::kOther) == nullptr);
}

TEST_CASE("term_value applies each field's rule", "[schema]") {
  cs::Gazetteer gazetteer;
  struct Case {
    std::string_view field, raw, term;
  };
  const Case cases[] = {
      {"outlet", "Reuters", "reuters"},
      {"outlet", "  ", ""},
      {"year", "2016", "2016"},
      {"year", "2016-03", ""},
      {"year", "20x6", ""},
      {"month", "2016-03", "201603"},
      {"month", "2016-03-15", "201603"},
      {"month", "2016", ""},
      {"month", "2016-13", ""},
      {"person", "x-already-an-id", "x-already-an-id"},
      {"source", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.field, c.raw);
    CHECK(schema::term_value(*schema::find_field(c.field), c.raw, &gazetteer) == c.term);
  }
  // A name the gazetteer does not know becomes its unknown-name id, the indexer's id for it.
  const std::string unknown = schema::unknown_name_id("Nobody Known");
  CHECK(unknown == "x-~nubdknvn");
  CHECK(schema::term_value(*schema::find_field("person"), "Nobody Known", &gazetteer) == unknown);
  CHECK(schema::term_value(*schema::find_field("entity"), "NOBODY known", nullptr) == unknown);
  CHECK(schema::unknown_name_id("  ").empty());
}

TEST_CASE("unknown-name ids: spelling variants share one, different names do not", "[schema]") {
  struct Case {
    std::string_view a, b;
    bool same;
  };
  const Case cases[] = {
      {"al-Hawayij", "Hawaijj", true},
      {"al-Hawayij", "al Hawayej", true},
      {"Bokamal", "al-Bukamal", true},
      {"Kafr Nabl", "Kafranbel", true},
      {"Qusair", "Qusayr", true},
      {"Omar Harfoush", "Umar Harfush", true},
      {"Hassan Ali", "Hussein Ali", false},
      {"Mohammed Ali", "Mahmoud Ali", false},
      {"Brigade 137", "Brigade 173", false},
      {"Stark Young", "East Providence", false},
      {"Abu Kamal", "Bukamal", false},  // the opening vowel is kept apart
  };
  for (const Case& c : cases) {
    CAPTURE(c.a, c.b);
    const std::string a = schema::unknown_name_id(c.a);
    CHECK(a.starts_with("x-~"));
    CHECK((a == schema::unknown_name_id(c.b)) == c.same);
    // URL-safe, so it can stand in a path or a query string as it is.
    CHECK(a.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-._~") == std::string::npos);
  }
  // No loose key (another script, too short): the folded key, which never holds '~'.
  CHECK(schema::unknown_name_id("Ali") == "x-ali");
  CHECK(schema::unknown_name_id("Харків").starts_with("x-"));
  CHECK(schema::unknown_name_id("Харків").find('~') == std::string::npos);
  CHECK(schema::unknown_name_id("East Providence") == "x-~.stpruvdnk_");
}

TEST_CASE("make_term keeps terms under Xapian's limit", "[schema]") {
  CHECK(schema::id_term("abc") == "Qabc");
  const std::string long_id(400, 'x');
  const std::string term = schema::id_term(long_id);
  CHECK(term.size() <= 245);
  CHECK(term == schema::id_term(long_id));  // stable
  CHECK(term != schema::id_term(std::string(401, 'x')));
}

TEST_CASE("check_schema_version names the mismatch", "[schema]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  CHECK_THAT(schema::check_schema_version(db), Catch::Contains("reindex"));
  db.set_metadata(std::string(schema::kMetaSchemaVersion), "0");
  CHECK_THAT(schema::check_schema_version(db), Catch::Contains("version 0"));
  db.set_metadata(std::string(schema::kMetaSchemaVersion), std::to_string(schema::kSchemaVersion));
  CHECK(schema::check_schema_version(db).empty());
}
