// timers.js — setTimeout calls owned by one widget part: cancel() drops one, stop() drops them
// all and ignores what would still fire (teardown).

class Timers {
  constructor() {
    this.ids = new Set();
    this.stopped = false;
  }

  later(fn, ms) {
    const id = setTimeout(() => {
      this.ids.delete(id);
      if (!this.stopped) fn();
    }, ms);
    this.ids.add(id);
    return id;
  }

  cancel(id) {
    clearTimeout(id);
    this.ids.delete(id);
  }

  stop() {
    this.stopped = true;
    for (const id of this.ids) clearTimeout(id);
    this.ids.clear();
  }
}
