#include "query/claim_columns.h"

#include <charconv>
#include <unordered_map>

#include "core/schema.h"
#include "query/revision_cache.h"

namespace cs::query {

namespace {

// The values of `slot` for the documents in `wanted` (docid -> position).
template <typename Fill>
void read_slot(const Xapian::Database& db, Xapian::valueno slot,
               const std::unordered_map<Xapian::docid, std::size_t>& wanted, Fill fill) {
  for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
    if (const auto it = wanted.find(v.get_docid()); it != wanted.end()) fill(it->second, *v);
  }
}

std::uint32_t yyyymmdd(const std::string& value) {
  std::uint32_t day = 0;
  std::from_chars(value.data(), value.data() + value.size(), day);
  return day;
}

}  // namespace

std::shared_ptr<const ClaimColumns> ClaimColumns::build(const Xapian::Database& db) {
  auto columns = std::make_shared<ClaimColumns>();
  struct Doc {
    Xapian::docid docid;
    std::vector<ClaimKey> keys;
    std::string id, cluster, outlet, date;
  };
  std::vector<Doc> docs;  // in docid order
  for (auto v = db.valuestream_begin(schema::kSlotClaims);
       v != db.valuestream_end(schema::kSlotClaims); ++v) {
    auto keys = decode_claim_keys(*v);
    if (!keys.empty()) docs.push_back({v.get_docid(), std::move(keys), {}, {}, {}, {}});
  }
  std::unordered_map<Xapian::docid, std::size_t> wanted;
  for (std::size_t i = 0; i < docs.size(); ++i) wanted.emplace(docs[i].docid, i);
  read_slot(db, schema::kSlotArticleId, wanted,
            [&](std::size_t i, const std::string& v) { docs[i].id = v; });
  read_slot(db, schema::kSlotDupCluster, wanted,
            [&](std::size_t i, const std::string& v) { docs[i].cluster = v; });
  read_slot(db, schema::kSlotOutlet, wanted,
            [&](std::size_t i, const std::string& v) { docs[i].outlet = v; });
  read_slot(db, schema::kSlotDate, wanted,
            [&](std::size_t i, const std::string& v) { docs[i].date = v; });
  const Xapian::docid last = docs.empty() ? 0 : docs.back().docid;
  columns->offsets_.assign(static_cast<std::size_t>(last) + 2, 0);
  columns->published_.assign(static_cast<std::size_t>(last) + 1, 0);
  std::size_t next = 0;
  std::uint32_t rows = 0;
  for (Xapian::docid d = 0; d <= last; ++d) {
    columns->offsets_[d] = rows;
    if (next < docs.size() && docs[next].docid == d) {
      const Doc& doc = docs[next++];
      rows += static_cast<std::uint32_t>(
          columns->table_.add(doc.keys, d, doc.id, doc.cluster, doc.outlet));
      columns->published_[d] = yyyymmdd(doc.date);
    }
  }
  columns->offsets_[last + 1] = rows;
  columns->table_.finish();
  return columns;
}

std::shared_ptr<const ClaimColumns> ClaimColumns::shared(const Xapian::Database& db) {
  return shared_per_revision<ClaimColumns>(db, &ClaimColumns::build);
}

void ClaimColumns::rows_of(Xapian::docid docid, std::vector<std::uint32_t>& rows) const {
  if (docid + 1 >= offsets_.size()) return;
  for (std::uint32_t r = offsets_[docid]; r < offsets_[docid + 1]; ++r) {
    rows.push_back(table_.row_of(r));
  }
}

void add_document_claims(const Xapian::Document& doc, std::uint32_t number, ClaimTable& table) {
  table.add(decode_claim_keys(doc.get_value(schema::kSlotClaims)), number,
            doc.get_value(schema::kSlotArticleId), doc.get_value(schema::kSlotDupCluster),
            doc.get_value(schema::kSlotOutlet));
}

}  // namespace cs::query
