# Dear ImGui 1.86 from Debian's source package, unpacked into .deps/imgui by
# scripts/fetch-imgui.sh (never committed). Two libraries:
#   acw_imgui          the core (no default font, no file functions)
#   acw_imgui_opengl3  its OpenGL3 renderer backend, built for WebGL2 (GLES 3, "#version 300 es")
include_guard(GLOBAL)

set(ACW_IMGUI_DIR "${CMAKE_CURRENT_LIST_DIR}/../.deps/imgui" CACHE PATH "Dear ImGui 1.86 sources")
if(NOT EXISTS "${ACW_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${ACW_IMGUI_DIR}: run scripts/fetch-imgui.sh")
endif()

# ImFontAtlas::Build() falls back to the embedded ProggyClean font (12 KB of base85 text, about
# 9 KB gzip in the wasm) when no font was added; the widget always adds its own, and 1.86 has no
# switch for it. So imgui_draw.cpp is compiled from a copy without that one call.
set(_acw_draw_copy "${CMAKE_BINARY_DIR}/imgui/imgui_draw.cpp")
file(READ "${ACW_IMGUI_DIR}/imgui_draw.cpp" _acw_draw)
set(_acw_fallback "    if (ConfigData.Size == 0)\n        AddFontDefault();")
string(FIND "${_acw_draw}" "${_acw_fallback}" _acw_at)
if(_acw_at EQUAL -1)
  message(FATAL_ERROR "imgui_draw.cpp: the default-font fallback in ImFontAtlas::Build() was not found")
endif()
string(REPLACE "${_acw_fallback}"
  "    IM_ASSERT(ConfigData.Size > 0 && \"the widget adds its own fonts\");" _acw_draw "${_acw_draw}")
file(WRITE "${_acw_draw_copy}.new" "${_acw_draw}")
file(COPY_FILE "${_acw_draw_copy}.new" "${_acw_draw_copy}" ONLY_IF_DIFFERENT)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${ACW_IMGUI_DIR}/imgui_draw.cpp")

add_library(acw_imgui STATIC
  "${ACW_IMGUI_DIR}/imgui.cpp"
  "${_acw_draw_copy}"
  "${ACW_IMGUI_DIR}/imgui_tables.cpp"
  "${ACW_IMGUI_DIR}/imgui_widgets.cpp"
)
target_include_directories(acw_imgui SYSTEM PUBLIC "${ACW_IMGUI_DIR}")
target_compile_definitions(acw_imgui PUBLIC
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_FILE_FUNCTIONS     # no .ini, no logs: io.IniFilename is null
  IMGUI_DISABLE_METRICS_WINDOW     # no debug tools: NewFrame calls their updates (−1.0 KB gzip)
)

add_library(acw_imgui_opengl3 STATIC "${ACW_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(acw_imgui_opengl3 SYSTEM PUBLIC "${ACW_IMGUI_DIR}/backends")
target_compile_definitions(acw_imgui_opengl3 PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(acw_imgui_opengl3 PUBLIC acw_imgui)
