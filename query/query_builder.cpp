#include "query/query_builder.h"

#include <map>

#include "core/normalize.h"
#include "core/stemming.h"
#include "query/date_range.h"
#include "query/match_all.h"

namespace cs::query {

namespace {

// Hidden field name used for entity-alias placeholders (see entity_aliases.h).
constexpr std::string_view kAliasField = "csalias";

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_BOOLEAN | Xapian::QueryParser::FLAG_PHRASE |
                            Xapian::QueryParser::FLAG_LOVEHATE |
                            Xapian::QueryParser::FLAG_WILDCARD | Xapian::QueryParser::FLAG_PURE_NOT;

// The field alias placeholders match: an entity of any type.
constexpr std::string_view kEntityField = "entity";

// Routes `field:value` from the parser to QueryBuilder::field_query.
class FieldValueProcessor : public Xapian::FieldProcessor {
 public:
  FieldValueProcessor(QueryBuilder* builder, const schema::Field& field)
      : builder_(builder), field_(field) {}
  Xapian::Query operator()(const std::string& value) override {
    return builder_->field_query(field_, value);
  }

 private:
  QueryBuilder* builder_;
  const schema::Field& field_;
};

// Routes alias placeholders to QueryBuilder::alias_query.
class AliasProcessor : public Xapian::FieldProcessor {
 public:
  explicit AliasProcessor(QueryBuilder* builder) : builder_(builder) {}
  Xapian::Query operator()(const std::string& index) override {
    return builder_->alias_query(index);
  }

 private:
  QueryBuilder* builder_;
};

// "outlet, year, ... or source": the filter fields, for the unknown-field message.
std::string filter_field_list() {
  std::vector<std::string_view> names;
  for (const schema::Field& f : schema::fields()) {
    if (f.is_filter()) names.push_back(f.name);
  }
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += i + 1 == names.size() ? " or " : ", ";
    list.append(names[i]);
  }
  return list;
}

// The form a year or month value must have, for the invalid-value warning; "" otherwise.
std::string_view value_form(schema::ValueRule rule) {
  switch (rule) {
    case schema::ValueRule::kYear:
      return "YYYY";
    case schema::ValueRule::kMonth:
      return "YYYY-MM";
    case schema::ValueRule::kText:
    case schema::ValueRule::kName:
    case schema::ValueRule::kEntity:
      break;
  }
  return {};
}

bool is_word_byte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// The words of `text` (letters and digits; operators dropped), space-separated.
std::string plain_words(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !is_word_byte(text[i])) ++i;
    std::size_t end = i;
    while (end < text.size() && is_word_byte(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    if (!word.empty() && word != "AND" && word != "OR" && word != "NOT" && word != "XOR") {
      if (!out.empty()) out += ' ';
      out.append(word);
    }
    i = end;
  }
  return out;
}

Xapian::Query or_all(const std::vector<Xapian::Query>& queries) {
  return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& db, const Gazetteer& gazetteer)
    : db_(db), gazetteer_(gazetteer), stemmer_(make_stemmer()) {
  for (Xapian::QueryParser* qp : {&parser_, &plain_parser_}) {
    qp->set_stemmer(stemmer_);
    qp->set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
    qp->set_default_op(Xapian::Query::OP_AND);
  }
  parser_.set_database(db_);
  parser_.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const schema::Field& f : schema::fields()) {
    if (f.is_filter()) {
      parser_.add_boolean_prefix(std::string(f.name),
                                 (new FieldValueProcessor(this, f))->release());
    } else {
      parser_.add_prefix(std::string(f.name), std::string(f.prefix));
    }
  }
  parser_.add_prefix(std::string(kAliasField), (new AliasProcessor(this))->release());
  for (DateKind kind : {DateKind::kPublished, DateKind::kAdded}) {
    parser_.add_rangeprocessor((new DateRangeProcessor(kind, &range_warnings_))->release());
  }
}

QueryBuilder::~QueryBuilder() = default;

