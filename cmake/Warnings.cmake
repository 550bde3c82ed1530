# cs_warnings: an INTERFACE target every project target links to get the same warning set.
add_library(cs_warnings INTERFACE)
target_compile_options(cs_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wcast-align -Wunused)
option(CS_WERROR "Treat warnings as errors" OFF)
if(CS_WERROR)
  target_compile_options(cs_warnings INTERFACE -Werror)
endif()
