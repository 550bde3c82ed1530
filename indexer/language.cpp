#include "indexer/language.h"

#include <cstdio>  // compact_lang_det.h uses FILE without including it
// clang-format off
#include <cld2/public/compact_lang_det.h>
// clang-format on

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "core/stemming.h"

namespace cs {

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// `text` cut to at most `limit` bytes, never inside a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

bool has_letter(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

// The language the script of the text's letters implies, for what CLD2 cannot judge.
std::string language_from_script(std::string_view text) {
  const Script script = word_script(text);
  if (script == Script::kArabic) return "ar";
  if (script == Script::kCyrillic) return has_ukrainian_letter(text) ? "uk" : "ru";
  return "";
}

}  // namespace

std::string language_from_tag(std::string_view tag) {
  std::size_t n = 0;
  while (n < tag.size() && is_ascii_letter(tag[n])) ++n;
  if (n < 2 || n > 3 || (n < tag.size() && tag[n] != '-' && tag[n] != '_')) return "";
  std::string code(tag.substr(0, n));
  for (char& c : code) c = static_cast<char>(c | 0x20);
  // Undetermined, multiple, no linguistic content: no language at all.
  if (code == "und" || code == "mul" || code == "zxx") return "";
  return code;
}

std::string detect_language(std::string_view text) {
  const std::string_view head = utf8_prefix(text, kDetectBytes);
  if (!has_letter(head)) return "";  // CLD2 calls digits and punctuation English
  bool reliable = false;
  const CLD2::Language language =
      CLD2::DetectLanguage(head.data(), static_cast<int>(head.size()), true, &reliable);
  if (language != CLD2::UNKNOWN_LANGUAGE) return CLD2::LanguageCode(language);
  return language_from_script(head);
}

}  // namespace cs
