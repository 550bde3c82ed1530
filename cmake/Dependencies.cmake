# Finds the Debian-packaged dependencies and exposes each as an imported target.
find_package(PkgConfig REQUIRED)

# Xapian: the CMake module sets variables only, so wrap them in an imported target.
find_package(Xapian 1.4.22 REQUIRED)
add_library(Xapian::Xapian INTERFACE IMPORTED)
set_target_properties(Xapian::Xapian PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
                                                INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")

find_package(ICU 72 REQUIRED COMPONENTS uc i18n)
find_package(CLI11 CONFIG REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(Threads REQUIRED)
# Debian's cpp-httplib is a compiled library; its pkg-config Cflags must be used.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(GUMBO REQUIRED IMPORTED_TARGET gumbo)

# CLD2 (language identification): Debian ships no CMake or pkg-config files for it.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(CLD2::CLD2 INTERFACE IMPORTED)
set_target_properties(CLD2::CLD2 PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}"
                                            INTERFACE_LINK_LIBRARIES "${CLD2_LIBRARY}")

# jemalloc, for corpus-index: a build allocates and frees millions of small strings and maps
# (terms, postings, extraction) from several threads, and glibc's malloc cost a sixth of its
# CPU; jemalloc took a 100k build from 496 to 588 articles/s (bench/README). Left out of the
# sanitizer and fuzzing builds, whose ASan must own malloc.
if(CS_SANITIZE OR CS_BUILD_FUZZ)
  add_library(cs_malloc INTERFACE)
else()
  pkg_check_modules(JEMALLOC REQUIRED IMPORTED_TARGET jemalloc)
  add_library(cs_malloc INTERFACE)
  target_link_libraries(cs_malloc INTERFACE PkgConfig::JEMALLOC)
endif()
