// A one-article in-memory index for tests, fuzz targets and benchmarks of what is computed per
// hit (snippets): the article's text indexed with the project's stemmer, a query parsed as
// STEM_SOME, and the match set searchd would hold for it.
//
// Thread-safety: each call builds its own database; a Xapian::Stem belongs to one thread.
#ifndef CS_TESTS_UNIT_ONE_ARTICLE_INDEX_H_
#define CS_TESTS_UNIT_ONE_ARTICLE_INDEX_H_

#include <xapian.h>

#include <string>

namespace cs::test {

/// `query_text` parsed as one_article_mset parses it. Throws Xapian::QueryParserError when the
/// parser refuses the query.
inline Xapian::Query one_article_query(const std::string& query_text, const Xapian::Stem& stemmer) {
  Xapian::QueryParser parser;
  parser.set_stemmer(stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  return parser.parse_query(query_text);
}

/// The match set of `query_text` over an index holding only `text`. Throws
/// Xapian::QueryParserError when the parser refuses the query.
inline Xapian::MSet one_article_mset(const std::string& text, const std::string& query_text,
                                     const Xapian::Stem& stemmer) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::TermGenerator generator;
  generator.set_stemmer(stemmer);
  Xapian::Document doc;
  generator.set_document(doc);
  generator.index_text(text);
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(one_article_query(query_text, stemmer));
  return enquire.get_mset(0, 10);
}

}  // namespace cs::test

#endif  // CS_TESTS_UNIT_ONE_ARTICLE_INDEX_H_
