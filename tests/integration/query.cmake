# corpus-search integration tests (query).
cs_shell_test(query_cli query_cli_test.sh)
