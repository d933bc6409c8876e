# Third-party code, all from Debian packages (imgui from its source package, see
# scripts/fetch-imgui.sh). For emcc, /usr/include must never be on the include path (it
# would pull glibc headers into the wasm sysroot), so a folder of symlinks exposes just the
# header-only libraries.
set(ACW_DEPS_DIR "${CMAKE_SOURCE_DIR}/.deps")

if(EMSCRIPTEN)
  set(_inc "${CMAKE_BINARY_DIR}/third-party-include")
  file(MAKE_DIRECTORY "${_inc}")
  foreach(_lib nlohmann doctest)
    if(NOT EXISTS "${_inc}/${_lib}")
      file(CREATE_LINK "/usr/include/${_lib}" "${_inc}/${_lib}" SYMBOLIC)
    endif()
  endforeach()
  add_library(acw_thirdparty INTERFACE)
  target_include_directories(acw_thirdparty SYSTEM INTERFACE "${_inc}")
else()
  find_package(nlohmann_json 3.11 REQUIRED)
  find_package(doctest REQUIRED)
  add_library(acw_thirdparty INTERFACE)
  target_link_libraries(acw_thirdparty INTERFACE nlohmann_json::nlohmann_json)
endif()
