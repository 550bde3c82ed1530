# corpus-index integration tests (pipeline).
cs_shell_test(indexer_end_to_end indexer_test.sh)
