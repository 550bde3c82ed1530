// Searcher: opens an index and answers SearchRequests (see search.h). Xapian exceptions are
// caught here, at the library boundary, and turned into SearchError values.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include "core/arrival.h"
#include "core/claim.h"
#include "core/doc_data.h"
#include "core/gazetteer.h"
#include "core/index_layout.h"
#include "core/normalize.h"
#include "core/schema.h"
#include "query/article_view.h"
#include "query/claim_columns.h"
#include "query/claims_ledger.h"
#include "query/facets.h"
#include "query/parallel_match.h"
#include "query/query_builder.h"
#include "query/search.h"
#include "query/shards.h"
#include "query/snippet.h"
#include "query/suggest.h"

namespace cs::query {

namespace {

constexpr Xapian::doccount kExportBatch = 500;

/// Thrown by SearcherImpl::run_match when a match reaches the time limit.
struct MatchTimeout {};
constexpr std::int64_t kSuggestBelow = 3;  // offer "did you mean" under this many matches
constexpr Xapian::termcount kRelatedTerms = 20;
constexpr auto kShardRetry = std::chrono::seconds(30);  // how often to retry missing shards
// A match split over threads ranks this many entries at most in each part (deeper pages are
// matched whole, as each part would hold the whole prefix in memory).
constexpr Xapian::doccount kMaxRankedInParts = 10000;

// Searches running now in this process, over every Searcher. A search is split over threads
// only while the others leave it the cores to use: splitting costs some work of its own, which
// a server busy with concurrent requests pays in throughput without gaining latency.
std::atomic<unsigned> running_searches{0};

// Counts a search as running for as long as it lives.
class RunningSearch {
 public:
  RunningSearch() { ++running_searches; }
  ~RunningSearch() { --running_searches; }
  RunningSearch(const RunningSearch&) = delete;
  RunningSearch& operator=(const RunningSearch&) = delete;
};

// The article stored in `doc`, with its claims when `claims`.
std::optional<Article> read_article(const Xapian::Document& doc, bool claims) {
  return decode_doc_data(doc.get_data(), claims);
}

// When the article in `doc` was first indexed, ISO 8601 UTC ("" when not recorded).
std::string added_of(const Xapian::Document& doc) {
  return stamp_to_iso(doc.get_value(schema::kSlotAdded));
}

// Collects the docid of every match (a claims request groups them all, unranked).
class DocidCollector : public Xapian::MatchSpy {
 public:
  explicit DocidCollector(std::vector<Xapian::docid>& out) : out_(out) {}
  void operator()(const Xapian::Document& doc, double) override { out_.push_back(doc.get_docid()); }

 private:
  std::vector<Xapian::docid>& out_;
};

// The earliest and latest non-empty value of a slot over the matches (local only: a custom
// spy does not run on remote shards). Cheaper than counting every value in a map.
class ValueRangeSpy : public Xapian::MatchSpy {
 public:
  explicit ValueRangeSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double) override {
    const std::string value = doc.get_value(slot_);
    if (value.empty()) return;
    if (first_.empty() || value < first_) first_ = value;
    if (value > last_) last_ = value;
  }
  const std::string& first() const { return first_; }
  const std::string& last() const { return last_; }

 private:
  Xapian::valueno slot_;
  std::string first_;
  std::string last_;
};

// The number of results after folding: one per distinct cluster key the spy saw, and one per
// document without a key (it stands alone).
std::int64_t folded_total(const Xapian::ValueCountMatchSpy& clusters) {
  std::int64_t keys = 0;
  std::int64_t keyed_documents = 0;
  for (auto it = clusters.values_begin(); it != clusters.values_end(); ++it) {
    ++keys;
    keyed_documents += it.get_termfreq();
  }
  return keys + (static_cast<std::int64_t>(clusters.get_total()) - keyed_documents);
}

// Keeps only unprefixed (free-text) terms of 3+ bytes for relevance feedback.
class FreeTextTerms : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() >= 3 && !(term[0] >= 'A' && term[0] <= 'Z');
  }
};

}  // namespace

class SearcherImpl {
 public:
  SearcherImpl(IndexLocation location, Xapian::Database db, OpenedShards shards)
      : location_(std::move(location)),
        db_(std::move(db)),
        parts_(std::move(shards.parts)),
        shard_warnings_(std::move(shards.warnings)),
        spelling_(std::move(shards.spelling)),
        shards_opened_(std::chrono::steady_clock::now()) {
    std::vector<std::string> ignored;
    gazetteer_ =
        Gazetteer::parse_tsv(db_.get_metadata(std::string(schema::kMetaGazetteer)), ignored);
    prepare_revision();
  }

  // Runs `op`, reopening the database once if it changed under us or a remote shard's
  // connection broke (its server restarted); Xapian errors -> kInternal. Shards missing at
  // open are retried every kShardRetry.
  template <typename Op>
  SearchError guarded(Op&& op) {
    if (!shard_warnings_.empty() &&
        std::chrono::steady_clock::now() - shards_opened_ > kShardRetry) {
      if (SearchError e = reconnect()) return e;
    }
    for (int attempt = 0;; ++attempt) {
      try {
        // A shard server keeps the revision its connection opened until asked: ask, so every
        // request sees the shards' latest commit (one round trip per shard).
        if (location_.remote && attempt == 0 && db_.reopen()) prepare_revision();
        return op();
      } catch (const Xapian::DatabaseModifiedError& e) {
        if (attempt > 0)
          return {ErrorCode::kInternal, "index changed during search: " + e.get_msg()};
        db_.reopen();
        prepare_revision();
      } catch (const Xapian::NetworkError& e) {
        if (attempt > 0 || !location_.remote) {
          return {ErrorCode::kInternal, "remote shard failed: " + e.get_msg()};
        }
        if (SearchError error = reconnect()) return error;
      } catch (const Xapian::Error& e) {
        return {ErrorCode::kInternal, "search failed: " + e.get_description()};
      } catch (const MatchTimeout&) {
        char limit[32];
        std::snprintf(limit, sizeof limit, "%g", time_limit_);
        return {ErrorCode::kTimeout, std::string("the search took longer than its ") + limit +
                                         " s limit; narrow it (more words, a phrase, a filter "
                                         "or a date range)"};
      }
    }
  }

