// Casualty claims in article text: every number of killed, wounded, captured, missing or
// displaced people, with the victims, the claimant the sentence (or its quotation) attributes
// it to, the place and the event date. Numbers that count other things (attacks, weapons,
// troops, years, ages, percentages) are not claims; figures that look like years or are
// absurdly large are dropped with a reason, shown by `corpus-index --explain`.
//
// Patterns: active ("air strikes killed 30 militants", "killing at least 70 people"), passive
// or stative ("400 of their fighters were killed", "45 dead", "12 injured"), tolls ("the death
// toll rose to 45", marked as an update) and coordinated counts ("5 killed and 12 wounded").
// Attribution: "according to X", "X said/told/reported/confirmed...", "..., said X", a
// leading "X:" (headlines), a quotation's speaker for numbers inside it, and an "According
// to X," that opened the previous sentence of the paragraph. A claimant phrase resolves to
// the organisation a spokesperson speaks for ("Rami Abdulrahman, director of the Syrian
// Observatory for Human Rights"), then to a person, then to the name or phrase as written;
// "the Observatory" resolves to an organisation named earlier whose name has that word.
//
// Thread-safety: pure function.
#ifndef CS_INDEXER_CLAIMS_H_
#define CS_INDEXER_CLAIMS_H_

#include <string>
#include <vector>

#include "core/article.h"
#include "indexer/claim_words.h"
#include "indexer/entities.h"
#include "indexer/entities_tokens.h"
#include "indexer/text_dates.h"

namespace cs {

/// Longest sentence context stored with a claim, in bytes around the number.
inline constexpr std::size_t kMaxClaimSentenceBytes = 600;

/// The claims of one text and the numbers dropped on the way, with reasons.
struct ClaimExtraction {
  std::vector<CasualtyClaim> claims;
  std::vector<std::string> dropped;  ///< "'2016' after 'killed': looks like a year", ...
};

/// Finds the casualty claims of `text`. `matches` are its entity matches, `dates` its
/// mentioned dates (find_dates_at), `published` the article's publication date, `language`
/// the wording to read it with: English patterns (above), or for Russian, Ukrainian and Arabic
/// a number with an outcome word in its clause (claim_words.h), its victim nouns, and the
/// person or organisation an attribution cue of the sentence names.
ClaimExtraction find_claims(const TokenizedText& text, const std::vector<EntityMatch>& matches,
                            const std::vector<DateAt>& dates, const PartialDate& published,
                            ClaimLanguage language = ClaimLanguage::kEnglish);

}  // namespace cs

#endif  // CS_INDEXER_CLAIMS_H_
