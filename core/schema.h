// The index schema: every term prefix, value slot and field name, in one place.
//
// The indexer writes documents by walking this table and the query side configures its
// QueryParser by walking the same table, so no prefix or slot literal appears anywhere else.
// Everything here is embedded on disk: changing a prefix, a slot or the document data layout
// means bumping kSchemaVersion, and readers refuse an index with another version.
//
// Thread-safety: constants and pure functions only; safe from any thread.
#ifndef CS_CORE_SCHEMA_H_
#define CS_CORE_SCHEMA_H_

#include <xapian.h>

#include <span>
#include <string>
#include <string_view>

namespace cs::schema {

/// Version of the on-disk layout; stored under kMetaSchemaVersion in the index metadata.
inline constexpr int kSchemaVersion = 2;

/// Snowball stemmer language used for free text, by the indexer and the query parser alike.
inline constexpr const char* kStemLanguage = "english";

/// Metadata keys stored in every index.
inline constexpr std::string_view kMetaSchemaVersion = "cs:schema_version";
/// Metadata key holding the gazetteer TSV the index was built with, so the query side (also
/// over remote shards) resolves entity spellings exactly as the indexer did.
inline constexpr std::string_view kMetaGazetteer = "cs:gazetteer";
/// Metadata key prefix for entity display data: "cs:entity:<id>" -> "<type>\t<canonical name>".
/// Stored in the index (not only the gazetteer) so remote shards can name their facet values.
inline constexpr std::string_view kMetaEntityPrefix = "cs:entity:";

/// How a field is searched.
enum class FieldKind {
  kFreeText,  ///< stemmed positional terms, weighted (QueryParser::add_prefix)
  kBoolean,   ///< exact filter terms (QueryParser::add_boolean_prefix), values folded
};

/// Which facet a field feeds, if any.
enum class Facet { kNone, kOutlet, kYear, kMonth, kPerson, kOrg, kPlace, kSource };

/// One searchable field: the name users type ("outlet:"), its term prefix and kind, and the
/// value slots that carry its facet values (first_slot .. first_slot + slot_count - 1).
struct Field {
  std::string_view name;    ///< user-facing field name, as in `outlet:Reuters`
  std::string_view prefix;  ///< Xapian term prefix
  FieldKind kind;
  Facet facet;                 ///< facet fed by this field, kNone if none
  Xapian::valueno first_slot;  ///< first facet slot (unused when facet is kNone)
  unsigned slot_count;         ///< 1 for single-valued facets, kMultiSlots for multi-valued
};

/// Multi-valued facet fields (entities, sources) store the i-th value of a document in slot
/// first_slot + i. Counting each slot with Xapian's built-in ValueCountMatchSpy and summing
/// gives exact counts, also over remote shards (custom spies do not run there). A document's
/// values beyond this many are still indexed as terms but not counted in facets.
inline constexpr unsigned kMultiSlots = 32;

// Value slots. Slots 0-9 are scalars; facet slots follow.
inline constexpr Xapian::valueno kSlotDate =
    0;  ///< "YYYYMMDD" (first day of period); empty if unknown
inline constexpr Xapian::valueno kSlotExactHash = 1;  ///< 16 hex digits of the cleaned text's hash
inline constexpr Xapian::valueno kSlotSimhash = 2;    ///< 16 hex digits of the 64-bit simhash
inline constexpr Xapian::valueno kSlotDupCluster =
    3;                                                ///< near-duplicate cluster key (collapse key)
inline constexpr Xapian::valueno kSlotPrecision = 4;  ///< "day", "month", "year" or empty
inline constexpr Xapian::valueno kSlotOutlet = 10;    ///< outlet display name
inline constexpr Xapian::valueno kSlotYear = 11;      ///< "YYYY"
inline constexpr Xapian::valueno kSlotMonth = 12;     ///< "YYYY-MM"
inline constexpr Xapian::valueno kSlotPersonFirst = 100;
inline constexpr Xapian::valueno kSlotOrgFirst = kSlotPersonFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotPlaceFirst = kSlotOrgFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotSourceFirst = kSlotPlaceFirst + kMultiSlots;

// Term prefixes not tied to a user-facing field.
inline constexpr std::string_view kPrefixId = "Q";        ///< unique article id (see id_term)
inline constexpr std::string_view kPrefixPath = "XF";     ///< hash of the source file path
inline constexpr std::string_view kPrefixContent = "XH";  ///< exact content hash
inline constexpr std::string_view kPrefixYear = "Y";      ///< "YYYY"
inline constexpr std::string_view kPrefixMonth = "XM";    ///< "YYYYMM"

/// The field table. Body text is indexed without prefix; title text both with kTitle's
/// prefix and without (so free text finds title words).
inline constexpr Field kFields[] = {
    {"title", "S", FieldKind::kFreeText, Facet::kNone, 0, 0},
    {"outlet", "XO", FieldKind::kBoolean, Facet::kOutlet, kSlotOutlet, 1},
    {"author", "XA", FieldKind::kBoolean, Facet::kNone, 0, 0},
    {"person", "XP", FieldKind::kBoolean, Facet::kPerson, kSlotPersonFirst, kMultiSlots},
    {"org", "XG", FieldKind::kBoolean, Facet::kOrg, kSlotOrgFirst, kMultiSlots},
    {"place", "XL", FieldKind::kBoolean, Facet::kPlace, kSlotPlaceFirst, kMultiSlots},
    {"entity", "XE", FieldKind::kBoolean, Facet::kNone, 0, 0},
    {"source", "XC", FieldKind::kBoolean, Facet::kSource, kSlotSourceFirst, kMultiSlots},
};

/// The year and month facets are fed from the publication date, not from a field's terms.
inline constexpr Xapian::valueno facet_first_slot(Facet f) {
  switch (f) {
    case Facet::kOutlet:
      return kSlotOutlet;
    case Facet::kYear:
      return kSlotYear;
    case Facet::kMonth:
      return kSlotMonth;
    case Facet::kPerson:
      return kSlotPersonFirst;
    case Facet::kOrg:
      return kSlotOrgFirst;
    case Facet::kPlace:
      return kSlotPlaceFirst;
    case Facet::kSource:
      return kSlotSourceFirst;
    case Facet::kNone:
      break;
  }
  return Xapian::BAD_VALUENO;
}

/// Number of slots a facet spans (1 or kMultiSlots); 0 for Facet::kNone.
inline constexpr unsigned facet_slot_count(Facet f) {
  switch (f) {
    case Facet::kOutlet:
    case Facet::kYear:
    case Facet::kMonth:
      return 1;
    case Facet::kPerson:
    case Facet::kOrg:
    case Facet::kPlace:
    case Facet::kSource:
      return kMultiSlots;
    case Facet::kNone:
      break;
  }
  return 0;
}

/// Facet name as it appears in the JSON contract ("outlet", "year", ...); empty for kNone.
std::string_view facet_name(Facet f);

/// All facets, in the order of the JSON contract.
std::span<const Facet> all_facets();

/// The field with this user-facing name, or nullptr.
const Field* find_field(std::string_view name);

/// The field with this facet, or nullptr (year and month have none).
const Field* field_for_facet(Facet f);

/// Xapian rejects terms over 245 bytes. Returns prefix + value, with a value that would make
/// the term too long replaced by a 16-hex-digit hash of it (stable across runs).
std::string make_term(std::string_view prefix, std::string_view value);

/// The unique-id term of an article id ("Q" + id, hashed when long).
std::string id_term(std::string_view article_id);

/// Returns an empty string when `db` carries this schema version, otherwise a message for the
/// user that names both versions and says to reindex. Never throws for a readable database.
std::string check_schema_version(const Xapian::Database& db);

}  // namespace cs::schema

#endif  // CS_CORE_SCHEMA_H_
