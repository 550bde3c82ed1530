// The query library's public model: a SearchRequest in, a SearchResult out.
//
// corpus-search and searchd both build a SearchRequest (from flags or HTTP parameters), hand
// it to a Searcher and serialise the SearchResult with query/json.h, so the CLI, the API and
// the web page always agree. Expected failures (no index, wrong schema version, unknown
// document) are reported as SearchError values, never as exceptions escaping the library.
//
// Thread-safety: a Searcher holds Xapian objects, which are not thread-safe. Use one Searcher
// per thread (searchd keeps one per worker); opening is cheap relative to a request.
#ifndef CS_QUERY_SEARCH_H_
#define CS_QUERY_SEARCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/article.h"

namespace cs::query {

/// Most hits one page may hold (SearchRequest::page_size, related-article limits).
inline constexpr int kMaxPageSize = 100;

/// Most values one facet may list (SearchRequest::facet_limit), so "More" on the page can ask
/// for long tails while a request still has a bounded answer.
inline constexpr int kMaxFacetSize = 1000;

/// Articles below which a search runs on one thread even when more are allowed: splitting a
/// match costs a thread start and a merge, which only pays on large indexes.
inline constexpr std::int64_t kParallelMatchMin = 50000;

/// Values a facet lists unless asked for more (the API's facet_size).
inline constexpr int kDefaultFacetSize = 10;

/// Result order. Articles with unknown dates sort last for both date orders; kAdded is newest
/// first by when the article was first indexed.
enum class SortOrder { kRelevance, kNewest, kOldest, kAdded };

/// One field filter: a filter field of the field table (schema::fields(): "outlet", "person",
/// "year", ...) and a value as the user wrote it (any spelling).
struct Filter {
  std::string field;
  std::string value;
  bool exclude = false;  ///< true for "-value": documents matching it are removed
  /// Required on its own: ANDed with the rest, never ORed with the field's other values (the
  /// entity of an entity page within a search that filters other entities).
  bool required = false;
};

/// Everything a search needs. Defaults are what a user gets with no options.
struct SearchRequest {
  std::string text;             ///< query string in the query language (may be empty: browse)
  std::vector<Filter> filters;  ///< same field: ORed; different fields: ANDed; excludes removed
  std::string from;             ///< inclusive lower date bound, YYYY[-MM[-DD]], or ""
  std::string to;               ///< inclusive upper date bound, YYYY[-MM[-DD]], or ""
  /// Only articles first indexed after this stamp (core/arrival.h, exclusive), or "": what is
  /// new for a watch.
  std::string added_after;
  SortOrder sort = SortOrder::kRelevance;
  int page = 1;                         ///< 1-based; no depth cap
  int page_size = 10;                   ///< hits per page, 1..kMaxPageSize
  bool collapse = false;                ///< fold exact and near duplicates into one hit
  bool want_facets = true;              ///< compute exact facet counts over the whole match set
  int facet_limit = kDefaultFacetSize;  ///< top N values per facet, 1..kMaxFacetSize (selected
                                        ///< values always included)
  bool want_snippets = true;
  bool want_timeline = true;
};

/// An entity as shown with a hit.
struct HitEntity {
  std::string id;
  std::string name;
  std::string type;  ///< "person", "org", "place" or "other"
};

/// One result.
struct Hit {
  std::string id;
  std::string title;
  std::optional<std::string> outlet;
  std::optional<std::string> published;  ///< "YYYY-MM-DD", "YYYY-MM" or "YYYY"
  std::optional<std::string> url;
  std::string added;  ///< when first indexed, ISO 8601 UTC ("" for an index without it)
  double score = 0;
  std::string snippet;  ///< HTML-safe text with <mark>...</mark> around matched words
  std::string lang;     ///< the article's language code (schema::kLanguageField), "" if unknown
  std::vector<HitEntity> entities;
  int duplicates = 0;  ///< number of copies folded into this hit when collapsing
};

/// One facet value and the number of matching documents that have it.
struct FacetCount {
  std::string value;  ///< display value (outlet name, year, "YYYY-MM", entity name)
  std::string id;     ///< filter value to use for it (entity id; same as value otherwise)
  std::int64_t count = 0;
};

/// One facet: its name as in the JSON contract and its top values.
struct FacetResult {
  std::string name;
  std::vector<FacetCount> values;
};

/// Matches per month ("YYYY-MM") over the whole match set.
struct TimelineBucket {
  std::string period;
  std::int64_t count = 0;
};

/// The answer to a SearchRequest; serialised by query/json.h.
struct SearchResult {
  std::string query;
  std::int64_t total = 0;
  bool total_exact = true;
  double took_ms = 0;
  int page = 1;
  int page_size = 10;
  std::vector<Hit> hits;
  std::vector<FacetResult> facets;  ///< in the contract's order: outlet, year, month, person...
  bool facets_exact = true;
  std::vector<TimelineBucket> timeline;
  std::optional<std::string> suggestion;
  std::vector<std::string> warnings;
};

/// A stored article, for the article view and /api/doc/{id}.
struct StoredArticle {
  std::string id;
  std::string title;
  std::optional<std::string> outlet;
  std::optional<std::string> published;
  std::string published_precision;   ///< "day", "month", "year" or ""
  std::string published_provenance;  ///< "manifest", "json", "html-meta", "text", "none"
  std::optional<std::string> url;
  std::optional<std::string> author;
  std::string added;  ///< when first indexed, ISO 8601 UTC ("" for an index without it)
  std::string text;
  std::vector<HitEntity> entities;
  std::vector<HitEntity> sources;  ///< id may be "" for sources not in the gazetteer
  /// Values of the field table's extracted fields, by field name (Article::field_values).
  std::map<std::string, std::vector<std::string>> fields;
  std::vector<CasualtyClaim> claims;  ///< the article's casualty claims
};

/// Most incidents one claims answer lists (ClaimsRequest::limit).
inline constexpr int kMaxIncidents = 500;
/// Most articles with claims one claims answer reads: beyond it the newest are kept and the
/// answer says it is truncated. Bounds the time and memory of a claims request.
inline constexpr int kMaxClaimArticles = 50000;
/// Most claims listed under one incident (its claims_total counts them all): every claimant's
/// first claim comes before further claims of the same claimants.
inline constexpr int kMaxClaimsPerIncident = 25;

/// A claims request: the match set of a search (paging and sorting ignored) and how many
/// incidents to list.
struct ClaimsRequest {
  SearchRequest search;
  int limit = 50;  ///< incidents listed, 1..kMaxIncidents, newest first
};

/// One claim as listed under an incident: the claim and the article it is from.
struct IncidentClaim {
  std::string article_id;
  std::string title;
  std::optional<std::string> outlet;
  std::optional<std::string> published;
  CasualtyClaim claim;
};

/// Claims about one event and victim group (query/incidents.h has the grouping rule).
struct Incident {
  std::string id;                    ///< stable within one index revision
  ClaimRef place;                    ///< empty when the claims name no place
  std::string outcome;               ///< outcome_name
  std::string victims;               ///< victim_class_name
  ClaimRef group;                    ///< the victims' named group, when any claim names one
  std::string from;                  ///< first event date, ISO ("" when unknown)
  std::string to;                    ///< last event date, ISO
  std::optional<std::int64_t> low;   ///< lowest figure (numbers only; null when all vague)
  std::optional<std::int64_t> high;  ///< highest figure
  int claimants = 0;     ///< distinct claimants (the outlets' own statements not counted)
  int outlets = 0;       ///< distinct outlets
  int articles = 0;      ///< distinct articles, duplicated articles once
  int claims_total = 0;  ///< claims in the incident (those listed: at most kMaxClaimsPerIncident)
  std::vector<IncidentClaim> claims;  ///< oldest event first
};

/// The claims ledger of a match set.
struct ClaimsResult {
  std::string query;
  std::int64_t total = 0;                 ///< articles matching the search
  std::int64_t articles_with_claims = 0;  ///< of those, articles with claims (read)
  std::int64_t claims = 0;                ///< claims read (duplicated articles once)
  std::int64_t incidents_total = 0;       ///< incidents found (those listed: at most the limit)
  bool truncated = false;                 ///< more than kMaxClaimArticles articles had claims
  double took_ms = 0;
  std::vector<Incident> incidents;  ///< newest first
  std::vector<std::string> warnings;
};

/// What a batch row reports of a match set (query/batch.h): counted over every match.
struct MatchSummary {
  std::int64_t total = 0;
  std::optional<std::string> first;  ///< earliest publication date, ISO YYYY-MM-DD (the first
                                     ///< day of a month- or year-precision date)
  std::optional<std::string> last;   ///< latest publication date, same form
  std::vector<FacetCount> outlets;   ///< the top outlets, most articles first
  std::vector<std::string> warnings;
};

/// A gazetteer entity a whole name resolved to.
struct NameMatch {
  std::string id;
  std::string name;      ///< canonical name
  std::string type;      ///< "person", "org", "place" or "other"
  std::string spelling;  ///< the entity's listed spelling the name matched
};

/// Expected failures, mapped by callers to exit codes / HTTP statuses.
enum class ErrorCode {
  kNone,
  kNoIndex,        ///< the index path does not exist or cannot be opened (HTTP 503, exit 2)
  kSchemaVersion,  ///< built with another schema version (HTTP 503, exit 2)
  kBadRequest,     ///< a request value is out of range (HTTP 400, exit 2)
  kNotFound,       ///< unknown document id (HTTP 404)
  kInternal,       ///< unexpected library failure (HTTP 500, exit 2)
  kTimeout,        ///< a match ran past Searcher::set_time_limit (HTTP 503, exit 2)
};

/// An error code and a message for the user.
struct SearchError {
  ErrorCode code = ErrorCode::kNone;
  std::string message;
  explicit operator bool() const { return code != ErrorCode::kNone; }
};

class SearcherImpl;

/// Threads one search may use unless told (Searcher::set_match_threads): one per core, at
/// most 4.
unsigned default_match_threads();

/// Runs searches against one index (a database path, a stub file, or an index root holding
/// generations and a stub; core/index_layout.h). Not thread-safe: one per thread.
class Searcher {
 public:
  /// Opens the index at `path`. On failure returns nullptr and fills `error`.
  static std::unique_ptr<Searcher> open(const std::string& path, SearchError& error);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  /// Bounds every later match to `seconds` (0, the default: unbounded). A match that reaches
  /// the bound fails with kTimeout instead of answering partial counts, so a server can bound
  /// the work one request costs.
  void set_time_limit(double seconds);

