// Play stories: a whole flow, step by step, against the real widget with a scripted wallet and
// the scripted backend (scripted.mjs). Each step acts like a person would — clicks at the rects
// the snapshot hook reports, types through the widget's own text field — then waits for what
// the widget must show. Nothing is loaded from a fixture here: every state is reached by the core.
import { ACCOUNT, TOKEN, CHAIN_ID } from './stories.mjs';

const STEP_TIMEOUT_MS = 15000;
const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// What a step can do with the widget element `el`.
export function playContext(el, extra = {}) {
  const canvas = () => el.shadowRoot.querySelector('canvas');
  const find = (snap, id) => (snap && snap.items ? snap.items.find((i) => i.id === id) : null);

  async function waitFor(test, what, timeout = STEP_TIMEOUT_MS) {
    const deadline = performance.now() + timeout;
    let snap = null;
    while (performance.now() < deadline) {
      snap = el.snapshot();
      if (snap && test(snap)) return snap;
      await sleep(40);
    }
    const seen = snap ? `${snap.state} [${snap.items.map((i) => i.id).join(', ')}]` : 'nothing';
    throw new Error(`timed out waiting for ${what}; the widget shows ${seen}`);
  }

  const pointer = (type, x, y) => canvas().dispatchEvent(new PointerEvent(type, {
    clientX: x, clientY: y, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerdown' ? 1 : 0,
    pointerId: 1, pointerType: 'mouse', isPrimary: true, bubbles: true, cancelable: true, composed: true,
  }));

  // A click in the middle of item `id`, once it is visible and enabled.
  async function click(id) {
    const snap = await waitFor((s) => find(s, id) && find(s, id).enabled, `"${id}" to be enabled`);
    const { rect } = find(snap, id);
    const box = canvas().getBoundingClientRect();
    const x = box.left + rect.x + rect.w / 2;
    const y = box.top + rect.y + rect.h / 2;
    pointer('pointermove', x, y);
    await nextFrame();
    pointer('pointerdown', x, y);
    await nextFrame();
    await nextFrame();
    pointer('pointerup', x, y);
    await nextFrame();
    // Move away so no hover highlight stays on the item.
    pointer('pointermove', box.left + 2, box.top + box.height - 2);
    pointer('pointerleave', box.left + 2, box.top + box.height - 2);
  }

  // Focus the input `id` with a click, then type `text` key by key on the widget's canvas (the
  // shim reads printable keys there and hands them to the focused field).
  async function type(id, text) {
    await click(id);
    await nextFrame();
    await nextFrame();
    for (const ch of text) {
      const init = { key: ch, bubbles: true, cancelable: true, composed: true };
      canvas().dispatchEvent(new KeyboardEvent('keydown', init));
      canvas().dispatchEvent(new KeyboardEvent('keyup', init));
      await nextFrame();
    }
    await waitFor((s) => find(s, id), `"${id}" after typing`);
  }

  const state = (name) => waitFor((s) => s.state === name, `state "${name}"`);
  const item = (id, test = () => true, what = `item "${id}"`) => waitFor((s) => find(s, id) && test(find(s, id)), what);
  return { el, waitFor, click, type, state, item, find, ...extra };
}

const G = (n) => (BigInt(Math.round(n * 100)) * 10n ** 16n).toString();

// A gate the scripted wallet waits on before it answers a prompt (eth_sendTransaction here).
function gate() {
  let open;
  const promise = new Promise((r) => { open = r; });
  return { promise, open };
}

// A wallet that takes its time (and a transaction that is not mined at the first look) lets a
// person see every step; `fast` (the tests) answers at once.
const pace = (fast) => (fast ? { latencyMs: 5, pendingReceiptPolls: 0 } : { latencyMs: 250, pendingReceiptPolls: 1 });

