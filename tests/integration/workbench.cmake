# Coverage over time (/api/timeline, corpus-search --timeline) and entity pages (/api/entity,
# corpus-search --entity-page), end to end: the API, the CLI and /api/search agree.
cs_shell_test(workbench workbench_api_test.sh)
