# Build modes for reliability work: a sanitizer build that runs the whole
# test suite, and libFuzzer targets (Clang only).

option(AGENTGEN_SANITIZE "Build with AddressSanitizer and UBSan, no recovery" OFF)
option(AGENTGEN_FUZZ     "Build the libFuzzer targets (Clang)"                OFF)

if(AGENTGEN_SANITIZE OR AGENTGEN_FUZZ)
  # Line tables (-g1) are all a sanitizer's stack trace needs, and compile in
  # a fraction of the time full debug information takes.
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g1)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()

if(AGENTGEN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "AGENTGEN_FUZZ needs Clang: configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