  /// Bounds each later match to `seconds` (0: no bound).
  void set_time_limit(double seconds) { time_limit_ = seconds; }

  /// Searches that ran split over threads.
  std::int64_t split_searches() const { return split_searches_; }

  /// Splits later searches of a local index of at least `min_documents` over `threads`.
  void set_match_threads(unsigned threads, Xapian::doccount min_documents) {
    match_threads_ = std::max(1u, threads);
    parallel_min_ = min_documents;
    match_dbs_.clear();
  }

  /// Enquire::get_mset under the time limit. At the limit Xapian stops counting (its totals
  /// and spies' counts would be partial), so a match that reaches it throws MatchTimeout
  /// rather than answering inexact numbers. Over remote shards, where Xapian's limit is
  /// unreliable (its documentation), the elapsed time alone decides.
  Xapian::MSet run_match(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount size,
                         Xapian::doccount check_at_least = 0) const {
    if (time_limit_ <= 0) return enquire.get_mset(first, size, check_at_least);
    if (!location_.remote) enquire.set_time_limit(time_limit_);
    const auto start = std::chrono::steady_clock::now();
    Xapian::MSet mset = enquire.get_mset(first, size, check_at_least);
    if (std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() >=
        time_limit_) {
      throw MatchTimeout{};
    }
    return mset;
  }

  SearchError search(const SearchRequest& request, SearchResult& result);
  SearchError for_each_match(const SearchRequest& request,
                             const std::function<bool(const StoredArticle&)>& emit);
  SearchError claims(const ClaimsRequest& request, ClaimsResult& result);
  SearchError document(const std::string& id, StoredArticle& article);
  SearchError related(const std::string& id, int limit, SearchResult& result);
  SearchError summarize(const SearchRequest& request, int outlets, MatchSummary& summary);
  std::optional<NameMatch> resolve_name(std::string_view name) const;
  std::optional<HitEntity> describe_entity(std::string_view id_or_name);
  SearchError date_counts(const SearchRequest& request, std::map<std::string, std::int64_t>& counts,
                          std::int64_t& total, std::vector<std::string>& warnings);
  SearchError mention_spellings(const SearchRequest& request, const std::string& id,
                                int max_articles, std::vector<FacetCount>& spellings,
                                int& articles_read);
  // The newest stamp of the index; over shards (each written by its own runs) the newest of
  // any shard, as a multi-database reads metadata from its first part only.
  std::string last_added() const {
    std::string newest = db_.get_metadata(std::string(schema::kMetaLastAdded));
    for (const Xapian::Database& part : parts_) {
      newest = std::max(newest, part.get_metadata(std::string(schema::kMetaLastAdded)));
    }
    return newest;
  }

  // Opens the shards of the remote stub again; kNoIndex when none answers.
  SearchError reconnect() {
    OpenedShards shards;
    std::string message;
    shards_opened_ = std::chrono::steady_clock::now();
    if (!open_shards(location_.open_path, shards, message)) return {ErrorCode::kNoIndex, message};
    try {
      db_ = std::move(shards.db);
      parts_ = std::move(shards.parts);
      shard_warnings_ = std::move(shards.warnings);
      spelling_ = std::move(shards.spelling);
      prepare_revision();
      return {};
    } catch (const Xapian::Error& e) {
      return {ErrorCode::kNoIndex, "cannot reopen shards: " + e.get_msg()};
    }
  }

  // The in-memory facet columns of a local index, built on first use (a search that wants no
  // facets, like most of corpus-search's, never pays for them).
  const FacetColumns& facet_columns() {
    if (!columns_) columns_ = FacetColumns::shared(db_);
    return *columns_;
  }

  // The in-memory claim columns of a local index, built on first use.
  const ClaimColumns& claim_columns() {
    if (!claim_columns_) claim_columns_ = ClaimColumns::shared(db_);
    return *claim_columns_;
  }

  std::int64_t document_count() const { return db_.get_doccount(); }
  std::uint64_t revision() const {
    try {
      return db_.get_revision();
    } catch (const Xapian::Error&) {
      return 0;  // several databases, or a remote one
    }
  }
  const std::string& generation() const { return location_.generation; }
  bool remote() const { return location_.remote; }

