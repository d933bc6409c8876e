// input.js — pointer, wheel and keyboard input from the widget's own canvas, never from window
// or document: the host page's keys stay the host's. (The accessibility mirror's elements handle
// their own keys, a11y.js.)

// DOM keyCodes ImGui's key map uses (widget/web/input_queue.cpp).
const FORWARDED_KEYS = new Set([8, 9, 13, 27, 33, 34, 35, 36, 37, 38, 39, 40, 45, 46, 65, 67, 86, 88, 89, 90]);
const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || '');
const DOM_DELTA_LINE = 1;
const DOM_DELTA_PAGE = 2;

function modifiers(e) {
  // On macOS, Cmd does what Ctrl does elsewhere (select all, copy, undo …).
  const ctrl = e.ctrlKey || (IS_MAC && e.metaKey);
  return (ctrl ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
}

function isPrintable(e) {
  if ([...e.key].length !== 1) return false;
  if (e.ctrlKey && e.altKey) return true;  // AltGr on Windows layouts
  return !e.ctrlKey && !e.metaKey;
}

// ctrl.input(fn) runs fn(core) and schedules a frame, returning fn's result.
// ctrl.itemAt(x, y) → the snapshot item under a point (or null).
// ctrl.tapField(item) → a text field was tapped (touch, pen): focus a real <input> for it so
// that on-screen keyboards open; true when it did.
function attachInput({ canvas, ctrl }) {
  const removers = [];
  const on = (el, type, fn, opts) => {
    el.addEventListener(type, fn, opts);
    removers.push(() => el.removeEventListener(type, fn, opts));
  };
  const pressed = new Set();

  // CSS px relative to the canvas content box (also under CSS transforms).
  const point = (e) => {
    const r = canvas.getBoundingClientRect();
    const sx = r.width ? canvas.clientWidth / r.width : 1;
    const sy = r.height ? canvas.clientHeight / r.height : 1;
    return [(e.clientX - r.left) * sx - canvas.clientLeft, (e.clientY - r.top) * sy - canvas.clientTop];
  };
  const button = (e) => (e.button >= 0 && e.button <= 2 ? e.button : -1);

  on(canvas, 'pointermove', (e) => {
    const [x, y] = point(e);
    ctrl.input((core) => core.pointer(0, x, y, 0));
  });
  on(canvas, 'pointerdown', (e) => {
    if (button(e) < 0) return;
    if (canvas.setPointerCapture) {
      try { canvas.setPointerCapture(e.pointerId); } catch (_) { /* not capturable */ }
    }
    const [x, y] = point(e);
    ctrl.input((core) => core.pointer(1, x, y, button(e)));
  });
  const release = (e) => {
    if (button(e) < 0) return;
    const [x, y] = point(e);
    ctrl.input((core) => core.pointer(2, x, y, button(e)));
    // Touch: a tap on a text field opens the on-screen keyboard through the field's mirror
    // <input>, focused on the click that follows (the compatibility mousedown would focus the
    // canvas), still inside the user's gesture as iOS requires.
    touchField = null;
    if (e.type === 'pointerup' && e.pointerType !== 'mouse') {
      const item = ctrl.itemAt(x, y);
      if (item && item.role === 'input' && item.enabled) touchField = item;
    }
  };
  let touchField = null;
  on(canvas, 'click', () => {
    if (!touchField) return;
    const item = touchField;
    touchField = null;
    ctrl.tapField(item);
  });
  on(canvas, 'pointerup', release);
  on(canvas, 'pointercancel', release);
  on(canvas, 'pointerleave', (e) => {
    if (e.buttons === 0) ctrl.input((core) => core.pointer(3, 0, 0, 0));
  });

  on(canvas, 'wheel', (e) => {
    const unit = e.deltaMode === DOM_DELTA_LINE ? 16 : e.deltaMode === DOM_DELTA_PAGE ? canvas.clientHeight : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    // Only when the widget itself scrolls that way; otherwise the page scrolls as usual.
    if (ctrl.input((core) => core.wheel(dx, dy))) e.preventDefault();
  }, { passive: false });

  const keydown = (e) => {
    if (e.isComposing || e.keyCode === 229) return;  // IME: the text arrives as an input event
    if (isPrintable(e)) {
      if (ctrl.input((core) => core.text(e.key))) e.preventDefault();
      return;
    }
    if (!FORWARDED_KEYS.has(e.keyCode)) return;
    const mods = modifiers(e);
    if (e.keyCode === 86 && (mods & 1)) return;  // paste arrives as a paste event
    pressed.add(e.keyCode);
    const taken = ctrl.input((core) => core.key(e.keyCode, true, mods));
    if (taken && e.keyCode !== 9) e.preventDefault();  // Tab always leaves the widget
  };
  const keyup = (e) => {
    if (!pressed.delete(e.keyCode)) return;
    ctrl.input((core) => core.key(e.keyCode, false, modifiers(e)));
  };
  const paste = (e) => {
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (text && ctrl.input((core) => core.text(text))) e.preventDefault();
  };
  const focus = () => ctrl.input((core) => core.focus(true));
  const blur = (e) => {
    if (e.relatedTarget === canvas) return;
    for (const code of pressed) ctrl.input((core) => core.key(code, false, 0));
    pressed.clear();
    ctrl.input((core) => core.focus(false));
  };

  on(canvas, 'keydown', keydown);
  on(canvas, 'keyup', keyup);
  on(canvas, 'paste', paste);
  on(canvas, 'focus', focus);
  on(canvas, 'blur', blur);

  return () => {
    for (const remove of removers) remove();
    removers.length = 0;
  };
}
