# scripts/reindex.sh end to end: zero-downtime swaps under load, SIGKILL recovery, odd paths.
cs_shell_test(reindex_end_to_end reindex_test.sh)
# A reindex that runs out of disk on a small tmpfs (root only): clear message, live index
# unchanged and served, the next run with space completes.
cs_shell_test(reindex_disk_full disk_full_test.sh)
