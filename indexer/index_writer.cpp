#include "indexer/index_writer.h"

#include <stdexcept>

#include "core/arrival.h"
#include "core/doc_data.h"
#include "core/schema.h"
#include "indexer/document.h"

namespace cs {

namespace sc = cs::schema;

namespace {

// The "added" stamp of the document with `id_term` in `db`, or "".
std::string stamp_in(const Xapian::Database& db, const std::string& id_term) {
  const Xapian::PostingIterator it = db.postlist_begin(id_term);
  if (it == db.postlist_end(id_term)) return {};
  return db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(sc::kSlotAdded);
}

}  // namespace

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, Arrivals arrivals, ShardWriters* shards,
                         const Xapian::Database* peers)
    : db_(db), arrivals_(std::move(arrivals)), shards_(shards) {
  if (arrivals_.run_stamp.empty()) arrivals_.run_stamp = stamp_of(std::time(nullptr));
  duplicates_.attach(db_);
  if (peers != nullptr) {
    try {
      duplicates_.attach(*peers);
    } catch (const Xapian::Error& e) {  // a peer gone or rewritten during the read
      throw std::runtime_error("cannot read the peer shards (--peer): " + e.get_description());
    }
  }
}

WriteResult IndexWriter::write(PreparedDocument& prepared) {
  Article& article = prepared.article;
  WriteResult result;
  ids_written_.insert(article.id);
  ClusterMatch cluster = duplicates_.assign_cluster(article);
  article.dup_cluster = std::move(cluster.cluster);
  result.duplicate = cluster.duplicate;
  if (article.dup_cluster != own_cluster_key(article)) {  // built with its own key: patch it
    prepared.document.add_value(sc::kSlotDupCluster, article.dup_cluster);
    prepared.document.set_data(encode_doc_data(article));
  }
  for (auto& [key, display] : entity_metadata(article)) {
    auto [it, added] = entity_names_.try_emplace(key, display);
    if (!added && display < it->second) it->second = std::move(display);
  }
  const std::string id_term = sc::id_term(article.id);
  std::string added;
  if (shards_ == nullptr) {
    const Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    if (existing != db_.postlist_end(id_term)) {
      result.outcome = WriteOutcome::kUpdated;
      const Xapian::Document old = db_.get_document(*existing);
      if (old.get_data() == prepared.document.get_data()) {
        result.outcome = WriteOutcome::kUnchanged;
        return result;
      }
      added = old.get_value(sc::kSlotAdded);
    }
  }
  if (added.empty() && arrivals_.previous != nullptr) {
    added = stamp_in(*arrivals_.previous, id_term);
  }
  if (added.empty()) added = arrivals_.run_stamp;
  prepared.document.add_value(sc::kSlotAdded, added);
  prepared.document.add_value(sc::kSlotAddedKey, added_sort_key(added, article.id));
  for (const auto& [word, count] : prepared.spellings) spellings_[word] += count;
  if (shards_ != nullptr) {
    shards_->add(prepared);
  } else {
    db_.replace_document(id_term, prepared.document);
  }
  return result;
}

void IndexWriter::finish(const Gazetteer& gazetteer, const Gazetteer& user_gazetteer) {
  for (const auto& [word, count] : spellings_) db_.add_spelling(word, count);
  db_.set_metadata(std::string(sc::kMetaSchemaVersion), std::to_string(sc::kSchemaVersion));
  db_.set_metadata(std::string(sc::kMetaGazetteer), gazetteer.to_tsv());
  db_.set_metadata(std::string(sc::kMetaUserGazetteer), user_gazetteer.to_tsv());
  db_.set_metadata(std::string(sc::kMetaLastAdded), arrivals_.run_stamp);
  for (const auto& [key, display] : entity_names_) {
    const std::string stored = db_.get_metadata(key);
    if (stored.empty() || display < stored) db_.set_metadata(key, display);
  }
}

}  // namespace cs