  /// Splits every later search of a local index holding at least `min_documents` articles
  /// over `threads` threads (default: default_match_threads()), each matching a share of the
  /// index with the whole index's statistics and a database handle of its own: the same
  /// results, sooner on an idle multi-core machine (query/parallel_match.h). 1 turns it off.
  /// Remote shards are matched by their servers and ignore it.
  void set_match_threads(unsigned threads, std::int64_t min_documents = kParallelMatchMin);

  /// How many searches so far ran split over threads (the others ran whole: one thread asked,
  /// a small or remote index, a deep page, or a folded page the parts could not fill).
  std::int64_t split_searches() const;

  /// Runs `request`. A malformed query string never fails: it falls back to a plain search of
  /// its words and adds a warning. Returns kBadRequest for out-of-range page/size.
  SearchError search(const SearchRequest& request, SearchResult& result);

  /// Calls `emit` for every match of `request` (paging ignored) in result order, in constant
  /// memory; stops early if `emit` returns false.
  SearchError for_each_match(const SearchRequest& request,
                             const std::function<bool(const StoredArticle&)>& emit);

  /// The claims ledger of the request's match set: its claims grouped into incidents.
  /// Returns kBadRequest for a limit out of range.
  SearchError claims(const ClaimsRequest& request, ClaimsResult& result);

