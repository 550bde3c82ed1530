# searchd integration tests (included from tests/integration/CMakeLists.txt).
cs_shell_test(searchd_http searchd_test.sh)
# searchd behind nginx with the shipped config: searches, password, half-open connections.
cs_shell_test(searchd_nginx nginx_test.sh)
