#include "indexer/clean.h"

#include <array>
#include <cctype>
#include <unordered_set>

#include "core/normalize.h"

namespace cs {

namespace {

// Folded keys shorter than this are not deduplicated (short lines repeat legitimately).
constexpr std::size_t kMinRepeatKey = 20;
// Credits, avatars and share rows are short; long lines are always article text.
constexpr std::size_t kMaxBoilerplateBytes = 160;
constexpr std::size_t kTitleFallbackWords = 12;

constexpr std::array kWholeLines = {
    "leave a comment",
    "leave a reply",
    "related items",
    "related articles",
    "related posts",
    "share this",
    "share this:",
    "share",
    "tweet",
    "email",
    "print",
    "share on facebook",
    "share on twitter",
    "click to share",
    "comments",
    "no comments",
    "reply",
    "advertisement",
    "read more",
    "subscribe",
    "cancel reply",
    "post navigation",
    "you may also like",
    "sponsored content",
};

constexpr std::array kContained = {
    "uses akismet to reduce spam",
    "your email address will not be published",
    "required fields are marked",
    "learn how your comment data is processed",
    "must be logged in to post a comment",
    "please enable javascript",
    "click to share on",
    "notify me of follow-up comments",
    "notify me of new posts",
};

constexpr std::array kCreditStarts = {"photo:", "photo credit", "image:",   "image credit",
                                      "(photo", "photograph:",  "picture:", "credit:"};
constexpr std::array kCreditEnds = {"file photo",   "file photo.",   "(image from", "'s picture",
                                    "getty images", "getty images)", "(ap photo)",  "(reuters)"};

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// "11 - 11 =", "3 + 4 = 7": a captcha question left in the page.
bool is_captcha(std::string_view s) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && s[i] == ' ') ++i;
  };
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    return i > start;
  };
  if (!digits()) return false;
  skip_spaces();
  if (i >= s.size() || std::string_view("+-x*").find(s[i]) == std::string_view::npos) return false;
  ++i;
  skip_spaces();
  if (!digits()) return false;
  skip_spaces();
  if (i >= s.size() || s[i] != '=') return false;
  ++i;
  skip_spaces();
  digits();
  return i == s.size();
}

// "[1]", "[12] ,": a footnote marker with no note.
bool is_empty_footnote(std::string_view s) {
  if (s.size() < 3 || s[0] != '[') return false;
  std::size_t i = 1;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == 1 || i >= s.size() || s[i] != ']') return false;
  return s.substr(i + 1).find_first_not_of(" ,.;") == std::string_view::npos;
}

// `line` with inline footnote markers ("ISIL.[5]") removed.
std::string strip_footnote_markers(std::string_view line) {
  std::string out;
  out.reserve(line.size());
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '[') {
      std::size_t j = i + 1;
      while (j < line.size() && j - i <= 3 && is_digit(line[j])) ++j;
      if (j > i + 1 && j < line.size() && line[j] == ']') {
        i = j;
        continue;
      }
    }
    out.push_back(line[i]);
  }
  return out;
}

// `line` with runs of spaces made one and the ends trimmed.
std::string tidy_spaces(std::string_view line) {
  std::string out;
  for (char c : line) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string title_from_text(std::string_view text) {
  std::string title;
  std::size_t words = 0;
  for (char c : text) {
    if (c == '\n') break;
    if (c == ' ' && ++words == kTitleFallbackWords) return title + "...";
    title.push_back(c);
  }
  return title;
}

// True when `line` has no letter or digit (a stray "," or "***"); non-ASCII counts as text.
bool has_no_text(std::string_view line) {
  for (unsigned char c : line) {
    if (c >= 0x80 || std::isalnum(c)) return false;
  }
  return true;
}

}  // namespace

bool is_boilerplate_line(std::string_view line) {
  if (line.size() > kMaxBoilerplateBytes) return false;
  if (has_no_text(line)) return true;
  const std::string lower = lower_ascii(line);
  for (const char* whole : kWholeLines) {
    if (lower == whole) return true;
  }
  for (const char* part : kContained) {
    if (lower.find(part) != std::string::npos) return true;
  }
  for (const char* start : kCreditStarts) {
    if (lower.starts_with(start)) return true;
  }
  for (const char* end : kCreditEnds) {
    if (lower.ends_with(end)) return true;
  }
  return is_captcha(lower) || is_empty_footnote(lower);
}

std::string clean_text(std::string_view raw) {
  const std::string text = normalize_stored_text(raw);
  std::unordered_set<std::string> seen;
  std::string out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = std::min(text.find('\n', pos), text.size());
    const std::string line =
        tidy_spaces(strip_footnote_markers(std::string_view(text).substr(pos, nl - pos)));
    pos = nl + 1;
    if (line.empty() || is_boilerplate_line(normalize_text(line))) continue;
    const std::string key = fold_key(line);
    if (key.size() >= kMinRepeatKey && !seen.insert(key).second) continue;
    if (!out.empty()) out.append("\n\n");
    out.append(line);
  }
  return out;
}

void clean_article(Article& article) {
  article.title = tidy_spaces(normalize_stored_text(article.title));
  for (char& c : article.title) {
    if (c == '\n') c = ' ';
  }
  article.title = tidy_spaces(article.title);
  article.text = clean_text(article.text);
  if (article.title.empty()) article.title = title_from_text(article.text);
}

}  // namespace cs
