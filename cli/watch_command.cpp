#include "cli/watch_command.h"

#include <ctime>
#include <iomanip>

#include "cli/output.h"
#include "core/arrival.h"
#include "state/watches.h"

namespace cs::cli {

namespace {

constexpr int kDone = 0;
constexpr int kNothingNew = 1;
constexpr int kError = 2;

// The commands' shared context: the open index and state, and where to write.
struct Session {
  const WatchCommand& command;
  query::Searcher& searcher;
  state::WatchStore& store;
  std::ostream& out;
  std::ostream& err;
  std::optional<std::string> since;  // a stamp, or nullopt (each watch's seen)

  int fail(const std::string& message) const {
    err << "corpus-search: " << message << "\n";
    return kError;
  }

  std::optional<state::Watch> named(const std::string& name) const {
    auto watch = store.find_by_name(name);
    if (!watch) err << "corpus-search: no watch named '" << name << "' (see --watch list)\n";
    return watch;
  }
};

int add(const Session& s, const std::string& name) {
  query::Params params;
  for (const auto& p : s.command.search) {
    if (p.first != "sort" && p.first != "page" && p.first != "size") params.push_back(p);
  }
  state::Watch watch;
  if (const auto error =
          state::create_watch(s.store, s.searcher, name, query::query_string(params), watch)) {
    return s.fail(error.message);
  }
  if (s.command.json) {
    s.out << state::watch_json(watch).dump() << "\n";
  } else {
    s.out << "watch '" << watch.name << "' added (" << watch.query
          << "); articles indexed from now on are new for it\n";
  }
  return kDone;
}

int list(const Session& s) {
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const state::Watch& watch : s.store.list()) {
    state::WatchNews news;
    if (const auto error = state::watch_news(s.searcher, watch, s.since, 1, 1, news)) {
      return s.fail("watch '" + watch.name + "': " + error.message);
    }
    if (s.command.json) {
      all.push_back(state::watch_json(watch, news.matches.total));
    } else {
      s.out << std::setw(6) << news.matches.total << " new  " << watch.name << "  (" << watch.query
            << ")\n";
    }
  }
  if (s.command.json) s.out << nlohmann::ordered_json{{"watches", all}}.dump() << "\n";
  return kDone;
}

int remove(const Session& s, const std::string& name) {
  const auto watch = s.named(name);
  if (!watch) return kError;
  s.store.remove(watch->id);
  if (!s.command.json) s.out << "watch '" << name << "' removed\n";
  return kDone;
}

// Prints what is new for `watches`; then, when `record`, records the checks. Nothing is
// recorded unless every watch was searched and printed, so no news is marked seen unshown.
int report_news(const Session& s, const std::vector<state::Watch>& watches, bool record) {
  std::vector<state::WatchNews> all_news(watches.size());
  for (std::size_t i = 0; i < watches.size(); ++i) {
    if (const auto error =
            state::watch_news(s.searcher, watches[i], s.since, 1, s.command.limit, all_news[i])) {
      return s.fail("watch '" + watches[i].name + "': " + error.message);
    }
  }
  bool something_new = false;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < watches.size(); ++i) {
    const state::WatchNews& news = all_news[i];
    something_new = something_new || news.matches.total > 0;
    if (s.command.json) {
      all.push_back(state::news_json(watches[i], news));
    } else if (news.matches.total > 0) {
      const std::string since = stamp_to_iso(news.since);
      s.out << "== " << watches[i].name << ": " << news.matches.total << " new"
            << (since.empty() ? "" : " since " + since) << "\n";
      print_results(s.out, news.matches, s.command.colour);
    }
  }
  if (s.command.json) {
    s.out << nlohmann::ordered_json{{"watches", all}}.dump() << "\n";
  } else if (!something_new) {
    s.out << "nothing new\n";
  }
  s.out.flush();
  if (record && s.out) {
    const std::string now = stamp_of(std::time(nullptr));
    for (std::size_t i = 0; i < watches.size(); ++i) {
      // An index without stamps (built before them) has nothing to record as seen.
      if (!all_news[i].seen.empty()) s.store.record_check(watches[i].id, all_news[i].seen, now);
    }
  }
  return something_new ? kDone : kNothingNew;
}

int dispatch(const Session& s) {
  const std::vector<std::string>& args = s.command.args;
  const std::string& action = args.front();
  const bool has_name = args.size() > 1;
  if (action == "add" || action == "rm") {
    if (!has_name) return s.fail("--watch " + action + " needs a NAME");
    return action == "add" ? add(s, args[1]) : remove(s, args[1]);
  }
  if (action == "list") {
    if (has_name) return s.fail("--watch list takes no NAME");
    return list(s);
  }
  if (action == "check" || action == "show") {
    const bool record = action == "check";
    if (!has_name) return report_news(s, s.store.list(), record);
    const auto watch = s.named(args[1]);
    return watch ? report_news(s, {*watch}, record) : kError;
  }
  return s.fail("unknown --watch action '" + action + "' (use add, list, rm, check or show)");
}

}  // namespace

int run_watch_command(const WatchCommand& command, std::ostream& out, std::ostream& err) {
  const auto fail = [&](const std::string& message) {
    err << "corpus-search: " << message << "\n";
    return kError;
  };
  if (command.args.empty()) return fail("--watch needs an action: add, list, rm, check or show");
  std::optional<std::string> since;
  if (!command.since.empty()) {
    const auto stamp = parse_stamp(command.since);
    if (!stamp) return fail("--since must be a UTC time YYYY-MM-DD[THH:MM[:SS][Z]]");
    since = *stamp;
  }
  query::SearchError error;
  auto searcher = query::Searcher::open(command.index, error);
  if (!searcher) return fail(error.message);
  std::string message;
  const std::string path =
      command.state.empty() ? state::default_state_path(command.index, message) : command.state;
  if (path.empty()) return fail(message);
  try {
    auto store = state::WatchStore::open(path);
    return dispatch(Session{command, *searcher, *store, out, err, since});
  } catch (const state::StateError& e) {
    return fail(std::string(e.what()) + " (" + path + ")");
  }
}

}  // namespace cs::cli
