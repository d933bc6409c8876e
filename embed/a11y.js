// a11y.js — the accessibility mirror: real, visually hidden elements in the shadow root for what
// the canvas draws, built from the same recorded items as snapshot() (acw_semantics), in drawn
// order. Screen readers read it, Tab reaches it, Enter/Space activate it and on-screen keyboards
// type into it; the canvas itself is aria-hidden. A mirror element does what the same action on
// the canvas does (a click dispatches {"type":"click","id"}, typing {"type":"input","id","text"})
// and, while it has the focus, the canvas draws a focus ring around its item (acw_focus_item).
// A polite live region announces state changes and new error / warning / success notices.

const NOTICE_LOOKS = new Set(['error', 'warning', 'success']);
const LIVE_DELAY_MS = 350;     // typing changes notices per keystroke: announce where it settles
const SUMMARY_ITEMS = 3;       // on a state change, announce up to this many new texts

// Visually hidden, not display:none: every element lies over its item (so a screen reader's
// focus box and the page's scroll-into-view match the canvas) but is clipped to nothing.
const MIRROR_CSS = `
.a11y { position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: clip;
        pointer-events: none; margin: 0; padding: 0; }
.a11y > *, .a11y-live { position: absolute; margin: 0; padding: 0; border: 0; overflow: hidden;
        clip-path: inset(50%); white-space: nowrap; pointer-events: none;
        background: transparent; color: transparent; font-size: 16px; outline: none; }
.a11y-live { left: 0; top: 0; width: 1px; height: 1px; }
`;

const isHint = (item) => item.role === 'text' && item.id.endsWith('.hint');

function tagOf(item) {
  switch (item.role) {
    case 'button': return 'button';
    case 'link': return 'a';
    case 'input': return 'input';
    case 'checkbox': return 'input:checkbox';
    default: return item.look === 'heading' ? 'h2' : 'p';
  }
}

// An element id, unique in the shadow root, for aria-describedby.
const domId = (id) => `acw-a11y-${id.replace(/[^\w-]/g, '_')}`;

function setAttr(el, name, value) {
  if (value === null || value === undefined || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  } else if (el.getAttribute(name) !== String(value)) {
    el.setAttribute(name, String(value));
  }
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}

// Caret of a text field as a UTF-8 byte offset (what the core's strings count), or -1.
function caretOf(el) {
  if (!el || el.tagName !== 'INPUT' || el.type !== 'text' || el.selectionEnd == null) return -1;
  return new TextEncoder().encode(el.value.slice(0, el.selectionEnd)).length;
}

const sentence = (text) => (/[.!?…:]$/.test(text) ? text : `${text}.`);

class A11yMirror {
  // root: the shadow root; canvas: the widget's canvas (the mirror lies over it);
  // actions: {click(id), input(id, text), focus(id, caret)}; later(fn, ms) / clearLater(id):
  // timers the controller cancels on destroy.
  // lang: the widget's locale (its texts' language, which may differ from the page's).
  constructor({ root, canvas, label = 'AI credits', lang = '', actions, later, clearLater }) {
    this.canvas = canvas;
    this.actions = actions;
    this.later = later;
    this.clearLater = clearLater;
    this.nodes = new Map();  // id → element
    this.items = new Map();  // id → the item it shows
    this.state = null;
    this.notices = [];
    this.seen = new Set();   // ids of the last update
    this.liveTimer = 0;
    this.focusedId = '';
    this.caret = -1;

    this.group = document.createElement('div');
    this.group.className = 'a11y';
    this.group.setAttribute('role', 'group');
    this.group.setAttribute('aria-label', label);
    this.group.tabIndex = -1;  // where the focus goes when its element disappears
    this.live = document.createElement('div');
    if (lang) {
      this.group.lang = lang;
      this.live.lang = lang;
    }
    this.live.className = 'a11y-live';
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    root.append(this.group, this.live);

    this.removers = [];
    const on = (type, fn) => {
      this.group.addEventListener(type, fn);
      this.removers.push(() => this.group.removeEventListener(type, fn));
    };
    on('click', (e) => this.onClick(e));
    on('input', (e) => this.onInput(e));
    on('focusin', (e) => this.onFocus(e.target));
    on('focusout', (e) => {
      if (!e.relatedTarget || !this.group.contains(e.relatedTarget)) this.setFocus('', -1);
    });
    // The caret moves without input events too (arrows, Home/End, selection).
    for (const type of ['keyup', 'select']) on(type, (e) => this.onCaret(e.target));
  }

