// The WebGL2 context on the canvas the JS shim registered as specialHTMLTargets["!canvas"]
// (a canvas inside a shadow root is invisible to document.querySelector).
#pragma once

namespace acw::web {

class GlContext {
 public:
  ~GlContext() { destroy(); }
  bool create();             // WebGL2; false when the browser cannot make one
  void destroy();
  bool valid() const { return handle_ != 0; }
  bool make_current() const;
  // Sets the backing store (canvas.width/height) to device pixels.
  void set_backing_size(int width, int height) const;

 private:
  int handle_ = 0;
};

}  // namespace acw::web
