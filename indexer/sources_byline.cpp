#include "indexer/sources_byline.h"

#include <algorithm>
#include <cctype>

namespace cs {

namespace {

constexpr std::size_t kMaxLineBytes = 160;
constexpr std::size_t kMaxNameBytes = 60;
constexpr int kMaxNameWords = 6;

std::string_view trim(std::string_view s) {
  const auto is_space = [](char c) { return c == ' ' || c == ':' || c == '-' || c == '|'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && (is_space(s.back()) || s.back() == '.')) s.remove_suffix(1);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// Position just after `label` (lower case) in `line`, case-insensitively, or npos.
std::size_t after_label(std::string_view line, std::string_view label) {
  for (std::size_t i = 0; i + label.size() <= line.size(); ++i) {
    if ((i == 0 || line[i - 1] == ' ' || line[i - 1] == '|') &&
        starts_with_ci(line.substr(i), label)) {
      return i + label.size();
    }
  }
  return std::string_view::npos;
}

// A plausible name: short, few words, no sentence punctuation, starts with a letter.
std::string name_or_empty(std::string_view s) {
  s = trim(s.substr(0, s.find('|')));
  if (s.empty() || s.size() > kMaxNameBytes || !std::isalpha(static_cast<unsigned char>(s[0]))) {
    return {};
  }
  if (s.find_first_of(",;!?\"()") != std::string_view::npos) return {};
  const auto words = std::count(s.begin(), s.end(), ' ') + 1;
  return words <= kMaxNameWords ? std::string(s) : std::string();
}

// Every word capitalised (name connectors aside), or a single word such as a pen name.
bool looks_like_name(std::string_view name) {
  if (name.find(' ') == std::string_view::npos) return !name.empty();
  std::size_t i = 0;
  while (i < name.size()) {
    const std::size_t end = std::min(name.find(' ', i), name.size());
    const std::string_view word = name.substr(i, end - i);
    i = end + 1;
    if (word.empty()) continue;  // spaces in a row
    const bool connector = word == "al" || word == "el" || word == "de" || word == "bin" ||
                           word == "van" || word == "von" || word == "and";
    if (!connector && !std::isupper(static_cast<unsigned char>(word[0]))) return false;
  }
  return true;
}

std::string author_from_line(std::string_view line) {
  for (std::string_view label : {"reporting by", "written by", "by"}) {
    if (starts_with_ci(line, label) && line.size() > label.size() &&
        (line[label.size()] == ' ' || line[label.size()] == ':')) {
      std::string name = name_or_empty(line.substr(label.size()));
      return looks_like_name(name) ? name : std::string();
    }
  }
  if (starts_with_ci(line, "posted")) {
    const std::size_t by = line.rfind(" by ");
    if (by != std::string_view::npos) return name_or_empty(line.substr(by + 4));
  }
  constexpr std::string_view kPicture = "'s picture";
  if (line.size() > kPicture.size() && line.substr(line.size() - kPicture.size()) == kPicture) {
    return name_or_empty(line.substr(0, line.size() - kPicture.size()));
  }
  return {};
}

}  // namespace

Byline byline_from_text(std::string_view text) {
  Byline byline;
  std::size_t pos = 0;
  while (pos < text.size() && (byline.outlet.empty() || byline.author.empty())) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty() || line.size() > kMaxLineBytes) continue;
    if (byline.outlet.empty()) {
      const std::size_t at = after_label(line, "source:");
      if (at != std::string_view::npos) byline.outlet = name_or_empty(line.substr(at));
    }
    if (byline.author.empty()) byline.author = author_from_line(line);
  }
  return byline;
}

}  // namespace cs
