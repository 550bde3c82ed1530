#include "indexer/extract.h"

#include "core/normalize.h"
#include "core/schema.h"
#include "indexer/claims.h"
#include "indexer/entities_tokens.h"
#include "indexer/language.h"
#include "indexer/signature.h"
#include "indexer/sources.h"
#include "indexer/sources_byline.h"
#include "indexer/text_dates.h"

namespace cs {

namespace {

const Gazetteer& non_null(const std::shared_ptr<const Gazetteer>& gazetteer) {
  static const Gazetteer kEmpty;
  return gazetteer ? *gazetteer : kEmpty;
}

// `text` is the article's text as normalize_text folds it for matching.
void fill_metadata_from_text(Article& article, std::string_view text) {
  if (!article.published.known()) {
    if (auto date = publication_date_from_text(text)) {
      article.published = *date;
      article.published_provenance = DateProvenance::kText;
    }
  }
  if (article.outlet.empty() || article.author.empty()) {
    Byline byline = byline_from_text(text);
    if (article.outlet.empty()) article.outlet = std::move(byline.outlet);
    if (article.author.empty()) article.author = std::move(byline.author);
  }
}

// The language the article's metadata declares, else the one its text is written in.
std::string article_language(const Article& article) {
  if (const auto it = article.field_values.find(std::string(schema::kLanguageField));
      it != article.field_values.end()) {
    for (const std::string& tag : it->second) {
      if (std::string code = language_from_tag(tag); !code.empty()) return code;
    }
  }
  return detect_language(article.title + "\n" + article.text.substr(0, kDetectBytes));
}

}  // namespace

Extractor::Extractor(std::shared_ptr<const Gazetteer> gazetteer)
    : gazetteer_(std::move(gazetteer)), matcher_(non_null(gazetteer_)) {}

void Extractor::extract(Article& article) const {
  // Extraction reads the text folded for matching (accents, Arabic letter variants and digits,
  // typographic punctuation); the article keeps its letters as written.
  // The title is its own sentence, so names and citations never run across into the body.
  const std::string original = article.title + "\n" + article.text;
  const MappedText analysed = normalize_text_mapped(original);
  const std::string_view body =
      std::string_view(analysed.text).substr(analysed.text.find('\n') + 1);
  fill_metadata_from_text(article, body);
  const TokenizedText tokens = tokenize(analysed, original);
  const std::vector<EntityMatch> matches = matcher_.find(tokens);
  article.entities = collect_entities(tokens, matches);
  article.sources = find_sources(tokens, matches);
  const std::vector<DateAt> dates = find_dates_at(tokens, article.published);
  article.mentioned_dates = find_mentioned_dates(dates);
  const std::string language = article_language(article);
  ClaimExtraction claims =
      find_claims(tokens, matches, dates, article.published, claim_language(language));
  article.claims = std::move(claims.claims);
  article.dropped_claims = std::move(claims.dropped);
  article.field_values[std::string(schema::kLanguageField)] = {language};
  article.content_hash = content_hash(article.title, article.text);
  article.simhash = simhash(body);  // folded: copies differing in quotes or accents still meet
}

}  // namespace cs
