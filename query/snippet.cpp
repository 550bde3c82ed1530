#include "query/snippet.h"

#include <algorithm>

namespace cs::query {

namespace {

constexpr char kMarkStart = '\x01';
constexpr char kMarkEnd = '\x02';
// No flags: SNIPPET_EXHAUSTIVE costs ~1 ms per hit, and SNIPPET_BACKGROUND_MODEL alone was seen
// returning a three-letter passage while a match sat further down the text.
constexpr unsigned kSnippetFlags = 0;

// Xapian's snippet escapes `& < >` itself; undo that so escape_html() sees the raw text once.
std::string unescape_xapian(std::string_view s) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool replaced = false;
    for (const auto& [entity, c] : kEntities) {
      if (s.substr(i, entity.size()) == entity) {
        out += c;
        i += entity.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += s[i++];
  }
  return out;
}

// The opening of `text`, cut at a space before `length` bytes (never inside a UTF-8
// sequence), with "..." when cut: the snippet of an article with no highlighted match.
std::string leading_text(const std::string& text, std::size_t length) {
  if (text.size() <= length) return text;
  std::size_t cut = text.rfind(' ', length);
  if (cut == std::string::npos || cut == 0) {
    cut = length;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return text.substr(0, cut) + "...";
}

}  // namespace

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string make_snippet(const Xapian::MSet& mset, const std::string& text,
                         const Xapian::Stem& stemmer, std::size_t length) {
  std::string clean = text;
  std::replace_if(
      clean.begin(), clean.end(), [](char c) { return c == kMarkStart || c == kMarkEnd; }, ' ');
  const std::string raw = mset.snippet(clean, length, stemmer, kSnippetFlags,
                                       std::string(1, kMarkStart), std::string(1, kMarkEnd), "...");
  const bool matched = raw.find(kMarkStart) != std::string::npos;
  const std::string escaped =
      escape_html(matched ? unescape_xapian(raw) : leading_text(clean, length));
  std::string out;
  out.reserve(escaped.size() + 32);
  for (char c : escaped) {
    if (c == kMarkStart) {
      out += "<mark>";
    } else if (c == kMarkEnd) {
      out += "</mark>";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace cs::query
