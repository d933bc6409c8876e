# Dear ImGui 1.86 from Debian's source package, unpacked into .deps/imgui by
# scripts/fetch-imgui.sh (never committed). Two libraries:
#   acw_imgui          the core (no demo, no default font, no file functions)
#   acw_imgui_opengl3  its OpenGL3 renderer backend, built for WebGL2 (GLES 3, "#version 300 es")
include_guard(GLOBAL)

set(ACW_IMGUI_DIR "${CMAKE_CURRENT_LIST_DIR}/../.deps/imgui" CACHE PATH "Dear ImGui 1.86 sources")
if(NOT EXISTS "${ACW_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${ACW_IMGUI_DIR}: run scripts/fetch-imgui.sh")
endif()

add_library(acw_imgui STATIC
  "${ACW_IMGUI_DIR}/imgui.cpp"
  "${ACW_IMGUI_DIR}/imgui_draw.cpp"
  "${ACW_IMGUI_DIR}/imgui_tables.cpp"
  "${ACW_IMGUI_DIR}/imgui_widgets.cpp"
)
target_include_directories(acw_imgui SYSTEM PUBLIC "${ACW_IMGUI_DIR}")
target_compile_definitions(acw_imgui PUBLIC
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_FONT       # the widget embeds its own subset font (cmake/Font.cmake)
  IMGUI_DISABLE_FILE_FUNCTIONS     # no .ini, no logs: io.IniFilename is null
)

add_library(acw_imgui_opengl3 STATIC "${ACW_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(acw_imgui_opengl3 SYSTEM PUBLIC "${ACW_IMGUI_DIR}/backends")
target_compile_definitions(acw_imgui_opengl3 PUBLIC IMGUI_IMPL_OPENGL_ES3)
target_link_libraries(acw_imgui_opengl3 PUBLIC acw_imgui)
