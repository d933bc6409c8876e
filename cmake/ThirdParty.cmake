# Third-party code, all from Debian packages (imgui from its source package, see
# scripts/fetch-imgui.sh). For emcc, /usr/include must never be on the include path (it
# would pull glibc headers into the wasm sysroot), so a folder of symlinks exposes just the
# header-only test library.
#
# acw_doctest: the unit tests' framework (native and wasm).
# acw_nlohmann: nlohmann::json, for the dev backend only (native). The widget (core, UI, web
# layer) has its own JSON (widget/core/json.h), so the wasm build does not offer it at all.
set(ACW_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps")

if(EMSCRIPTEN)
  set(_inc "${CMAKE_BINARY_DIR}/third-party-include")
  file(MAKE_DIRECTORY "${_inc}")
  file(REMOVE "${_inc}/nlohmann")  # offered by earlier versions of this file
  if(NOT EXISTS "${_inc}/doctest")
    file(CREATE_LINK "/usr/include/doctest" "${_inc}/doctest" SYMBOLIC)
  endif()
  add_library(acw_doctest INTERFACE)
  target_include_directories(acw_doctest SYSTEM INTERFACE "${_inc}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(doctest REQUIRED)
  add_library(acw_doctest INTERFACE)
  target_link_libraries(acw_doctest INTERFACE doctest::doctest)
  add_library(acw_nlohmann INTERFACE)
  target_link_libraries(acw_nlohmann INTERFACE nlohmann_json::nlohmann_json)
  # A throwing nlohmann call aborts instead (the backend never relies on its exceptions).
  target_compile_definitions(acw_nlohmann INTERFACE JSON_NOEXCEPTION)
endif()
