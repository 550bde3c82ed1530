#include "core/doc_data.h"

#include <charconv>
#include <nlohmann/json.hpp>

#include "core/claim.h"
#include "core/dates.h"
#include "core/hash.h"

namespace cs {

namespace {

using nlohmann::json;

EntityType entity_type_from_name(std::string_view name) {
  if (name == "person") return EntityType::kPerson;
  if (name == "org") return EntityType::kOrg;
  if (name == "place") return EntityType::kPlace;
  return EntityType::kOther;
}

DateProvenance provenance_from_name(std::string_view name) {
  if (name == "manifest") return DateProvenance::kManifest;
  if (name == "json") return DateProvenance::kJson;
  if (name == "html-meta") return DateProvenance::kHtmlMeta;
  if (name == "text") return DateProvenance::kText;
  return DateProvenance::kNone;
}

std::uint64_t parse_hex64(const std::string& hex) {
  std::uint64_t value = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), value, 16);
  return value;
}

// An ISO date stored by encode_doc_data; unknown when absent or malformed.
PartialDate stored_date(const std::string& iso) {
  return parse_iso_date(iso).value_or(PartialDate{});
}

// Reads key `k` of object `j` as a string; "" when absent or not a string.
std::string str(const json& j, const char* k) {
  const auto it = j.find(k);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

json entities_json(const std::vector<EntityMention>& entities) {
  json out = json::array();
  for (const EntityMention& e : entities) {
    out.push_back({{"id", e.id},
                   {"name", e.name},
                   {"type", entity_type_name(e.type)},
                   {"mentions", e.mentions},
                   {"count", e.count}});
  }
  return out;
}

void read_entities(const json& j, std::vector<EntityMention>& out) {
  const auto it = j.find("entities");
  if (it == j.end() || !it->is_array()) return;
  for (const json& e : *it) {
    if (!e.is_object()) continue;
    EntityMention m{str(e, "id"), str(e, "name"), entity_type_from_name(str(e, "type")), {}, 0};
    if (const auto ms = e.find("mentions"); ms != e.end() && ms->is_array()) {
      for (const json& s : *ms) {
        if (s.is_string()) m.mentions.push_back(s.get<std::string>());
      }
    }
    if (const auto c = e.find("count"); c != e.end() && c->is_number_integer()) {
      m.count = c->get<int>();
    }
    out.push_back(std::move(m));
  }
}

// Extracted field values ("fields": {name: [values]}); other shapes are ignored.
void read_field_values(const json& j, Article& a) {
  const auto it = j.find("fields");
  if (it == j.end() || !it->is_object()) return;
  for (const auto& [name, values] : it->items()) {
    if (!values.is_array()) continue;
    auto& out = a.field_values[name];
    for (const json& v : values) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
}

void read_sources_and_dates(const json& j, Article& a) {
  if (const auto it = j.find("sources"); it != j.end() && it->is_array()) {
    for (const json& s : *it) {
      if (s.is_object()) a.sources.push_back({str(s, "id"), str(s, "name")});
    }
  }
  if (const auto it = j.find("dates"); it != j.end() && it->is_array()) {
    for (const json& d : *it) {
      if (d.is_object()) a.mentioned_dates.push_back({str(d, "text"), stored_date(str(d, "date"))});
    }
  }
}

}  // namespace

std::string encode_doc_data(const Article& a) {
  json dates = json::array();
  for (const MentionedDate& d : a.mentioned_dates) {
    dates.push_back({{"text", d.text}, {"date", d.date.iso()}});
  }
  json sources = json::array();
  for (const CitedSource& s : a.sources) sources.push_back({{"id", s.id}, {"name", s.name}});
  json j = {{"id", a.id},
            {"title", a.title},
            {"url", a.url},
            {"outlet", a.outlet},
            {"author", a.author},
            {"published", a.published.iso()},
            {"precision", precision_name(a.published.precision)},
            {"provenance", provenance_name(a.published_provenance)},
            {"entities", entities_json(a.entities)},
            {"sources", std::move(sources)},
            {"dates", std::move(dates)},
            {"path", a.source_path},
            {"line", a.source_line},
            {"content_hash", hex64(a.content_hash)},
            {"simhash", hex64(a.simhash)},
            {"dup_cluster", a.dup_cluster}};
  if (!a.field_values.empty()) j["fields"] = a.field_values;
  // A compact JSON dump never holds a raw newline, so the first one ends the fields and the
  // second the claims.
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + '\n' +
         (a.claims.empty() ? std::string() : encode_claims(a.claims)) + '\n' + a.text;
}

namespace {

// The JSON line, the claims line and the text of stored document data; false when malformed.
struct DocDataParts {
  std::string_view header, claims, text;
};

std::optional<DocDataParts> split_doc_data(std::string_view data) {
  const std::size_t newline = data.find('\n');
  if (newline == std::string_view::npos) return std::nullopt;
  const std::size_t claims_end = data.find('\n', newline + 1);
  if (claims_end == std::string_view::npos) return std::nullopt;
  return DocDataParts{data.substr(0, newline), data.substr(newline + 1, claims_end - newline - 1),
                      data.substr(claims_end + 1)};
}

}  // namespace

std::optional<Article> decode_doc_data(std::string_view data, bool with_claims) {
  const auto parts = split_doc_data(data);
  if (!parts) return std::nullopt;
  const json j = json::parse(parts->header, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  Article a;
  a.id = str(j, "id");
  a.title = str(j, "title");
  a.url = str(j, "url");
  a.outlet = str(j, "outlet");
  a.author = str(j, "author");
  a.text = std::string(parts->text);
  a.published = stored_date(str(j, "published"));
  a.published_provenance = provenance_from_name(str(j, "provenance"));
  a.source_path = str(j, "path");
  if (const auto it = j.find("line"); it != j.end() && it->is_number_integer()) {
    a.source_line = it->get<int>();
  }
  a.content_hash = parse_hex64(str(j, "content_hash"));
  a.simhash = parse_hex64(str(j, "simhash"));
  a.dup_cluster = str(j, "dup_cluster");
  read_entities(j, a.entities);
  read_sources_and_dates(j, a);
  read_field_values(j, a);
  if (with_claims) a.claims = decode_claims(parts->claims, a.title, a.text);
  return a;
}

// Reads the top-level string values of "id", "title", "outlet" and "published" of a JSON
// object and walks past everything else without building it (the entities and sources make
// most of a header).
class LedgerHeaderReader : public nlohmann::json_sax<json> {
 public:
  explicit LedgerHeaderReader(Article& article) : article_(article) {}

  bool key(string_t& key) override {
    target_ = nullptr;
    if (depth_ != 1) return true;
    if (key == "id") target_ = &article_.id;
    if (key == "title") target_ = &article_.title;
    if (key == "outlet") target_ = &article_.outlet;
    if (key == "published") target_ = &published_;
    return true;
  }
  bool string(string_t& value) override {
    if (target_) *target_ = std::move(value);
    target_ = nullptr;
    return true;
  }
  bool start_object(std::size_t) override { return enter(); }
  bool end_object() override { return leave(); }
  bool start_array(std::size_t) override { return enter(); }
  bool end_array() override { return leave(); }
  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t) override { return scalar(); }
  bool number_unsigned(number_unsigned_t) override { return scalar(); }
  bool number_float(number_float_t, const string_t&) override { return scalar(); }
  bool binary(binary_t&) override { return scalar(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

  /// True when the text was one JSON object.
  bool object_seen() const { return object_seen_; }
  const std::string& published() const { return published_; }

 private:
  bool enter() {
    if (depth_ == 0) object_seen_ = true;
    target_ = nullptr;
    ++depth_;
    return true;
  }
  bool leave() {
    --depth_;
    return true;
  }
  bool scalar() {
    target_ = nullptr;
    return true;
  }

  Article& article_;
  std::string published_;
  std::string* target_ = nullptr;
  int depth_ = 0;
  bool object_seen_ = false;
};

std::optional<Article> decode_doc_claims(std::string_view data) {
  const auto parts = split_doc_data(data);
  if (!parts || !parts->header.starts_with('{')) return std::nullopt;
  Article a;
  LedgerHeaderReader reader(a);
  if (!json::sax_parse(parts->header, &reader) || !reader.object_seen()) return std::nullopt;
  a.published = stored_date(reader.published());
  a.claims = decode_claims(parts->claims, a.title, parts->text);
  return a;
}

}  // namespace cs
