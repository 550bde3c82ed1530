#include "query/parallel_match.h"

#include <algorithm>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <system_error>
#include <thread>
#include <unordered_set>

namespace cs::query {

namespace {

// The document ids of stripe `stripe` of `stripes`: the ids in blocks of `width`, dealt to the
// stripes in turn (block b belongs to stripe b % stripes). No weight.
class DocidStripeSource : public Xapian::PostingSource {
 public:
  DocidStripeSource(Xapian::docid stripe, Xapian::docid stripes, Xapian::docid width)
      : stripe_(stripe), stripes_(stripes), width_(width) {}

  void init(const Xapian::Database& db) override {
    last_ = db.get_lastdocid();
    current_ = 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override {
    return static_cast<Xapian::doccount>(last_ / stripes_);
  }
  Xapian::doccount get_termfreq_max() const override {
    return static_cast<Xapian::doccount>(last_);
  }
  void next(double) override { current_ = first_at_or_after(current_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > current_) current_ = first_at_or_after(did);
  }
  bool at_end() const override { return current_ > last_; }
  Xapian::docid get_docid() const override { return static_cast<Xapian::docid>(current_); }
  Xapian::PostingSource* clone() const override {
    return new DocidStripeSource(static_cast<Xapian::docid>(stripe_),
                                 static_cast<Xapian::docid>(stripes_),
                                 static_cast<Xapian::docid>(width_));
  }
  std::string get_description() const override {
    return "DocidStripeSource(" + std::to_string(stripe_) + "/" + std::to_string(stripes_) + ", " +
           std::to_string(width_) + ")";
  }

 private:
  // The first id of this stripe at or after `did` (past last_ when none). 64 bits, so the
  // position past the last possible docid does not wrap.
  std::uint64_t first_at_or_after(std::uint64_t did) const {
    const std::uint64_t block = (did - 1) / width_;
    const std::uint64_t owner = block % stripes_;
    std::uint64_t id = did;
    if (owner != stripe_) {
      const std::uint64_t ahead = (stripe_ + stripes_ - owner) % stripes_;
      id = (block + ahead) * width_ + 1;
    }
    return std::min(id, last_ + 1);
  }

  std::uint64_t stripe_;
  std::uint64_t stripes_;
  std::uint64_t width_;
  std::uint64_t last_ = 0;
  std::uint64_t current_ = 0;
};

// What one part's thread leaves behind.
struct Part {
  Xapian::MSet mset;
  std::unique_ptr<FacetCounter> counter;               // when counting facets
  std::optional<Xapian::ValueCountMatchSpy> clusters;  // folding: documents per cluster key
  std::exception_ptr error;
};

void run_part(const Xapian::Database& db, const PartedMatchSpec& spec, Xapian::docid stripe,
              Xapian::docid stripes, Xapian::docid width, Part& part) {
  try {
    Xapian::Enquire enquire(db);
    spec.configure(enquire);
    // A tree of its own (Query's reference counts are not atomic): unserialised here. The
    // scale-weight node (by 1) keeps Xapian from flattening the request's top-level AND into
    // one with the stripe filter: its leaves would be ordered, and their weights summed, in
    // another order, and a sum of doubles in another order may differ in its last bit.
    enquire.set_query(Xapian::Query(
        Xapian::Query::OP_FILTER,
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::unserialise(spec.query), 1.0),
        docid_stripe(stripe, stripes, width)));
    if (spec.columns != nullptr) {
      part.counter = spec.columns->make_counter();
      part.counter->attach(enquire);
    }
    if (spec.collapse) {
      part.clusters.emplace(spec.collapse_slot);
      enquire.add_matchspy(&*part.clusters);
    }
    part.mset = spec.run(enquire, spec.ranked);
  } catch (...) {
    part.error = std::current_exception();
  }
}

// True when `a` ranks before `b` in the searcher's order; as in Xapian, equal keys rank by
// ascending document id (the parts share the index's ids).
bool ranks_before(const Xapian::MSetIterator& a, const Xapian::MSetIterator& b, bool by_relevance) {
  if (by_relevance) {
    const double wa = a.get_weight();
    const double wb = b.get_weight();
    if (wa != wb) return wa > wb;
  }
  const std::string ka = a.get_sort_key();
  const std::string kb = b.get_sort_key();
  if (ka != kb) return ka < kb;
  return *a < *b;
}

// Merges the parts' tops into `match.ranked`, folding entries whose cluster key an earlier
// entry has (when folding).
void merge_ranked(const std::vector<Part>& parts, const PartedMatchSpec& spec, PartedMatch& match) {
  std::vector<Xapian::MSetIterator> heads;
  for (const Part& part : parts) heads.push_back(part.mset.begin());
  std::unordered_set<std::string> keys;
  while (match.ranked.size() < spec.ranked) {
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (heads[i] == parts[i].mset.end()) {
        // This part's top is used up; if it was cut at `ranked`, what comes next in it is
        // unknown, and only folding can have left the merged order short.
        if (parts[i].mset.size() >= spec.ranked) {
          match.complete = false;
          return;
        }
        continue;
      }
      if (!best || ranks_before(heads[i], heads[*best], spec.by_relevance)) best = i;
    }
    if (!best) return;
    Xapian::MSetIterator entry = heads[*best]++;
    if (spec.collapse) {
      const std::string key = entry.get_collapse_key();
      if (!key.empty() && !keys.insert(key).second) continue;
    }
    match.ranked.push_back({entry, 0});
  }
}

// Folding: the results after folding (one per cluster key over every part, one per document
// without a key) and each ranked entry's folded documents, from the parts' cluster counts.
void count_folded(const std::vector<Part>& parts, PartedMatch& match) {
  std::map<std::string, Xapian::doccount> wanted;  // the ranked entries' keys -> documents
  for (const MergedEntry& e : match.ranked) {
    const std::string key = e.entry.get_collapse_key();
    if (!key.empty()) wanted.emplace(key, 0);
  }
  std::vector<std::pair<Xapian::TermIterator, Xapian::TermIterator>> streams;
  std::int64_t keyless = 0;
  for (const Part& part : parts) {
    streams.emplace_back(part.clusters->values_begin(), part.clusters->values_end());
    std::int64_t keyed = 0;
    for (auto it = part.clusters->values_begin(); it != part.clusters->values_end(); ++it) {
      keyed += it.get_termfreq();
    }
    keyless += static_cast<std::int64_t>(part.clusters->get_total()) - keyed;
  }
  // The spies list their keys in order: walk them together, counting each key once.
  std::int64_t keys = 0;
  for (;;) {
    std::optional<std::string> least;
    for (auto& [it, end] : streams) {
      if (it != end && (!least || *it < *least)) least = *it;
    }
    if (!least) break;
    ++keys;
    Xapian::doccount documents = 0;
    for (auto& [it, end] : streams) {
      if (it != end && *it == *least) {
        documents += it.get_termfreq();
        ++it;
      }
    }
    if (auto w = wanted.find(*least); w != wanted.end()) w->second = documents;
  }
  match.total = keys + keyless;
  for (MergedEntry& e : match.ranked) {
    const auto w = wanted.find(e.entry.get_collapse_key());
    e.duplicates = w != wanted.end() && w->second > 0 ? w->second - 1 : 0;
  }
}

}  // namespace

