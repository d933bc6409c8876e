// The storybook page: a sidebar of stories grouped by flow, the real <ai-credits-widget> loaded
// from a State fixture per story, controls for theme / width / devicePixelRatio / locale, and play
// stories. No network: fixture stories get a scripted no-op wallet, and the backend URL
// (http://storybook.invalid) is answered inside the page.
//
// Test hook: window.storybook = {stories, ready, open(id, controls?), current(), element(),
// play(), runStep(), playSteps()} — open() resolves once the story is drawn.
import {
  GROUPS, STORIES, CONTROL_VALUES, DEFAULT_CONTROLS, WIDGET_HEIGHT, TOKEN, CHAIN_ID, BACKEND_URL,
  storyById, effectiveControls,
} from './stories.mjs';
import {
  RequestLog, createNoopProvider, createScriptedWallet, ScriptedBackend, installFetchStub,
} from './scripted.mjs';
import { PLAYS, playContext } from './play.mjs';

const $ = (id) => document.getElementById(id);
const log = new RequestLog();
const backend = new ScriptedBackend({ chainId: CHAIN_ID, tokenAddress: TOKEN, log });
installFetchStub(new URL(BACKEND_URL).origin, () => backend);

const WIDGET_ATTRIBUTES = {
  'chain-id': '31337', 'chain-name': 'Anvil (local)', 'rpc-url': 'http://127.0.0.1:8545', 'native-symbol': 'ETH',
  'token-address': TOKEN, 'token-symbol': 'G$', 'backend-url': BACKEND_URL,
};

let chosen = { ...DEFAULT_CONTROLS };  // the controls the viewer picked (a story may fix some)
let current = null;                     // {story, controls, el, generation, play}
let generation = 0;

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- sidebar and controls

