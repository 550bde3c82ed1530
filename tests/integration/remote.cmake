# Sharding over Xapian's remote backend and corpus-search --server; exact answers over 2 and 3 shards.
cs_shell_test(shards shards_test.sh)
cs_shell_test(shards_exact shards_exact_test.sh)
