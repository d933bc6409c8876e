# cmake -DOUT=out.js "-DSOURCES=a.js;b.js" [-DFLAVOR=script|module] [-DRUNTIME=emcc.js]
#       [-DVERSION_FROM=package.json] [-DBANNER=text] -P concat.cmake
# Joins JS files into one classic script or one ES module, from the same sources:
#   script (default): RUNTIME as it is, then the sources in one IIFE, so nothing leaks into the
#     page's global scope but what the entry's tail publishes;
#   module: RUNTIME inside a function whose locals hide emcc's UMD tail (module, exports,
#     define) from bundlers, then the sources at the module's top level (module scope).
# VERSION_FROM: a package.json whose "version" becomes `const VERSION` ahead of the sources.
if(NOT FLAVOR)
  set(FLAVOR script)
endif()
if(NOT BANNER)
  set(BANNER "ai-credits-widget: JS shim (embed/).")
endif()
set(body "")
if(RUNTIME)
  file(READ "${RUNTIME}" runtime)
  if(FLAVOR STREQUAL "module")
    string(APPEND body "const AiCreditsWidgetCore = (function () {\nvar module, exports, define;\n"
                       "${runtime}\nreturn AiCreditsWidgetCore;\n})();\n")
  else()
    string(APPEND body "${runtime}\n")
  endif()
endif()
string(APPEND body "/* ${BANNER} */\n")
if(FLAVOR STREQUAL "script")
  string(APPEND body "(function () {\n'use strict';\n")
endif()
if(VERSION_FROM)
  file(READ "${VERSION_FROM}" manifest)
  string(JSON version GET "${manifest}" version)
  string(APPEND body "const VERSION = '${version}';\n")
endif()
foreach(src IN LISTS SOURCES)
  file(READ "${src}" text)
  get_filename_component(name "${src}" NAME)
  string(APPEND body "\n// ---- ${name}\n${text}")
endforeach()
if(FLAVOR STREQUAL "script")
  string(APPEND body "})();\n")
endif()
file(WRITE "${OUT}.tmp" "${body}")
file(RENAME "${OUT}.tmp" "${OUT}")