function buildSidebar() {
  const nav = $('story-list');
  for (const group of GROUPS) {
    const h = document.createElement('h2');
    h.textContent = group.title;
    const ul = document.createElement('ul');
    for (const story of STORIES.filter((s) => s.group === group.id)) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${story.id}`;
      a.dataset.story = story.id;
      const title = document.createElement('span');
      title.textContent = story.title;
      a.append(title);
      if (story.play) {
        const b = document.createElement('span');
        b.className = story.pending ? 'badge pending' : 'badge';
        b.textContent = story.pending ? 'pending' : 'play';
        a.append(b);
      } else {
        const st = document.createElement('span');
        st.className = 'state';
        st.textContent = story.state;
        a.append(st);
      }
      li.append(a);
      ul.append(li);
    }
    nav.append(h, ul);
  }
}

function buildControls() {
  for (const fs of document.querySelectorAll('.control')) {
    const name = fs.dataset.control;
    for (const value of CONTROL_VALUES[name]) {
      const label = document.createElement('label');
      const input = document.createElement('input');
      input.type = 'radio';
      input.name = name;
      input.value = String(value);
      const span = document.createElement('span');
      span.textContent = name === 'width' ? `${value} px` : name === 'dpr' ? `${value}×`
        : name === 'locale' ? { en: 'English', es: 'Español' }[value] : value;
      label.append(input, span);
      fs.append(label);
      input.addEventListener('change', () => {
        if (!input.checked) return;
        chosen = { ...chosen, [name]: typeof DEFAULT_CONTROLS[name] === 'number' ? Number(value) : value };
        if (current) navigate(current.story.id);
      });
    }
  }
}

function showControls(story, controls) {
  for (const input of document.querySelectorAll('.control input')) {
    const fixed = !!(story && story.controls && input.name in story.controls);
    input.checked = String(controls[input.name]) === input.value;
    input.disabled = fixed;
    input.parentElement.title = fixed ? 'Fixed by this story' : '';
  }
}

// ---------------------------------------------------------------- URL hash: #story-id?theme=dark

function parseHash() {
  const raw = decodeURIComponent(location.hash.replace(/^#/, ''));
  const [id, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const controls = {};
  for (const name of Object.keys(CONTROL_VALUES)) {
    if (!params.has(name)) continue;
    const v = typeof DEFAULT_CONTROLS[name] === 'number' ? Number(params.get(name)) : params.get(name);
    if (CONTROL_VALUES[name].includes(v)) controls[name] = v;
  }
  return { id, controls };
}

function hashFor(id) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(chosen)) if (v !== DEFAULT_CONTROLS[k]) q.set(k, String(v));
  const qs = q.toString();
  return `#${id}${qs ? `?${qs}` : ''}`;
}

// Opens a story by changing the hash (so Back/Forward and links work).
function navigate(id) {
  const hash = hashFor(id);
  if (location.hash === hash) open(id);
  else location.hash = hash;
}

function step(delta) {
  const i = current ? STORIES.indexOf(current.story) : -1;
  const next = STORIES[(i + delta + STORIES.length) % STORIES.length];
  navigate(next.id);
}

// ---------------------------------------------------------------- panels

function renderItems() {
  const ul = $('items');
  ul.textContent = '';
  if (!current || !current.el) return;
  const snap = current.el.snapshot && current.el.snapshot();
  const story = current.story;
  const shown = snap ? snap.state : '—';
  $('shown-state').textContent = shown;
  const check = $('state-check');
  if (!snap || story.play) {
    check.textContent = '';
    check.className = 'check';
  } else {
    const ok = shown === story.state;
    check.textContent = ok ? '✓ matches' : '✗ differs';
    check.className = `check ${ok ? 'ok' : 'bad'}`;
  }
  if (!snap) return;
  for (const item of snap.items) {
    const li = document.createElement('li');
    const r = item.rect;
    li.innerHTML = '<span class="id"></span> <span class="role"></span> <span class="off"></span>';
    li.querySelector('.id').textContent = item.id;
    li.querySelector('.role').textContent = `${item.role} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.w)}×${Math.round(r.h)}`;
    li.querySelector('.off').textContent = item.enabled ? '' : 'disabled';
    li.title = item.label;
    ul.append(li);
  }
  for (const id of story.items || []) {
    if (snap.items.some((i) => i.id === id)) continue;
    const li = document.createElement('li');
    li.className = 'missing';
    li.textContent = `${id} — declared by the story, not visible`;
    ul.append(li);
  }
}

function renderLogEntry(entry) {
  const ul = $('log');
  if (!entry) { ul.textContent = ''; return; }
  const li = document.createElement('li');
  li.innerHTML = '<span class="kind"></span><span class="what"></span> → <span class="out"></span>';
  li.querySelector('.kind').textContent = entry.kind;
  li.querySelector('.kind').classList.add(entry.kind);
  li.querySelector('.what').textContent = entry.what;
  li.querySelector('.out').textContent = entry.outcome;
  li.title = `${entry.what} → ${entry.outcome}`;
  ul.append(li);
  ul.scrollTop = ul.scrollHeight;
}
log.listeners.add(renderLogEntry);

let itemsTimer = 0;
function refreshItemsSoon() {
  clearTimeout(itemsTimer);
  itemsTimer = setTimeout(renderItems, 120);
}
document.addEventListener('state-change', refreshItemsSoon);
$('frame').addEventListener('pointerup', refreshItemsSoon);
$('frame').addEventListener('keyup', refreshItemsSoon);

// ---------------------------------------------------------------- opening a story

// Every story starts clean: no saved pending payment or paused stream of an earlier story.
function forgetStored() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith('acw.')) localStorage.removeItem(key);
  } catch (_) { /* storage unavailable: nothing saved either */ }
}

// `attributes`: a story's own element attributes beside the common ones (an explorer URL, say).
function makeWidget(controls, provider, attributes = {}) {
  const el = document.createElement('ai-credits-widget');
  for (const [k, v] of Object.entries({ ...WIDGET_ATTRIBUTES, ...attributes })) el.setAttribute(k, v);
  el.setAttribute('theme', controls.theme);
  el.setAttribute('locale', controls.locale);
  if (controls.dpr !== 1) el.setAttribute('dpr', String(controls.dpr));
  el.style.width = `${controls.width}px`;
  el.style.height = `${WIDGET_HEIGHT}px`;
  el.provider = provider;  // set before it is connected: discovery never looks further
  return el;
}

// Until the widget has run its start event (so a fixture loaded now is not overtaken by it).
async function started(el, gen) {
  await el.ready;
  for (let i = 0; i < 600 && gen === generation; i++) {
    const s = el.stateJson();
    if (s && s.wallet && s.wallet.phase !== 'starting') return;
    await sleep(5);
  }
  throw new Error('the widget did not start');
}