 private:
  // Query builder and suggester for the database's current revision; facet columns later.
  void prepare_revision() {
    builder_ = std::make_unique<QueryBuilder>(db_, gazetteer_);
    suggester_ = std::make_unique<Suggester>(db_, gazetteer_, &spelling_);
    columns_.reset();  // built again on first use, for this revision
    facet_slots_.reset();
  }
  void configure(Xapian::Enquire& enquire, const SearchRequest& request, const BuiltQuery& built);
  static void configure_order(Xapian::Enquire& enquire, const SearchRequest& request);
  bool parallel_ready();
  void search_whole(const SearchRequest& request, const BuiltQuery& built, Xapian::doccount first,
                    SearchResult& result);
  bool search_in_parts(const SearchRequest& request, const BuiltQuery& built,
                       Xapian::doccount first, SearchResult& result);
  /// What snippets highlight: the query's words and the entities' spellings.
  struct Highlight {
    Xapian::MSet mset;                 // an MSet whose query holds every word to highlight
    Xapian::Stem stemmer;              // snippet_stemmer of that query
    std::set<std::string> name_terms;  // words of longer spellings only (make_snippet)
  };
  Highlight highlight_set(const BuiltQuery& built);
  /// Adds the hit at `it` (with `duplicates` folded into it) to `result`.
  void add_hit(const Xapian::MSetIterator& it, Xapian::doccount duplicates,
               const Highlight* highlight, SearchResult& result);
  void count_remote_duplicates(const Xapian::MSet& mset, const BuiltQuery& built,
                               SearchResult& result);
  void fill_facets(const FacetCounts& counts, const SearchRequest& request, const BuiltQuery& built,
                   SearchResult& result);
  std::string display_name(const schema::Field& field, const std::string& value);
  // The stored "<type>\t<name>" of entity `id` ("" when none): over shards the least of the
  // shards' (Xapian 1.4 reads a merged database's metadata from its first shard only), as one
  // index stores the least name of its articles (IndexWriter).
  std::string entity_metadata(const std::string& id) const;
  std::optional<Xapian::docid> find_docid(const std::string& id) const;

  IndexLocation location_;
  double time_limit_ = 0;                              // seconds a match may take; 0: unbounded
  unsigned match_threads_ = default_match_threads();   // threads one search may use
  Xapian::doccount parallel_min_ = kParallelMatchMin;  // below this a search runs whole
  std::vector<Xapian::Database> match_dbs_;            // one handle per match thread (db_ first)
  std::int64_t split_searches_ = 0;                    // searches that ran split
  Xapian::Database db_;
  std::vector<Xapian::Database> parts_;      // a remote stub's shards one by one (metadata)
  std::vector<std::string> shard_warnings_;  // shards of a remote stub that did not open
  Xapian::Database spelling_;                // a remote stub's spelling exports (may be none)
  std::chrono::steady_clock::time_point shards_opened_;
  Gazetteer gazetteer_;
  std::unique_ptr<QueryBuilder> builder_;
  std::unique_ptr<Suggester> suggester_;
  std::shared_ptr<const FacetColumns> columns_;        // null until a search counts; always remote
  std::optional<std::vector<FacetSlot>> facet_slots_;  // remote: the slots in use, this revision
  std::shared_ptr<const ClaimColumns> claim_columns_;  // null until a claims request; remote too
  std::unordered_map<std::string, std::string> entity_names_;
};

void SearcherImpl::configure(Xapian::Enquire& enquire, const SearchRequest& request,
                             const BuiltQuery& built) {
  enquire.set_query(built.query);
  configure_order(enquire, request);
}

void SearcherImpl::configure_order(Xapian::Enquire& enquire, const SearchRequest& request) {
  // Plain value sorts on keys that end with the article id (core/schema.h): the same order on
  // one index, over shards and after a rebuild; undated articles last for both date orders.
  switch (request.sort) {
    case SortOrder::kRelevance:
      enquire.set_sort_by_relevance_then_value(schema::kSlotArticleId, false);
      break;
    case SortOrder::kNewest:
      enquire.set_sort_by_value(schema::kSlotNewestKey, false);
      break;
    case SortOrder::kOldest:
      enquire.set_sort_by_value(schema::kSlotOldestKey, false);
      break;
    case SortOrder::kAdded:
      enquire.set_sort_by_value(schema::kSlotAddedKey, false);
      break;
  }
  if (request.collapse) enquire.set_collapse_key(schema::kSlotDupCluster);
}

