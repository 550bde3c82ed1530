#include "indexer/document_builder.h"

#include "indexer/document.h"

namespace cs {

DocumentBuilder::DocumentBuilder() : generator_(make_term_generator()) {
  words_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
}

PreparedDocument DocumentBuilder::build(Article article) {
  article.dup_cluster = article.id;
  PreparedDocument prepared;
  prepared.document = build_document(article, generator_);
  // Xapian's reference counts are not atomic: drop the generator's handle on the document
  // before it may travel to another thread.
  generator_.set_document(Xapian::Document());
  Xapian::Document words;
  words_.set_document(words);
  words_.index_text_without_positions(article.title);
  words_.index_text_without_positions(article.text);
  words_.set_document(Xapian::Document());
  for (auto t = words.termlist_begin(); t != words.termlist_end(); ++t) {
    prepared.spellings.emplace_back(*t, t.get_wdf());
  }
  prepared.article = std::move(article);
  return prepared;
}

}  // namespace cs