// Until two frames in a row draw the same snapshot.
async function settled(el, gen) {
  let last = '';
  for (let i = 0; i < 120 && gen === generation; i++) {
    await nextFrame();
    const now = JSON.stringify(el.snapshot());
    if (i >= 2 && now === last) return;
    last = now;
  }
}

function showHeader(story, controls) {
  const group = GROUPS.find((g) => g.id === story.group);
  $('story-group').textContent = group ? group.title : '';
  $('story-index').textContent = `${STORIES.indexOf(story) + 1} / ${STORIES.length}`;
  $('story-title').textContent = story.title;
  $('story-desc').textContent = story.description || '';
  $('declared-label').textContent = story.play ? 'Ends in state' : 'Declared state';
  $('story-state').textContent = story.pending ? `${story.state} (pending)` : story.state;
  $('shown-state').textContent = '—';
  $('state-check').textContent = '';
  document.title = `${story.title} — AI credits storybook`;
  for (const a of document.querySelectorAll('#story-list a')) {
    if (a.dataset.story === story.id) {
      a.setAttribute('aria-current', 'page');
      a.scrollIntoView({ block: 'nearest' });
    } else a.removeAttribute('aria-current');
  }
  $('stage').classList.toggle('dark', controls.theme === 'dark');
  showControls(story, controls);
}

async function open(id, { fast = false } = {}) {
  const story = storyById(id) || STORIES[0];
  const controls = effectiveControls(story, chosen);
  const gen = ++generation;
  if (current && current.el) current.el.remove();
  forgetStored();
  current = { story, controls, el: null, generation: gen, play: null };
  showHeader(story, controls);
  log.clear();
  backend.reset();
  $('load-error').hidden = true;
  $('play-panel').hidden = !story.play;
  $('pending').hidden = !story.pending;
  $('frame').hidden = !!story.pending;
  $('frame').textContent = '';
  if (story.play) showPlay(story);
  if (story.pending) {
    $('pending').textContent = PLAYS[story.play].pending;
    renderItems();
    return { id: story.id, state: null, pending: true };
  }

  let provider;
  if (story.play) {
    const play = PLAYS[story.play];
    const made = play.setup({ backend, fast, createWallet: (opts) => createScriptedWallet({ ...opts, log }) });
    current.play = { def: play, ...made, next: 0, running: false, results: [] };
    provider = made.wallet;
  } else {
    provider = createNoopProvider({ chainId: CHAIN_ID, log });
  }
  const el = makeWidget(controls, provider, story.attributes);
  current.el = el;
  $('frame').append(el);
  try {
    await started(el, gen);
    if (gen !== generation) return { id: story.id, stale: true };
    if (story.fixture) {
      const error = el.loadFixture(story.fixture);
      if (error) throw new Error(`the fixture was refused: ${error}`);
    }
    await settled(el, gen);
  } catch (err) {
    if (gen !== generation) return { id: story.id, stale: true };
    $('load-error').hidden = false;
    $('load-error').textContent = `This story could not be shown: ${err.message || err}`;
    return { id: story.id, error: String(err.message || err) };
  }
  if (gen !== generation) return { id: story.id, stale: true };
  renderItems();
  if (story.play) renderPlay();
  const snap = el.snapshot();
  return { id: story.id, state: snap && snap.state, controls };
}

// ---------------------------------------------------------------- plays

function showPlay(story) {
  const play = PLAYS[story.play];
  const ol = $('play-steps');
  ol.textContent = '';
  for (const s of play.steps) {
    const li = document.createElement('li');
    li.className = 'todo';
    li.innerHTML = '<span class="t"></span> <code></code>';
    li.querySelector('.t').textContent = s.title;
    li.querySelector('code').textContent = s.expect;
    ol.append(li);
  }
  const pending = !!story.pending;
  for (const b of ['play-run', 'play-step', 'play-reset']) $(b).disabled = pending;
  $('play-status').textContent = pending ? 'Pending — not run.' : 'Press Play to run every step, or Step for one.';
}