Xapian::Query docid_stripe(Xapian::docid stripe, Xapian::docid stripes, Xapian::docid width) {
  return Xapian::Query(
      (new DocidStripeSource(stripe, stripes, std::max<Xapian::docid>(width, 1)))->release());
}

Xapian::docid stripe_width(Xapian::docid last_docid, Xapian::docid stripes) {
  const std::uint64_t blocks = std::uint64_t{std::max<Xapian::docid>(stripes, 1)} * 8;
  return static_cast<Xapian::docid>(
      std::clamp<std::uint64_t>(last_docid / blocks, 1, kMaxStripeWidth));
}

PartedMatch match_in_parts(const std::vector<Xapian::Database>& databases,
                           const PartedMatchSpec& spec) {
  const auto count = static_cast<Xapian::docid>(databases.size());
  const Xapian::docid width = stripe_width(databases.front().get_lastdocid(), count);
  std::vector<Part> parts(databases.size());
  std::vector<std::thread> threads;
  Xapian::docid started = 1;  // parts 1..started-1 run on threads of their own
  try {
    for (; started < count; ++started) {
      threads.emplace_back(run_part, std::cref(databases[started]), std::cref(spec), started, count,
                           width, std::ref(parts[started]));
    }
  } catch (const std::system_error&) {
    // No thread to be had (a process at its limit): the parts left run here, one by one.
  }
  run_part(databases.front(), spec, 0, count, width, parts.front());
  for (Xapian::docid i = started; i < count; ++i) {
    run_part(databases[i], spec, i, count, width, parts[i]);
  }
  for (std::thread& t : threads) t.join();
  for (const Part& part : parts) {
    if (part.error) std::rethrow_exception(part.error);
  }

  PartedMatch match;
  merge_ranked(parts, spec, match);
  for (const Part& part : parts) {
    match.total += part.mset.get_matches_estimated();
    match.total_exact = match.total_exact &&
                        part.mset.get_matches_lower_bound() == part.mset.get_matches_upper_bound();
    if (part.counter &&
        !counted_every_match(part.counter->documents_seen(), part.mset, spec.collapse)) {
      match.facets_exact = false;
    }
  }
  if (spec.columns != nullptr) {
    for (std::size_t i = 1; i < parts.size(); ++i) parts.front().counter->add(*parts[i].counter);
    match.counts = parts.front().counter->counts();
  }
  if (spec.collapse) {
    count_folded(parts, match);
    match.total_exact = true;
  }
  for (Part& part : parts) match.msets.push_back(std::move(part.mset));
  return match;
}

}  // namespace cs::query
