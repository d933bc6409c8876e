// Exercises the package's declarations as a dApp developer's TypeScript would (tsc --strict):
// the element, its attributes as properties, events with typed details, mount(), the bridge.
import { mount, version, AiCreditsWidgetElement } from 'ai-credits-widget';
import type { EIP1193Provider, Snapshot, SnapshotItem, WidgetConfig, WidgetState, PaySuccessDetail } from 'ai-credits-widget';
import { bridge } from 'ai-credits-widget/iframe-bridge';

const el = document.createElement('ai-credits-widget');
const typed: AiCreditsWidgetElement = el;
el.chainId = '42220';
el.chainName = 'Celo';
el.tokenAddress = '0x62B8B11039FcfE5aB0C56E502b1C372A3d2a9c7A';
el.backendUrl = 'https://credits.example';
el.theme = 'dark';
el.locale = 'es';
el.wasmUrl = 'https://cdn.example/ai-credits-widget.wasm';
el.walletRdns = null;
const config: WidgetConfig = { chainId: 42220, tokenAddress: '0x62B8…', theme: 'auto', radius: 14 };
el.config = config;

const provider: EIP1193Provider = {
  request: async ({ method }) => (method === 'eth_chainId' ? '0xa4ec' : null),
  on: () => undefined,
  removeListener: () => undefined,
};
el.provider = provider;
document.body.append(el);
await el.ready;

const snap: Snapshot | null = el.snapshot();
if (snap) {
  const state: WidgetState = snap.state;
  const pay: SnapshotItem | undefined = snap.items.find((i) => i.id === 'pay');
  if (pay && pay.enabled && pay.role === 'button') console.log(state, pay.rect.x + pay.rect.w / 2);
}

el.addEventListener('state-change', (e) => {
  const s: WidgetState = e.detail.state;
  console.log(s);
});
el.addEventListener('pay-success', (e) => {
  const d: PaySuccessDetail = e.detail;
  console.log(d.credits, d.txHash, d.account, d.chainId);
});
el.addEventListener('pay-error', (e) => console.log(e.detail.message, e.detail.txHash ?? 'not sent'));
el.addEventListener('stream-change', (e) => console.log(e.detail.state, BigInt(e.detail.flowRateWeiPerSecond)));
document.querySelector('ai-credits-widget')?.snapshot();

const canvas = document.createElement('canvas');
const handle = mount({ canvas, provider, config: { backendUrl: 'https://credits.example' }, a11y: true, wasmUrl: '/acw.wasm' });
await handle.ready;
handle.setProvider(null);
console.log(handle.snapshot()?.items.length, version);
handle.destroy();

const iframe = document.createElement('iframe');
const b = bridge({ iframe, origin: 'https://widget.example', provider, timeoutMs: { prompt: 60000 } });
await b.ready;
console.log(b.stats.ignored);
b.destroy();
console.log(typed.tagName);
