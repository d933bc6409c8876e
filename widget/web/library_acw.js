// JS functions the C++ side calls (linked with --js-library). Declaring $specialHTMLTargets
// as a dependency keeps the runtime's table of special targets, which the shim fills with
// specialHTMLTargets["!canvas"] = <the canvas> before acw_create.
mergeInto(LibraryManager.library, {
  acw_js_set_cursor__deps: ['$specialHTMLTargets'],
  acw_js_set_cursor: function (name) {
    var canvas = specialHTMLTargets['!canvas'];
    if (canvas && canvas.style) canvas.style.cursor = UTF8ToString(name);
  },
  acw_js_write_clipboard: function (text) {
    try {
      if (navigator.clipboard) navigator.clipboard.writeText(UTF8ToString(text)).catch(function () {});
    } catch (e) {}
  },
});
