#include "query/export.h"

#include <algorithm>

#include "core/claim.h"
#include "query/json.h"

namespace cs::query {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += "; ";
    out += name;
  }
  return out;
}

// The columns between the article's own (id ... author) and its text.
std::vector<const schema::Field*> field_columns() {
  std::vector<const schema::Field*> columns;
  for (const schema::Field& f : schema::fields()) {
    if (!f.column.empty()) columns.push_back(&f);
  }
  return columns;
}

std::string csv_record(const std::vector<std::string>& fields) {
  std::string record;
  for (const std::string& f : fields) {
    if (!record.empty()) record += ',';
    record += csv_field(f);
  }
  return record + "\r\n";
}

// One record per claim of `a`.
std::string claim_records(ExportFormat format, const StoredArticle& a) {
  std::string out;
  for (const CasualtyClaim& c : a.claims) {
    if (format == ExportFormat::kJsonl) {
      nlohmann::json j = claim_json(c);
      j["article"] = a.id;
      j["outlet"] = a.outlet ? nlohmann::json(*a.outlet) : nlohmann::json(nullptr);
      j["published"] = a.published ? nlohmann::json(*a.published) : nlohmann::json(nullptr);
      out += dump(j) + "\n";
      continue;
    }
    const bool number = c.vague.empty();
    out += csv_record({a.id, a.outlet.value_or(""), a.published.value_or(""), c.claimant.name,
                       c.number, number ? std::to_string(c.low) : "",
                       number ? std::to_string(c.high) : "", c.qualifier, c.vague, c.victims,
                       std::string(victim_class_name(c.victim_class)),
                       std::string(outcome_name(c.outcome)), c.place.name, c.event_date.iso(),
                       c.update ? "true" : "false", c.sentence});
  }
  return out;
}

}  // namespace

std::string_view export_format_name(ExportFormat format) {
  return format == ExportFormat::kCsv ? "csv" : "jsonl";
}

std::optional<ExportFormat> export_format_from_name(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return std::nullopt;
}

std::string_view export_what_name(ExportWhat what) {
  return what == ExportWhat::kArticles ? "articles" : "claims";
}

std::optional<ExportWhat> export_what_from_name(std::string_view name) {
  if (name == "articles") return ExportWhat::kArticles;
  if (name == "claims") return ExportWhat::kClaims;
  return std::nullopt;
}

std::string csv_field(std::string_view value) {
  std::string out = "\"";
  if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string::npos) {
    out += '\'';
  }
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::vector<std::string> field_names_of(const schema::Field& field, const StoredArticle& article) {
  std::vector<std::string> names;
  switch (field.source) {
    case schema::ArticleSource::kEntities:
      for (const HitEntity& e : article.entities) {
        if (!field.entity_type || e.type == entity_type_name(*field.entity_type)) {
          names.push_back(e.name);
        }
      }
      break;
    case schema::ArticleSource::kSources:
      for (const HitEntity& s : article.sources) names.push_back(s.name);
      break;
    case schema::ArticleSource::kClaimants:
      for (const CasualtyClaim& c : article.claims) {
        if (!c.claimant.empty() &&
            std::find(names.begin(), names.end(), c.claimant.name) == names.end()) {
          names.push_back(c.claimant.name);
        }
      }
      break;
    case schema::ArticleSource::kVictimClasses:
      for (const CasualtyClaim& c : article.claims) {
        const std::string name(victim_class_name(c.victim_class));
        if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
      }
      break;
    case schema::ArticleSource::kExtracted:
      if (const auto it = article.fields.find(std::string(field.name));
          it != article.fields.end()) {
        names = it->second;
      }
      break;
    case schema::ArticleSource::kTitle:
      names.push_back(article.title);
      break;
    case schema::ArticleSource::kOutlet:
      if (article.outlet) names.push_back(*article.outlet);
      break;
    case schema::ArticleSource::kAuthor:
      if (article.author) names.push_back(*article.author);
      break;
    case schema::ArticleSource::kPublishedYear:
    case schema::ArticleSource::kPublishedMonth:
      if (article.published) {
        const bool month = field.source == schema::ArticleSource::kPublishedMonth;
        if (!month || article.published->size() >= 7) {
          names.push_back(article.published->substr(0, month ? 7 : 4));
        }
      }
      break;
  }
  return names;
}

std::string export_header(const ExportSpec& spec) {
  if (spec.format == ExportFormat::kJsonl) return {};
  std::vector<std::string> names;
  if (spec.what == ExportWhat::kClaims) {
    names = {"id",    "outlet",     "published", "claimant", "number", "low",
             "high",  "qualifier",  "vague",     "victims",  "class",  "outcome",
             "place", "event_date", "update",    "sentence"};
  } else {
    names = {"id", "published", "outlet", "title", "url", "author"};
    for (const schema::Field* f : field_columns()) names.emplace_back(f->column);
    names.emplace_back("text");
  }
  std::string header;
  for (const std::string& name : names) header += (header.empty() ? "" : ",") + name;
  return header + "\r\n";
}

std::string export_record(const ExportSpec& spec, const StoredArticle& a) {
  if (spec.what == ExportWhat::kClaims) return claim_records(spec.format, a);
  if (spec.format == ExportFormat::kJsonl) return dump(to_json(a)) + "\n";
  std::vector<std::string> fields = {a.id,    a.published.value_or(""), a.outlet.value_or(""),
                                     a.title, a.url.value_or(""),       a.author.value_or("")};
  for (const schema::Field* f : field_columns()) fields.push_back(joined(field_names_of(*f, a)));
  fields.push_back(a.text);
  return csv_record(fields);
}

}  // namespace cs::query
