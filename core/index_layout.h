// The index layout, read in one place: what the path a user gives to a reader points at.
//
// An index root is a folder holding one Xapian database per generation (`gen-1`, `gen-2`, ...,
// written by core/generations.h), the indexer's lock file, and a Xapian stub file `XAPIANDB`
// whose line `auto gen-N` names the live generation. A stub may instead (or also) name remote
// shards served by xapian-tcpsrv: `remote HOST:PORT` or `remote :PROGRAM ARGS...`. Readers are
// given an index root, a stub file or a database folder; read_index_location() tells them what
// to open, the stub's lines (parsed here and nowhere else), the live generation and whether the
// index is remote. index_fingerprint() is the cheap identity searchd polls to notice a new stub
// or a new commit.
//
// Thread-safety: functions only read the file system; safe from any thread.
#ifndef CS_CORE_INDEX_LAYOUT_H_
#define CS_CORE_INDEX_LAYOUT_H_

#include <string>
#include <vector>

namespace cs {

/// Name of the stub file inside an index root. Because of this name Xapian opens a root
/// folder through its stub, so `Xapian::Database(root)` opens the live generation.
inline constexpr const char* kStubName = "XAPIANDB";

/// Xapian's write-lock file inside a database folder: never copied, never part of its identity.
inline constexpr const char* kXapianLockName = "flintlock";

/// The lock file corpus-index holds (flock) in an index root while it builds a generation.
inline constexpr const char* kIndexerLockName = ".corpus-index.lock";

/// One database named by a stub line (blank lines and `#` comments are not kept).
struct StubLine {
  /// What the line names.
  enum class Kind {
    kLocal,    ///< `auto|glass|chert PATH`: a database folder
    kTcp,      ///< `remote HOST:PORT`: a xapian-tcpsrv shard
    kProgram,  ///< `remote :PROGRAM ARGS...`: a shard spoken to through a program's stdio
  };
  Kind kind = Kind::kLocal;  ///< which of the three forms the line has
  std::string target;   ///< the line after its first word, as written (names a shard in messages)
  std::string path;     ///< kLocal: the folder, a relative PATH joined to the stub's folder
  std::string host;     ///< kTcp: the host, without the brackets of `[IPv6]:PORT`
  unsigned port = 0;    ///< kTcp: 1-65535
  std::string program;  ///< kProgram: the program to run
  std::string args;     ///< kProgram: its arguments, as one string
};

/// What a user-given index path is.
enum class IndexPathKind {
  kRoot,      ///< a folder holding a stub (an index root, or Xapian's "stub directory")
  kStub,      ///< a stub file
  kDatabase,  ///< anything else: a database folder or a single-file database, opened as is
};

/// Where an index lives and what opening it involves.
struct IndexLocation {
  IndexPathKind kind = IndexPathKind::kDatabase;  ///< what the given path is
  std::string open_path;       ///< what to pass to Xapian::Database: the stub file or the path
  std::vector<StubLine> stub;  ///< the stub's databases, in order; empty for kDatabase
  std::string generation;      ///< live generation: folder name of the stub's first local line
                               ///< (not for remote stubs), else the last component of open_path
  std::string database;        ///< the one local database folder to open without the stub
                               ///< (the path itself for kDatabase); "" when the stub names
                               ///< several databases or a remote one
  bool remote = false;         ///< the stub names at least one remote shard
};

/// Reads what `path` points at: a folder holding kStubName opens that stub, a stub file or a
/// database opens as given. Returns false and sets `error` when `path` does not exist or its
/// stub cannot be read or has a line that is not one of StubLine's forms.
bool read_index_location(const std::string& path, IndexLocation& location, std::string& error);

/// Parses the stub file at `stub_path` into `lines`. Returns false and sets `error` ("PATH:
/// unknown stub line '...'", a bad remote line, or an unreadable file).
bool read_stub(const std::string& stub_path, std::vector<StubLine>& lines, std::string& error);

/// A string that changes whenever the index at `path` is replaced or committed to, cheap enough
/// to poll every second (the stub is read, database files are only stat()ed): the identity of
/// the stub of a root or of a stub file plus that of every file of the local databases it
/// names (a commit of an in-place update rewrites some), else of every file of a database
/// folder; Xapian's lock file never counts. "" when nothing is at `path`.
std::string index_fingerprint(const std::string& path);

}  // namespace cs

#endif  // CS_CORE_INDEX_LAYOUT_H_
