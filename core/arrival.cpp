#include "core/arrival.h"

#include <cstdio>

namespace cs {

namespace {

bool all_digits(std::string_view text) {
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int number(std::string_view digits) {
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// The epoch seconds of a stamp's fields, when they form a real time (timegm normalises
// out-of-range fields, so compare the round trip).
std::optional<std::time_t> stamp_time(std::string_view stamp) {
  if (stamp.size() != kStampLength || !all_digits(stamp)) return std::nullopt;
  std::tm fields{};
  fields.tm_year = number(stamp.substr(0, 4)) - 1900;
  fields.tm_mon = number(stamp.substr(4, 2)) - 1;
  fields.tm_mday = number(stamp.substr(6, 2));
  fields.tm_hour = number(stamp.substr(8, 2));
  fields.tm_min = number(stamp.substr(10, 2));
  fields.tm_sec = number(stamp.substr(12, 2));
  const std::time_t when = timegm(&fields);
  if (when == static_cast<std::time_t>(-1) || stamp_of(when) != stamp) return std::nullopt;
  return when;
}

}  // namespace

std::string stamp_of(std::time_t when) {
  std::tm fields{};
  gmtime_r(&when, &fields);
  char text[32];
  std::snprintf(text, sizeof text, "%04d%02d%02d%02d%02d%02d", fields.tm_year + 1900,
                fields.tm_mon + 1, fields.tm_mday, fields.tm_hour, fields.tm_min, fields.tm_sec);
  return text;
}

std::string next_run_stamp(std::time_t now, std::string_view previous) {
  const auto last = stamp_time(previous);
  if (last && *last >= now) return stamp_of(*last + 1);
  return stamp_of(now);
}

bool is_stamp(std::string_view text) { return stamp_time(text).has_value(); }

std::string stamp_to_iso(std::string_view stamp) {
  if (!is_stamp(stamp)) return {};
  std::string iso;
  iso.append(stamp.substr(0, 4)).append("-").append(stamp.substr(4, 2)).append("-");
  iso.append(stamp.substr(6, 2)).append("T").append(stamp.substr(8, 2)).append(":");
  iso.append(stamp.substr(10, 2)).append(":").append(stamp.substr(12, 2)).append("Z");
  return iso;
}

std::optional<std::string> parse_stamp(std::string_view text) {
  if (is_stamp(text)) return std::string(text);
  if (!text.empty() && text.back() == 'Z') text.remove_suffix(1);
  // Positions of the digits of "YYYY-MM-DDTHH:MM:SS" and the separators between them.
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:dd";
  if (text.size() != 10 && text.size() != 16 && text.size() != 19) return std::nullopt;
  std::string stamp;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char want = kShape[i];
    const char got = text[i];
    if (want == 'd') {
      if (got < '0' || got > '9') return std::nullopt;
      stamp += got;
    } else if (got != want && !(want == 'T' && got == ' ')) {
      return std::nullopt;
    }
  }
  stamp.resize(kStampLength, '0');
  if (!is_stamp(stamp)) return std::nullopt;
  return stamp;
}

std::string added_sort_key(std::string_view stamp, std::string_view article_id) {
  std::string key(stamp);
  for (char& digit : key) digit = static_cast<char>('9' - (digit - '0'));
  key.append(article_id);
  return key;
}

}  // namespace cs
