#include "indexer/document_builder.h"

#include <unordered_map>

#include "core/stemming.h"
#include "indexer/document.h"
#include "indexer/duplicates.h"

namespace cs {

// The stemmer of the builder's TermGenerator: stem_word's output, cached by word (news text
// repeats a small vocabulary), and a count of the words stemmed since the last take_words().
class DocumentBuilder::WordStems : public Xapian::StemImplementation {
 public:
  std::string operator()(const std::string& word) override {
    auto [it, inserted] = cache_.try_emplace(word);
    if (inserted) it->second.stem = stem_word(word);
    if (it->second.seen++ == 0) seen_.push_back(&*it);
    return it->second.stem;
  }

  std::string get_description() const override { return "counted cs::stem_word"; }

  /// The words stemmed since the last call, with how often each was.
  std::vector<std::pair<std::string, Xapian::termcount>> take_words() {
    std::vector<std::pair<std::string, Xapian::termcount>> words;
    words.reserve(seen_.size());
    for (auto* entry : seen_) {
      words.emplace_back(entry->first, entry->second.seen);
      entry->second.seen = 0;
    }
    seen_.clear();
    if (cache_.size() >= kMaxWords) cache_.clear();
    return words;
  }

 private:
  struct Entry {
    std::string stem;
    Xapian::termcount seen = 0;
  };
  static constexpr std::size_t kMaxWords = 1 << 18;  ///< bounds memory on odd vocabularies
  std::unordered_map<std::string, Entry> cache_;
  std::vector<std::pair<const std::string, Entry>*> seen_;
};

DocumentBuilder::DocumentBuilder() : stems_(new WordStems), generator_(make_term_generator()) {
  generator_.set_stemmer(Xapian::Stem(stems_));
  title_words_.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
}

PreparedDocument DocumentBuilder::build(Article article) {
  article.dup_cluster = own_cluster_key(article);
  PreparedDocument prepared;
  try {
    prepared.document = build_document(article, generator_);
  } catch (...) {  // the indexer skips the article: leave nothing of it for the next one
    generator_.set_document(Xapian::Document());
    stems_->take_words();
    throw;
  }
  // Xapian's reference counts are not atomic: drop the generator's handle on the document
  // before it may travel to another thread.
  generator_.set_document(Xapian::Document());
  prepared.spellings = stems_->take_words();
  // The title was stemmed twice (with and without its field prefix) but spells once.
  Xapian::Document title;
  title_words_.set_document(title);
  title_words_.index_text_without_positions(article.title);
  title_words_.set_document(Xapian::Document());
  for (auto t = title.termlist_begin(); t != title.termlist_end(); ++t) {
    for (auto& [word, count] : prepared.spellings) {
      if (word == *t) count -= std::min(count, t.get_wdf());
    }
  }
  std::erase_if(prepared.spellings, [](const auto& w) { return w.second == 0; });
  prepared.article = std::move(article);
  return prepared;
}

}  // namespace cs
