// Fuzz target: whole-article extraction (indexer/extract.h) as the indexer runs it on a .txt
// file: read_text_article, clean_article, then Extractor::extract with a small gazetteer
// (Latin, Arabic and Cyrillic spellings, acronyms). Each input is extracted twice: without a
// publication date (found in the text, if anywhere) and with one from metadata, which
// resolves relative and yearless dates. Checks: dates real; entities with ids the gazetteer
// or the unknown-name rule gives, counted and spelled; sources named; every claim's range
// ordered and in bounds, its sentence and number found at their offsets in title + "\n" +
// text, and its stored forms (core/claim.h: the JSON with offsets, the slot keys) decoding to
// the same claim.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/claim.h"
#include "core/gazetteer.h"
#include "core/schema.h"
#include "fuzz_support.h"
#include "indexer/claim_numbers.h"
#include "indexer/clean.h"
#include "indexer/extract.h"
#include "indexer/readers.h"

namespace {

constexpr char kGazetteerTsv[] =
    "id\ttype\tsubtype\tcanonical\taliases\n"
    "sohr\torganisation\tmonitor\tSyrian Observatory for Human Rights\tSyrian Observatory for "
    "Human Rights|SOHR|Syrian Observatory|المرصد السوري لحقوق الإنسان\n"
    "isis\torganisation\tarmed\tIslamic State\tIslamic State|ISIS|ISIL|IS|Daesh|داعش|ИГИЛ\n"
    "syrian-army\torganisation\tgov\tSyrian Army\tSyrian Army|Syrian Arab Army|SAA|الجيش "
    "السوري\n"
    "houthis\torganisation\tarmed\tHouthis\tHouthis|Houthi|Ansar Allah|الحوثيين\n"
    "russian-mod\torganisation\tgov\tRussian Defence Ministry\tRussian Defence Ministry|Russian "
    "Ministry of Defence|Минобороны России|Міноборони Росії\n"
    "united-nations\torganisation\t\tUnited Nations\tUnited Nations|UN|U.N.|الأمم المتحدة|ООН\n"
    "bashar-al-assad\tperson\tleader\tBashar al-Assad\tBashar al-Assad|Assad|Bashar "
    "Assad|بشار الأسد\n"
    "deir-ez-zor\tplace\tcity\tDeir ez-Zor\tDeir ez-Zor|Deir Ezzor|Dayr az-Zawr|دير الزور\n"
    "palmyra\tplace\tcity\tPalmyra\tPalmyra|Tadmur|تدمر\n"
    "kharkiv\tplace\tcity\tKharkiv\tKharkiv|Kharkov|Харків|Харьков\n"
    "united-states\tplace\tcountry\tUnited States\tUnited States|US|U.S.|USA\n";

const cs::Gazetteer& gazetteer() {
  static const cs::Gazetteer g = [] {
    std::vector<std::string> warnings;
    return cs::Gazetteer::parse_tsv(kGazetteerTsv, warnings);
  }();
  return g;
}

const cs::Extractor& extractor() {
  // The gazetteer is static: the extractor's pointer to it must not delete it.
  static const cs::Extractor e(
      std::shared_ptr<const cs::Gazetteer>(&gazetteer(), [](const cs::Gazetteer*) {}));
  return e;
}

void check_ref(const cs::ClaimRef& ref) {
  CS_FUZZ_CHECK(ref.id.empty() || !ref.name.empty());
  CS_FUZZ_CHECK(cs::is_valid_utf8(ref.name));
}

void check_claim(const cs::CasualtyClaim& c, std::string_view analysed) {
  const std::string dump =
      cs::claim_json(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (c.vague.empty()) {
    CS_FUZZ_CHECK_MSG(0 < c.low && c.low <= c.high, dump);
    CS_FUZZ_CHECK_MSG(c.high <= cs::kMaxClaimValue, dump);
  } else {
    CS_FUZZ_CHECK_MSG(c.low == 0 && c.high == 0, dump);
  }
  CS_FUZZ_CHECK_MSG(c.magnitude >= 0 && c.magnitude <= 9, dump);
  CS_FUZZ_CHECK_MSG(c.sentence_begin <= c.sentence_end && c.sentence_end <= analysed.size(), dump);
  CS_FUZZ_CHECK_MSG(
      analysed.substr(c.sentence_begin, c.sentence_end - c.sentence_begin) == c.sentence, dump);
  CS_FUZZ_CHECK_MSG(c.number_begin <= c.number_end && c.number_end <= c.sentence.size(), dump);
  CS_FUZZ_CHECK_MSG(
      std::string_view(c.sentence).substr(c.number_begin, c.number_end - c.number_begin) ==
          c.number,
      dump);
  CS_FUZZ_CHECK_MSG(cs::is_valid_utf8(c.sentence) && cs::is_valid_utf8(c.victims), dump);
  check_ref(c.group);
  check_ref(c.claimant);
  check_ref(c.place);
  cs::fuzz::check_date(c.event_date);
}

// The index keeps claims as encode_claims (sentences as offsets) and encode_claim_keys.
void check_stored_claims(const cs::Article& a) {
  const std::vector<cs::CasualtyClaim> decoded =
      cs::decode_claims(cs::encode_claims(a.claims), a.title, a.text);
  CS_FUZZ_CHECK(decoded.size() == a.claims.size());
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    const auto dump = [](const cs::CasualtyClaim& c) {
      return cs::claim_json(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    CS_FUZZ_CHECK_MSG(decoded[i] == a.claims[i], dump(a.claims[i]) + "\n  " + dump(decoded[i]));
  }
  const std::vector<cs::ClaimKey> keys = cs::decode_claim_keys(cs::encode_claim_keys(a.claims));
  CS_FUZZ_CHECK(keys.size() == a.claims.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const cs::CasualtyClaim& c = a.claims[i];
    const cs::ClaimKey& k = keys[i];
    CS_FUZZ_CHECK(k.low == c.low && k.high == c.high && k.magnitude == c.magnitude);
    CS_FUZZ_CHECK(k.outcome == c.outcome && k.victim_class == c.victim_class);
    CS_FUZZ_CHECK(k.group_id == c.group.id && k.place_id == c.place.id);
    CS_FUZZ_CHECK(k.claimant_id == cs::claimant_id(c));
    CS_FUZZ_CHECK(k.event_date == c.event_date.iso() && k.index == i);
  }
}

void check_extracted(const cs::Article& a) {
  cs::fuzz::check_utf8(a);
  cs::fuzz::check_date(a.published);
  CS_FUZZ_CHECK(a.published.known() == (a.published_provenance != cs::DateProvenance::kNone));
  for (const cs::EntityMention& e : a.entities) {
    CS_FUZZ_CHECK(!e.name.empty() && e.count >= 1 && !e.mentions.empty());
    CS_FUZZ_CHECK(e.mentions.size() <= static_cast<std::size_t>(e.count));
    for (const std::string& m : e.mentions) CS_FUZZ_CHECK(!m.empty() && cs::is_valid_utf8(m));
    if (const cs::GazetteerEntity* g = gazetteer().find_by_id(e.id)) {
      CS_FUZZ_CHECK(e.type == g->type && e.name == g->canonical);
    } else {
      CS_FUZZ_CHECK_MSG(e.id.starts_with("x-") && e.id.size() > 2, e.id);
    }
  }
  for (const cs::CitedSource& s : a.sources) {
    CS_FUZZ_CHECK(!s.name.empty() && cs::is_valid_utf8(s.name));
    CS_FUZZ_CHECK_MSG(s.id.empty() || gazetteer().find_by_id(s.id) != nullptr, s.id);
  }
  for (const cs::MentionedDate& d : a.mentioned_dates) {
    CS_FUZZ_CHECK(d.date.known());
    cs::fuzz::check_date(d.date);
  }
  const std::string analysed = a.title + "\n" + a.text;
  for (const cs::CasualtyClaim& c : a.claims) check_claim(c, analysed);
  check_stored_claims(a);
  const auto lang = a.field_values.find(std::string(cs::schema::kLanguageField));
  CS_FUZZ_CHECK(lang != a.field_values.end() && lang->second.size() == 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > cs::fuzz::kMaxInput) return 0;
  cs::Article read = cs::read_text_article(cs::fuzz::as_text(data, size), false);
  cs::clean_article(read);
  read.id = "fuzz";

  cs::Article undated = read;
  extractor().extract(undated);
  check_extracted(undated);

  cs::Article dated = std::move(read);
  dated.published = {2016, 4, 3, cs::DatePrecision::kDay};
  dated.published_provenance = cs::DateProvenance::kJson;
  extractor().extract(dated);
  check_extracted(dated);
  CS_FUZZ_CHECK(dated.published == (cs::PartialDate{2016, 4, 3, cs::DatePrecision::kDay}));
  return 0;
}
