// Spelling data for a sharded archive. Xapian 1.4 has no spelling over its remote backend, so
// "did you mean" over remote shards needs the shards' spelling tables beside the search host:
// export_spelling() copies one index's spelling table (words and frequencies) into a small
// local database, and a stub lists such databases after its `remote` lines (scripts/shard.sh
// stub --spelling). Xapian sums the frequencies of every database a search opens, so with one
// export per shard the suggestions are those of one index holding all the shards.
//
// Thread-safety: touches only its arguments and the file system; one export per folder at a
// time.
#ifndef CS_INDEXER_SPELLING_EXPORT_H_
#define CS_INDEXER_SPELLING_EXPORT_H_

#include <cstddef>
#include <string>

namespace cs {

/// Writes the spelling table of the index at `index_path` (an index root, stub or database
/// that is local) into a database at `out_dir`, replacing an earlier export there in one atomic
/// step (a search opening it sees the old or the new one); the export also holds the index's
/// schema version and gazetteer, so it can be listed anywhere in a stub. Returns "" and sets
/// `words`, or an error: an index that cannot be read or has no spelling table (a remote one),
/// or an `out_dir` that exists and is not an earlier export.
std::string export_spelling(const std::string& index_path, const std::string& out_dir,
                            std::size_t& words);

}  // namespace cs

#endif  // CS_INDEXER_SPELLING_EXPORT_H_