function renderPlay() {
  const p = current && current.play;
  if (!p) return;
  const lis = $('play-steps').children;
  p.def.steps.forEach((s, i) => {
    const r = p.results[i];
    lis[i].className = r ? (r.ok ? 'done' : 'failed') : p.running && i === p.next ? 'running' : 'todo';
    lis[i].title = r && r.error ? r.error : '';
  });
  const failed = p.results.find((r) => !r.ok);
  $('play-status').textContent = failed ? `Step ${p.results.length} failed: ${failed.error}`
    : p.next >= p.def.steps.length ? 'Done: every step passed.'
    : p.running ? `Running step ${p.next + 1}…` : `${p.next} of ${p.def.steps.length} steps done.`;
  $('play-run').disabled = $('play-step').disabled = p.running || !!failed || p.next >= p.def.steps.length;
}

// Runs the next step; resolves to its result (or null when there is none).
async function runStep() {
  const p = current && current.play;
  if (!p || p.running || p.next >= p.def.steps.length || p.results.some((r) => !r.ok)) return null;
  const gen = current.generation;
  const s = p.def.steps[p.next];
  p.running = true;
  renderPlay();
  const ctx = playContext(current.el, { signing: p.signing, wallet: p.wallet, backend });
  let result;
  try {
    await s.run(ctx);
    result = { title: s.title, ok: true, state: current.el.snapshot().state };
  } catch (err) {
    result = { title: s.title, ok: false, error: String(err && err.message ? err.message : err) };
  }
  if (gen !== generation) return null;
  p.results.push(result);
  p.running = false;
  p.next++;
  renderPlay();
  renderItems();
  return result;
}

// Runs every remaining step with a short pause between them, so a person can follow.
async function play({ pauseMs = 600 } = {}) {
  const p = current && current.play;
  if (!p) return { ok: false, error: 'this story is not a play' };
  const gen = current.generation;
  while (gen === generation && p.next < p.def.steps.length) {
    const r = await runStep();
    if (!r || !r.ok) break;
    if (p.next < p.def.steps.length) await sleep(pauseMs);
  }
  // Let the reads that follow the last step (balance, profile) land before anyone looks.
  await sleep(600);
  if (gen === generation) await settled(current.el, gen);
  return { ok: p.results.length === p.def.steps.length && p.results.every((r) => r.ok), steps: p.results.slice() };
}

$('play-run').addEventListener('click', () => play());
$('play-step').addEventListener('click', () => runStep());
$('play-reset').addEventListener('click', () => current && open(current.story.id));
$('log-clear').addEventListener('click', () => log.clear());

// ---------------------------------------------------------------- navigation

$('prev').addEventListener('click', () => step(-1));
$('next').addEventListener('click', () => step(1));

// Arrow keys browse stories unless focus is in the widget or a form field of the page.
document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
  const inWidget = e.composedPath().some((n) => n instanceof Element && n.localName === 'ai-credits-widget');
  const active = document.activeElement;
  const inField = active && (active.localName === 'ai-credits-widget' ||
    /^(input|textarea|select)$/.test(active.localName) || active.isContentEditable);  // a control's own arrows
  if (inWidget || inField) return;
  e.preventDefault();
  step(e.key === 'ArrowRight' ? 1 : -1);
});

window.addEventListener('hashchange', () => {
  const { id, controls } = parseHash();
  chosen = { ...chosen, ...controls };
  open(id);
});

buildSidebar();
buildControls();

let resolveReady;
const ready = new Promise((r) => { resolveReady = r; });
window.storybook = {
  stories: STORIES,
  ready,
  // controls: replaces the chosen controls (missing ones: defaults); fast: plays answer at once.
  open: (id, controls = null, { fast = false } = {}) => {
    if (controls) chosen = { ...DEFAULT_CONTROLS, ...controls };
    history.replaceState(null, '', hashFor(id));
    return open(id, { fast });
  },
  current: () => current && { id: current.story.id, controls: current.controls },
  element: () => current && current.el,
  play,
  runStep,
  playSteps: () => (current && current.story.play ? PLAYS[current.story.play].steps.map((s) => ({ title: s.title, expect: s.expect })) : []),
};

(async () => {
  if (!window.AiCreditsWidget) {
    await new Promise((r) => window.addEventListener('load', r, { once: true }));
  }
  const { id, controls } = parseHash();
  chosen = { ...chosen, ...controls };
  const first = await open(storyById(id) ? id : STORIES[0].id);
  resolveReady(first);
})();
