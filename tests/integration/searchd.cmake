# searchd integration tests (included from tests/integration/CMakeLists.txt).
cs_shell_test(searchd_http searchd_test.sh)
