# libFuzzer build (docs/reliability.md, "Fuzzing"). Included by the top-level CMakeLists.txt
# when ACW_FUZZ is ON (preset `fuzz`, clang): builds only the core, the dev backend's request
# validation code and the fuzz targets in tests/fuzz — no backend server, no wasm, no doctest
# suites — everything instrumented with -fsanitize=fuzzer,address,undefined.
#
# Each target gets a ctest smoke test `fuzz_<name>`: it replays the committed seeds (and the
# crash reproducers kept beside them) in tests/fuzz/corpus/<name>, then fuzzes for
# ACW_FUZZ_SMOKE_SECONDS. New inputs go to a fresh build/fuzz/smoke/<name>, crashes to
# build/fuzz/artifacts/. scripts/fuzz.sh runs longer and keeps build/fuzz/corpus/<name>.
include_guard(GLOBAL)

if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "ACW_FUZZ needs clang (libFuzzer); use `cmake --preset fuzz`")
endif()

set(ACW_FUZZ_SMOKE_SECONDS 8 CACHE STRING "Seconds each fuzz target fuzzes in its ctest smoke test")
set(ACW_FUZZ_DIR "${CMAKE_SOURCE_DIR}/tests/fuzz")
set(ACW_FUZZ_SMOKE_DIR "${CMAKE_BINARY_DIR}/smoke")
set(ACW_FUZZ_ARTIFACT_DIR "${CMAKE_BINARY_DIR}/artifacts")

set(_acw_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
# Everything (core, backend validation, targets) gets coverage instrumentation and the
# sanitizers; only the targets link libFuzzer's main (acw_add_fuzzer). -O1 and line tables:
# libFuzzer's usual trade-off between speed, useful stacks and compile time.
add_compile_options(-fsanitize=fuzzer-no-link ${_acw_sanitizers} -O1 -gline-tables-only)
add_link_options(${_acw_sanitizers})

include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer")
check_cxx_source_compiles(
  "#include <cstdint>
   #include <cstddef>
   extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }"
  ACW_HAVE_LIBFUZZER)
unset(CMAKE_REQUIRED_FLAGS)
if(NOT ACW_HAVE_LIBFUZZER)
  message(FATAL_ERROR "clang cannot link libFuzzer: install libclang-rt-14-dev (scripts/bootstrap.sh)")
endif()

file(MAKE_DIRECTORY "${ACW_FUZZ_ARTIFACT_DIR}")

# Symbolized reports (file:line) need llvm-symbolizer (Debian package llvm).
find_program(ACW_LLVM_SYMBOLIZER NAMES llvm-symbolizer llvm-symbolizer-14)
set(ACW_FUZZ_ENV "ASAN_OPTIONS=detect_leaks=1" "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
if(ACW_LLVM_SYMBOLIZER)
  list(APPEND ACW_FUZZ_ENV "ASAN_SYMBOLIZER_PATH=${ACW_LLVM_SYMBOLIZER}")
endif()

# acw_add_fuzzer(<name> SOURCES <files…> LIBS <libs…> [DICT <file in tests/fuzz/dict>]
#                [MAX_LEN <bytes>])
# Builds the libFuzzer binary fuzz_<name> and its smoke test fuzz_<name>.
function(acw_add_fuzzer name)
  cmake_parse_arguments(F "" "DICT;MAX_LEN" "SOURCES;LIBS" ${ARGN})
  set(target "fuzz_${name}")
  add_executable(${target} ${F_SOURCES})
  target_link_libraries(${target} PRIVATE ${F_LIBS})
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)
  target_compile_options(${target} PRIVATE -Wall -Wextra)

  if(NOT F_MAX_LEN)
    set(F_MAX_LEN 4096)
  endif()
  set(seeds "${ACW_FUZZ_DIR}/corpus/${name}")
  set(work "${ACW_FUZZ_SMOKE_DIR}/${name}")
  # The options every run of this target uses; scripts/fuzz.sh reads them from this file.
  set(options -timeout=10 -rss_limit_mb=2048 -max_len=${F_MAX_LEN} -print_final_stats=1
              -artifact_prefix=${ACW_FUZZ_ARTIFACT_DIR}/${name}-)
  if(F_DICT)
    list(APPEND options "-dict=${ACW_FUZZ_DIR}/dict/${F_DICT}")
  endif()
  list(JOIN options "\n" lines)
  file(WRITE "${CMAKE_BINARY_DIR}/targets/${name}.options" "${lines}\n")

  # The first folder receives new inputs; the seeds folder is only read. It starts empty on
  # every run, so the smoke always costs the seeds plus ACW_FUZZ_SMOKE_SECONDS (the corpus that
  # grows over runs is scripts/fuzz.sh's).
  add_test(NAME ${target}
           COMMAND sh -c "rm -rf \"$1\" && mkdir -p \"$1\" && shift && exec \"$@\"" smoke "${work}"
                   $<TARGET_FILE:${target}> -max_total_time=${ACW_FUZZ_SMOKE_SECONDS} ${options}
                   "${work}" "${seeds}")
  math(EXPR limit "${ACW_FUZZ_SMOKE_SECONDS} * 3 + 60")
  set_tests_properties(${target} PROPERTIES
    LABELS fuzz
    TIMEOUT ${limit}
    ENVIRONMENT "${ACW_FUZZ_ENV}")
endfunction()

enable_testing()
add_subdirectory(widget/core)
add_subdirectory(tests/fuzz)
