# Arabic, Russian and Ukrainian reporting end to end (tests/data/multilingual).
cs_shell_test(multilingual multilingual_test.sh)
