// searchd's handlers for watches, their Atom feeds and batch search (routes.cpp lists them in
// the one route table). Writes go through the WriteGuard first; a state database that fails
// (corrupt, locked, missing root) makes these answer 503 while searching goes on.
//
// Thread-safety: handlers run concurrently; each opens its own state connection.
#ifndef CS_SEARCHD_WATCH_HANDLERS_H_
#define CS_SEARCHD_WATCH_HANDLERS_H_

#include <httplib.h>

#include "searchd/routes.h"

namespace cs::searchd {

/// Largest JSON body of a watch request.
inline constexpr std::size_t kMaxWatchBody = 16 * 1024;
/// Largest batch body: 10,000 lines of 100 bytes.
inline constexpr std::size_t kMaxBatchBody = 1024 * 1024;

/// GET /api/watches: every watch with its count of new matches.
void get_watches(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);
/// POST /api/watches {"name", "query"}: 201 and the watch.
void post_watch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);
/// DELETE /api/watches/{id}.
void delete_watch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);
/// GET /api/watches/{id}/new[?since=TIME&page=&size=]: the matches added since its last check
/// (or since TIME); records nothing.
void get_watch_news(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);
/// POST /api/watches/{id}/seen [{"seen": TIME}]: records a check (up to TIME, which a /new
/// answer gave; default: everything indexed now).
void post_watch_seen(const ServiceContext& ctx, const httplib::Request& req,
                     httplib::Response& res);
/// GET /watches/{id}.atom: the newest matches as an Atom feed.
void get_watch_feed(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);
/// POST /api/batch[?column=C&filters...]: one query per body line (or a CSV column), streamed
/// back as JSON Lines, one row per line.
void post_batch(const ServiceContext& ctx, const httplib::Request& req, httplib::Response& res);

}  // namespace cs::searchd

#endif  // CS_SEARCHD_WATCH_HANDLERS_H_
