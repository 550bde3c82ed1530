// Document building off the writer thread: the Xapian document of a cleaned and extracted
// article plus the words its text adds to the spelling table, so worker threads can do the
// tokenising and stemming and the single writer thread only decides the duplicate cluster,
// fills the spelling table and stores the document (index_writer.h).
//
// The spelling words are those a TermGenerator with FLAG_SPELLING would add for the same
// article (the unprefixed, unstemmed words of title and text, with their counts). They are
// collected without a second tokenising pass: with STEM_ALL the TermGenerator stems every
// word it indexes, so the builder's stemmer (which also caches stems, a large share of
// tokenising) counts the words it sees; the title, indexed once more with its field prefix,
// is subtracted. document_builder_test checks the result against FLAG_SPELLING.
//
// Thread-safety: a DocumentBuilder is not thread-safe; use one per thread. A PreparedDocument
// shares nothing with its builder and may be handed to another thread.
#ifndef CS_INDEXER_DOCUMENT_BUILDER_H_
#define CS_INDEXER_DOCUMENT_BUILDER_H_

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "core/article.h"

namespace cs {

/// An article with its document built, waiting for the writer.
struct PreparedDocument {
  Article article;            ///< as built; dup_cluster is the article's own id until written
  Xapian::Document document;  ///< build_document(article)
  std::vector<std::pair<std::string, Xapian::termcount>> spellings;  ///< word -> occurrences
};

/// Builds PreparedDocuments with its own term generators.
class DocumentBuilder {
 public:
  /// A builder with the schema's stemmer, a stem cache and empty word counts.
  DocumentBuilder();
  DocumentBuilder(const DocumentBuilder&) = delete;
  DocumentBuilder& operator=(const DocumentBuilder&) = delete;

  /// The document of `article` (cleaned and extracted; dup_cluster is reset to its id)
  /// and its spelling words. Never throws for long values (see build_document).
  PreparedDocument build(Article article);

 private:
  class WordStems;
  WordStems* stems_;                   ///< generator_'s stemmer (owned by it)
  Xapian::TermGenerator generator_;    ///< the schema's indexing settings
  Xapian::TermGenerator title_words_;  ///< unstemmed, for the title's words
};

}  // namespace cs

#endif  // CS_INDEXER_DOCUMENT_BUILDER_H_
