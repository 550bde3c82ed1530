#include "indexer/explain.h"

#include <sstream>

#include "core/claim.h"
#include "core/field_values.h"
#include "core/hash.h"
#include "core/schema.h"

namespace cs {

namespace {

nlohmann::json string_or_null(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

std::string or_dash(const std::string& value) { return value.empty() ? "-" : value; }

void write_entities(std::ostringstream& out, const Article& article) {
  out << "entities (" << article.entities.size() << "):\n";
  for (const EntityMention& e : article.entities) {
    out << "  [" << entity_type_name(e.type) << "] " << e.name << " (" << e.id << ") x" << e.count
        << ":";
    const char* sep = " ";
    for (const std::string& m : e.mentions) {
      out << sep << '"' << m << '"';
      sep = ", ";
    }
    out << '\n';
  }
}

// Every filter field of the table with the values the article is indexed under, as read.
std::vector<std::pair<std::string_view, std::vector<std::string>>> field_values_of(
    const Article& article) {
  std::vector<std::pair<std::string_view, std::vector<std::string>>> out;
  for (const schema::Field& field : schema::fields()) {
    if (!field.is_filter()) continue;
    std::vector<std::string> shown;
    for (const IndexedValue& v : indexed_values(field, article)) shown.push_back(v.shown);
    if (!shown.empty()) out.emplace_back(field.name, std::move(shown));
  }
  return out;
}

std::string ref_text(const ClaimRef& ref) {
  if (ref.empty()) return "-";
  return ref.name + (ref.id.empty() ? "" : " (" + ref.id + ")");
}

void write_claims(std::ostringstream& out, const Article& article) {
  out << "claims (" << article.claims.size() << "):\n";
  for (const CasualtyClaim& c : article.claims) {
    out << "  " << outcome_name(c.outcome) << ' ';
    if (c.vague.empty()) {
      out << c.low;
      if (c.high != c.low) out << '-' << c.high;
    } else {
      out << c.vague << " (~10^" << c.magnitude << ')';
    }
    if (!c.qualifier.empty()) out << " [" << c.qualifier << ']';
    out << (c.update ? " (update)" : "") << " | victims: " << or_dash(c.victims) << " ["
        << victim_class_name(c.victim_class) << (c.group.empty() ? "" : ": " + c.group.name)
        << "] | claimant: "
        << (c.claimant.empty() ? "none (the article's own authority)" : ref_text(c.claimant))
        << " | place: " << ref_text(c.place) << (c.place_from_article ? " (article's)" : "")
        << " | date: " << or_dash(c.event_date.iso())
        << (c.date_from_published ? " (published)" : "") << "\n    \"" << c.sentence << "\"\n";
  }
  for (const std::string& d : article.dropped_claims) out << "  dropped " << d << '\n';
}

}  // namespace

std::string explain_text(const Article& article) {
  std::ostringstream out;
  out << "title:     " << or_dash(article.title) << '\n'
      << "outlet:    " << or_dash(article.outlet) << '\n'
      << "author:    " << or_dash(article.author) << '\n'
      << "url:       " << or_dash(article.url) << '\n'
      << "published: " << or_dash(article.published.iso());
  if (article.published.known()) {
    out << " (" << precision_name(article.published.precision) << " precision, from "
        << provenance_name(article.published_provenance) << ')';
  }
  out << '\n';
  write_entities(out, article);
  out << "sources (" << article.sources.size() << "):\n";
  for (const CitedSource& s : article.sources) {
    out << "  " << s.name << (s.id.empty() ? "" : " (" + s.id + ")") << '\n';
  }
  write_claims(out, article);
  out << "mentioned dates (" << article.mentioned_dates.size() << "):\n";
  for (const MentionedDate& d : article.mentioned_dates) {
    out << "  \"" << d.text << "\" -> " << d.date.iso() << '\n';
  }
  out << "filters (field: values the article is found under):\n";
  for (const auto& [name, values] : field_values_of(article)) {
    out << "  " << name << ":";
    for (std::size_t i = 0; i < values.size(); ++i) out << (i ? "; " : " ") << values[i];
    out << '\n';
  }
  out << "signature:    " << hex64(article.simhash) << '\n'
      << "content hash: " << hex64(article.content_hash) << '\n'
      << "dup cluster:  " << or_dash(article.dup_cluster) << '\n';
  return out.str();
}

nlohmann::json explain_json(const Article& article) {
  nlohmann::json entities = nlohmann::json::array();
  for (const EntityMention& e : article.entities) {
    entities.push_back({{"id", e.id},
                        {"name", e.name},
                        {"type", entity_type_name(e.type)},
                        {"count", e.count},
                        {"mentions", e.mentions}});
  }
  nlohmann::json sources = nlohmann::json::array();
  for (const CitedSource& s : article.sources) {
    sources.push_back({{"id", string_or_null(s.id)}, {"name", s.name}});
  }
  nlohmann::json dates = nlohmann::json::array();
  for (const MentionedDate& d : article.mentioned_dates) {
    dates.push_back({{"text", d.text},
                     {"date", d.date.iso()},
                     {"precision", precision_name(d.date.precision)}});
  }
  nlohmann::json claims = nlohmann::json::array();
  for (const CasualtyClaim& c : article.claims) claims.push_back(claim_json(c));
  nlohmann::json fields = nlohmann::json::object();
  for (const auto& [name, values] : field_values_of(article)) fields[std::string(name)] = values;
  return {{"id", article.id},
          {"title", article.title},
          {"outlet", string_or_null(article.outlet)},
          {"author", string_or_null(article.author)},
          {"url", string_or_null(article.url)},
          {"published", string_or_null(article.published.iso())},
          {"published_provenance", provenance_name(article.published_provenance)},
          {"published_precision",
           string_or_null(std::string(precision_name(article.published.precision)))},
          {"entities", std::move(entities)},
          {"sources", std::move(sources)},
          {"mentioned_dates", std::move(dates)},
          {"claims", std::move(claims)},
          {"claims_dropped", article.dropped_claims},
          {"fields", std::move(fields)},
          {"signature", hex64(article.simhash)},
          {"content_hash", hex64(article.content_hash)},
          {"dup_cluster", string_or_null(article.dup_cluster)}};
}

}  // namespace cs