export const PLAYS = {
  'buy-once': {
    title: 'Connect → quote → pay → credited',
    // What the page needs to build: the wallet (scripted) and how the backend credits the payment.
    setup({ createWallet, backend, fast }) {
      const signing = gate();
      const wallet = createWallet({
        accounts: [ACCOUNT], chainId: CHAIN_ID, chains: [CHAIN_ID], tokenAddress: TOKEN,
        balancesWei: { [ACCOUNT]: G(1234.5) }, ...pace(fast),
        approval: (method) => (method === 'eth_sendTransaction' ? signing.promise : null),
        onSend: (tx, hash) => {
          wallet.setBalance(ACCOUNT, G(1134.5));
          // 100 G$ at US$0.01 = 100 credits, + 10 % bonus = 110 credits = 1,100,000 micro-USD.
          backend.expectPayment(hash, '1100000');
        },
      });
      return { wallet, signing };
    },
    steps: [
      {
        title: 'The widget finds the scripted wallet',
        expect: 'disconnected',
        run: async (c) => { await c.item('connect', (i) => i.enabled, 'an enabled Connect button'); },
      },
      {
        title: 'Click "Connect wallet": the wallet shares its account',
        expect: 'connected_empty',
        run: async (c) => {
          await c.click('connect');
          await c.state('connected_empty');
          // Balance read from the token, prices from /config/values, credits from the profile.
          await c.item('balance', (i) => i.label.startsWith('1,234.5 G'), 'the G$ balance 1,234.5');
          await c.item('pay.hint', (i) => /Enter an amount/.test(i.label), 'prices loaded (Buy asks for an amount)');
        },
      },
      {
        title: 'Type 100 G$: the quote shows credits and bonus',
        expect: 'quote_ready',
        run: async (c) => {
          await c.type('amount', '100');
          await c.state('quote_ready');
          await c.item('quote', (i) => /110|\+ ?10 bonus|10 bonus/.test(i.label), 'the quote with its bonus');
          await c.item('pay', (i) => i.enabled, 'an enabled Buy button');
        },
      },
      {
        title: 'Click "Buy credits": the wallet is asked to sign',
        expect: 'payment_pending',
        run: async (c) => {
          await c.click('pay');
          await c.state('payment_pending');
          await c.item('step.wallet', (i) => i.label.startsWith('•'), '"Confirm in your wallet" as the current step');
        },
      },
      {
        title: 'Approve in the wallet: the transaction is sent and mined',
        expect: 'payment_pending',
        run: async (c) => {
          c.signing.open();
          await c.item('tx_hash', undefined, 'the transaction hash');
        },
      },
      {
        title: 'The backend credits it: 110 credits added',
        expect: 'payment_confirmed',
        run: async (c) => {
          await c.state('payment_confirmed');
          await c.item('confirmed', (i) => i.label.startsWith('110'), '"110 credits added"');
        },
      },
      {
        title: 'Click "Done": the balance shows the credits',
        expect: 'has_credits',
        run: async (c) => {
          await c.click('done');
          await c.state('has_credits');
          await c.item('credits', (i) => i.label.startsWith('110'), '110 credits');
          await c.item('balance', (i) => i.label.startsWith('1,134.5 G'), 'the new G$ balance 1,134.5');
        },
      },
    ],
  },
  stream: {
    title: 'Start, pause, resume and stop a stream',
    setup({ createWallet, backend, fast }) {
      const signing = gate();
      let first = true;
      const wallet = createWallet({
        accounts: [ACCOUNT], chainId: CHAIN_ID, chains: [CHAIN_ID], tokenAddress: TOKEN,
        balancesWei: { [ACCOUNT]: G(1234.5) }, ...pace(fast),
        // The first signature (createFlow) waits for the "approve" step; later ones are approved.
        approval: (method) => {
          if (method !== 'eth_sendTransaction' || !first) return null;
          first = false;
          return signing.promise;
        },
        onSend: (tx, hash, kind) => backend.expectStreamChange(hash, { kind, rate: wallet.flow.rate.toString() }),
      });
      return { wallet, signing };
    },
    steps: [
      {
        title: 'Click "Connect wallet"',
        expect: 'connected_empty',
        run: async (c) => {
          await c.click('connect');
          await c.state('connected_empty');
          await c.item('pay.hint', (i) => /Enter an amount/.test(i.label), 'prices loaded');
        },
      },
      {
        title: 'Choose "Stream G$ (beta)" and type 500 G$ per month',
        expect: 'streaming_setup',
        run: async (c) => {
          await c.click('mode.stream');
          await c.state('streaming_setup');
          await c.type('monthly_amount', '500');
          await c.item('stream_quote', (i) => i.label.includes('500 G$ a month (≈ 16.67 G$ a day)'), '500 G$ a month, 16.67 G$ a day');
          await c.item('start_stream', (i) => i.enabled, 'an enabled Start stream (the buffer is read)');
        },
      },
      {
        title: 'Click "Start stream": the wallet is asked to sign createFlow',
        expect: 'payment_pending',
        run: async (c) => {
          await c.click('start_stream');
          await c.state('payment_pending');
        },
      },
      {
        title: 'Approve in the wallet: the flow exists on chain',
        expect: 'streaming_active',
        run: async (c) => {
          c.signing.open();
          await c.state('streaming_active');
          await c.item('stream_status', (i) => /\b(500|499\.99)\b/.test(i.label), 'streaming ≈ 500 G$/month');
          await c.item('pause_stream', (i) => i.enabled, 'an enabled Pause');
        },
      },
      {
        title: 'Click "Pause": deleteFlow, the rate is remembered',
        expect: 'streaming_paused',
        run: async (c) => {
          await c.click('pause_stream');
          await c.state('streaming_paused');
          await c.item('resume_stream', (i) => /\b(500|499\.99)\b/.test(i.label), '"Resume at ≈ 500 G$/month"');
        },
      },
      {
        title: 'Click "Resume at 500 G$/month": createFlow again',
        expect: 'streaming_active',
        run: async (c) => {
          await c.click('resume_stream');
          await c.state('streaming_active');
          await c.item('stop_stream', (i) => i.enabled, 'an enabled Stop');
        },
      },
      {
        title: 'Click "Stop": the stream ends, the credits stay',
        expect: 'streaming_stopped',
        run: async (c) => {
          await c.click('stop_stream');
          await c.state('streaming_stopped');
          await c.item('start_again');
        },
      },
    ],
  },
};
