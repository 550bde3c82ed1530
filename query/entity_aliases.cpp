#include "query/entity_aliases.h"

#include <algorithm>
#include <cctype>

#include "core/normalize.h"

namespace cs::query {

namespace {

enum class TokenKind { kWord, kSigned, kQuoted, kBreak };

struct Token {
  TokenKind kind;
  std::size_t begin;  // offsets into the query, sign and quotes included
  std::size_t end;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_operator(std::string_view word) {
  static constexpr std::string_view kOperators[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  return std::find(std::begin(kOperators), std::end(kOperators), word) != std::end(kOperators);
}

// End of the quoted stretch starting at `open` (a '"'): one past the closing quote, or size.
std::size_t quote_end(std::string_view q, std::size_t open) {
  const std::size_t close = q.find('"', open + 1);
  return close == std::string_view::npos ? q.size() : close + 1;
}

// Classifies the bare token q[begin, end) (no parentheses or quotes at its start).
TokenKind classify(std::string_view word) {
  if (is_operator(word)) return TokenKind::kBreak;
  if (word.find_first_of(":*") != std::string_view::npos) return TokenKind::kBreak;
  if (word.size() > 1 && (word[0] == '+' || word[0] == '-')) return TokenKind::kSigned;
  return TokenKind::kWord;
}

std::vector<Token> tokenize(std::string_view q) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < q.size()) {
    const char c = q[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '(' || c == ')') {
      tokens.push_back({TokenKind::kBreak, i, i + 1});
      ++i;
    } else if (c == '"' || ((c == '+' || c == '-') && i + 1 < q.size() && q[i + 1] == '"')) {
      const std::size_t end = quote_end(q, c == '"' ? i : i + 1);
      tokens.push_back({TokenKind::kQuoted, i, end});
      i = end;
    } else {
      std::size_t end = i;
      while (end < q.size() && !is_space(q[end]) && q[end] != '(' && q[end] != ')') {
        if (q[end] == '"') end = quote_end(q, end) - 1;  // field:"quoted value"
        ++end;
      }
      tokens.push_back({classify(q.substr(i, end - i)), i, end});
      i = end;
    }
  }
  return tokens;
}

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isupper(c); });
}

bool all_upper(std::string_view s) {
  return has_upper(s) &&
         std::none_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c); });
}

// The entity `words` name, or nullptr; short keys count only when typed in capitals. A
// spelling no row lists names the one entity with its loose key, if exactly one has it
// (`loose` is then set); function words never start or end such a name.
const GazetteerEntity* entity_named(std::string_view words, const Gazetteer& gazetteer,
                                    bool& loose) {
  loose = false;
  const std::vector<std::string> folded = fold_words_of(words);
  const std::string key = join_folded(folded);
  if (key.empty()) return nullptr;
  if (key.size() <= 3 && !all_upper(words)) return nullptr;
  if (const GazetteerEntity* e = gazetteer.find_by_key(key)) return e;
  if (all_upper(words) || is_function_word(folded.front()) || is_function_word(folded.back())) {
    return nullptr;
  }
  // Typed in lower case, only a longer key counts: short ones are too often English words.
  const std::string loose_key_typed = loose_key(folded);
  const bool capitalised = std::isupper(static_cast<unsigned char>(words.front())) != 0;
  const std::size_t units = loose_key_typed.size() - (loose_key_typed.ends_with('$') ? 1 : 0);
  if (loose_key_typed.empty() || (!capitalised && units <= kMinLooseUnits)) return nullptr;
  const GazetteerEntity* e = gazetteer.find_loose_spelling(folded);
  loose = e != nullptr;
  return e;
}

struct Replacement {
  std::size_t begin;  // region of the query replaced by the placeholder
  std::size_t end;
  std::string sign;
  AliasSpan span;
};

// Finds the longest entity-naming run of plain words starting at tokens[i].
std::size_t longest_match(std::string_view q, const std::vector<Token>& tokens, std::size_t i,
                          const Gazetteer& gazetteer, std::vector<Replacement>& out) {
  std::size_t run = 0;
  while (i + run < tokens.size() && tokens[i + run].kind == TokenKind::kWord) ++run;
  const std::size_t max_len =
      std::min<std::size_t>(run, std::max<std::size_t>(1, gazetteer.max_words()));
  for (std::size_t len = max_len; len >= 1; --len) {
    const std::size_t b = tokens[i].begin;
    const std::size_t e = tokens[i + len - 1].end;
    const std::string_view words = q.substr(b, e - b);
    bool loose = false;
    if (const GazetteerEntity* entity = entity_named(words, gazetteer, loose)) {
      out.push_back({b, e, "", {std::string(words), entity->id, loose}});
      return len;
    }
  }
  return 1;
}

// Checks a signed word or a (signed) quoted phrase as a whole.
void match_whole(std::string_view q, const Token& t, const Gazetteer& gazetteer,
                 std::vector<Replacement>& out) {
  std::string_view text = q.substr(t.begin, t.end - t.begin);
  std::string sign;
  if (text[0] == '+' || text[0] == '-') {
    sign = std::string(1, text[0]);
    text.remove_prefix(1);
  }
  if (!text.empty() && text.front() == '"') text.remove_prefix(1);
  if (!text.empty() && text.back() == '"') text.remove_suffix(1);
  bool loose = false;
  if (const GazetteerEntity* entity = entity_named(text, gazetteer, loose)) {
    out.push_back({t.begin, t.end, sign, {std::string(text), entity->id, loose}});
  }
}

}  // namespace

AliasRewrite rewrite_entity_aliases(std::string_view query, const Gazetteer& gazetteer,
                                    std::string_view placeholder_field) {
  AliasRewrite rewrite;
  if (gazetteer.size() == 0) {
    rewrite.query = std::string(query);
    return rewrite;
  }
  const std::vector<Token> tokens = tokenize(query);
  std::vector<Replacement> found;
  for (std::size_t i = 0; i < tokens.size();) {
    switch (tokens[i].kind) {
      case TokenKind::kWord:
        i += longest_match(query, tokens, i, gazetteer, found);
        break;
      case TokenKind::kSigned:
      case TokenKind::kQuoted:
        match_whole(query, tokens[i], gazetteer, found);
        ++i;
        break;
      case TokenKind::kBreak:
        ++i;
        break;
    }
  }
  std::size_t pos = 0;
  for (Replacement& r : found) {
    rewrite.query.append(query.substr(pos, r.begin - pos));
    rewrite.query +=
        r.sign + std::string(placeholder_field) + ":" + std::to_string(rewrite.spans.size()) + " ";
    rewrite.spans.push_back(std::move(r.span));
    pos = r.end;
  }
  rewrite.query.append(query.substr(pos));
  return rewrite;
}

}  // namespace cs::query
