#include "searchd/atom_feed.h"

#include "core/arrival.h"
#include "query/request_params.h"
#include "query/snippet.h"

namespace cs::searchd {

namespace {

// An RFC 3339 time for a publication date of any precision (its first day).
std::string rfc3339_date(const std::string& date) {
  std::string day = date;
  if (day.size() == 4) day += "-01";
  if (day.size() == 7) day += "-01";
  return day.size() == 10 ? day + "T00:00:00Z" : std::string();
}

void element(std::string& out, const char* name, std::string_view text, const char* indent) {
  out.append(indent).append("<").append(name).append(">");
  out.append(xml_escape(text)).append("</").append(name).append(">\n");
}

}  // namespace

std::string xml_escape(std::string_view text) {
  std::string allowed;
  allowed.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters either.
    if (c == '\xEF' && i + 2 < text.size() && text[i + 1] == '\xBF' &&
        (text[i + 2] == '\xBE' || text[i + 2] == '\xBF')) {
      i += 2;
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
      allowed += c;
    }
  }
  // The five characters XML escapes are HTML's: one escaper for both.
  return query::escape_html(allowed);
}

std::string atom_feed(const state::Watch& watch, const query::SearchResult& matches,
                      const std::string& base_url) {
  const std::string created = stamp_to_iso(watch.created);
  std::string updated = created;
  if (!matches.hits.empty() && !matches.hits.front().added.empty()) {
    updated = matches.hits.front().added;
  }
  const std::string id = std::to_string(watch.id);
  std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
  out += "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
  // Ids stay the same for the life of the watch: its number and creation time.
  element(out, "id", "urn:corpus-search:watch:" + id + ":" + watch.created, "  ");
  element(out, "title", "Watch: " + watch.name, "  ");
  element(out, "updated", updated.empty() ? "1970-01-01T00:00:00Z" : updated, "  ");
  out += "  <author><name>corpus-search</name></author>\n";
  out += "  <generator>searchd</generator>\n";
  out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" +
         xml_escape(base_url + "/watches/" + id + ".atom") + "\"/>\n";
  out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" +
         xml_escape(base_url + "/?" + watch.query) + "\"/>\n";
  for (const query::Hit& hit : matches.hits) {
    out += "  <entry>\n";
    element(out, "id", "urn:corpus-search:article:" + query::url_encode(hit.id), "    ");
    element(out, "title", hit.title.empty() ? hit.id : hit.title, "    ");
    element(out, "updated", hit.added.empty() ? updated : hit.added, "    ");
    if (hit.published) {
      if (const std::string published = rfc3339_date(*hit.published); !published.empty()) {
        element(out, "published", published, "    ");
      }
    }
    if (hit.outlet) {
      out += "    <author><name>" + xml_escape(*hit.outlet) + "</name></author>\n";
    }
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" +
           xml_escape(base_url + "/?doc=" + query::url_encode(hit.id)) + "\"/>\n";
    // The snippet is HTML (escaped text and <mark>): an html summary, escaped once more.
    out += "    <summary type=\"html\">" + xml_escape(hit.snippet) + "</summary>\n";
    out += "  </entry>\n";
  }
  out += "</feed>\n";
  return out;
}

}  // namespace cs::searchd
