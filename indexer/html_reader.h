// HTML reader: one article from a saved web page, parsed with gumbo (which never fails on
// malformed markup). Metadata comes from the page's <head>: title (og:title, else <title>,
// else the first <h1>), publication date (article:published_time, og:published_time,
// datePublished, date, pubdate, else the first <time datetime>), outlet (og:site_name),
// author (author, article:author), url (canonical link, else og:url). The body is the text of
// <article> (else <main>, else <body>) without scripts, styles, navigation, headers, footers,
// asides and forms; block elements become line breaks.
//
// Thread-safety: pure function; safe from any thread.
#ifndef CS_INDEXER_HTML_READER_H_
#define CS_INDEXER_HTML_READER_H_

#include <string_view>

#include "core/article.h"

namespace cs {

/// The article in an HTML page (raw text, valid UTF-8; id and path left empty).
Article read_html_article(std::string_view html);

}  // namespace cs

#endif  // CS_INDEXER_HTML_READER_H_