SearchError SearcherImpl::search(const SearchRequest& request, SearchResult& result) {
  const auto start = std::chrono::steady_clock::now();
  const RunningSearch running;
  if (request.page < 1 || request.page_size < 1 || request.page_size > kMaxPageSize) {
    return {ErrorCode::kBadRequest, "page must be >= 1 and page size 1..100"};
  }
  BuiltQuery built;
  if (SearchError e = builder_->build(request, built)) return e;
  result = SearchResult{};
  result.query = request.text;
  result.page = request.page;
  result.page_size = request.page_size;
  result.warnings = built.warnings;
  result.warnings.insert(result.warnings.end(), shard_warnings_.begin(), shard_warnings_.end());
  // Deep pages are allowed; one past the last match (or beyond 32 bits) is simply empty.
  const std::uint64_t offset = static_cast<std::uint64_t>(request.page - 1) * request.page_size;
  const Xapian::doccount first =
      static_cast<Xapian::doccount>(std::min<std::uint64_t>(offset, db_.get_doccount()));
  if (!search_in_parts(request, built, first, result)) search_whole(request, built, first, result);
  if (result.total < kSuggestBelow && !request.text.empty()) {
    result.suggestion = suggester_->suggest(request.text);
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {};
}

// True when this search may be split over threads: a local index large enough, cores the
// other running searches leave free, and a handle of the very database and revision db_ has
// for each extra thread.
bool SearcherImpl::parallel_ready() {
  if (location_.remote || match_threads_ < 2 || location_.database.empty() ||
      db_.get_doccount() < parallel_min_) {
    return false;
  }
  const unsigned cores = std::max(std::thread::hardware_concurrency(), match_threads_);
  if (running_searches.load() * match_threads_ > cores) return false;
  try {
    const std::uint64_t revision = db_.get_revision();
    const std::string uuid = db_.get_uuid();
    if (match_dbs_.empty()) {
      match_dbs_.push_back(db_);
      for (unsigned i = 1; i < match_threads_; ++i) match_dbs_.emplace_back(location_.database);
    }
    match_dbs_.front() = db_;
    for (Xapian::Database& db : match_dbs_) {
      if (db.get_revision() != revision) db.reopen();
      if (db.get_revision() != revision || db.get_uuid() != uuid) return false;
    }
    return true;
  } catch (const Xapian::Error&) {
    // A handle that cannot be opened (the generation's folder removed meanwhile) would fail
    // again: this Searcher matches on one thread from now on.
    match_dbs_.clear();
    match_threads_ = 1;
    return false;
  }
}

// The search as one match on this thread.
void SearcherImpl::search_whole(const SearchRequest& request, const BuiltQuery& built,
                                Xapian::doccount first, SearchResult& result) {
  Xapian::Enquire enquire(db_);
  configure(enquire, request, built);
  std::unique_ptr<FacetCounter> counter;
  // Over remote shards Xapian 1.4 counts the documents ranked before the end of the asked
  // page twice in match spies (first + size - 1 extra; issue 19), so shards count in a pass
  // of their own that asks for no documents, and the page is fetched without spies.
  std::optional<Xapian::Enquire> counting;
  if (request.want_facets || request.want_timeline) {
    if (location_.remote && !facet_slots_) facet_slots_ = used_facet_slots(db_);
    counter = location_.remote ? make_slot_counter(*facet_slots_) : facet_columns().make_counter();
    if (location_.remote) {
      counting.emplace(db_);
      configure(*counting, request, built);
      counter->attach(*counting);
    } else {
      counter->attach(enquire);
    }
  }
  // With folding, Xapian's total is an estimate (its collapser keeps the keys of the
  // documents it ranks only), which may exceed the unfolded count: count the distinct cluster
  // keys of every match instead, in the pass that sees them all.
  std::optional<Xapian::ValueCountMatchSpy> clusters;
  if (request.collapse) {
    clusters.emplace(schema::kSlotDupCluster);
    if (location_.remote && !counting) {
      counting.emplace(db_);
      configure(*counting, request, built);
    }
    (counting ? *counting : enquire).add_matchspy(&*clusters);
  }
  // Always count every match: analysts quote totals, and it costs ~8 ms on 100k articles.
  const Xapian::MSet mset = run_match(enquire, first, request.page_size, db_.get_doccount());
  if (counting) run_match(*counting, 0, 0, db_.get_doccount());
  result.total = mset.get_matches_estimated();
  result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
  if (clusters) {
    result.total = folded_total(*clusters);
    result.total_exact = true;
  }
  std::optional<Highlight> highlight;
  if (request.want_snippets) highlight = highlight_set(built);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    add_hit(it, it.get_collapse_count(), highlight ? &*highlight : nullptr, result);
  }
  if (location_.remote && request.collapse) count_remote_duplicates(mset, built, result);
  if (counter) {
    const FacetCounts counts = counter->counts();
    result.facets_exact = counted_every_match(counts.documents_seen, mset, request.collapse);
    fill_facets(counts, request, built, result);
  }
}

// The search split over match_dbs_ (parallel_match.h); false when it cannot be (a remote or
// small index, a deep page) or folding left the merged page short: then search_whole runs.
bool SearcherImpl::search_in_parts(const SearchRequest& request, const BuiltQuery& built,
                                   Xapian::doccount first, SearchResult& result) {
  const Xapian::doccount ranked = first + static_cast<Xapian::doccount>(request.page_size);
  if (ranked > kMaxRankedInParts || !parallel_ready()) return false;
  PartedMatchSpec spec;
  try {
    spec.query = built.query.serialise();
  } catch (const Xapian::UnimplementedError&) {
    return false;  // a part of the query that cannot be copied to another thread
  }
  spec.ranked = ranked;
  spec.by_relevance = request.sort == SortOrder::kRelevance;
  spec.collapse = request.collapse;
  spec.collapse_slot = schema::kSlotDupCluster;
  if (request.want_facets || request.want_timeline) spec.columns = &facet_columns();
  spec.configure = [&request](Xapian::Enquire& enquire) { configure_order(enquire, request); };
  const Xapian::doccount all = db_.get_doccount();
  spec.run = [this, all](Xapian::Enquire& enquire, Xapian::doccount size) {
    return run_match(enquire, 0, size, all);
  };
  const PartedMatch match = match_in_parts(match_dbs_, spec);
  if (!match.complete) return false;
  ++split_searches_;
  result.total = match.total;
  result.total_exact = match.total_exact;
  std::optional<Highlight> highlight;
  if (request.want_snippets) highlight = highlight_set(built);
  for (std::size_t i = first; i < match.ranked.size(); ++i) {
    add_hit(match.ranked[i].entry, match.ranked[i].duplicates, highlight ? &*highlight : nullptr,
            result);
  }
  if (spec.columns != nullptr) {
    result.facets_exact = match.facets_exact;
    fill_facets(match.counts, request, built, result);
  }
  return true;
}

