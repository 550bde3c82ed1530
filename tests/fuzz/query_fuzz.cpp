// Fuzz target: the search request side, as searchd meets it. The input is a URL query string:
// parse_query_string, then parse_search_params (and the export, claims and timeline parsers
// over the same parameters), then QueryBuilder::build for the search request against a small
// in-memory index (three articles indexed with the real pipeline and the bundled gazetteer),
// and the query run over it. Checks: a refused query string says why; no parameter holds a
// byte 0; accepted requests stay in their documented bounds; a request's parameters
// (search_params, export_params, claims_params) survive query_string and parsing unchanged, as
// shared URLs must; refusals are 400s with a message; build never throws (Xapian errors
// included) and a built query runs.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/gazetteer.h"
#include "fuzz_support.h"
#include "indexer/clean.h"
#include "indexer/document.h"
#include "indexer/extract.h"
#include "indexer/readers.h"
#include "query/query_builder.h"
#include "query/request_params.h"

namespace {

namespace q = cs::query;

struct Sample {
  const char* id;
  const char* outlet;
  cs::PartialDate published;
  const char* text;
};

const Sample kSamples[] = {
    {"en-1",
     "Reuters",
     {2016, 3, 27, cs::DatePrecision::kDay},
     "Syrian army retakes Palmyra from Islamic State\n"
     "Syrian government forces backed by Russian air strikes recaptured Palmyra on Sunday. At "
     "least 400 Islamic State fighters were killed, according to the Syrian Observatory for "
     "Human Rights. Shelling continued near Deir ez-Zor, where Daesh holds the city.\n"},
    {"ar-1",
     "SANA",
     {2016, 4, 2, cs::DatePrecision::kDay},
     "قصف على دير الزور\n"
     "قال المرصد السوري لحقوق الإنسان إن 12 مدنيا قتلوا في قصف على دير الزور يوم الجمعة.\n"},
    {"ru-1",
     "TASS",
     {2022, 5, 0, cs::DatePrecision::kMonth},
     "Обстрел Харькова\n"
     "В результате обстрела Харькова погибли 5 человек, сообщили в Минобороны Украины. "
     "Evacuations from Kharkiv continued in May 2022.\n"},
};

// The sample articles in an in-memory database; built on first use, kept for the run.
const Xapian::Database& index() {
  static const Xapian::WritableDatabase* db = [] {
    auto* out = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const cs::Extractor extractor(std::shared_ptr<const cs::Gazetteer>(
        &cs::default_gazetteer(), [](const cs::Gazetteer*) {}));
    Xapian::TermGenerator generator = cs::make_term_generator();
    for (const Sample& s : kSamples) {
      cs::Article a = cs::read_text_article(s.text, false);
      a.id = s.id;
      a.outlet = s.outlet;
      a.published = s.published;
      a.published_provenance = cs::DateProvenance::kJson;
      cs::clean_article(a);
      extractor.extract(a);
      out->add_document(cs::build_document(a, generator));
    }
    out->commit();
    return out;
  }();
  return *db;
}

void check_refusal(const q::SearchError& error) {
  CS_FUZZ_CHECK_MSG(error.code == q::ErrorCode::kBadRequest, error.message);
  CS_FUZZ_CHECK(!error.message.empty());
}

void check_request(const q::SearchRequest& r) {
  CS_FUZZ_CHECK(r.page >= 1 && r.page <= q::kMaxPage);
  CS_FUZZ_CHECK(r.page_size >= 1 && r.page_size <= q::kMaxPageSize);
  CS_FUZZ_CHECK(r.facet_limit >= 1 && r.facet_limit <= q::kMaxFacetSize);
  CS_FUZZ_CHECK(r.from.empty() || cs::is_partial_date(r.from));
  CS_FUZZ_CHECK(r.to.empty() || cs::is_partial_date(r.to));
  for (const q::Filter& f : r.filters) CS_FUZZ_CHECK(!f.field.empty() && !f.value.empty());
}

// True when `params` as a URL parse back to the same parameters.
bool survives_url(const q::Params& params) {
  std::string error;
  const std::optional<q::Params> again = q::parse_query_string(q::query_string(params), error);
  CS_FUZZ_CHECK_MSG(again.has_value(), error);
  return *again == params;
}

void check_search(const q::Params& params) {
  q::SearchRequest request;
  if (const q::SearchError error = q::parse_search_params(params, request)) {
    return check_refusal(error);
  }
  check_request(request);
  const q::Params canonical = q::search_params(request);
  CS_FUZZ_CHECK(survives_url(canonical));
  q::SearchRequest again;
  const q::SearchError error = q::parse_search_params(canonical, again);
  CS_FUZZ_CHECK_MSG(!error, error.message);
  CS_FUZZ_CHECK(q::search_params(again) == canonical);

  try {
    q::QueryBuilder builder(index(), cs::default_gazetteer());
    q::BuiltQuery built;
    if (const q::SearchError e = builder.build(request, built)) return check_refusal(e);
    Xapian::Enquire enquire(index());
    enquire.set_query(built.query);
    const Xapian::MSet matches = enquire.get_mset(0, 10);
    CS_FUZZ_CHECK(matches.size() <= std::size(kSamples));
  } catch (const Xapian::Error& e) {
    cs::fuzz::fail(__FILE__, __LINE__, "no Xapian error escapes", e.get_description());
  }
}

void check_export(const q::Params& params) {
  q::SearchRequest request;
  q::ExportSpec spec;
  if (const q::SearchError error = q::parse_export_params(params, request, spec)) {
    return check_refusal(error);
  }
  check_request(request);
  const q::Params canonical = q::export_params(request, spec);
  CS_FUZZ_CHECK(survives_url(canonical));
  q::SearchRequest again;
  q::ExportSpec again_spec;
  const q::SearchError error = q::parse_export_params(canonical, again, again_spec);
  CS_FUZZ_CHECK_MSG(!error, error.message);
  CS_FUZZ_CHECK(q::export_params(again, again_spec) == canonical);
}

void check_claims(const q::Params& params) {
  q::ClaimsRequest request;
  if (const q::SearchError error = q::parse_claims_params(params, request)) {
    return check_refusal(error);
  }
  check_request(request.search);
  CS_FUZZ_CHECK(request.limit >= 1 && request.limit <= q::kMaxIncidents);
  const q::Params canonical = q::claims_params(request);
  CS_FUZZ_CHECK(survives_url(canonical));
  q::ClaimsRequest again;
  const q::SearchError error = q::parse_claims_params(canonical, again);
  CS_FUZZ_CHECK_MSG(!error, error.message);
  CS_FUZZ_CHECK(q::claims_params(again) == canonical);
}

void check_timeline(const q::Params& params) {
  q::TimelineRequest request;
  if (const q::SearchError error = q::parse_timeline_params(params, request)) {
    return check_refusal(error);
  }
  CS_FUZZ_CHECK(!request.queries.empty() && request.queries.size() <= q::kMaxCompareQueries);
  check_request(request.filters);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  std::string error;
  const std::optional<q::Params> params =
      q::parse_query_string(cs::fuzz::as_text(data, size), error);
  if (!params) {
    CS_FUZZ_CHECK(!error.empty());
    return 0;
  }
  for (const auto& [name, value] : *params) {  // a byte 0, raw or %00, is refused
    CS_FUZZ_CHECK(name.find('\0') == std::string::npos && value.find('\0') == std::string::npos);
  }
  check_search(*params);
  check_export(*params);
  check_claims(*params);
  check_timeline(*params);
  return 0;
}