  idOf(el) {
    const node = el && el.closest ? el.closest('[data-id]') : null;
    return node && this.group.contains(node) ? node.dataset.id : '';
  }

  onClick(e) {
    const id = this.idOf(e.target);
    const item = this.items.get(id);
    if (!item || item.role === 'input' || item.role === 'text') return;
    e.preventDefault();  // no navigation to "#", no native checkbox toggle: the core decides
    if (item.enabled) this.actions.click(id);
  }

  onInput(e) {
    const id = this.idOf(e.target);
    const item = this.items.get(id);
    if (!item || item.role !== 'input') return;
    if (!item.enabled) {
      e.target.value = item.value || '';
      return;
    }
    this.actions.input(id, e.target.value);
    this.onCaret(e.target);
  }

  // Only the element that has the focus moves the ring and the caret (a script may set a
  // field's value without focusing it).
  onCaret(el) {
    if (el && el.getRootNode().activeElement === el) this.onFocus(el);
  }

  onFocus(el) {
    if (el === this.group) {
      this.setFocus('', -1);
      return;
    }
    this.setFocus(this.idOf(el), caretOf(el));
  }

  setFocus(id, caret) {
    if (id === this.focusedId && caret === this.caret) return;
    this.focusedId = id;
    this.caret = caret;
    this.actions.focus(id, caret);
  }

  // Focuses the mirror's text field `id` (a tap on the canvas field: opens on-screen keyboards).
  focusField(id) {
    const el = this.nodes.get(id);
    if (!el) return false;
    el.focus({ preventScroll: true });
    const end = el.value.length;
    try { el.setSelectionRange(end, end); } catch (_) { /* not a text field */ }
    this.onFocus(el);
    return true;
  }

  // sem: acw_semantics() — {state, busy, focus, items:[{id, label, role, look, rect, enabled,
  // visible, selected?; inputs: value, hint, name, numeric, describedBy}]}.
  update(sem) {
    const root = this.group.getRootNode();
    const active = root.activeElement || null;
    const activeId = active && this.group.contains(active) ? this.idOf(active) : '';
    const hadFocus = active === this.group || !!activeId;
    const previousLabel = activeId && this.items.get(activeId) ? this.items.get(activeId).label : null;

    // Where the canvas lies in the host (its rects are relative to it).
    const c = this.canvas;
    const box = { left: c.offsetLeft + c.clientLeft, top: c.offsetTop + c.clientTop, width: c.clientWidth, height: c.clientHeight };
    const gs = this.group.style;
    gs.left = `${box.left}px`;
    gs.top = `${box.top}px`;
    gs.width = `${box.width}px`;
    gs.height = `${box.height}px`;

    // The group is named by the widget's (localised) title, its first heading.
    const title = sem.items.find((i) => i.look === 'heading');
    if (title && title.label) setAttr(this.group, 'aria-label', title.label);

    // Repeated ids: the first one is the item.
    const items = new Map();
    for (const item of sem.items) if (!items.has(item.id)) items.set(item.id, item);
    const order = [];
    sem.items.forEach((item) => {
      if (items.get(item.id) !== item) return;
      let el = this.nodes.get(item.id);
      const tag = tagOf(item);
      if (!el || el.dataset.tag !== tag) {
        const fresh = this.create(tag, item.id);
        if (el) el.replaceWith(fresh);
        el = fresh;
        this.nodes.set(item.id, el);
      }
      this.apply(el, item, items);
      order.push(el);
    });
    for (const [id, el] of this.nodes) {
      if (!items.has(id)) {
        el.remove();
        this.nodes.delete(id);
      }
    }
    this.items = items;
    // Drawn order; only elements out of place move (a moved element would lose the focus).
    let cursor = this.group.firstChild;
    for (const el of order) {
      if (el === cursor) cursor = cursor.nextSibling;
      else this.group.insertBefore(el, cursor);
    }
    if (hadFocus && root.activeElement !== active) {
      const keep = activeId && this.nodes.get(activeId);
      (keep || this.group).focus({ preventScroll: true });
      if (!keep) this.setFocus('', -1);
    }

    this.announce(sem, activeId && items.get(activeId), previousLabel);
  }

  create(tag, id) {
    let el;
    if (tag === 'input') {
      el = document.createElement('input');
      el.type = 'text';
      el.autocomplete = 'off';
      el.spellcheck = false;
      el.setAttribute('autocapitalize', 'off');
      el.setAttribute('autocorrect', 'off');
      el.setAttribute('enterkeyhint', 'done');
    } else if (tag === 'input:checkbox') {
      el = document.createElement('input');
      el.type = 'checkbox';
    } else {
      el = document.createElement(tag);
      if (tag === 'button') el.type = 'button';
      if (tag === 'a') el.href = '#';
    }
    el.dataset.tag = tag;
    el.dataset.id = id;
    return el;
  }

