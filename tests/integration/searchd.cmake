# searchd integration tests (included from tests/integration/CMakeLists.txt).
cs_shell_test(searchd_http searchd_test.sh)
# searchd behind nginx with the shipped config: searches, password, half-open connections.
cs_shell_test(searchd_nginx nginx_test.sh)
# searchd facing slow and greedy clients directly: half-open connections, trickling headers,
# the connection cap, keep-alive and pipelining through the gate, the search time limit.
cs_shell_test(searchd_slow_clients slow_clients_test.sh)
