# Names as outlets write them: unknown places grouped by their loose key, loose query matches.
cs_shell_test(names names_test.sh)
