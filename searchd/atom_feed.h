// The Atom feed (RFC 4287) of a watch: its newest matches, newest added first, for any feed
// reader to poll. Every text from the index is XML-escaped, and characters XML 1.0 forbids are
// dropped, so a hostile article cannot break the feed.
//
// Thread-safety: pure function.
#ifndef CS_SEARCHD_ATOM_FEED_H_
#define CS_SEARCHD_ATOM_FEED_H_

#include <string>

#include "query/search.h"
#include "state/watch_store.h"

namespace cs::searchd {

/// The feed of `watch` listing `matches` (sorted newest added first). `base_url` is the
/// server's address ("http://host:port", or "" for links relative to the feed).
std::string atom_feed(const state::Watch& watch, const query::SearchResult& matches,
                      const std::string& base_url);

/// `text` with &, <, >, " and ' escaped and what XML 1.0 forbids (controls but tab and line
/// breaks, U+FFFE, U+FFFF) dropped.
std::string xml_escape(std::string_view text);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_ATOM_FEED_H_