SearchError QueryBuilder::build(const SearchRequest& request, BuiltQuery& built) {
  built = BuiltQuery{};
  current_ = &built;
  range_warnings_.clear();
  built.text_query = parse_text(request.text);
  built.query = built.text_query;
  SearchError error = add_filters(request, built.query);
  built.warnings.insert(built.warnings.end(), range_warnings_.begin(), range_warnings_.end());
  current_ = nullptr;
  return error;
}

SearchError QueryBuilder::add_filters(const SearchRequest& request, Xapian::Query& query) {
  std::map<std::string, std::vector<Xapian::Query>> includes;
  std::vector<Xapian::Query> excludes;
  std::vector<Xapian::Query> required;
  for (const Filter& filter : request.filters) {
    const schema::Field* field = schema::find_field(filter.field);
    if (field == nullptr || !field->is_filter()) {
      return {ErrorCode::kBadRequest,
              "unknown filter field '" + filter.field + "' (use " + filter_field_list() + ")"};
    }
    const std::string term_value = schema::term_value(*field, filter.value, &gazetteer_);
    const std::size_t entities_before = current_->entity_ids.size();
    Xapian::Query q = value_query(*field, filter.value, term_value);
    // An excluded entity is in no match: its spellings are nothing to highlight.
    if (filter.exclude) current_->entity_ids.resize(entities_before);
    if (!filter.exclude) add_selection(*field, term_value, filter.value);
    if (filter.required && !filter.exclude) {
      required.push_back(std::move(q));
    } else {
      (filter.exclude ? excludes : includes[filter.field]).push_back(std::move(q));
    }
  }
  for (const auto& [field, queries] : includes) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, or_all(queries));
  }
  for (const Xapian::Query& q : required) query = Xapian::Query(Xapian::Query::OP_FILTER, query, q);
  if (!excludes.empty()) query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, or_all(excludes));
  if (!request.added_after.empty()) {
    // Stamps all have 14 digits: those above `added_after` are exactly those >= it + '\x01'.
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kSlotAdded,
                                        request.added_after + '\x01'));
  }
  if (request.from.empty() && request.to.empty()) return {};
  std::string message;
  const auto range = date_range_query(request.from, request.to, message);
  if (!range) return {ErrorCode::kBadRequest, message};
  query = Xapian::Query(Xapian::Query::OP_FILTER, query, *range);
  return {};
}

Xapian::Query QueryBuilder::parse_text(const std::string& text) {
  const std::string normalized = drop_empty_fields(normalize_text(text));
  if (plain_words(normalized).empty()) {
    if (normalized.find_first_not_of(" \t\n") != std::string::npos) {
      current_->warnings.push_back("the query has no words to search for; showing all articles");
    }
    return match_all();
  }
  AliasRewrite rewrite = rewrite_entity_aliases(normalized, gazetteer_, kAliasField);
  alias_spans_ = std::move(rewrite.spans);
  try {
    return parser_.parse_query(rewrite.query, kFlags);
  } catch (const Xapian::QueryParserError&) {
    return parse_fallback(normalized);
  }
}

std::string QueryBuilder::drop_empty_fields(const std::string& text) {
  std::string kept;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find_first_of(" \t\n", start);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + start, end - start);
    const std::string_view bare = word.substr(word.find_first_not_of("+-(") == std::string::npos
                                                  ? word.size()
                                                  : word.find_first_not_of("+-("));
    const bool field = bare.size() > 1 && bare.back() == ':' &&
                       (schema::find_field(bare.substr(0, bare.size() - 1)) != nullptr ||
                        bare == "date:" || bare == "added:");
    if (field) {
      current_->warnings.push_back("'" + std::string(bare) + "' has nothing after it (write " +
                                   std::string(bare) + "VALUE with no space); left out");
    } else {
      kept.append(text, start, end - start);
    }
    kept.append(text, end, end < text.size() ? 1 : 0);
    start = end + 1;
  }
  return kept;
}

