# Third-party code, all from Debian packages (imgui from its source package, see
# scripts/fetch-imgui.sh). For emcc, /usr/include must never be on the include path (it
# would pull glibc headers into the wasm sysroot), so a folder of symlinks exposes just the
# header-only libraries.
#
# acw_nlohmann  nlohmann::json (nlohmann-json3-dev), for the core and the dev backend. Built
#               with JSON_NOEXCEPTION everywhere: nothing of ours may rely on its exceptions
#               (the wasm has none), so a missed case aborts under the native tests and fuzzers
#               instead of hiding.
# acw_fmt       fmt (libfmt-dev) header-only, trimmed to what the core formats: integers and
#               strings, no floating point, no std::locale (TOOLCHAIN.md: +11.6 KB instead of
#               +60 KB gzip in the widget). Without exceptions a malformed format string is not
#               reported, so tests/unit/strings_test.cpp formats every template of every locale.
# acw_doctest   the unit tests' framework (native and wasm).
set(ACW_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps")

add_library(acw_nlohmann INTERFACE)
add_library(acw_fmt INTERFACE)
add_library(acw_doctest INTERFACE)
if(EMSCRIPTEN)
  set(_inc "${CMAKE_BINARY_DIR}/third-party-include")
  file(MAKE_DIRECTORY "${_inc}")
  foreach(_lib nlohmann fmt doctest)
    if(NOT EXISTS "${_inc}/${_lib}")
      file(CREATE_LINK "/usr/include/${_lib}" "${_inc}/${_lib}" SYMBOLIC)
    endif()
  endforeach()
  foreach(_target acw_nlohmann acw_fmt acw_doctest)
    target_include_directories(${_target} SYSTEM INTERFACE "${_inc}")
  endforeach()
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(fmt 9 REQUIRED)
  find_package(doctest REQUIRED)
  target_link_libraries(acw_nlohmann INTERFACE nlohmann_json::nlohmann_json)
  # Header-only natively too, so the core is the same code in both builds.
  target_link_libraries(acw_fmt INTERFACE fmt::fmt-header-only)
  target_link_libraries(acw_doctest INTERFACE doctest::doctest)
endif()
target_compile_definitions(acw_nlohmann INTERFACE JSON_NOEXCEPTION)
target_compile_definitions(acw_fmt INTERFACE
  FMT_HEADER_ONLY
  FMT_EXCEPTIONS=0
  FMT_STATIC_THOUSANDS_SEPARATOR
  FMT_USE_FLOAT=0
  FMT_USE_DOUBLE=0
  FMT_USE_LONG_DOUBLE=0
  FMT_REDUCE_INT_INSTANTIATIONS=1
  FMT_USE_INT128=0  # money is never formatted by fmt (money.h): no 128-bit integer paths
)