  apply(el, item, items) {
    const s = el.style;
    const { x, y, w, h } = item.rect;
    const px = (v) => `${Math.round(v)}px`;
    if (s.left !== px(x)) s.left = px(x);
    if (s.top !== px(y)) s.top = px(y);
    if (s.width !== px(Math.max(1, w))) s.width = px(Math.max(1, w));
    if (s.height !== px(Math.max(1, h))) s.height = px(Math.max(1, h));
    const disabled = !item.enabled;
    const hintId = items.has(`${item.id}.hint`) ? domId(`${item.id}.hint`) : null;

    switch (item.role) {
      case 'button':
        setText(el, item.label);
        setAttr(el, 'aria-disabled', disabled && 'true');
        setAttr(el, 'aria-pressed', 'selected' in item ? String(!!item.selected) : null);
        setAttr(el, 'aria-describedby', hintId);
        break;
      case 'link':
        setText(el, item.label);
        setAttr(el, 'aria-disabled', disabled && 'true');
        setAttr(el, 'aria-describedby', hintId);
        break;
      case 'checkbox':
        el.checked = !!item.selected;
        setAttr(el, 'aria-label', item.label);
        setAttr(el, 'aria-disabled', disabled && 'true');
        break;
      case 'input': {
        // The core names the field, says whether it takes an amount and which item explains
        // its value (an error makes it invalid).
        setAttr(el, 'aria-label', item.name || item.label || item.hint || item.id);
        setAttr(el, 'placeholder', item.hint || null);
        setAttr(el, 'inputmode', item.numeric ? 'decimal' : null);
        setAttr(el, 'aria-disabled', disabled && 'true');
        el.readOnly = disabled;
        const by = items.get(item.describedBy);
        setAttr(el, 'aria-invalid', by?.look === 'error' ? 'true' : null);
        setAttr(el, 'aria-describedby', by ? domId(by.id) : null);
        // The core's text wins unless it is what the field shows already (typing goes on).
        const value = item.value || '';
        if (el.value !== value) {
          const focused = el.getRootNode().activeElement === el;
          el.value = value;
          if (focused) el.setSelectionRange(value.length, value.length);
        }
        break;
      }
      default:
        setText(el, item.label);
        break;
    }
    setAttr(el, 'id', item.role === 'text' ? domId(item.id) : null);
  }

  // Polite announcements, only when something changed: on a state change the texts the new
  // state brings (e.g. "Connected: 0x…") and its notices; otherwise notices that are new, or
  // the new label of the focused button ("Confirm in your wallet…").
  announce(sem, focusedItem, previousLabel) {
    const first = this.state === null;
    const notices = sem.items.filter((i) => i.role === 'text' && NOTICE_LOOKS.has(i.look) && !isHint(i))
      .map((i) => i.label).filter(Boolean);
    let parts = [];
    if (!first && sem.state !== this.state) {
      const fresh = sem.items.filter((i) => i.role === 'text' && !this.seen.has(i.id) && !isHint(i) &&
        !NOTICE_LOOKS.has(i.look) && i.look !== 'code' && i.label).slice(0, SUMMARY_ITEMS).map((i) => i.label);
      parts = [...fresh, ...notices];
    } else if (!first) {
      parts = notices.filter((n) => !this.notices.includes(n));
    }
    if (!first && focusedItem && previousLabel !== null && focusedItem.label !== previousLabel &&
        focusedItem.role !== 'text') {
      parts.unshift(focusedItem.label);
    }
    this.state = sem.state;
    this.notices = notices;
    this.seen = new Set(sem.items.map((i) => i.id));
    if (parts.length) this.say([...new Set(parts)].map(sentence).join(' '));
  }

  say(text) {
    if (this.liveTimer) this.clearLater(this.liveTimer);
    this.liveTimer = this.later(() => {
      this.liveTimer = 0;
      if (this.live.textContent === text) {
        // The same message again (it came back): clear first so it is announced again.
        this.live.textContent = '';
        this.liveTimer = this.later(() => {
          this.liveTimer = 0;
          this.live.textContent = text;
        }, 50);
      } else {
        this.live.textContent = text;
      }
    }, LIVE_DELAY_MS);
  }

  destroy() {
    for (const remove of this.removers.splice(0)) remove();
    if (this.liveTimer) this.clearLater(this.liveTimer);
    this.group.remove();
    this.live.remove();
    this.nodes.clear();
  }
}
