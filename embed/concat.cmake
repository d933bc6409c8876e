# cmake -DOUT=shim.js "-DSOURCES=a.js;b.js" -P concat.cmake
# Wraps the shim's files in one IIFE so nothing but window.AiCreditsWidget (and the custom
# element) leaks into the page's global scope.
set(body "/* ai-credits-widget: JS shim (embed/). */\n(function () {\n'use strict';\n")
foreach(src IN LISTS SOURCES)
  file(READ "${src}" text)
  get_filename_component(name "${src}" NAME)
  string(APPEND body "\n// ---- ${name}\n${text}")
endforeach()
string(APPEND body "})();\n")
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
