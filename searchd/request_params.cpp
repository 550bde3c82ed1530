#include "searchd/request_params.h"

#include <array>
#include <charconv>
#include <optional>
#include <string_view>

namespace cs::searchd {
namespace {

using query::ErrorCode;
using query::SearchError;
using query::SearchRequest;

/// Repeatable filter parameters; each maps to the query library's field of the same name.
constexpr std::array<std::string_view, 7> kFilterParams = {"outlet", "author", "person", "org",
                                                           "place",  "entity", "source"};
/// Parameters that may appear at most once.
constexpr std::array<std::string_view, 8> kSingleParams = {"q",    "from", "to",       "sort",
                                                           "page", "size", "collapse", "format"};

SearchError bad(std::string_view name, std::string_view why) {
  return {ErrorCode::kBadRequest, "parameter '" + std::string(name) + "' " + std::string(why)};
}

bool is_filter_param(std::string_view name) {
  for (auto f : kFilterParams) {
    if (f == name) return true;
  }
  return false;
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
  bool exclude = !value.empty() && value.front() == '-';
  std::string term = exclude ? value.substr(1) : value;
  if (term.empty()) return bad(name, "must not be empty");
  r.filters.push_back({name, term, exclude});
  return {};
}

SearchError parse_sort(const std::string& value, SearchRequest& r) {
  if (value == "relevance") {
    r.sort = query::SortOrder::kRelevance;
  } else if (value == "newest") {
    r.sort = query::SortOrder::kNewest;
  } else if (value == "oldest") {
    r.sort = query::SortOrder::kOldest;
  } else {
    return bad("sort", "must be relevance, newest or oldest");
  }
  return {};
}

SearchError parse_collapse(const std::string& value, SearchRequest& r) {
  if (value != "true" && value != "false") return bad("collapse", "must be true or false");
  r.collapse = value == "true";
  return {};
}

/// Applies one parameter; `format` is null when the endpoint takes no format.
SearchError apply_param(const std::string& name, const std::string& value, SearchRequest& r,
                        ExportFormat* format) {
  if (is_filter_param(name)) return parse_filter(name, value, r);
  if (name == "q") {
    r.text = value;
  } else if (name == "from" || name == "to") {
    if (!value.empty() && !is_partial_date(value)) {
      return bad(name, "must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    }
    (name == "from" ? r.from : r.to) = value;
  } else if (name == "sort") {
    return parse_sort(value, r);
  } else if (name == "page") {
    return parse_bounded(name, value, 1, kMaxPage, r.page);
  } else if (name == "size") {
    return parse_bounded(name, value, 1, 100, r.page_size);
  } else if (name == "collapse") {
    return parse_collapse(value, r);
  } else if (name == "format" && format) {
    if (value != "csv" && value != "jsonl") return bad(name, "must be csv or jsonl");
    *format = value == "csv" ? ExportFormat::kCsv : ExportFormat::kJsonl;
  } else {
    return bad(name, "is not known");
  }
  return {};
}

/// The earliest (`pad` "-01-01") or latest ("-12-31") day a partial date can stand for.
std::string widen(const std::string& date, std::string_view pad) {
  return date + std::string(pad.substr(date.size() - 4));
}

SearchError parse_params(const Params& params, SearchRequest& r, ExportFormat* format) {
  for (auto name : kSingleParams) {
    if (params.count(std::string(name)) > 1) return bad(name, "must be given at most once");
  }
  for (const auto& [name, value] : params) {
    if (auto error = apply_param(name, value, r, format)) return error;
  }
  if (!r.from.empty() && !r.to.empty() && widen(r.from, "-01-01") > widen(r.to, "-12-31")) {
    return bad("from", "must not be after 'to'");
  }
  return {};
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

bool is_partial_date(const std::string& value) {
  auto n = value.size();
  if (n != 4 && n != 7 && n != 10) return false;
  if (!all_digits(std::string_view(value).substr(0, 4))) return false;
  if (n >= 7) {
    if (value[4] != '-' || !all_digits(std::string_view(value).substr(5, 2))) return false;
    int month = std::stoi(value.substr(5, 2));
    if (month < 1 || month > 12) return false;
  }
  if (n == 10) {
    if (value[7] != '-' || !all_digits(std::string_view(value).substr(8, 2))) return false;
    int day = std::stoi(value.substr(8, 2));
    if (day < 1 || day > 31) return false;
  }
  return true;
}

SearchError parse_search_params(const Params& params, SearchRequest& request) {
  return parse_params(params, request, nullptr);
}

SearchError parse_export_params(const Params& params, SearchRequest& request,
                                ExportFormat& format) {
  format = ExportFormat::kCsv;
  request.want_facets = false;
  request.want_snippets = false;
  request.want_timeline = false;
  return parse_params(params, request, &format);
}

}  // namespace cs::searchd
