// The index schema: every term prefix, value slot and field name, in one place.
//
// The indexer writes documents by walking this table and the query side configures its
// QueryParser by walking the same table, so no prefix or slot literal appears anywhere else.
// Everything here is embedded on disk: changing a prefix, a slot or the document data layout
// means bumping kSchemaVersion, and readers refuse an index with another version.
//
// Thread-safety: constants and pure functions, safe from any thread; the one mutable piece, the
// table in force, changes only under a test's FieldTableOverride.
#ifndef CS_CORE_SCHEMA_H_
#define CS_CORE_SCHEMA_H_

#include <xapian.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/article.h"

namespace cs {
class Gazetteer;
}  // namespace cs

namespace cs::schema {

/// Version of the on-disk layout; stored under kMetaSchemaVersion in the index metadata.
inline constexpr int kSchemaVersion = 7;

/// Metadata keys stored in every index.
inline constexpr std::string_view kMetaSchemaVersion = "cs:schema_version";
/// Metadata key holding the gazetteer TSV the index was built with, so the query side (also
/// over remote shards) resolves entity spellings exactly as the indexer did.
inline constexpr std::string_view kMetaGazetteer = "cs:gazetteer";
/// Metadata key holding the users' part of that gazetteer (their files, without the bundled
/// one), which a later run without gazetteer files reuses, so bundled updates and
/// --no-default-gazetteer still apply to an existing index.
inline constexpr std::string_view kMetaUserGazetteer = "cs:gazetteer_user";
/// Metadata key prefix for entity display data: "cs:entity:<id>" -> "<type>\t<canonical name>".
/// Stored in the index (not only the gazetteer) so remote shards can name their facet values.
inline constexpr std::string_view kMetaEntityPrefix = "cs:entity:";
/// Metadata key holding the stamp of the last run that wrote documents (core/arrival.h): the
/// newest kSlotAdded value any document can have, so a watch records what it has seen.
inline constexpr std::string_view kMetaLastAdded = "cs:last_added";
/// Metadata key of a spelling export (indexer/spelling_export.h): the index it was taken from.
/// It marks a local database in a stub of remote shards as spelling data, not documents.
inline constexpr std::string_view kMetaSpellingExport = "cs:spelling_export_of";

/// How a field is searched.
enum class FieldKind {
  kFreeText,  ///< stemmed positional terms, weighted (QueryParser::add_prefix)
  kFilter,    ///< exact filter terms (QueryParser::add_boolean_prefix); a request filter
};

/// How a raw value (as a user types it or an extractor finds it) becomes a term value.
enum class ValueRule {
  kText,    ///< free text: the query parser's stemmed words, no term_value
  kName,    ///< a folded name (fold_key), so `outlet:reuters` and `outlet:"Reuters"` meet
  kEntity,  ///< any spelling -> gazetteer id, else unknown_name_id(); "x-..." ids as given
  kYear,    ///< "YYYY" exactly
  kMonth,   ///< "YYYY-MM" (a full date names its month); the term value is "YYYYMM"
};

/// Where the document writer takes a field's values from in an Article (core/field_values.h).
enum class ArticleSource {
  kTitle,           ///< Article::title (free text)
  kOutlet,          ///< Article::outlet
  kAuthor,          ///< Article::author
  kPublishedYear,   ///< the year of Article::published
  kPublishedMonth,  ///< the month of Article::published, when known to the month
  kEntities,        ///< Article::entities, all or those of Field::entity_type
  kSources,         ///< Article::sources (cited sources)
  kClaimants,       ///< the claimants of Article::claims (core/claim.h claimant_id)
  kVictimClasses,   ///< the victim classes of Article::claims ("civilians", ...)
  kExtracted,       ///< Article::field_values[name], filled by the field's own extractor
};

/// One field: everything the indexer, the query language, the request parameters, the CLI
/// flags, the facets, the exports and the page know about it. Rows are the only definition.
struct Field {
  std::string_view name;   ///< user-facing name: `outlet:Reuters`, `?outlet=`, `--outlet`
  std::string_view label;  ///< title shown to people (facet panels, help)
  FieldKind kind;
  std::string_view prefix;  ///< Xapian term prefix
  ValueRule rule;
  ArticleSource source;
  std::optional<EntityType> entity_type;  ///< kEntities: only this type (none: every type)
  Xapian::valueno first_slot;             ///< first facet slot (unused when slot_count is 0)
  unsigned slot_count;      ///< 0: not a facet; 1: single-valued facet; kMultiSlots: multi-valued
  bool panel;               ///< shown as a facet panel on the page (month feeds the timeline)
  std::string_view column;  ///< export column of its values ("" when not a column of its own)