// An MSet whose query also holds every spelling of the entities the request resolved to, so
// snippets highlight "Deir ez-Zor" when the user typed "deir ezzor" or filtered by entity.
SearcherImpl::Highlight SearcherImpl::highlight_set(const BuiltQuery& built) {
  Highlight highlight;
  std::vector<Xapian::Query> parts{built.text_query};
  // Words the user typed, and spellings of one word ("Hezbollah"), are highlighted wherever they
  // are; the words of longer spellings only beside the rest of a name ("State" of "Islamic
  // State", not of "State Department").
  std::set<std::string> anywhere(built.text_query.get_unique_terms_begin(),
                                 built.text_query.get_unique_terms_end());
  std::set<std::string> in_names;
  for (const std::string& id : built.entity_ids) {
    const GazetteerEntity* entity = gazetteer_.find_by_id(id);
    if (entity == nullptr) continue;
    for (const std::string& alias : entity->aliases) {
      const Xapian::Query phrase = builder_->phrase_query(alias);
      std::vector<std::string> words;
      for (auto t = phrase.get_unique_terms_begin(); t != phrase.get_unique_terms_end(); ++t) {
        // The words of a spelling, without "al", "ez", "the", "of"...: those alone are no
        // match to show.
        if ((*t).size() > 2 && !is_arabic_article(*t) && !is_function_word(*t)) {
          words.push_back(*t);
        }
      }
      for (const std::string& word : words) {
        parts.emplace_back(word);
        (words.size() == 1 ? anywhere : in_names).insert(word);
      }
    }
  }
  std::set_difference(in_names.begin(), in_names.end(), anywhere.begin(), anywhere.end(),
                      std::inserter(highlight.name_terms, highlight.name_terms.end()));
  const Xapian::Query words(Xapian::Query::OP_OR, parts.begin(), parts.end());
  // MSet::snippet recognises stemmed words only as "Z"-prefixed terms (the STEM_SOME form),
  // but the index is STEM_ALL: add that form of every free-text term for highlighting.
  std::vector<Xapian::Query> terms{words};
  for (auto t = words.get_unique_terms_begin(); t != words.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z')) terms.emplace_back("Z" + term);
  }
  const Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
  Xapian::Enquire enquire(db_);
  enquire.set_query(query);
  highlight.mset = enquire.get_mset(0, 0);
  highlight.stemmer = snippet_stemmer(query, builder_->stemmer());
  return highlight;
}

void SearcherImpl::add_hit(const Xapian::MSetIterator& it, Xapian::doccount duplicates,
                           const Highlight* highlight, SearchResult& result) {
  const Xapian::Document doc = it.get_document();
  const auto article = decode_doc_data(doc.get_data());
  if (!article) {
    result.warnings.push_back("skipped a result with unreadable stored data");
    return;
  }
  Hit hit = to_hit(*article);
  hit.added = added_of(doc);
  hit.score = it.get_weight();
  hit.duplicates = static_cast<int>(duplicates);
  if (highlight != nullptr) {
    hit.snippet = make_snippet(highlight->mset, article->text, highlight->stemmer, kSnippetLength,
                               highlight->name_terms);
  }
  result.hits.push_back(std::move(hit));
}

// Xapian 1.4's remote backend folds duplicates but reports no collapse counts: count each hit's
// folded copies with a query of its own (the match set restricted to its collapse key).
void SearcherImpl::count_remote_duplicates(const Xapian::MSet& mset, const BuiltQuery& built,
                                           SearchResult& result) {
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string id = it.get_document().get_value(schema::kSlotArticleId);
    const auto hit = std::find_if(result.hits.begin(), result.hits.end(),
                                  [&](const Hit& h) { return h.id == id; });
    if (hit == result.hits.end()) continue;
    const std::string key = it.get_collapse_key();
    Xapian::Enquire enquire(db_);
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER, built.query,
        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDupCluster, key, key)));
    const Xapian::MSet copies = run_match(enquire, 0, 0, db_.get_doccount());
    hit->duplicates = static_cast<int>(copies.get_matches_estimated()) - 1;
  }
}

void SearcherImpl::fill_facets(const FacetCounts& counts, const SearchRequest& request,
                               const BuiltQuery& built, SearchResult& result) {
  if (request.want_timeline) result.timeline = timeline_from(counts);
  if (!request.want_facets) return;
  result.facets = top_facets(
      counts, request.facet_limit, selected_values(built.selections, counts),
      [this](const schema::Field& f, const std::string& v) { return display_name(f, v); });
}

std::string SearcherImpl::entity_metadata(const std::string& id) const {
  const std::string key = std::string(schema::kMetaEntityPrefix) + id;
  if (parts_.empty()) return db_.get_metadata(key);
  std::string least;
  for (const Xapian::Database& part : parts_) {
    std::string meta = part.get_metadata(key);
    if (!meta.empty() && (least.empty() || meta < least)) least = std::move(meta);
  }
  return least;
}

std::string SearcherImpl::display_name(const schema::Field& field, const std::string& value) {
  if (field.rule != schema::ValueRule::kEntity) return value;
  auto [it, added] = entity_names_.try_emplace(value);
  if (added) {
    const std::string meta = entity_metadata(value);
    const std::size_t tab = meta.find('\t');
    if (tab != std::string::npos && tab + 1 < meta.size()) {
      it->second = meta.substr(tab + 1);
    } else if (const GazetteerEntity* entity = gazetteer_.find_by_id(value)) {
      it->second = entity->canonical;
    } else {
      it->second = value;
    }
  }
  return it->second;
}