Xapian::Query QueryBuilder::parse_fallback(const std::string& text) {
  current_->fell_back = true;
  // Xapian's message ("Syntax: <expression> OR <expression>") speaks its grammar: say it plainly.
  current_->warnings.push_back(
      "could not read the query's operators or brackets as written (AND, OR and NOT need words "
      "on both sides, a bracket its partner); searched its words instead");
  const std::string words = plain_words(text);
  AliasRewrite rewrite = rewrite_entity_aliases(words, gazetteer_, kAliasField);
  alias_spans_ = std::move(rewrite.spans);
  try {
    return parser_.parse_query(rewrite.query, 0);
  } catch (const Xapian::QueryParserError&) {
    return plain_parser_.parse_query(words, 0);
  }
}

Xapian::Query QueryBuilder::field_query(const schema::Field& field, std::string_view value) {
  return value_query(field, value, schema::term_value(field, value, &gazetteer_));
}

Xapian::Query QueryBuilder::value_query(const schema::Field& field, std::string_view value,
                                        const std::string& term_value) {
  if (term_value.empty()) {
    if (const std::string_view form = value_form(field.rule); !form.empty()) {
      current_->warnings.push_back("invalid " + std::string(field.name) + " '" +
                                   std::string(value) + "' (use " + std::string(form) + ")");
    }
    return Xapian::Query::MatchNothing;
  }
  const std::string term = schema::make_term(field.prefix, term_value);
  if (field.rule == schema::ValueRule::kEntity) {
    if (gazetteer_.find_by_id(term_value) != nullptr) {
      current_->entity_ids.push_back(term_value);
    } else if (db_.get_termfreq(term) == 0) {
      current_->warnings.push_back("no article mentions " + std::string(field.name) + " '" +
                                   std::string(value) + "'");
    }
  }
  return Xapian::Query(term);
}

void QueryBuilder::add_selection(const schema::Field& field, const std::string& term_value,
                                 const std::string& raw) {
  if (term_value.empty()) return;
  if (field.is_facet()) {
    current_->selections.push_back({&field, term_value, raw});
    return;
  }
  // An any-type entity filter selects the entity in the facet of its type.
  if (field.rule != schema::ValueRule::kEntity) return;
  const GazetteerEntity* entity = gazetteer_.find_by_id(term_value);
  const schema::Field* typed = entity ? schema::field_for_entity_type(entity->type) : nullptr;
  if (typed != nullptr) current_->selections.push_back({typed, term_value, raw});
}

Xapian::Query QueryBuilder::alias_query(std::string_view index) {
  std::size_t i = 0;
  for (char c : index) {
    if (c < '0' || c > '9') return Xapian::Query::MatchNothing;
    i = i * 10 + static_cast<std::size_t>(c - '0');
  }
  if (index.empty() || i >= alias_spans_.size()) return Xapian::Query::MatchNothing;
  const AliasSpan& span = alias_spans_[i];
  if (current_ != nullptr) {
    current_->entity_ids.push_back(span.entity_id);
    if (span.loose) {
      const GazetteerEntity* entity = gazetteer_.find_by_id(span.entity_id);
      current_->warnings.push_back("'" + span.words + "' is not a listed spelling; matched " +
                                   (entity ? entity->canonical : span.entity_id) + " (" +
                                   span.entity_id + ") by its loose spelling key");
    }
  }
  const schema::Field* entity = schema::find_field(kEntityField);
  return Xapian::Query(Xapian::Query::OP_OR, phrase_query(span.words),
                       Xapian::Query(schema::make_term(entity->prefix, span.entity_id)));
}

Xapian::Query QueryBuilder::phrase_query(std::string_view words) {
  const std::string plain = plain_words(normalize_text(words));
  try {
    return plain_parser_.parse_query("\"" + plain + "\"", Xapian::QueryParser::FLAG_PHRASE);
  } catch (const Xapian::QueryParserError&) {
    return plain_parser_.parse_query(plain, 0);
  }
}

}  // namespace cs::query
