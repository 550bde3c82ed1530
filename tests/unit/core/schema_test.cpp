#include "core/schema.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>

namespace schema = cs::schema;

TEST_CASE("schema prefixes and field names are unique", "[schema]") {
  std::set<std::string> prefixes = {
      std::string(schema::kPrefixId), std::string(schema::kPrefixPath),
      std::string(schema::kPrefixContent), std::string(schema::kPrefixYear),
      std::string(schema::kPrefixMonth)};
  std::set<std::string> names;
  for (const schema::Field& f : schema::kFields) {
    CAPTURE(f.name);
    CHECK(prefixes.insert(std::string(f.prefix)).second);
    CHECK(names.insert(std::string(f.name)).second);
  }
}

TEST_CASE("schema value slots never overlap", "[schema]") {
  std::set<Xapian::valueno> slots = {schema::kSlotDate, schema::kSlotExactHash,
                                     schema::kSlotSimhash, schema::kSlotDupCluster,
                                     schema::kSlotPrecision};
  for (schema::Facet f : schema::all_facets()) {
    const Xapian::valueno first = schema::facet_first_slot(f);
    for (unsigned i = 0; i < schema::facet_slot_count(f); ++i) {
      CAPTURE(schema::facet_name(f), i);
      CHECK(slots.insert(first + i).second);
    }
  }
}

TEST_CASE("every facet field points at its facet's slots", "[schema]") {
  for (const schema::Field& f : schema::kFields) {
    if (f.facet == schema::Facet::kNone) continue;
    CHECK(f.first_slot == schema::facet_first_slot(f.facet));
    CHECK(f.slot_count == schema::facet_slot_count(f.facet));
    CHECK(schema::field_for_facet(f.facet) == &f);
  }
  CHECK(schema::find_field("outlet")->prefix == "XO");
  CHECK(schema::find_field("nope") == nullptr);
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
