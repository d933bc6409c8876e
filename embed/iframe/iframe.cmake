# The iframe embed (embed/iframe/): copied into dist/ beside ai-credits-widget.js.
#   dist/iframe.html            the widget page an <iframe> loads
#   dist/ai-credits-frame.js    its script: the postMessage wallet provider, height reports
#   dist/ai-credits-frame.css   its style
#   dist/ai-credits-bridge.js   the host page's script: AiCreditsWidget.bridge()
# Included from widget/web/CMakeLists.txt: include("${ACW_EMBED_DIR}/iframe/iframe.cmake")
set(_acw_iframe_dir "${CMAKE_CURRENT_LIST_DIR}")
set(_acw_iframe_out "${CMAKE_BINARY_DIR}/dist")
set(_acw_iframe_files
  "iframe.html=iframe.html"
  "frame.js=ai-credits-frame.js"
  "frame.css=ai-credits-frame.css"
  "bridge.js=ai-credits-bridge.js")
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
add_custom_target(acw_iframe_embed ALL DEPENDS ${_acw_iframe_outputs})
