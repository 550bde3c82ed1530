# scripts/reindex.sh end to end: zero-downtime swaps under load, SIGKILL recovery, odd paths.
cs_shell_test(reindex_end_to_end reindex_test.sh)
