#include "core/article.h"

#include <cstdio>

namespace cs {

std::string PartialDate::iso() const {
  char buf[40];
  switch (precision) {
    case DatePrecision::kDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
      return buf;
    case DatePrecision::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
      return buf;
    case DatePrecision::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      return buf;
    case DatePrecision::kUnknown:
      break;
  }
  return {};
}

std::string PartialDate::sortable() const {
  if (!known()) return {};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month > 0 ? month : 1, day > 0 ? day : 1);
  return buf;
}

std::string_view precision_name(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
    case DatePrecision::kUnknown:
      break;
  }
  return "";
}

std::string_view provenance_name(DateProvenance p) {
  switch (p) {
    case DateProvenance::kManifest:
      return "manifest";
    case DateProvenance::kJson:
      return "json";
    case DateProvenance::kHtmlMeta:
      return "html-meta";
    case DateProvenance::kText:
      return "text";
    case DateProvenance::kNone:
      break;
  }
  return "none";
}

std::string_view entity_type_name(EntityType t) {
  switch (t) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrg:
      return "org";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      break;
  }
  return "other";
}

}  // namespace cs
