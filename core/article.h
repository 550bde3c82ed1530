// The Article model: what a reader produces and the extractor fills in, and what the document
// builder turns into a Xapian document. Plain data; no behaviour beyond formatting helpers.
// Thread-safety: plain values, safe to move between threads.
#ifndef CS_CORE_ARTICLE_H_
#define CS_CORE_ARTICLE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cs {

/// How precisely a date is known.
enum class DatePrecision { kUnknown, kYear, kMonth, kDay };

/// Where the publication date came from.
enum class DateProvenance { kNone, kManifest, kJson, kHtmlMeta, kText };

/// A calendar date known to day, month or year precision (month/day are 0 when unknown).
struct PartialDate {
  int year = 0;
  int month = 0;
  int day = 0;
  DatePrecision precision = DatePrecision::kUnknown;

  /// True when at least the year is known.
  bool known() const { return precision != DatePrecision::kUnknown; }
  /// "YYYY-MM-DD", "YYYY-MM", "YYYY" by precision; "" when unknown.
  std::string iso() const;
  /// "YYYYMMDD" with unknown month/day as 01, for range filters and sorting; "" when unknown.
  std::string sortable() const;
  friend bool operator==(const PartialDate&, const PartialDate&) = default;
};

/// "day", "month", "year" or "" for kUnknown.
std::string_view precision_name(DatePrecision p);
/// "manifest", "json", "html-meta", "text" or "none".
std::string_view provenance_name(DateProvenance p);

/// Entity types; kOther is a capitalised name that the gazetteer does not know.
enum class EntityType { kPerson, kOrg, kPlace, kOther };

/// "person", "org", "place" or "other" (the JSON contract's names).
std::string_view entity_type_name(EntityType t);

/// One entity found in an article: its canonical id and name, and every spelling seen.
struct EntityMention {
  std::string id;    ///< gazetteer id, or "x-" + folded key for unknown names
  std::string name;  ///< canonical name (gazetteer) or the first spelling seen
  EntityType type = EntityType::kOther;
  std::vector<std::string> mentions;  ///< distinct surface forms, in order of appearance
  int count = 0;                      ///< number of occurrences
};

/// A party the article attributes a claim to ("according to X").
struct CitedSource {
  std::string id;    ///< gazetteer id, or "" when the name is not in the gazetteer
  std::string name;  ///< canonical name, or the name as written
};

/// What the claim says happened to the victims.
enum class Outcome { kKilled, kWounded, kCaptured, kMissing, kDisplaced };

/// The victims' normalised class.
enum class VictimClass { kUnspecified, kCivilians, kChildren, kGovernmentForces, kArmedGroup };

/// An entity a claim refers to: a gazetteer id and canonical name, or "" and the name as
/// written when the gazetteer does not know it. Empty name: nobody / nowhere.
struct ClaimRef {
  std::string id;
  std::string name;
  bool empty() const { return name.empty() && id.empty(); }
  friend bool operator==(const ClaimRef&, const ClaimRef&) = default;
};

/// One casualty claim of an article: the number as written and as a value (low..high; a vague
/// quantity such as "dozens" keeps no value, only its order of magnitude), the outcome, the
/// victims as written and their class, the claimant (nobody: the article's own authority),
/// the place and event date (each marked when taken from the article rather than the
/// sentence), and the sentence.
struct CasualtyClaim {
  std::string number;     ///< as written, qualifier included ("over 400", "two dozen")
  std::int64_t low = 0;   ///< value, or the range's low end; 0 for a vague quantity
  std::int64_t high = 0;  ///< value, or the range's high end; 0 for a vague quantity
  std::string qualifier;  ///< "at least", "more than", "around", ... or ""
  std::string vague;      ///< "dozens", "scores", "hundreds", ... or "" for a number
  int magnitude = 0;      ///< order of magnitude (floor log10), kept for vague quantities too
  Outcome outcome = Outcome::kKilled;
  std::string victims;  ///< as written ("regime soldiers", "civilians, including 3 children")
  VictimClass victim_class = VictimClass::kUnspecified;
  ClaimRef group;                    ///< the named group or force the victims belong to, if any
  ClaimRef claimant;                 ///< empty: the article states it on its own authority
  ClaimRef place;                    ///< a gazetteer place, or empty
  bool place_from_article = false;   ///< the article's main place, not named in the sentence
  PartialDate event_date;            ///< mentioned in the sentence, else the publication date
  bool date_from_published = false;  ///< event_date is the publication date
  bool update = false;               ///< a revision ("the death toll rose to 45")
  std::string sentence;              ///< the sentence as written
  /// Byte offsets of `sentence` in the analysed text (title + "\n" + text), which is how the
  /// index stores it (core/claim.h encode_claims) instead of a copy.
  std::uint32_t sentence_begin = 0;
  std::uint32_t sentence_end = 0;
  std::uint32_t number_begin = 0;  ///< byte offsets of `number` within `sentence`
  std::uint32_t number_end = 0;
  friend bool operator==(const CasualtyClaim&, const CasualtyClaim&) = default;
};

/// A date mentioned in the text, resolved against the publication date where relative.
struct MentionedDate {
  std::string text;  ///< as written ("On Mar. 24", "in May 2015", "on Sunday")
  PartialDate date;
};

/// One article, from reading through extraction.
struct Article {
  std::string id;           ///< unique id (JSON id, manifest id, or derived from the path)
  std::string source_path;  ///< file it came from
  int source_line = 0;      ///< line within a JSON Lines file, 0 otherwise
  std::string url;
  std::string outlet;
  std::string author;
  std::string title;
  std::string text;  ///< body; after cleaning, the normalised text that is indexed and stored

  PartialDate published;
  DateProvenance published_provenance = DateProvenance::kNone;

  std::vector<EntityMention> entities;
  std::vector<CitedSource> sources;
  std::vector<MentionedDate> mentioned_dates;
  std::vector<CasualtyClaim> claims;
  /// Numbers that looked like claims but were dropped, with the reason ("'2016': looks like
  /// a year"); shown by `corpus-index --explain`, not stored in the index.
  std::vector<std::string> dropped_claims;
  /// Values of the schema's extracted fields (schema::ArticleSource::kExtracted), by field
  /// name, as their extractors found them; fields with a member of their own are not here.
  std::map<std::string, std::vector<std::string>> field_values;

  std::uint64_t content_hash = 0;  ///< exact hash of the cleaned title + text
  std::uint64_t simhash = 0;       ///< 64-bit near-duplicate signature
  std::string dup_cluster;         ///< collapse key shared by near-duplicates
};

}  // namespace cs

#endif  // CS_CORE_ARTICLE_H_