SearchError SearcherImpl::for_each_match(const SearchRequest& request,
                                         const std::function<bool(const StoredArticle&)>& emit) {
  BuiltQuery built;
  if (SearchError e = builder_->build(request, built)) return e;
  Xapian::Enquire enquire(db_);
  configure(enquire, request, built);
  for (Xapian::doccount offset = 0;; offset += kExportBatch) {
    const Xapian::MSet mset = run_match(enquire, offset, kExportBatch);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      const auto article = read_article(doc, true);
      if (!article) continue;
      StoredArticle stored = to_stored_article(*article);
      stored.added = added_of(doc);
      if (!emit(stored)) return {};
    }
    if (mset.size() < kExportBatch) return {};
  }
}

SearchError SearcherImpl::claims(const ClaimsRequest& request, ClaimsResult& result) {
  const auto start = std::chrono::steady_clock::now();
  if (request.limit < 1 || request.limit > kMaxIncidents) {
    return {ErrorCode::kBadRequest, "limit must be 1.." + std::to_string(kMaxIncidents)};
  }
  BuiltQuery built;
  if (SearchError e = builder_->build(request.search, built)) return e;
  result = ClaimsResult{};
  result.query = request.search.text;
  result.warnings = built.warnings;
  result.warnings.insert(result.warnings.end(), shard_warnings_.begin(), shard_warnings_.end());
  Xapian::Enquire all(db_);
  all.set_query(built.query);
  all.set_weighting_scheme(Xapian::BoolWeight());
  result.total = run_match(all, 0, 0, db_.get_doccount()).get_matches_estimated();

  // The articles with claims: on a local index collected by a spy and read from the
  // in-memory columns; over remote shards (where spies do not run) the newest documents,
  // read one by one. Beyond kMaxClaimArticles the newest are kept.
  const Xapian::Query with_claims(Xapian::Query::OP_FILTER, built.query,
                                  Xapian::Query(std::string(schema::kTermHasClaims)));
  ClaimTable remote_table;
  const ClaimTable* table = &remote_table;
  std::vector<std::uint32_t> rows;
  if (!location_.remote) {
    const ClaimColumns& columns = claim_columns();
    std::vector<Xapian::docid> docids;
    DocidCollector collector(docids);
    Xapian::Enquire enquire(db_);
    enquire.set_query(with_claims);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.add_matchspy(&collector);
    run_match(enquire, 0, 0, db_.get_doccount());
    if (docids.size() > static_cast<std::size_t>(kMaxClaimArticles)) {
      result.truncated = true;
      const auto newest = [&](Xapian::docid a, Xapian::docid b) {
        return std::pair(columns.published(a), a) > std::pair(columns.published(b), b);
      };
      std::nth_element(docids.begin(), docids.begin() + kMaxClaimArticles, docids.end(), newest);
      docids.resize(kMaxClaimArticles);
      std::sort(docids.begin(), docids.end());  // rows are read in order, not scattered
    }
    result.articles_with_claims = static_cast<std::int64_t>(docids.size());
    for (Xapian::docid d : docids) columns.rows_of(d, rows);
    table = &columns.table();
  } else {
    Xapian::Enquire enquire(db_);
    enquire.set_query(with_claims);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_sort_by_value(schema::kSlotNewestKey, false);
    const Xapian::MSet mset = run_match(enquire, 0, kMaxClaimArticles, kMaxClaimArticles + 1);
    result.truncated =
        mset.get_matches_lower_bound() > static_cast<Xapian::doccount>(kMaxClaimArticles);
    result.articles_with_claims = mset.size();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      add_document_claims(it.get_document(), *it, remote_table);
    }
    remote_table.finish();
    for (std::uint32_t r = 0; r < remote_table.rows().size(); ++r) rows.push_back(r);
  }
  const schema::Field* place = schema::find_field("place");
  fill_ledger(
      *table, rows, request.limit,
      [this](std::uint32_t docid) { return decode_doc_claims(db_.get_document(docid).get_data()); },
      [this, place](const std::string& id) { return display_name(*place, id); }, result);
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {};
}

std::optional<Xapian::docid> SearcherImpl::find_docid(const std::string& id) const {
  const std::string term = schema::id_term(id);
  auto it = db_.postlist_begin(term);
  if (it == db_.postlist_end(term)) return std::nullopt;
  return *it;
}

SearchError SearcherImpl::document(const std::string& id, StoredArticle& article) {
  const auto docid = find_docid(id);
  if (!docid) return {ErrorCode::kNotFound, "no article with id '" + id + "'"};
  const Xapian::Document doc = db_.get_document(*docid);
  const auto decoded = read_article(doc, true);
  if (!decoded) return {ErrorCode::kInternal, "stored data of '" + id + "' is unreadable"};
  article = to_stored_article(*decoded);
  article.added = added_of(doc);
  return {};
}

