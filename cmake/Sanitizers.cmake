# Applies CS_SANITIZE (a list such as "address;undefined" or "thread") to every target.
if(CS_SANITIZE)
  list(JOIN CS_SANITIZE "," _cs_sanitizers)
  add_compile_options(-fsanitize=${_cs_sanitizers} -fno-omit-frame-pointer)
  add_link_options(-fsanitize=${_cs_sanitizers})
  message(STATUS "Sanitizers: ${_cs_sanitizers}")
endif()