  /// True when facet counts are kept for this field.
  constexpr bool is_facet() const { return slot_count > 0; }
  /// True when the field is a request filter (query-language prefix, parameter, flag).
  constexpr bool is_filter() const { return kind == FieldKind::kFilter; }
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
/// Sort keys, so every order is a plain ascending value sort (the same over remote shards,
/// which run no KeyMaker) with ties in article id order, never in docid order (docids differ
/// between one index, shards and rebuilds); undated articles last. Newest first: "0" + the
/// date with every digit d replaced by 9 - d + id when dated, "1" + id when not.
inline constexpr Xapian::valueno kSlotNewestKey = 5;
/// Oldest first: "0" + YYYYMMDD + id when dated, "1" + id when not.
inline constexpr Xapian::valueno kSlotOldestKey = 6;
/// The article id: relevance ties are ordered by it.
inline constexpr Xapian::valueno kSlotArticleId = 7;
/// The article's casualty claims in the compact form of core/claim.h (encode_claim_keys).
inline constexpr Xapian::valueno kSlotClaims = 8;
/// When the article was first indexed: its run's stamp, "YYYYMMDDHHMMSS" UTC (core/arrival.h);
/// kept when the article is updated and across full rebuilds.
inline constexpr Xapian::valueno kSlotAdded = 9;
inline constexpr Xapian::valueno kSlotOutlet = 10;  ///< outlet display name
inline constexpr Xapian::valueno kSlotYear = 11;    ///< "YYYY"
inline constexpr Xapian::valueno kSlotMonth = 12;   ///< "YYYY-MM"
/// Newest added first: added_sort_key(stamp, id) (core/arrival.h).
inline constexpr Xapian::valueno kSlotAddedKey = 13;
inline constexpr Xapian::valueno kSlotPersonFirst = 100;
inline constexpr Xapian::valueno kSlotOrgFirst = kSlotPersonFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotPlaceFirst = kSlotOrgFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotSourceFirst = kSlotPlaceFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotClaimantFirst = kSlotSourceFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotVictimsFirst = kSlotClaimantFirst + kMultiSlots;
inline constexpr Xapian::valueno kSlotLanguage = kSlotVictimsFirst + kMultiSlots;
/// First slot free for the next facet field (slots below are taken by the rows above).
inline constexpr Xapian::valueno kSlotNextFree = kSlotLanguage + 1;

/// The field of the article's language (ISO 639-1 code, indexer/language.h): declared by the
/// article's metadata (readers put it in Article::field_values under this name) or detected.
inline constexpr std::string_view kLanguageField = "lang";

// Term prefixes not tied to a user-facing field.
inline constexpr std::string_view kPrefixId = "Q";        ///< unique article id (see id_term)
inline constexpr std::string_view kPrefixPath = "XF";     ///< hash of the source file path
inline constexpr std::string_view kPrefixContent = "XH";  ///< exact content hash
/// The one term of every article with casualty claims, so claim queries skip the others.
inline constexpr std::string_view kTermHasClaims = "XJ";

/// The field table. Body text is indexed without prefix; title text both with the title row's
/// prefix and without (so free text finds title words). Facets keep the table's order, which
/// is the JSON contract's: outlet, year, month, person, org, place, source, claimant, victims,
/// lang.
inline constexpr Field kFields[] = {
    // name, label, kind, prefix, rule, source, entity type, slots, panel, export column
    {"title",
     "Title",
     FieldKind::kFreeText,
     "S",
     ValueRule::kText,
     ArticleSource::kTitle,
     {},
     0,
     0,
     false,
     ""},
    {"outlet",
     "Outlet",
     FieldKind::kFilter,
     "XO",
     ValueRule::kName,
     ArticleSource::kOutlet,
     {},
     kSlotOutlet,
     1,
     true,
     ""},
    {"year",
     "Year",
     FieldKind::kFilter,
     "Y",
     ValueRule::kYear,
     ArticleSource::kPublishedYear,
     {},
     kSlotYear,
     1,
     true,
     ""},
    {"month",
     "Month",
     FieldKind::kFilter,
     "XM",
     ValueRule::kMonth,
     ArticleSource::kPublishedMonth,
     {},
     kSlotMonth,
     1,
     false,
     ""},
    {"author",
     "Author",
     FieldKind::kFilter,
     "XA",
     ValueRule::kName,
     ArticleSource::kAuthor,
     {},
     0,
     0,
     false,
     ""},
    {"person", "People", FieldKind::kFilter, "XP", ValueRule::kEntity, ArticleSource::kEntities,
     EntityType::kPerson, kSlotPersonFirst, kMultiSlots, true, "persons"},
    {"org", "Organisations", FieldKind::kFilter, "XG", ValueRule::kEntity, ArticleSource::kEntities,
     EntityType::kOrg, kSlotOrgFirst, kMultiSlots, true, "orgs"},
    {"place", "Places", FieldKind::kFilter, "XL", ValueRule::kEntity, ArticleSource::kEntities,
     EntityType::kPlace, kSlotPlaceFirst, kMultiSlots, true, "places"},
    {"entity",
     "Entities",
     FieldKind::kFilter,
     "XE",
     ValueRule::kEntity,
     ArticleSource::kEntities,
     {},
     0,
     0,
     false,
     ""},
    {"source",
     "Cited sources",
     FieldKind::kFilter,
     "XC",
     ValueRule::kEntity,
     ArticleSource::kSources,
     {},
     kSlotSourceFirst,
     kMultiSlots,
     true,
     "sources"},
    {"claimant",
     "Claimants",
     FieldKind::kFilter,
     "XK",
     ValueRule::kEntity,
     ArticleSource::kClaimants,
     {},
     kSlotClaimantFirst,
     kMultiSlots,
     true,
     "claimants"},
    {"victims",
     "Victims",
     FieldKind::kFilter,
     "XV",
     ValueRule::kName,
     ArticleSource::kVictimClasses,
     {},
     kSlotVictimsFirst,
     kMultiSlots,
     true,
     "victims"},
    {kLanguageField,
     "Language",
     FieldKind::kFilter,
     "XN",
     ValueRule::kName,
     ArticleSource::kExtracted,
     {},
     kSlotLanguage,
     1,
     true,
     "lang"},
};

/// The table in force: kFields, or a test's table while a FieldTableOverride lives.
std::span<const Field> fields();

/// The facet fields of fields(), in table order; FacetCounts and facet results index by it.
std::vector<const Field*> facet_fields();

/// The field with this user-facing name, or nullptr.
const Field* find_field(std::string_view name);

/// The field an entity of this type is filtered and counted under ("person", "org", "place"),
/// or nullptr (kOther: only the any-type entity field).
const Field* field_for_entity_type(EntityType type);

/// Replaces fields() for its lifetime, so a test can add a throw-away row. Not thread-safe:
/// create it before any other thread reads the table. `table` must outlive the override.
class FieldTableOverride {
 public:
  explicit FieldTableOverride(std::span<const Field> table);
  ~FieldTableOverride();
  FieldTableOverride(const FieldTableOverride&) = delete;
  FieldTableOverride& operator=(const FieldTableOverride&) = delete;

 private:
  std::span<const Field> previous_;
};

/// The id of a name the gazetteer does not know, as the indexer stores it and facets report
/// it: "x-~" + its loose key (core/normalize.h) in lower case ("." for the opening-vowel mark,
/// "_" for the closing one), so an unknown local place spelled al-Hawayij in one article and
/// Hawaijj in another is one facet value; "x-" + its folded key when it has no loose key
/// (another script, or too short to compare loosely); "" when the name folds to nothing.
std::string unknown_name_id(std::string_view name);

/// The term value (after the prefix) that `raw` becomes in `field` by the field's rule, as the
/// writer indexes it and the query builder looks it up; "" when `raw` cannot be a value (folds
/// to nothing, malformed year or month). `gazetteer` resolves entity spellings (may be null).
std::string term_value(const Field& field, std::string_view raw, const Gazetteer* gazetteer);

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