SearchError SearcherImpl::related(const std::string& id, int limit, SearchResult& result) {
  const auto start = std::chrono::steady_clock::now();
  const auto docid = find_docid(id);
  if (!docid) return {ErrorCode::kNotFound, "no article with id '" + id + "'"};
  if (limit < 1 || limit > kMaxPageSize) return {ErrorCode::kBadRequest, "limit must be 1..100"};
  Xapian::RSet rset;
  rset.add_document(*docid);
  Xapian::Enquire enquire(db_);
  const FreeTextTerms decider;
  const Xapian::ESet eset = enquire.get_eset(kRelatedTerms, rset, &decider);
  BuiltQuery built;
  built.text_query = Xapian::Query(Xapian::Query::OP_OR, eset.begin(), eset.end());
  const std::string own_cluster = db_.get_document(*docid).get_value(schema::kSlotDupCluster);
  Xapian::Query itself(schema::id_term(id));
  if (!own_cluster.empty()) {
    itself = Xapian::Query(Xapian::Query::OP_OR, itself,
                           Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDupCluster,
                                         own_cluster, own_cluster));
  }
  built.query = Xapian::Query(Xapian::Query::OP_AND_NOT, built.text_query, itself);
  enquire.set_query(built.query);
  // Copies of one story are one related report (folded by cluster), and copies of the article
  // itself none (its cluster is excluded above).
  enquire.set_collapse_key(schema::kSlotDupCluster);
  const Xapian::MSet mset = run_match(enquire, 0, limit);
  result = SearchResult{};
  result.query = "related:" + id;
  result.page_size = limit;
  result.total = mset.size();
  const Highlight highlight = highlight_set(built);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    add_hit(it, it.get_collapse_count(), &highlight, result);
  }
  result.took_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return {};
}

SearchError SearcherImpl::summarize(const SearchRequest& request, int outlets,
                                    MatchSummary& summary) {
  BuiltQuery built;
  if (SearchError e = builder_->build(request, built)) return e;
  summary = MatchSummary{};
  summary.warnings = built.warnings;
  // Built-in spies, so the same pass counts over remote shards; a pass that asks for no
  // documents, so no shard's hits are counted twice (see search()).
  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  if (request.collapse) enquire.set_collapse_key(schema::kSlotDupCluster);
  Xapian::ValueCountMatchSpy outlet_spy(schema::kSlotOutlet);
  enquire.add_matchspy(&outlet_spy);
  // Remote shards run only built-in spies: count the dates there, keep their range here.
  Xapian::ValueCountMatchSpy date_counts(schema::kSlotDate);
  ValueRangeSpy date_range(schema::kSlotDate);
  if (location_.remote) {
    enquire.add_matchspy(&date_counts);
  } else {
    enquire.add_matchspy(&date_range);
  }
  std::optional<Xapian::ValueCountMatchSpy> clusters;  // the exact folded total, as search()
  if (request.collapse) enquire.add_matchspy(&clusters.emplace(schema::kSlotDupCluster));
  summary.total = run_match(enquire, 0, 0, db_.get_doccount()).get_matches_estimated();
  if (clusters) summary.total = folded_total(*clusters);
  std::string first = date_range.first();
  std::string last = date_range.last();
  // Counted values come in ascending order: the first and last non-empty are the extremes.
  for (auto it = date_counts.values_begin(); it != date_counts.values_end(); ++it) {
    if ((*it).empty()) continue;
    if (first.empty()) first = *it;
    last = *it;
  }
  const auto iso = [](const std::string& d) {
    return d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
  };
  if (first.size() == 8) summary.first = iso(first);
  if (last.size() == 8) summary.last = iso(last);
  for (auto it = outlet_spy.top_values_begin(outlets); it != outlet_spy.top_values_end(outlets);
       ++it) {
    if ((*it).empty()) continue;
    summary.outlets.push_back({*it, *it, it.get_termfreq()});
  }
  return {};
}

std::optional<NameMatch> SearcherImpl::resolve_name(std::string_view name) const {
  const GazetteerEntity* entity = gazetteer_.resolve(name);
  if (entity == nullptr) return std::nullopt;
  NameMatch match{entity->id, entity->canonical, std::string(entity_type_name(entity->type)),
                  entity->canonical};
  const std::string key = fold_key(name);
  for (const std::string& alias : entity->aliases) {
    if (fold_key(alias) == key) {
      match.spelling = alias;
      break;
    }
  }
  return match;
}

std::optional<HitEntity> SearcherImpl::describe_entity(std::string_view id_or_name) {
  std::string id;
  if (const GazetteerEntity* entity = gazetteer_.resolve(id_or_name)) {
    id = entity->id;
  } else if (id_or_name.starts_with("x-")) {
    id = std::string(id_or_name);
  } else {
    id = schema::unknown_name_id(id_or_name);
  }
  if (id.empty()) return std::nullopt;
  const std::string meta = entity_metadata(id);
  const std::size_t tab = meta.find('\t');
  if (tab != std::string::npos) return HitEntity{id, meta.substr(tab + 1), meta.substr(0, tab)};
  if (const GazetteerEntity* entity = gazetteer_.find_by_id(id)) {
    return HitEntity{id, entity->canonical, std::string(entity_type_name(entity->type))};
  }
  return std::nullopt;
}

SearchError SearcherImpl::date_counts(const SearchRequest& request,
                                      std::map<std::string, std::int64_t>& counts,
                                      std::int64_t& total, std::vector<std::string>& warnings) {
  BuiltQuery built;
  if (SearchError e = builder_->build(request, built)) return e;
  warnings.insert(warnings.end(), built.warnings.begin(), built.warnings.end());
  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy dates(schema::kSlotDate);
  enquire.add_matchspy(&dates);
  run_match(enquire, 0, 0, db_.get_doccount());
  counts.clear();
  for (auto it = dates.values_begin(); it != dates.values_end(); ++it) {
    if (!(*it).empty()) counts[*it] = it.get_termfreq();
  }
  total = static_cast<std::int64_t>(dates.get_total());
  return {};
}

