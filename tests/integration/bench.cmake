# The benchmark's own scripts: the SQLite FTS5 peer and the report's comparison with peers.
add_test(NAME bench_peers COMMAND python3 ${CMAKE_CURRENT_SOURCE_DIR}/bench_peers_test.py
         ${CMAKE_SOURCE_DIR})
set_tests_properties(bench_peers PROPERTIES TIMEOUT 120)
