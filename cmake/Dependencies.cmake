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
