# Writes OUTPUT, a C++ source defining cs::default_gazetteer_tsv(): the TSV files INPUTS
# (a ;-separated list) joined under the first file's header row. Run with cmake -P.
set(tsv "")
set(first TRUE)
foreach(input IN LISTS INPUTS)
  file(READ "${input}" content)
  if(NOT first)
    string(FIND "${content}" "\n" header_end)
    math(EXPR body_start "${header_end} + 1")
    string(SUBSTRING "${content}" ${body_start} -1 content)
  endif()
  if(NOT content MATCHES "\n$")
    string(APPEND content "\n")
  endif()
  string(APPEND tsv "${content}")
  set(first FALSE)
endforeach()
if(tsv MATCHES "\\)cs_gazetteer\"")
  message(FATAL_ERROR "a gazetteer file contains the raw-string delimiter )cs_gazetteer\"")
endif()
file(WRITE "${OUTPUT}.tmp"
     "// Generated from data/gazetteer/*.tsv by cmake/EmbedGazetteer.cmake; do not edit.\n"
     "#include <string_view>\n\nnamespace cs {\n\nstd::string_view default_gazetteer_tsv() {\n"
     "  static constexpr char kTsv[] = R\"cs_gazetteer(${tsv})cs_gazetteer\";\n"
     "  return {kTsv, sizeof(kTsv) - 1};\n}\n\n}  // namespace cs\n")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
