# Finds every library the generator uses and gives each one target name.
#
# A build runs one agentgen process per agent, so start-up time matters: merely
# loading libcrypto dynamically costs more than a whole render. Debian ships
# static archives of yaml-cpp, Boost.Filesystem and libcrypto, and we link those
# when AGENTGEN_STATIC_DEPS is on; toml++ is used in its header-only form.

find_package(yaml-cpp CONFIG REQUIRED)
find_package(mstch CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(tomlplusplus CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(Threads REQUIRED)

include(${CMAKE_CURRENT_LIST_DIR}/build-modes.cmake)

if(AGENTGEN_STATIC_DEPS)
  set(Boost_USE_STATIC_LIBS ON)
  set(OPENSSL_USE_STATIC_LIBS TRUE)
  # Relocating a dynamic libstdc++ costs a third of a small render's
  # instructions (callgrind); a static one costs nothing at start-up.
  if(NOT AGENTGEN_SANITIZE AND NOT AGENTGEN_FUZZ)
    add_link_options(-static-libstdc++ -static-libgcc)
  endif()
endif()
find_package(Boost 1.71 REQUIRED COMPONENTS filesystem)
find_package(OpenSSL REQUIRED COMPONENTS Crypto)

# yaml-cpp 0.7 exports a plain `yaml-cpp` target pointing at the shared
# library; wrap the static archive when it is there.
add_library(agentgen_yaml INTERFACE)
get_target_property(_yaml_includes yaml-cpp INTERFACE_INCLUDE_DIRECTORIES)
find_library(AGENTGEN_YAML_CPP_ARCHIVE NAMES libyaml-cpp.a)
if(AGENTGEN_STATIC_DEPS AND AGENTGEN_YAML_CPP_ARCHIVE)
  target_link_libraries(agentgen_yaml INTERFACE ${AGENTGEN_YAML_CPP_ARCHIVE})
  if(_yaml_includes)
    target_include_directories(agentgen_yaml SYSTEM INTERFACE ${_yaml_includes})
  endif()
else()
  target_link_libraries(agentgen_yaml INTERFACE yaml-cpp)
endif()

# The agentgen executable itself links fully statically when it can: with no
# dynamic loader and no relocations, one process per agent runs 15% faster
# (the bench's per-agent workload: 1.91 -> 1.64 times /bin/true). agentgen
# needs no NSS, locale or dlopen, the parts of glibc that do not work in a
# static program. The price: the first exception a process throws sorts the
# unwind tables, about 1 ms of CPU that only error paths and --help pay.
set(AGENTGEN_EXECUTABLE_LINK_OPTIONS "")
find_library(AGENTGEN_LIBC_ARCHIVE NAMES libc.a)
if(AGENTGEN_STATIC_DEPS AND AGENTGEN_YAML_CPP_ARCHIVE AND AGENTGEN_LIBC_ARCHIVE
   AND NOT AGENTGEN_SANITIZE AND NOT AGENTGEN_FUZZ)
  # Unused functions dropped: a fifth less binary, and fewer pages to fault
  # in at start (8 of the 130 page faults of a small render).
  set(AGENTGEN_EXECUTABLE_LINK_OPTIONS -static -Wl,--gc-sections)
  add_compile_options(-ffunction-sections -fdata-sections)
endif()

# toml++ header-only: Debian's package config forces its shared library, whose
# loading we would pay for at every start.
add_library(agentgen_toml INTERFACE)
get_target_property(_toml_includes tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(agentgen_toml SYSTEM INTERFACE ${_toml_includes})
target_compile_definitions(agentgen_toml INTERFACE TOML_HEADER_ONLY=1 TOML_EXCEPTIONS=1)
target_compile_features(agentgen_toml INTERFACE cxx_std_17)

# mstch's headers use Boost's variant.
add_library(agentgen_mstch INTERFACE)
target_link_libraries(agentgen_mstch INTERFACE mstch::mstch Boost::headers)

if(AGENTGEN_WARNINGS)
  set(AGENTGEN_WARNING_FLAGS -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
      -Wold-style-cast -Wcast-align -Woverloaded-virtual)
  if(AGENTGEN_WERROR)
    list(APPEND AGENTGEN_WARNING_FLAGS -Werror)
  endif()
endif()