SearchError SearcherImpl::mention_spellings(const SearchRequest& request, const std::string& id,
                                            int max_articles, std::vector<FacetCount>& spellings,
                                            int& articles_read) {
  BuiltQuery built;
  if (SearchError e = builder_->build(request, built)) return e;
  // The most recently indexed articles (highest docids): with no ranking and docid order the
  // matcher stops after `max_articles`, where a date sort would read every match's key.
  Xapian::Enquire enquire(db_);
  enquire.set_query(built.query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::DESCENDING);
  const Xapian::MSet mset = run_match(enquire, 0, static_cast<Xapian::doccount>(max_articles));
  std::map<std::string, std::int64_t> counts;
  articles_read = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const auto article = decode_doc_data(it.get_document().get_data());
    if (!article) continue;
    ++articles_read;
    for (const EntityMention& mention : article->entities) {
      if (mention.id != id) continue;
      for (const std::string& spelling : mention.mentions) ++counts[spelling];
    }
  }
  spellings.clear();
  for (const auto& [spelling, count] : counts) spellings.push_back({spelling, spelling, count});
  std::stable_sort(spellings.begin(), spellings.end(),
                   [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
  return {};
}

std::unique_ptr<Searcher> Searcher::open(const std::string& path, SearchError& error) {
  IndexLocation location;
  std::string message;
  if (!read_index_location(path, location, message)) {
    error = {ErrorCode::kNoIndex, message};
    return nullptr;
  }
  try {
    OpenedShards shards;
    if (location.remote && !open_shards(location.open_path, shards, message)) {
      error = {ErrorCode::kNoIndex, "cannot open index " + path + ": " + message};
      return nullptr;
    }
    Xapian::Database db = location.remote ? shards.db : Xapian::Database(location.open_path);
    message = schema::check_schema_version(db);
    if (!message.empty()) {
      error = {ErrorCode::kSchemaVersion, path + ": " + message};
      return nullptr;
    }
    return std::unique_ptr<Searcher>(new Searcher(
        std::make_unique<SearcherImpl>(std::move(location), std::move(db), std::move(shards))));
  } catch (const Xapian::Error& e) {
    error = {ErrorCode::kNoIndex, "cannot open index " + path + ": " + e.get_msg()};
    return nullptr;
  }
}

Searcher::Searcher(std::unique_ptr<SearcherImpl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

SearchError Searcher::search(const SearchRequest& request, SearchResult& result) {
  return impl_->guarded([&] { return impl_->search(request, result); });
}

void Searcher::set_time_limit(double seconds) { impl_->set_time_limit(seconds); }

unsigned default_match_threads() { return std::clamp(std::thread::hardware_concurrency(), 1u, 4u); }

std::int64_t Searcher::split_searches() const { return impl_->split_searches(); }

void Searcher::set_match_threads(unsigned threads, std::int64_t min_documents) {
  impl_->set_match_threads(threads, static_cast<Xapian::doccount>(
                                        std::clamp<std::int64_t>(min_documents, 0, UINT32_MAX)));
}

SearchError Searcher::for_each_match(const SearchRequest& request,
                                     const std::function<bool(const StoredArticle&)>& emit) {
  return impl_->guarded([&] { return impl_->for_each_match(request, emit); });
}

SearchError Searcher::claims(const ClaimsRequest& request, ClaimsResult& result) {
  return impl_->guarded([&] { return impl_->claims(request, result); });
}

SearchError Searcher::document(const std::string& id, StoredArticle& article) {
  return impl_->guarded([&] { return impl_->document(id, article); });
}

SearchError Searcher::related(const std::string& id, int limit, SearchResult& result) {
  return impl_->guarded([&] { return impl_->related(id, limit, result); });
}

SearchError Searcher::summarize(const SearchRequest& request, int outlets, MatchSummary& summary) {
  return impl_->guarded([&] { return impl_->summarize(request, outlets, summary); });
}

std::optional<NameMatch> Searcher::resolve_name(std::string_view name) const {
  return impl_->resolve_name(name);
}

std::optional<HitEntity> Searcher::describe_entity(std::string_view id_or_name) {
  try {
    return impl_->describe_entity(id_or_name);
  } catch (const Xapian::Error&) {
    return std::nullopt;
  }
}

SearchError Searcher::date_counts(const SearchRequest& request,
                                  std::map<std::string, std::int64_t>& counts, std::int64_t& total,
                                  std::vector<std::string>& warnings) {
  return impl_->guarded([&] { return impl_->date_counts(request, counts, total, warnings); });
}

SearchError Searcher::mention_spellings(const SearchRequest& request, const std::string& id,
                                        int max_articles, std::vector<FacetCount>& spellings,
                                        int& articles_read) {
  return impl_->guarded([&] {
    return impl_->mention_spellings(request, id, max_articles, spellings, articles_read);
  });
}

std::string Searcher::last_added() const {
  try {
    return impl_->last_added();
  } catch (const Xapian::Error&) {
    return {};  // a shard that went away: no stamp, so a watch records nothing newer
  }
}

std::int64_t Searcher::document_count() const { return impl_->document_count(); }

std::string Searcher::generation() const { return impl_->generation(); }

bool Searcher::remote() const { return impl_->remote(); }

std::uint64_t Searcher::revision() const { return impl_->revision(); }

SearchError Searcher::warm() {
  if (impl_->remote()) return {};
  return impl_->guarded([&] {
    impl_->facet_columns();
    impl_->claim_columns();
    return SearchError{};
  });
}

}  // namespace cs::query
