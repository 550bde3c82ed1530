#include "indexer/index_writer.h"

#include "core/doc_data.h"
#include "core/schema.h"
#include "indexer/document.h"

namespace cs {

namespace sc = cs::schema;

IndexWriter::IndexWriter(Xapian::WritableDatabase& db, ShardWriters* shards)
    : db_(db), shards_(shards) {
  duplicates_.attach(db_);
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
  for (auto& [key, display] : entity_metadata(article)) entity_names_[key] = std::move(display);
  const std::string id_term = sc::id_term(article.id);
  if (shards_ == nullptr) {
    const Xapian::PostingIterator existing = db_.postlist_begin(id_term);
    if (existing != db_.postlist_end(id_term)) {
      result.outcome = WriteOutcome::kUpdated;
      if (db_.get_document(*existing).get_data() == prepared.document.get_data()) {
        result.outcome = WriteOutcome::kUnchanged;
        return result;
      }
    }
  }
  for (const auto& [word, count] : prepared.spellings) spellings_[word] += count;
  if (shards_ != nullptr) {
    shards_->add(prepared);
  } else {
    db_.replace_document(id_term, prepared.document);
  }
  return result;
}

void IndexWriter::finish(const Gazetteer& gazetteer) {
  for (const auto& [word, count] : spellings_) db_.add_spelling(word, count);
  db_.set_metadata(std::string(sc::kMetaSchemaVersion), std::to_string(sc::kSchemaVersion));
  db_.set_metadata(std::string(sc::kMetaGazetteer), gazetteer.to_tsv());
  for (const auto& [key, display] : entity_names_) db_.set_metadata(key, display);
}

}  // namespace cs
