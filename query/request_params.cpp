#include "query/request_params.h"

#include <array>
#include <charconv>
#include <optional>

#include "core/arrival.h"
#include "core/dates.h"
#include "core/schema.h"

namespace cs::query {
namespace {

/// Parameters that may appear at most once.
constexpr std::array<std::string_view, 12> kSingleParams = {
    "q",          "from",     "to",     "sort", "page",  "size",
    "facet_size", "collapse", "format", "what", "limit", "added_after"};

SearchError bad(std::string_view name, std::string_view why) {
  return {ErrorCode::kBadRequest, "parameter '" + std::string(name) + "' " + std::string(why)};
}

std::optional<int> parse_int(const std::string& s) {
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

SearchError parse_bounded(const std::string& name, const std::string& value, int lo, int hi,
                          int& out) {
  auto v = parse_int(value);
  if (!v || *v < lo || *v > hi) {
    return bad(name, "must be an integer from " + std::to_string(lo) + " to " + std::to_string(hi));
  }
  out = *v;
  return {};
}

SearchError parse_filter(const std::string& name, const std::string& value, SearchRequest& r) {
  const bool exclude = !value.empty() && value.front() == '-';
  std::string term = exclude ? value.substr(1) : value;
  if (term.empty()) return bad(name, "must not be empty");
  r.filters.push_back({name, std::move(term), exclude});
  return {};
}

// "relevance, newest, oldest or added": the sort names, for messages.
std::string sort_name_list() {
  std::string list;
  const std::size_t n = std::size(kSortNames);
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) list += i + 1 == n ? " or " : ", ";
    list.append(kSortNames[i].name);
  }
  return list;
}

/// The parameters only some endpoints take; null when the endpoint takes none.
struct Extras {
  ExportSpec* spec = nullptr;  ///< /api/export: format, what
  int* limit = nullptr;        ///< /api/claims: limit
};

/// Applies one parameter.
SearchError apply_param(const std::string& name, const std::string& value, SearchRequest& r,
                        const Extras& extras) {
  if (const schema::Field* field = schema::find_field(name); field && field->is_filter()) {
    return parse_filter(name, value, r);
  }
  if (name == "q") {
    r.text = value;
  } else if (name == "from" || name == "to") {
    if (!value.empty() && !is_partial_date(value)) {
      return bad(name, "must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    }
    (name == "from" ? r.from : r.to) = value;
  } else if (name == "added_after") {
    const auto stamp = parse_stamp(value);
    if (!stamp) return bad(name, "must be a UTC time YYYY-MM-DD[THH:MM[:SS][Z]]");
    r.added_after = *stamp;
  } else if (name == "sort") {
    const auto sort = sort_from_name(value);
    if (!sort) return bad("sort", "must be " + sort_name_list());
    r.sort = *sort;
  } else if (name == "page") {
    return parse_bounded(name, value, 1, kMaxPage, r.page);
  } else if (name == "size") {
    return parse_bounded(name, value, 1, kMaxPageSize, r.page_size);
  } else if (name == "facet_size") {
    return parse_bounded(name, value, 1, kMaxFacetSize, r.facet_limit);
  } else if (name == "collapse") {
    if (value != "true" && value != "false") return bad("collapse", "must be true or false");
    r.collapse = value == "true";
  } else if (name == "format" && extras.spec) {
    const auto parsed = export_format_from_name(value);
    if (!parsed) return bad(name, "must be csv or jsonl");
    extras.spec->format = *parsed;
  } else if (name == "what" && extras.spec) {
    const auto parsed = export_what_from_name(value);
    if (!parsed) return bad(name, "must be articles or claims");
    extras.spec->what = *parsed;
  } else if (name == "limit" && extras.limit) {
    return parse_bounded(name, value, 1, kMaxIncidents, *extras.limit);
  } else {
    return bad(name, "is not known");
  }
  return {};
}

/// The earliest (`pad` "-01-01") or latest ("-12-31") day a partial date can stand for.
std::string widen(const std::string& date, std::string_view pad) {
  return date + std::string(pad.substr(date.size() - 4));
}

SearchError parse_params(const Params& params, SearchRequest& r, const Extras& extras) {
  for (auto single : kSingleParams) {
    std::size_t count = 0;
    for (const auto& [name, value] : params) count += name == single ? 1 : 0;
    if (count > 1) return bad(single, "must be given at most once");
  }
  for (const auto& [name, value] : params) {
    if (auto error = apply_param(name, value, r, extras)) return error;
  }
  if (!r.from.empty() && !r.to.empty() && widen(r.from, "-01-01") > widen(r.to, "-12-31")) {
    return bad("from", "must not be after 'to'");
  }
  return {};
}

// The parameters /api/search and /api/export share: text, filters, dates, order, collapsing.
Params filter_params(const SearchRequest& request) {
  Params params{{"q", request.text}};
  for (const Filter& filter : request.filters) {
    params.emplace_back(filter.field, (filter.exclude ? "-" : "") + filter.value);
  }
  if (!request.from.empty()) params.emplace_back("from", request.from);
  if (!request.to.empty()) params.emplace_back("to", request.to);
  if (!request.added_after.empty()) {
    params.emplace_back("added_after", stamp_to_iso(request.added_after));
  }
  params.emplace_back("sort", std::string(sort_name(request.sort)));
  if (request.collapse) params.emplace_back("collapse", "true");
  return params;
}

}  // namespace

std::string_view sort_name(SortOrder sort) {
  for (const SortName& s : kSortNames) {
    if (s.order == sort) return s.name;
  }
  return kSortNames[0].name;
}

std::optional<SortOrder> sort_from_name(std::string_view name) {
  for (const SortName& s : kSortNames) {
    if (s.name == name) return s.order;
  }
  return std::nullopt;
}

SearchError parse_search_params(const Params& params, SearchRequest& request) {
  return parse_params(params, request, {});
}

SearchError parse_export_params(const Params& params, SearchRequest& request, ExportSpec& spec) {
  spec = ExportSpec{};
  request.want_facets = false;
  request.want_snippets = false;
  request.want_timeline = false;
  return parse_params(params, request, {.spec = &spec});
}

SearchError parse_claims_params(const Params& params, ClaimsRequest& request) {
  request.search.want_facets = false;
  request.search.want_snippets = false;
  request.search.want_timeline = false;
  return parse_params(params, request.search, {.limit = &request.limit});
}

SearchError parse_timeline_params(const Params& params, TimelineRequest& request) {
  request = TimelineRequest{};
  Params rest;
  for (const char* single : {"interval", "normalise", "format"}) {
    std::size_t count = 0;
    for (const auto& p : params) count += p.first == single ? 1 : 0;
    if (count > 1) return bad(single, "must be given at most once");
  }
  for (const auto& [name, value] : params) {
    if (name == "format") {
      if (value != "json" && value != "csv") return bad(name, "must be json or csv");
      request.csv = value == "csv";
    } else if (name == "q") {
      request.queries.push_back(value);
    } else if (name == "interval") {
      const auto interval = interval_from_name(value);
      if (!interval) return bad(name, "must be auto, day, week, month or year");
      request.interval = *interval;
    } else if (name == "normalise") {
      if (value != "true" && value != "false") return bad(name, "must be true or false");
      request.normalise = value == "true";
    } else if (name == "sort" || name == "page" || name == "size" || name == "facet_size" ||
               name == "collapse") {
      return bad(name, "is not used by a timeline");
    } else {
      rest.emplace_back(name, value);
    }
  }
  if (request.queries.empty() || request.queries.size() > kMaxCompareQueries) {
    return bad("q", "must be given 1 to " + std::to_string(kMaxCompareQueries) + " times");
  }
  for (const std::string& q : request.queries) {
    if (q.find_first_not_of(" \t") == std::string::npos) return bad("q", "must not be empty");
  }
  request.filters.want_facets = false;
  request.filters.want_snippets = false;
  request.filters.want_timeline = false;
  return parse_params(rest, request.filters, {});
}

Params search_params(const SearchRequest& request) {
  Params params = filter_params(request);
  params.emplace_back("page", std::to_string(request.page));
  params.emplace_back("size", std::to_string(request.page_size));
  if (request.facet_limit != kDefaultFacetSize) {
    params.emplace_back("facet_size", std::to_string(request.facet_limit));
  }
  return params;
}

Params export_params(const SearchRequest& request, const ExportSpec& spec) {
  Params params = filter_params(request);
  params.emplace_back("format", std::string(export_format_name(spec.format)));
  if (spec.what != ExportWhat::kArticles) {
    params.emplace_back("what", std::string(export_what_name(spec.what)));
  }
  return params;
}

Params claims_params(const ClaimsRequest& request) {
  Params params = filter_params(request.search);
  params.emplace_back("limit", std::to_string(request.limit));
  return params;
}

std::string query_string(const Params& params) {
  std::string query;
  for (const auto& [name, value] : params) {
    if (!query.empty()) query += '&';
    query += url_encode(name);
    query += '=';
    query += url_encode(value);
  }
  return query;
}

std::string url_encode(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
        (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// Decodes one name or value of a query string; false on a malformed escape or a NUL.
bool url_decode(std::string_view text, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out += ' ';
    } else if (text[i] == '%') {
      const int hi = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return false;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (text[i] == '\0') {
      return false;  // a raw byte 0 is refused like an escaped one
    } else {
      out += text[i];
    }
  }
  return true;
}

}  // namespace

std::optional<Params> parse_query_string(std::string_view query, std::string& error) {
  if (!query.empty() && query.front() == '?') query.remove_prefix(1);
  Params params;
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    std::string name;
    std::string value;
    if (!url_decode(pair.substr(0, eq), name) ||
        (eq != std::string_view::npos && !url_decode(pair.substr(eq + 1), value))) {
      error = "malformed percent escape or byte 0 in '" + std::string(pair) + "'";
      return std::nullopt;
    }
    params.emplace_back(std::move(name), std::move(value));
  }
  return params;
}

}  // namespace cs::query
