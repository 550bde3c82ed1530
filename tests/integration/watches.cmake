# Watches (CLI and /api/watches), Atom feeds, the write guard and batch search, end to end.
cs_shell_test(watches watches_test.sh)
