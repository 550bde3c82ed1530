// A query matching every document, safe to build on any thread.
//
// Xapian::Query::MatchAll is one static object whose reference count is not atomic: copying it
// from several threads at once (every browse request in searchd does) corrupts the count, the
// shared internal is freed while still in use, and the process crashes later, far from the
// cause. Xapian's own header says to build Xapian::Query(std::string()) instead; this does.
#ifndef CS_QUERY_MATCH_ALL_H_
#define CS_QUERY_MATCH_ALL_H_

#include <xapian.h>

#include <string>

namespace cs::query {

/// A fresh query matching all documents (never a copy of Xapian::Query::MatchAll).
inline Xapian::Query match_all() { return Xapian::Query(std::string()); }

}  // namespace cs::query

#endif  // CS_QUERY_MATCH_ALL_H_
