# The iframe embed (embed/iframe/), into dist/ beside ai-credits-widget.js:
#   dist/iframe.html            the widget page an <iframe> loads
#   dist/ai-credits-frame.js    its script: the postMessage wallet provider, height reports
#   dist/ai-credits-frame.css   its style
#   dist/ai-credits-bridge.js   the host page's script: AiCreditsWidget.bridge()
#   dist/ai-credits-bridge.mjs  the same as an ES module: import { bridge }
# Included from widget/web/CMakeLists.txt: include("${ACW_EMBED_DIR}/iframe/iframe.cmake")
set(_acw_iframe_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_acw_iframe_out "${CMAKE_BINARY_DIR}/dist")
set(_acw_iframe_files
  "iframe.html=iframe.html"
  "frame.js=ai-credits-frame.js"
  "frame.css=ai-credits-frame.css")
set(_acw_iframe_outputs "")
foreach(pair IN LISTS _acw_iframe_files)
  string(REPLACE "=" ";" pair "${pair}")
  list(GET pair 0 src)
  list(GET pair 1 dst)
  add_custom_command(OUTPUT "${_acw_iframe_out}/${dst}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_acw_iframe_out}"
    COMMAND ${CMAKE_COMMAND} -E copy "${_acw_iframe_dir}/${src}" "${_acw_iframe_out}/${dst}"
    DEPENDS "${_acw_iframe_dir}/${src}"
    COMMENT "iframe embed: dist/${dst}" VERBATIM)
  list(APPEND _acw_iframe_outputs "${_acw_iframe_out}/${dst}")
endforeach()
# The bridge: one source, as a classic script and as an ES module (embed/concat.cmake).
foreach(flavor IN ITEMS script module)
  set(ext js)
  if(flavor STREQUAL "module")
    set(ext mjs)
  endif()
  set(out "${_acw_iframe_out}/ai-credits-bridge.${ext}")
  set(sources "${_acw_iframe_dir}/bridge.js;${_acw_iframe_dir}/bridge-${flavor}-tail.js")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${_acw_iframe_out}"
    COMMAND ${CMAKE_COMMAND} "-DOUT=${out}" "-DSOURCES=${sources}" "-DFLAVOR=${flavor}"
            "-DBANNER=ai-credits-widget: the iframe embed's host bridge (embed/iframe/)."
            -P "${CMAKE_CURRENT_LIST_DIR}/../concat.cmake"
    DEPENDS ${sources} "${CMAKE_CURRENT_LIST_DIR}/../concat.cmake"
    COMMENT "iframe embed: dist/ai-credits-bridge.${ext}" VERBATIM)
  list(APPEND _acw_iframe_outputs "${out}")
endforeach()
add_custom_target(acw_iframe_embed ALL DEPENDS ${_acw_iframe_outputs})
