# corpus-search integration tests (query).
cs_shell_test(query_cli query_cli_test.sh)
cs_shell_test(query_corpus query_corpus_test.sh)
cs_shell_test(claims_corpus claims_corpus_test.sh)
