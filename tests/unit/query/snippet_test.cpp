#include "query/snippet.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/stemming.h"
#include "one_article_index.h"

namespace {

// make_snippet over a one-document in-memory index of `text`, as searchd highlights a hit.
std::string snippet_of(const std::string& text, const std::string& query_text, std::size_t length) {
  const Xapian::Stem stemmer = cs::make_stemmer();
  return cs::query::make_snippet(cs::test::one_article_mset(text, query_text, stemmer), text,
                                 stemmer, length);
}

// The text a reader sees of `html`: tags dropped, each entity one character.
std::string visible_text(const std::string& html) {
  std::string out;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      i = html.find('>', i);
    } else if (html[i] == '&') {
      out += '&';
      i = html.find(';', i);
    } else {
      out += html[i];
    }
  }
  return out;
}

// Whether every <mark> is closed before the next one opens and by the end.
bool marks_balanced(const std::string& html) {
  bool open = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html.compare(i, 6, "<mark>") == 0) {
      if (open) return false;
      open = true;
    } else if (html.compare(i, 7, "</mark>") == 0) {
      if (!open) return false;
      open = false;
    }
  }
  return !open;
}

}  // namespace

// Found by the snippet fuzz target: Xapian highlights a phrase as one span and, when the
// passage ends inside it, leaves the span open ("...the <mark>Islamic...").
TEST_CASE("snippet marks stay balanced when the passage ends inside a highlighted phrase",
          "[snippet]") {
  struct Case {
    std::string text;
    std::string query;
  };
  const std::vector<Case> cases = {
      {"Fighters of the Islamic State attacked the town. Later the Islamic State lost forty "
       "men near the river, and officials of the state said so.",
       "\"islamic state\""},
      {"Reports from Deir ez-Zor say the Syrian Observatory for Human Rights counted the dead; "
       "the Syrian Observatory for Human Rights is based in Coventry.",
       "\"syrian observatory for human rights\""},
      {"Palmyra fell. Palmyra was retaken. The siege of Palmyra ended.", "palmyra OR siege"},
  };
  for (const Case& c : cases) {
    for (std::size_t length = 1; length <= c.text.size() + 10; ++length) {
      const std::string snippet = snippet_of(c.text, c.query, length);
      INFO("query " << c.query << " length " << length << ": " << snippet);
      CHECK(marks_balanced(snippet));
    }
  }
  // The whole text fits: both phrases highlighted.
  CHECK(snippet_of(cases[0].text, cases[0].query, 1000).find("<mark>Islamic State</mark> lost") !=
        std::string::npos);
}

TEST_CASE("a snippet stays near its length whatever follows the last word", "[snippet]") {
  struct Case {
    std::string text;
    std::string query;
  };
  const std::vector<Case> cases = {
      {"Islamic " + std::string(1000, ',') + ".", "islamic"},
      {"Palmyra" + std::string(2000, '!'), "palmyra"},
      {"Contents" + std::string(3000, '.') + " 12", "contents"},
      {"The siege of Aleppo & its \"aftermath\" " + std::string(500, '-') + " ended.", "aftermath"},
  };
  for (const Case& c : cases) {
    for (std::size_t length : {12, 60, 250}) {
      const std::string snippet = snippet_of(c.text, c.query, length);
      INFO("query " << c.query << " length " << length << ": " << snippet);
      CHECK(snippet.find("<mark>") != std::string::npos);
      CHECK(marks_balanced(snippet));
      CHECK(visible_text(snippet).size() <= length + 19);
    }
  }
}

TEST_CASE("ASCII words stem to stems that start with their own first letter", "[snippet]") {
  // What snippet_stemmer relies on to skip stemming: folding lowercases an ASCII word, and
  // Snowball English changes only its end.
  const std::vector<std::string> words = {
      "Skies",    "skis",  "dying", "Yelling", "young",   "1990s",     "o'clock",  "don't",
      "ISIS",     "U",     "x",     "idly",    "gently",  "eyes",      "Bombings", "bombed",
      "Aleppo's", "h2o",   "ugly",  "news",    "Yemenis", "ties",      "exceed",   "generously",
      "ay",       "Abbas", "Qaeda", "zzz",     "10km",    "Ukraine's", "AK47",     "ye"};
  for (const std::string& word : words) {
    INFO(word);
    const std::string stem = cs::stem_word(word);
    REQUIRE_FALSE(stem.empty());
    const char first =
        word[0] >= 'A' && word[0] <= 'Z' ? static_cast<char>(word[0] - 'A' + 'a') : word[0];
    CHECK(stem[0] == first);
  }
}

TEST_CASE("snippets through snippet_stemmer are those of the plain stemmer", "[snippet]") {
  const std::vector<std::string> texts = {
      "Barrel bombs hit Aleppo's eastern districts on Tuesday; bombing continued into the "
      "night, and the 1990s-era munitions left dying civilians under grey skies. Officials in "
      "Damascus denied the bombings.",
      "Сирийские войска вошли в Дамаск. Ракка (الرقة) и Дейр-эз-Зор остаются под огнём; "
      "Yemeni and Ukrainian reporters counted 12 dead in Raqqa and 40 in Deir ez-Zor.",
      "The Syrian Observatory for Human Rights said the death toll rose to 37, according to the "
      "civil defence. Ties between the groups could not be independently verified."};
  const std::vector<std::string> queries = {"bombing",
                                            "aleppo",
                                            "\"barrel bombs\"",
                                            "1990s dying",
                                            "skies",
                                            "Дамаск",
                                            "الرقة",
                                            "raqqa OR ракка",
                                            "tie",
                                            "deir-ez-zor",
                                            "death tolls",
                                            "\"according to the\"",
                                            "verify independent",
                                            "observ*",
                                            "Yemenis"};
  int highlighted = 0;
  for (const std::string& text : texts) {
    for (const std::string& query_text : queries) {
      INFO(query_text << " in " << text.substr(0, 30));
      const Xapian::Stem stemmer = cs::make_stemmer();
      const Xapian::MSet mset = cs::test::one_article_mset(text, query_text, stemmer);
      const Xapian::Query query = cs::test::one_article_query(query_text, stemmer);
      const std::string plain = cs::query::make_snippet(mset, text, stemmer, 120);
      highlighted += plain.find("<mark>") != std::string::npos;
      CHECK(cs::query::make_snippet(mset, text, cs::query::snippet_stemmer(query, stemmer), 120) ==
            plain);
    }
  }
  CHECK(highlighted >= 10);  // a fair share highlight something: the comparison is not vacuous
}
