#include "indexer/html_reader.h"

#include <gumbo.h>

#include <memory>
#include <string>

#include "core/dates.h"
#include "core/normalize.h"
#include "core/schema.h"

namespace cs {

namespace {

// Element nesting deeper than this is not walked (hostile pages cannot exhaust the stack).
constexpr int kMaxDepth = 200;

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

bool is_skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_PRE:
      return true;
    default:
      return false;
  }
}

// Appends the visible text under `node` to `out`.
void collect_text(const GumboNode* node, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
      node->type == GUMBO_NODE_CDATA) {
    out.append(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboTag tag = node->v.element.tag;
  if (is_skipped(tag)) return;
  const bool block = is_block(tag);
  if (block) out.push_back('\n');
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    collect_text(static_cast<const GumboNode*>(children.data[i]), out, depth + 1);
  }
  if (block) out.push_back('\n');
}

// The first element with `tag` under `node` (depth-first), or nullptr.
const GumboNode* find_element(const GumboNode* node, GumboTag tag, int depth = 0) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    if (const GumboNode* hit =
            find_element(static_cast<const GumboNode*>(children.data[i]), tag, depth + 1)) {
      return hit;
    }
  }
  return nullptr;
}

// Visible text of `node`, each run of whitespace (line breaks included) made one space.
std::string inline_text(const GumboNode* node) {
  std::string raw;
  if (node) collect_text(node, raw, 0);
  std::string out;
  for (char c : raw) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Records the page's declared language unless one is known already (<html lang> comes first).
void declare_language(Article& a, std::string_view tag) {
  auto& values = a.field_values[std::string(schema::kLanguageField)];
  // Repaired like every other field gumbo gives back (see read_html_article).
  if (values.empty() && !tag.empty()) values.emplace_back(repair_utf8(tag));
}

// Metadata from <meta> and <link> elements anywhere in the page.
void read_head(const GumboNode* node, Article& a, std::string& meta_title, int depth) {
  if (node->type != GUMBO_NODE_ELEMENT || depth > kMaxDepth) return;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_META) {
    const char* key = attribute(node, "property");
    if (!key) key = attribute(node, "name");
    if (!key) key = attribute(node, "itemprop");
    const char* content = attribute(node, "content");
    if (key && content) {
      const std::string k = fold_word(key);
      if (k == "ogtitle" && meta_title.empty()) meta_title = content;
      if (k == "ogsitename" && a.outlet.empty()) a.outlet = content;
      if ((k == "author" || k == "articleauthor") && a.author.empty()) a.author = content;
      if (k == "ogurl" && a.url.empty()) a.url = content;
      if (k == "oglocale" || k == "language" || k == "contentlanguage")
        declare_language(a, content);
      if ((k == "articlepublishedtime" || k == "ogpublishedtime" || k == "datepublished" ||
           k == "date" || k == "pubdate") &&
          !a.published.known()) {
        a.published = parse_iso_date(content).value_or(PartialDate{});
      }
    }
  } else if (tag == GUMBO_TAG_LINK) {
    const char* rel = attribute(node, "rel");
    const char* href = attribute(node, "href");
    if (rel && href && std::string_view(rel) == "canonical") a.url = href;
  } else if (tag == GUMBO_TAG_TIME && !a.published.known()) {
    if (const char* dt = attribute(node, "datetime"))
      a.published = parse_iso_date(dt).value_or(PartialDate{});
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    read_head(static_cast<const GumboNode*>(children.data[i]), a, meta_title, depth + 1);
  }
}

}  // namespace

Article read_html_article(std::string_view html) {
  const std::string valid = repair_utf8(html);
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> doc(
      gumbo_parse_with_options(&kGumboDefaultOptions, valid.data(), valid.size()),
      [](GumboOutput* out) { gumbo_destroy_output(&kGumboDefaultOptions, out); });
  Article a;
  if (const char* lang = attribute(doc->root, "lang")) declare_language(a, lang);
  std::string meta_title;
  read_head(doc->root, a, meta_title, 0);
  if (a.published.known()) a.published_provenance = DateProvenance::kHtmlMeta;
  a.title = meta_title;
  if (a.title.empty()) a.title = inline_text(find_element(doc->root, GUMBO_TAG_TITLE));
  if (a.title.empty()) a.title = inline_text(find_element(doc->root, GUMBO_TAG_H1));
  const GumboNode* body = find_element(doc->root, GUMBO_TAG_ARTICLE);
  if (!body) body = find_element(doc->root, GUMBO_TAG_MAIN);
  if (!body) body = find_element(doc->root, GUMBO_TAG_BODY);
  if (body) collect_text(body, a.text, 0);
  // Gumbo decodes a character reference beyond U+10FFFF ("&#x4CCCCCCC1;") into bytes that are
  // no UTF-8 (found by the html fuzz target): what it gave back is repaired once more.
  for (std::string* field : {&a.title, &a.text, &a.url, &a.outlet, &a.author}) {
    if (!is_valid_utf8(*field)) *field = repair_utf8(*field);
  }
  return a;
}

}  // namespace cs
