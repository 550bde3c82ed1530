#include "query/claim_columns.h"

#include <unordered_map>

#include "core/schema.h"
#include "query/revision_cache.h"

namespace cs::query {

namespace {

// The values of `slot` for the documents in `wanted` (docid -> record range to fill).
template <typename Fill>
void read_slot(const Xapian::Database& db, Xapian::valueno slot,
               const std::unordered_map<Xapian::docid, std::size_t>& wanted, Fill fill) {
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    if (const auto it = wanted.find(v.get_docid()); it != wanted.end()) fill(it->second, *v);
  }
}

void complete(std::vector<ClaimRecord>& records, const std::string& article_id,
              const std::string& cluster, const std::string& outlet) {
  for (ClaimRecord& r : records) {
    r.article_id = article_id;
    r.dup_cluster = cluster.empty() ? article_id : cluster;
    r.outlet = outlet;
  }
}

std::vector<ClaimRecord> records_of(std::string_view slot_value, std::uint32_t number) {
  std::vector<ClaimRecord> out;
  for (ClaimKey& key : decode_claim_keys(slot_value)) {
    ClaimRecord r;
    r.key = std::move(key);
    r.article = number;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

std::shared_ptr<const ClaimColumns> ClaimColumns::build(const Xapian::Database& db) {
  auto columns = std::make_shared<ClaimColumns>();
  // First the claims themselves, grouped per document in docid order.
  std::vector<std::pair<Xapian::docid, std::vector<ClaimRecord>>> per_doc;
  for (auto v = db.valuestream_begin(schema::kSlotClaims);
       v != db.valuestream_end(schema::kSlotClaims); ++v) {
    auto records = records_of(*v, v.get_docid());
    if (!records.empty()) per_doc.emplace_back(v.get_docid(), std::move(records));
  }
  std::unordered_map<Xapian::docid, std::size_t> wanted;
  for (std::size_t i = 0; i < per_doc.size(); ++i) wanted.emplace(per_doc[i].first, i);
  std::vector<std::string> ids(per_doc.size()), clusters(per_doc.size()), outlets(per_doc.size());
  read_slot(db, schema::kSlotArticleId, wanted,
            [&](std::size_t i, const std::string& v) { ids[i] = v; });
  read_slot(db, schema::kSlotDupCluster, wanted,
            [&](std::size_t i, const std::string& v) { clusters[i] = v; });
  read_slot(db, schema::kSlotOutlet, wanted,
            [&](std::size_t i, const std::string& v) { outlets[i] = v; });
  const Xapian::docid last = per_doc.empty() ? 0 : per_doc.back().first;
  columns->offsets_.assign(static_cast<std::size_t>(last) + 2, 0);
  std::size_t next = 0;
  for (Xapian::docid d = 0; d <= last; ++d) {
    columns->offsets_[d] = static_cast<std::uint32_t>(columns->records_.size());
    if (next < per_doc.size() && per_doc[next].first == d) {
      complete(per_doc[next].second, ids[next], clusters[next], outlets[next]);
      for (ClaimRecord& r : per_doc[next].second) columns->records_.push_back(std::move(r));
      ++next;
    }
  }
  columns->offsets_[last + 1] = static_cast<std::uint32_t>(columns->records_.size());
  return columns;
}

std::shared_ptr<const ClaimColumns> ClaimColumns::shared(const Xapian::Database& db) {
  return shared_per_revision<ClaimColumns>(db, &ClaimColumns::build);
}

std::span<const ClaimRecord> ClaimColumns::of(Xapian::docid docid) const {
  if (docid + 1 >= offsets_.size()) return {};
  return std::span<const ClaimRecord>(records_.data() + offsets_[docid],
                                      offsets_[docid + 1] - offsets_[docid]);
}

std::vector<ClaimRecord> claim_records(const Xapian::Document& doc, std::uint32_t number) {
  auto records = records_of(doc.get_value(schema::kSlotClaims), number);
  complete(records, doc.get_value(schema::kSlotArticleId), doc.get_value(schema::kSlotDupCluster),
           doc.get_value(schema::kSlotOutlet));
  return records;
}

}  // namespace cs::query
