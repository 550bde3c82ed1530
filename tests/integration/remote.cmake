# Sharding over Xapian's remote backend and corpus-search --server (integration).
cs_shell_test(shards shards_test.sh)
