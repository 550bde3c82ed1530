# Applies CS_SANITIZE (a list such as "address;undefined" or "thread") to every target.
if(CS_SANITIZE)
  list(JOIN CS_SANITIZE "," _cs_sanitizers)
  # A report fails the program (and so its test) instead of scrolling past.
  add_compile_options(-fsanitize=${_cs_sanitizers} -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_cs_sanitizers})
  message(STATUS "Sanitizers: ${_cs_sanitizers}")
endif()

# CS_BUILD_FUZZ: every target compiled with libFuzzer's coverage instrumentation, ASan and UBSan
# (UBSan findings abort, so the fuzzer keeps them as crashes). Only the fuzz targets link the
# fuzzer runtime and its main() (tests/fuzz/CMakeLists.txt); other binaries link ASan and UBSan.
if(CS_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "CS_BUILD_FUZZ needs clang (libFuzzer), not ${CMAKE_CXX_COMPILER_ID}: "
                        "configure a fresh build folder with CXX=clang++, or run scripts/fuzz.sh")
  endif()
  if(CS_SANITIZE)
    message(FATAL_ERROR "CS_BUILD_FUZZ builds with address and undefined already: "
                        "leave CS_SANITIZE empty")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  message(STATUS "Fuzzing build: fuzzer-no-link,address,undefined")
endif()