  /// The stored article `id`, or kNotFound.
  SearchError document(const std::string& id, StoredArticle& article);

  /// Up to `limit` articles similar to `id` (relevance feedback), or kNotFound.
  SearchError related(const std::string& id, int limit, SearchResult& result);

  /// The total, the first and last publication dates and the top `outlets` outlets of the
  /// request's match set (paging, sorting and facets ignored), in one pass.
  SearchError summarize(const SearchRequest& request, int outlets, MatchSummary& summary);

  /// The gazetteer entity whose spelling `name` is as a whole (fold_key match, or an id).
  std::optional<NameMatch> resolve_name(std::string_view name) const;

  /// The entity `id_or_name` names (a gazetteer id or spelling, an "x-" id, or an unknown name,
  /// whose id is made as the indexer makes it) with its display name and type, or nullopt when
  /// neither the gazetteer nor the index knows it.
  std::optional<HitEntity> describe_entity(std::string_view id_or_name);

  /// Counts the spellings under which the matches of `request` (the most recently indexed, at most
  /// `max_articles` of them) write entity `id`: spelling -> articles, most used first.
  /// `articles_read` says how many articles were read.
  SearchError mention_spellings(const SearchRequest& request, const std::string& id,
                                int max_articles, std::vector<FacetCount>& spellings,
                                int& articles_read);

  /// The number of matches of `request` per publication date ("YYYYMMDD"; undated matches are
  /// not in the map) and their total, in one pass (also over remote shards); the query's
  /// warnings (a fallback, an unknown entity) are added to `warnings`.
  SearchError date_counts(const SearchRequest& request, std::map<std::string, std::int64_t>& counts,
                          std::int64_t& total, std::vector<std::string>& warnings);

  /// The stamp of the last indexing run that wrote into the open revision (core/arrival.h;
  /// "" for an index built before stamps): every article's added stamp is at most this.
  std::string last_added() const;

  /// Builds now what the first search counting facets would build (the in-memory facet
  /// columns of a local index), so that search does not pay for it: searchd calls it when a
  /// revision goes live. Columns are shared per revision by every Searcher of the process.
  SearchError warm();

  /// Number of documents in the index.
  std::int64_t document_count() const;

  /// A name for the open generation (the stub's target folder or the database path).
  std::string generation() const;

  /// True when the index is served by remote shards (xapian-tcpsrv): their contents may
  /// change while the generation stays the same, so answers must not be cached.
  bool remote() const;

  /// The revision of the open local database (a generation's commits number its revisions,
  /// so an in-place update shows as a new revision of the same generation); 0 for remote
  /// shards or several databases, which have no single revision.
  std::uint64_t revision() const;

 private:
  explicit Searcher(std::unique_ptr<SearcherImpl> impl);
  std::unique_ptr<SearcherImpl> impl_;
};

}  // namespace cs::query

#endif  // CS_QUERY_SEARCH_H_
