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

// Reads a document data header (the JSON line) into an Article as the parser walks it, without
// building a JSON tree (a hit's header is read on every search). Keys hold their documented
// types; a value of another type, or of an unknown key, is walked past and leaves the field
// empty (a key the encoder never repeats is read as the last of its values). With only_listing,
// only id, title, outlet and published are read (the claims ledger), and the rest is walked past.
class HeaderReader : public nlohmann::json_sax<json> {
 public:
  HeaderReader(Article& article, bool only_listing) : a_(article), only_listing_(only_listing) {}

  bool key(string_t& key) override {
    key_ = std::move(key);
    const Kind kind = open_.back();
    // A key's field is reset when the key is seen, so a value of the wrong type leaves it empty.
    if (std::string* target = string_target(); target != nullptr) target->clear();
    if (kind == Kind::kTop && key_ == "line") a_.source_line = 0;
    if (kind == Kind::kEntity && key_ == "count") a_.entities.back().count = 0;
    if (kind == Kind::kEntity && key_ == "mentions") a_.entities.back().mentions.clear();
    return true;
  }
  bool string(string_t& value) override {
    if (open_.empty()) return true;
    if (std::string* target = string_target(); target != nullptr) {
      *target = std::move(value);
    } else if (open_.back() == Kind::kMentions) {
      a_.entities.back().mentions.push_back(std::move(value));
    } else if (open_.back() == Kind::kFieldValues) {
      field_values_->push_back(std::move(value));
    }
    return true;
  }
  bool number_integer(number_integer_t value) override { return integer(value); }
  bool number_unsigned(number_unsigned_t value) override { return integer(value); }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override {
    if (open_.empty()) {
      open_.push_back(Kind::kTop);
      return true;
    }
    const Kind parent = open_.back();
    Kind kind = Kind::kSkip;
    if (parent == Kind::kEntities) {
      a_.entities.emplace_back();
      kind = Kind::kEntity;
    } else if (parent == Kind::kSources) {
      a_.sources.emplace_back();
      kind = Kind::kSource;
    } else if (parent == Kind::kDates) {
      dates_.emplace_back();
      kind = Kind::kDate;
    } else if (parent == Kind::kTop && key_ == "fields" && !only_listing_) {
      a_.field_values.clear();
      kind = Kind::kFields;
    }
    open_.push_back(kind);
    return true;
  }
  bool start_array(std::size_t) override {
    if (open_.empty()) return false;  // the header is an object
    const Kind parent = open_.back();
    Kind kind = Kind::kSkip;
    if (parent == Kind::kTop && !only_listing_) {
      if (key_ == "entities") {
        a_.entities.clear();
        kind = Kind::kEntities;
      } else if (key_ == "sources") {
        a_.sources.clear();
        kind = Kind::kSources;
      } else if (key_ == "dates") {
        dates_.clear();
        kind = Kind::kDates;
      }
    } else if (parent == Kind::kEntity && key_ == "mentions") {
      kind = Kind::kMentions;
    } else if (parent == Kind::kFields) {
      field_values_ = &a_.field_values[key_];
      field_values_->clear();
      kind = Kind::kFieldValues;
    }
    open_.push_back(kind);
    return true;
  }
  bool end_object() override { return leave(); }
  bool end_array() override { return leave(); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

  /// Fields kept as text while reading, converted once the header is read.
  void finish() {
    a_.published = stored_date(published_);
    a_.published_provenance = provenance_from_name(provenance_);
    a_.content_hash = parse_hex64(content_hash_);
    a_.simhash = parse_hex64(simhash_);
    for (auto& [text, date] : dates_) a_.mentioned_dates.push_back({text, stored_date(date)});
  }

 private:
  // What the innermost open JSON value is.
  enum class Kind {
    kTop,          // the header object
    kEntities,     // "entities": [...]
    kEntity,       //   one of its objects
    kMentions,     //   its "mentions": [...]
    kSources,      // "sources": [...]
    kSource,       //   one of its objects
    kDates,        // "dates": [...]
    kDate,         //   one of its objects
    kFields,       // "fields": {...}
    kFieldValues,  //   one of its arrays
    kSkip,         // anything else, walked past
  };

  // The string field the current key of the innermost object fills, or nullptr.
  std::string* string_target() {
    switch (open_.back()) {
      case Kind::kTop:
        return top_string(key_);
      case Kind::kEntity:
        if (key_ == "id") return &a_.entities.back().id;
        if (key_ == "name") return &a_.entities.back().name;
        if (key_ == "type") return &entity_type_;
        return nullptr;
      case Kind::kSource:
        if (key_ == "id") return &a_.sources.back().id;
        if (key_ == "name") return &a_.sources.back().name;
        return nullptr;
      case Kind::kDate:
        if (key_ == "text") return &dates_.back().first;
        if (key_ == "date") return &dates_.back().second;
        return nullptr;
      default:
        return nullptr;
    }
  }

  std::string* top_string(const std::string& key) {
    if (key == "id") return &a_.id;
    if (key == "title") return &a_.title;
    if (key == "outlet") return &a_.outlet;
    if (key == "published") return &published_;
    if (only_listing_) return nullptr;
    if (key == "url") return &a_.url;
    if (key == "author") return &a_.author;
    if (key == "provenance") return &provenance_;
    if (key == "path") return &a_.source_path;
    if (key == "content_hash") return &content_hash_;
    if (key == "simhash") return &simhash_;
    if (key == "dup_cluster") return &a_.dup_cluster;
    return nullptr;
  }

  template <typename Number>
  bool integer(Number value) {
    if (open_.empty()) return true;
    const Kind kind = open_.back();
    if (kind == Kind::kTop && key_ == "line" && !only_listing_) {
      a_.source_line = static_cast<int>(value);
    } else if (kind == Kind::kEntity && key_ == "count") {
      a_.entities.back().count = static_cast<int>(value);
    }
    return true;
  }

  bool leave() {
    if (open_.back() == Kind::kEntity) {
      a_.entities.back().type = entity_type_from_name(entity_type_);
      entity_type_.clear();
    }
    open_.pop_back();
    return true;
  }

  Article& a_;
  const bool only_listing_;
  std::vector<Kind> open_;  ///< the JSON values being read, innermost last
  std::string key_;         ///< the last key seen (of the innermost object)
  std::string published_, provenance_, content_hash_, simhash_, entity_type_;
  std::vector<std::pair<std::string, std::string>> dates_;  ///< text, ISO date
  std::vector<std::string>* field_values_ = nullptr;        ///< the array being read
};

// The header of `parts` read into `a`; false when it is not one JSON object.
bool read_header(const DocDataParts& parts, bool only_listing, Article& a) {
  if (!parts.header.starts_with('{')) return false;
  HeaderReader reader(a, only_listing);
  if (!json::sax_parse(parts.header, &reader)) return false;
  reader.finish();
  return true;
}

}  // namespace

std::optional<Article> decode_doc_data(std::string_view data, bool with_claims) {
  const auto parts = split_doc_data(data);
  Article a;
  if (!parts || !read_header(*parts, false, a)) return std::nullopt;
  a.text = std::string(parts->text);
  if (with_claims) a.claims = decode_claims(parts->claims, a.title, a.text);
  return a;
}

std::optional<Article> decode_doc_claims(std::string_view data) {
  const auto parts = split_doc_data(data);
  Article a;
  if (!parts || !read_header(*parts, true, a)) return std::nullopt;
  a.claims = decode_claims(parts->claims, a.title, parts->text);
  return a;
}

}  // namespace cs
