#include "indexer/index_writer.h"

#include <bit>
#include <cstdio>

#include "core/doc_data.h"
#include "core/hash.h"
#include "core/schema.h"
#include "indexer/document.h"

namespace cs {

namespace {

namespace sc = cs::schema;

std::uint64_t parse_hex(const std::string& hex) {
  std::uint64_t v = 0;
  for (char c : hex) {
    const int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (d < 0) return 0;
    v = (v << 4) | static_cast<std::uint64_t>(d);
  }
  return v;
}

constexpr int kBands = 4;

}  // namespace

std::vector<std::string> sim_band_terms(std::uint64_t simhash) {
  std::vector<std::string> terms;
  for (int band = 0; band < kBands; ++band) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d:%04x", band,
                  static_cast<unsigned>((simhash >> (16 * band)) & 0xffff));
    terms.push_back(sc::make_term(sc::kPrefixSimBand, buf));
  }
  return terms;
}

IndexWriter::IndexWriter(Xapian::WritableDatabase& db)
    : db_(db), generator_(make_term_generator()) {
  generator_.set_database(db_);
  generator_.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
}

std::string IndexWriter::find_cluster(const Article& article, bool& duplicate) const {
  const std::string own_id_term = sc::id_term(article.id);
  // Returns the cluster of `docid` when it is another article, else "".
  auto cluster_of = [&](Xapian::docid docid) -> std::string {
    const Xapian::Document doc = db_.get_document(docid);
    Xapian::TermIterator t = doc.termlist_begin();
    t.skip_to(own_id_term);
    if (t != doc.termlist_end() && *t == own_id_term) return {};
    return doc.get_value(sc::kSlotDupCluster);
  };
  const std::string content = sc::make_term(sc::kPrefixContent, hex64(article.content_hash));
  for (auto p = db_.postlist_begin(content); p != db_.postlist_end(content); ++p) {
    if (std::string cluster = cluster_of(*p); !cluster.empty()) {
      duplicate = true;
      return cluster;
    }
  }
  if (article.simhash == 0) return article.id;
  for (const std::string& band : sim_band_terms(article.simhash)) {
    for (auto p = db_.postlist_begin(band); p != db_.postlist_end(band); ++p) {
      const std::uint64_t other = parse_hex(db_.get_document(*p).get_value(sc::kSlotSimhash));
      if (std::popcount(other ^ article.simhash) > kNearDuplicateBits) continue;
      if (std::string cluster = cluster_of(*p); !cluster.empty()) {
        duplicate = true;
        return cluster;
      }
    }
  }
  return article.id;
}

WriteResult IndexWriter::write(Article& article) {
  if (article.content_hash == 0)
    article.content_hash = stable_hash64(article.title + "\n" + article.text);
  WriteResult result;
  article.dup_cluster = find_cluster(article, result.duplicate);
  for (auto& [key, display] : entity_metadata(article)) entity_names_[key] = std::move(display);
  const std::string id_term = sc::id_term(article.id);
  const Xapian::PostingIterator existing = db_.postlist_begin(id_term);
  if (existing != db_.postlist_end(id_term)) {
    result.outcome = WriteOutcome::kUpdated;
    if (db_.get_document(*existing).get_data() == encode_doc_data(article)) {
      result.outcome = WriteOutcome::kUnchanged;
      return result;
    }
  }
  Xapian::Document doc = build_document(article, generator_);
  if (article.simhash != 0) {
    for (const std::string& band : sim_band_terms(article.simhash)) doc.add_boolean_term(band);
  }
  db_.replace_document(id_term, doc);
  return result;
}

void IndexWriter::finish(const Gazetteer& gazetteer) {
  db_.set_metadata(std::string(sc::kMetaSchemaVersion), std::to_string(sc::kSchemaVersion));
  db_.set_metadata(std::string(sc::kMetaGazetteer), gazetteer.to_tsv());
  for (const auto& [key, display] : entity_names_) db_.set_metadata(key, display);
  db_.commit();
}

}  // namespace cs
