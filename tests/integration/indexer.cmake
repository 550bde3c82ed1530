# corpus-index integration tests (pipeline).
cs_shell_test(indexer_end_to_end indexer_test.sh)
cs_shell_test(indexer_bad_input indexer_bad_input_test.sh)
