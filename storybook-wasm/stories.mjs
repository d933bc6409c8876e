// The storybook's stories: data only, so the page and the visual test (tests/browser/
// storybook.test.mjs) read the same list. Each fixture story is a State fixture in the JSON format
// of widget/core/fixture.cpp (every facet optional; the widget's own config — chain, token,
// backend URL — is kept, see Widget::load_fixture_json), loaded into the real widget through
// loadFixture(). `state` is the state name the story must show (SPEC.md §1), `items` the snapshot
// item ids that must be visible, `controls` fixes theme / width / dpr / locale for a variant, `animated`
// marks a view with the moving "busy" bar (the visual test ignores its top rows). `controls` may
// also fix the locale (the `locale` attribute): Spanish variants type amounts with ','.
// Play stories (`play`) run a whole flow against a scripted wallet and backend (play.mjs); a
// play the core cannot run yet is marked `pending` (listed, not run — never faked).

export const ACCOUNT = '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266';
export const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
export const CHAIN_ID = '0x7a69';  // anvil, 31337: the widget's configured chain in the storybook
export const BACKEND_URL = 'http://storybook.invalid';  // answered inside the page (scripted.mjs)

export const GROUPS = [
  { id: 'connect', title: 'Connect' },
  { id: 'buy', title: 'Buy' },
  { id: 'api-usage', title: 'API key & usage' },
  { id: 'history', title: 'History' },
  { id: 'streaming', title: 'Streaming' },
  { id: 'errors', title: 'Errors' },
];

export const CONTROL_VALUES = {
  theme: ['light', 'dark'],
  width: [320, 400, 560],
  dpr: [1, 2],
  locale: ['en', 'es'],
};
export const DEFAULT_CONTROLS = { theme: 'light', width: 400, dpr: 1, locale: 'en' };
export const WIDGET_HEIGHT = 560;  // CSS px, the element's default height

const G = (n) => (BigInt(Math.round(n * 100)) * 10n ** 16n).toString();  // G$ → wei string (2 decimals)
const USD = (dollars) => String(Math.round(dollars * 1e6));              // US$ → micro-USD string

// The backend's prices as /config/values would give them: 1 G$ = US$0.01, 10 % deposit bonus,
// 20 % stream bonus, first purchase ≥ US$1, streams ≥ US$1/month.
const PRICES = {
  health: 'ok', priceMicroUsdPerG: '10000', depositBonusBps: 1000, streamBonusBps: 2000,
  minFirstDepositUsd: USD(1), minStreamUsdPerMonth: USD(1), minCreditUsd: '0',
  // Loaded and matching the widget's setup: where payments and streams go.
  configLoaded: true,
  hostAddress: '0x1111111111111111111111111111111111111111',
  vaultAddress: '0x2222222222222222222222222222222222222222',
  forwarderAddress: '0xcfa132e353cb4e398080b9700609bb008eceb125',
};
const wallet = (over = {}) => ({
  phase: 'connected', account: ACCOUNT, chainId: CHAIN_ID, balanceWei: G(1234.5), ...over,
});
const connected = (over = {}) => ({
  wallet: wallet(over.wallet),
  backend: { ...PRICES, ...(over.backend || {}) },
  credits: { known: true, remainingUsd: '0', usedUsd: '0', ...(over.credits || {}) },
  ...Object.fromEntries(Object.entries(over).filter(([k]) => !['wallet', 'backend', 'credits'].includes(k))),
});

const TX = '0x9f1c3a7e5d2b4c6a8e0f1d3b5a7c9e2f4d6b8a0c2e4f6a8b0d2c4e6f8a1b3c5d';
const HAS_CREDITS = { credits: { remainingUsd: USD(2.5), usedUsd: '0' } };  // 250 credits
const MONTHLY_500 = '192901234567901';  // floor(500 G$ / 2,592,000 s) wei per second

// A history page as the backend sends it: `count` entries from number `first` (newest first) of
// `total`, 100 G$ each, one-time purchases with 10 % bonus unless `source` says otherwise, each
// with the transaction `txHash` (null: none).
const HISTORY_PAGE = (first, count, total, source = 'deposit', txHash = TX) => ({
  loaded: true, offset: first, total,
  items: Array.from({ length: count }, (_, i) => {
    const n = total - first - i;  // newest first
    return {
      id: `${TX}:${n}`, source, fundingStatus: n === total ? 'pending' : 'funded', txHash,
      createdAt: `2026-11-${String(1 + (n % 28)).padStart(2, '0')}T${String(8 + (n % 12)).padStart(2, '0')}:15:00Z`,
      gdAmountWei: G(100), principalUsd: USD(1), bonusUsd: source === 'deposit' ? USD(0.1) : '0',
    };
  }),
});

// The profile's totals behind HISTORY_PAGE's 57 purchases: 5,700 G$ → 5,700 credits + 570 bonus,
// 6,020 used, 250 left.
const HISTORY_TOTALS = {
  credits: { remainingUsd: USD(2.5), usedUsd: USD(60.2), paidOnceWei: G(5700), boughtUsd: USD(57), bonusUsd: USD(5.7) },
};

const LONG_WALLET_ERROR =
  'The wallet reported an error: Internal JSON-RPC error. execution reverted: SuperfluidHost: ' +
  'CALL_APP_ACTION failed because the app rejected the context (APP_RULE_CTX_IS_MALFORMED); the ' +
  'node at https://forno.celo.org answered after 28.4 s with gas estimation 30000000 exceeding the ' +
  'block gas limit, nonce 1842, maxFeePerGas 25000000000 (code -32603)';
const LONG_BACKEND_ERROR =
  'The credits service did not answer as expected: HTTP 503: upstream connect error or disconnect/' +
  'reset before headers. retried and the latest reset reason: remote connection failure, transport ' +
  'failure reason: delayed connect error: Connection refused (credits-api.internal.example:8443)';

export const STORIES = [
  // ---- connect
  {
    id: 'disconnected', group: 'connect', title: 'Disconnected', state: 'disconnected',
    description: 'A wallet is on the page, no account shared yet.',
    fixture: { wallet: { phase: 'disconnected' } },
    items: ['title', 'intro', 'connect'],
  },
  {
    id: 'disconnected-no-wallet', group: 'connect', title: 'No wallet installed', state: 'disconnected',
    description: 'No EIP-1193 provider on the page: guidance instead of a Connect button.',
    fixture: { wallet: { phase: 'no_wallet' } },
    items: ['intro', 'no_wallet'],
  },
  {
    id: 'disconnected-connecting', group: 'connect', title: 'Connecting', state: 'disconnected',
    description: 'eth_requestAccounts is open in the wallet.', animated: true,
    fixture: { wallet: { phase: 'connecting' } },
    items: ['connect'],
  },
  {
    id: 'disconnected-rejected', group: 'connect', title: 'Connect declined', state: 'disconnected',
    description: 'The person declined the connection (4001): one notice, Connect again.',
    fixture: {
      wallet: { phase: 'disconnected' },
      notice: { kind: 'error', text: 'You declined the request in your wallet. Nothing was sent; you can try again.' },
    },
    items: ['connect', 'notice'],
  },
  {
    id: 'unsupported-chain', group: 'connect', title: 'Wrong network', state: 'unsupported_chain',
    description: 'The account is on Ethereum mainnet (0x1); the widget works on anvil (31337).',
    fixture: { wallet: { phase: 'connected', account: ACCOUNT, chainId: '0x1' } },
    items: ['account', 'disconnect', 'wrong_chain', 'switch_chain'],
  },
  {
    id: 'unsupported-chain-switching', group: 'connect', title: 'Switching network', state: 'unsupported_chain',
    description: 'wallet_switchEthereumChain is open in the wallet.', animated: true,
    fixture: { wallet: { phase: 'connected', account: ACCOUNT, chainId: '0x1', switchingChain: true } },
    items: ['wrong_chain', 'switch_chain'],
  },

  // ---- buy
  {
    id: 'connected-empty', group: 'buy', title: 'Connected, no credits', state: 'connected_empty',
    description: 'Right chain, 1,234.5 G$, no credits yet: mode selector and amount input.',
    fixture: connected(),
    items: ['account', 'nav.buy', 'nav.api_key', 'nav.usage', 'balance', 'mode.once', 'mode.stream', 'amount', 'pay', 'pay.hint'],
  },
  {
    id: 'connected-empty-huge-balance', group: 'buy', title: 'Very large balance (2.2e30 wei)', state: 'connected_empty',
    description: 'A balance near the whole G$ supply: exact 128-bit math, grouped digits, nothing clipped.',
    fixture: connected({ wallet: { balanceWei: '2200000000000000000000000000000' } }),
    items: ['balance', 'amount', 'pay'],
  },
  {
    id: 'connected-empty-huge-balance-320', group: 'buy', title: 'Very large balance — 320 px wide', state: 'connected_empty',
    description: 'The widest number at the narrowest width.', controls: { width: 320 },
    fixture: connected({ wallet: { balanceWei: '2200000000000000000000000000000' } }),
    items: ['balance', 'amount'],
  },
  {
    id: 'connected-empty-balance-loading', group: 'buy', title: 'Balance loading', state: 'connected_empty',
    description: 'The balanceOf call is in flight.', animated: true,
    fixture: connected({ wallet: { balanceWei: undefined, balanceLoading: true } }),
    items: ['balance', 'amount'],
  },
  {
    id: 'quote-ready', group: 'buy', title: 'Quote ready', state: 'quote_ready',
    description: '100 G$ → 100 credits + 10 bonus credits.',
    fixture: connected({ purchase: { amountText: '100' } }),
    items: ['amount', 'quote', 'pay'],
  },
  {
    id: 'quote-ready-dark', group: 'buy', title: 'Quote ready — dark', state: 'quote_ready',
    description: 'The same quote in the dark theme.', controls: { theme: 'dark' },
    fixture: connected({ purchase: { amountText: '100' } }),
    items: ['amount', 'quote', 'pay'],
  },
  {
    id: 'quote-ready-320', group: 'buy', title: 'Quote ready — 320 px wide', state: 'quote_ready',
    description: 'The narrowest supported width: text wraps, nothing is clipped.', controls: { width: 320 },
    fixture: connected({ purchase: { amountText: '100' } }),
    items: ['amount', 'quote', 'pay', 'mode.once', 'mode.stream'],
  },
  {
    id: 'quote-ready-560', group: 'buy', title: 'Quote ready — 560 px wide', state: 'quote_ready',
    description: 'A wide slot.', controls: { width: 560 },
    fixture: connected({ purchase: { amountText: '100' } }),
    items: ['amount', 'quote', 'pay'],
  },
  {
    id: 'quote-ready-es', group: 'buy', title: 'Quote ready — Spanish', state: 'quote_ready',
    description: 'locale="es": Spanish texts, "," as the decimal separator (100,5 G$).', controls: { locale: 'es' },
    fixture: connected({ purchase: { amountText: '100,5' } }),
    items: ['amount', 'quote', 'pay'],
  },
  {
    id: 'quote-ready-below-minimum', group: 'buy', title: 'Below the first-purchase minimum', state: 'quote_ready',
    description: '50 G$ is US$0.50; the first purchase must be at least US$1. The reason sits under the button.',
    fixture: connected({ purchase: { amountText: '50' } }),
    items: ['amount', 'quote', 'minimum', 'pay'],
  },
  {
    id: 'quote-ready-top-up', group: 'buy', title: 'Top-up quote', state: 'quote_ready',
    description: 'Has credits already and enters a new amount: the Buy view quotes it.',
    fixture: connected({ ...HAS_CREDITS, purchase: { amountText: '25.5' } }),
    items: ['credits', 'amount', 'quote', 'pay'],
  },
  {
    id: 'insufficient-g-balance', group: 'buy', title: 'Not enough G$', state: 'insufficient_g_balance',
    description: '5,000 G$ entered, 1,234.5 G$ in the wallet: balance vs need, how to get G$.',
    fixture: connected({ purchase: { amountText: '5000' } }),
    items: ['amount', 'need_more_g', 'get_g', 'pay'],
  },
  {
    id: 'insufficient-g-balance-320', group: 'buy', title: 'Not enough G$ — 320 px wide', state: 'insufficient_g_balance',
    description: 'The longest Buy view at the narrowest width.', controls: { width: 320 },
    fixture: connected({ purchase: { amountText: '5000' } }),
    items: ['amount', 'need_more_g'],
  },
  {
    id: 'payment-pending-wallet', group: 'buy', title: 'Payment: confirm in wallet', state: 'payment_pending',
    description: 'eth_sendTransaction is open in the wallet; no hash yet.', animated: true,
    fixture: connected({ purchase: { amountText: '100' }, payment: { phase: 'awaiting_wallet', amountWei: G(100) } }),
    items: ['pending_title', 'step.wallet', 'step.chain', 'step.credit'],
  },
  {
    id: 'payment-pending-chain', group: 'buy', title: 'Payment: on chain', state: 'payment_pending',
    description: 'Signed; waiting for the receipt. The hash is shown with a copy button (no explorer configured).',
    animated: true,
    fixture: connected({ purchase: { amountText: '100' }, payment: { phase: 'on_chain', txHash: TX, amountWei: G(100) } }),
    items: ['pending_title', 'step.chain', 'tx_hash', 'copy_tx'],
  },
  {
    id: 'payment-pending-crediting', group: 'buy', title: 'Payment: crediting', state: 'payment_pending',
    description: 'Mined; the backend is crediting the transaction.', animated: true,
    fixture: connected({ purchase: { amountText: '100' }, payment: { phase: 'crediting', txHash: TX, amountWei: G(100) } }),
    items: ['pending_title', 'step.credit', 'tx_hash'],
  },
  {
    id: 'payment-confirmed', group: 'buy', title: 'Payment confirmed', state: 'payment_confirmed',
    description: '110 credits added; next step: the API key.',
    fixture: connected({
      wallet: { balanceWei: G(1134.5) }, credits: { remainingUsd: USD(1.1) },
      purchase: { amountText: '100' },
      payment: { phase: 'confirmed', txHash: TX, amountWei: G(100), creditedUsd: USD(1.1) },
    }),
    items: ['confirmed', 'balance', 'tx_hash', 'nav.api_key', 'done'],
  },
  {
    id: 'payment-confirmed-dark', group: 'buy', title: 'Payment confirmed — dark', state: 'payment_confirmed',
    description: 'The success view in the dark theme.', controls: { theme: 'dark' },
    fixture: connected({
      wallet: { balanceWei: G(1134.5) }, credits: { remainingUsd: USD(1.1) },
      payment: { phase: 'confirmed', txHash: TX, amountWei: G(100), creditedUsd: USD(1.1) },
    }),
    items: ['confirmed', 'nav.api_key', 'done'],
  },
  {
    id: 'payment-failed-rejected', group: 'buy', title: 'Payment declined', state: 'payment_failed',
    description: 'Declined in the wallet (4001): nothing was sent, Try again.',
    fixture: connected({
      purchase: { amountText: '100' },
      payment: { phase: 'failed', amountWei: G(100), failure: 'You declined the payment in your wallet. Nothing was sent.' },
    }),
    items: ['failed', 'failure', 'try_again'],
  },
  {
    id: 'payment-failed-with-hash', group: 'buy', title: 'Payment not found yet', state: 'payment_failed',
    description: 'A hash exists: never "not charged"; offer Check again.',
    fixture: connected({
      purchase: { amountText: '100' },
      payment: {
        phase: 'failed', txHash: TX, amountWei: G(100),
        failure: 'The transaction has not appeared on chain yet. If it was sent, your credits will follow: check again later.',
      },
    }),
    items: ['failed', 'failure', 'failed_hash', 'tx_hash', 'check_again'],
  },
  {
    id: 'has-credits', group: 'buy', title: 'Has credits', state: 'has_credits',
    description: '250 credits: balance, top-up, the API key card.',
    fixture: connected(HAS_CREDITS),
    items: ['credits', 'create_key', 'amount', 'pay'],
  },
  {
    id: 'has-credits-dpr2', group: 'buy', title: 'Has credits — devicePixelRatio 2', state: 'has_credits',
    description: 'The backing store at 2× (the `dpr` attribute): crisp text, same layout in CSS px.',
    controls: { dpr: 2 },
    fixture: connected(HAS_CREDITS),
    items: ['credits', 'create_key', 'amount', 'pay'],
  },
  {
    id: 'insufficient-ai-credits', group: 'buy', title: 'Out of credits', state: 'insufficient_ai_credits',
    description: 'Credits were used up: top up once or start a stream.',
    fixture: connected({ credits: { remainingUsd: '0', usedUsd: USD(2.5) } }),
    items: ['out_of_credits', 'amount', 'mode.stream', 'pay'],
  },
  {
    id: 'play-buy-once', group: 'buy', title: 'Play: connect → quote → pay → credited', state: 'has_credits',
    description: 'The whole one-time purchase with a scripted wallet and a scripted backend, step by step.',
    play: 'buy-once', controls: { locale: 'en' },  // its steps read English labels
  },

  // ---- API key & usage
  {
    id: 'api-key', group: 'api-usage', title: 'API key view', state: 'has_credits',
    description: 'The API key card on its own view (no key yet).',
    fixture: connected({ ...HAS_CREDITS, view: 'api_key' }),
    items: ['nav.api_key', 'key_title', 'key_none', 'create_key'],
  },
  {
    id: 'usage-empty', group: 'api-usage', title: 'Usage: none yet', state: 'usage_empty',
    description: 'Setup guide: API key, base URL and a copyable snippet.',
    fixture: connected({ ...HAS_CREDITS, view: 'usage', usage: { count: 0 } }),
    items: ['nav.usage', 'usage_empty', 'usage_snippet_title', 'usage_snippet'],
  },
  {
    id: 'usage-empty-320', group: 'api-usage', title: 'Usage: none yet — 320 px wide', state: 'usage_empty',
    description: 'The snippet wraps at the narrowest width.', controls: { width: 320 },
    fixture: connected({ ...HAS_CREDITS, view: 'usage', usage: { count: 0 } }),
    items: ['usage_empty', 'usage_snippet', 'refresh_usage'],
  },
  {
    id: 'usage-active', group: 'api-usage', title: 'Usage recorded', state: 'usage_active',
    description: '19 requests recorded: the last page of the log, 8 a page.',
    fixture: connected({
      credits: { remainingUsd: USD(1.78), usedUsd: USD(0.72) }, view: 'usage',
      usage: {
        count: 19, offset: 16,
        recent: [
          { id: 'u3', at: '2026-11-25T10:42:00Z', model: 'gpt-4o-mini', costUsd: USD(0.02) },
          { id: 'u2', at: '2026-11-25T10:40:00Z', model: 'claude-3-haiku', costUsd: USD(0.05) },
          { id: 'u1', at: '2026-11-25T09:12:00Z', model: 'gpt-4o', costUsd: USD(0.31) },
        ],
      },
    }),
    items: ['usage_title', 'usage_count', 'usage.0', 'usage.2', 'usage_paging', 'usage.prev', 'usage.next', 'refresh_usage'],
  },
  {
    id: 'api-key-masked', group: 'api-usage', title: 'API key: masked after it was shown', state: 'has_credits',
    description: 'After a reload only the prefix is known; rotate or revoke with a fresh sign-in.',
    fixture: connected({
      ...HAS_CREDITS, view: 'api_key',
      apiKeys: [{ id: 'key_0123456789abcdef', tokenPrefix: 'gd_live_3f9a', createdAt: '2026-11-20T08:00:00Z', revokedAt: null }],
    }),
    items: ['nav.api_key', 'key_title', 'api_key.masked', 'rotate_key', 'revoke_key'],
  },

  // ---- history
  {
    id: 'history-page', group: 'history', title: 'History: one page', state: 'has_credits',
    description: 'The newest ten of 57 entries: time, kind, G$ → credits with the bonus, status, the transaction with Copy and the explorer link.',
    attributes: { 'explorer-url': 'https://explorer.example' },
    fixture: connected({ ...HISTORY_TOTALS, view: 'history', history: HISTORY_PAGE(0, 10, 57) }),
    items: ['nav.history', 'history_title', 'history.kind.all', 'history.status.all', 'history.period.all', 'history.row.0',
      'history.row.0.detail', 'history.row.0.tx', 'history.row.0.copy', 'history.row.0.explorer', 'history.row.2.detail'],
  },
  {
    id: 'history-last-page', group: 'history', title: 'History: the last page', state: 'has_credits',
    description: '21–23 of 23 (entries without a transaction): Previous enabled, Next not.',
    fixture: connected({ ...HISTORY_TOTALS, view: 'history', history: HISTORY_PAGE(20, 3, 23, 'deposit', null) }),
    items: ['history.row.0', 'history.row.2.detail', 'history_paging', 'history.prev', 'history.next'],
  },
  {
    id: 'history-stream-filter-es', group: 'history', title: 'History: stream entries — Spanish, 320 px',
    state: 'has_credits', description: 'The stream filter, in Spanish, at the narrowest width.',
    controls: { locale: 'es', width: 320 },
    fixture: connected({ ...HAS_CREDITS, view: 'history', history: { ...HISTORY_PAGE(0, 3, 3, 'streamCron'), kind: 'stream' } }),
    items: ['history.kind.stream', 'history.period.all', 'history.row.0', 'history.row.0.tx', 'history.row.0.copy', 'history.row.1.detail'],
  },
  {
    id: 'history-no-match', group: 'history', title: 'History: a filter with no match — dark', state: 'has_credits',
    description: 'No pending stream credits in the last 30 days: said in words; the totals of the whole account below.',
    controls: { theme: 'dark' },
    fixture: connected({ ...HISTORY_TOTALS, view: 'history',
      history: { kind: 'stream', status: 'pending', period: '30', loaded: true, total: 0, items: [] } }),
    items: ['history.kind.stream', 'history.status.pending', 'history.period.30', 'history_empty', 'totals_title',
      'totals.g', 'totals.credits', 'totals.balance'],
  },
  {
    id: 'history-empty', group: 'history', title: 'History: nothing yet', state: 'connected_empty',
    description: 'A new account: what will show here.',
    fixture: connected({ view: 'history', history: { loaded: true, total: 0, items: [] } }),
    items: ['history_title', 'history_empty'],
  },
  {
    id: 'history-loading', group: 'history', title: 'History: loading', state: 'has_credits',
    description: 'Shown in place while the page loads.',
    fixture: connected({ ...HAS_CREDITS, view: 'history', history: { loading: true } }),
    items: ['history_loading'],
  },
  {
    id: 'history-failed', group: 'history', title: 'History: load failed', state: 'has_credits',
    description: 'In place, with Retry: the rest of the widget keeps working (not backend_unavailable).',
    fixture: connected({ ...HAS_CREDITS, view: 'history',
      history: { failure: 'the service answered 500 (disk full)' } }),
    items: ['history_failed', 'history.retry', 'nav.buy'],
  },

  // ---- streaming
  {
    id: 'streaming-setup', group: 'streaming', title: 'Stream setup', state: 'streaming_setup',
    description: '500 G$ per month → credits a month, the cost a day and the deposit (the wei/s rate only in stream-change).',
    fixture: connected({
      view: 'stream', purchase: { mode: 'stream', monthlyAmountText: '500' },
      stream: { phase: 'none', editing: true, setupBufferWei: G(2.78) },
    }),
    items: ['mode.stream', 'monthly_amount', 'stream_quote', 'start_stream'],
  },
  {
    id: 'streaming-active', group: 'streaming', title: 'Streaming', state: 'streaming_active',
    description: 'A flow of 500 G$/month to the vault exists.',
    fixture: connected({
      ...HAS_CREDITS, view: 'stream', purchase: { mode: 'stream' },
      stream: { phase: 'active', flowRateWeiPerSecond: MONTHLY_500 },
    }),
    items: ['mode.stream', 'stream_status'],
  },
  {
    id: 'streaming-paused', group: 'streaming', title: 'Stream paused', state: 'streaming_paused',
    description: 'Paused by this widget; the rate is remembered.',
    fixture: connected({
      ...HAS_CREDITS, view: 'stream', purchase: { mode: 'stream' },
      stream: { phase: 'paused', flowRateWeiPerSecond: MONTHLY_500 },
    }),
    items: ['stream_status', 'mode.once_instead'],
  },
  {
    id: 'streaming-stopped', group: 'streaming', title: 'Stream stopped', state: 'streaming_stopped',
    description: 'Stopped by the person.',
    fixture: connected({
      ...HAS_CREDITS, view: 'stream', purchase: { mode: 'stream' }, stream: { phase: 'stopped', endReason: 'user' },
    }),
    items: ['stream_status', 'mode.once_instead'],
  },
  {
    id: 'streaming-stopped-liquidated', group: 'streaming', title: 'Stream liquidated', state: 'streaming_stopped',
    description: 'Ended because the G$ balance ran out.',
    fixture: connected({
      ...HAS_CREDITS, wallet: { balanceWei: '0' }, view: 'stream', purchase: { mode: 'stream' },
      stream: { phase: 'stopped', endReason: 'liquidated' },
    }),
    items: ['stream_status', 'mode.once_instead'],
  },
  {
    id: 'play-stream', group: 'streaming', title: 'Play: start → pause → resume → stop a stream', state: 'streaming_stopped',
    description: 'A stream of 500 G$/month through the forwarder with a scripted wallet (createFlow, deleteFlow) and backend.',
    play: 'stream', controls: { locale: 'en' },
  },

  // ---- errors
  {
    id: 'backend-unavailable', group: 'errors', title: 'Backend unavailable', state: 'backend_unavailable',
    description: 'The credits service answered 503: Retry; paying is disabled.',
    fixture: connected({
      backend: { health: 'unavailable' },
      notice: { kind: 'error', text: 'The credits service did not answer as expected: HTTP 503' },
    }),
    items: ['backend_down', 'backend_detail', 'retry_backend', 'pay', 'pay.hint'],
  },
  {
    id: 'backend-unavailable-long', group: 'errors', title: 'Backend unavailable — long error', state: 'backend_unavailable',
    description: 'A long upstream error text wraps inside the widget.',
    fixture: connected({ backend: { health: 'unavailable' }, notice: { kind: 'error', text: LONG_BACKEND_ERROR } }),
    items: ['backend_down', 'backend_detail', 'retry_backend'],
  },
  {
    id: 'payment-failed-long', group: 'errors', title: 'Payment failed — long error text', state: 'payment_failed',
    description: 'A wallet error of several lines: wrapped, never clipped.',
    fixture: connected({
      purchase: { amountText: '100' }, payment: { phase: 'failed', amountWei: G(100), failure: LONG_WALLET_ERROR },
    }),
    items: ['failed', 'failure', 'try_again'],
  },
  {
    id: 'payment-failed-long-320', group: 'errors', title: 'Payment failed — long error, 320 px', state: 'payment_failed',
    description: 'The long wallet error at the narrowest width.', controls: { width: 320 },
    fixture: connected({
      purchase: { amountText: '100' }, payment: { phase: 'failed', amountWei: G(100), failure: LONG_WALLET_ERROR },
    }),
    items: ['failed', 'failure', 'try_again'],
  },
  {
    id: 'amount-invalid', group: 'errors', title: 'Amount with a grouping separator', state: 'connected_empty',
    description: '"1,000" is refused with what to type instead; the state does not change.',
    fixture: connected({ purchase: { amountText: '1,000' } }),
    items: ['amount', 'amount_error', 'pay'],
  },
  {
    id: 'amount-exponent', group: 'errors', title: 'Amount in exponent notation', state: 'connected_empty',
    description: '"1e3" is refused: write full digits.',
    fixture: connected({ purchase: { amountText: '1e3' } }),
    items: ['amount', 'amount_error'],
  },
  {
    id: 'amount-invalid-es', group: 'errors', title: 'Amount with a grouping separator — Spanish', state: 'connected_empty',
    description: 'In Spanish "1.000" is refused the same way: no guessing between thousands and decimals.',
    controls: { locale: 'es' },
    fixture: connected({ purchase: { amountText: '1.000' } }),
    items: ['amount', 'amount_error', 'pay'],
  },
  {
    id: 'payment-failed-long-es', group: 'errors', title: 'Payment failed — Spanish, 320 px', state: 'payment_failed',
    description: 'Longer Spanish labels and a long wallet error at the narrowest width.', controls: { locale: 'es', width: 320 },
    fixture: connected({
      purchase: { amountText: '100' }, payment: { phase: 'failed', amountWei: G(100), failure: LONG_WALLET_ERROR },
    }),
    items: ['failed', 'failure', 'try_again'],
  },
  {
    id: 'wallet-pending-request', group: 'errors', title: 'Wallet request already pending', state: 'disconnected',
    description: '-32002: "open your wallet", never retried automatically.',
    fixture: {
      wallet: { phase: 'disconnected' },
      notice: { kind: 'info', text: 'Your wallet already has a request waiting. Open your wallet to answer it.' },
    },
    items: ['connect', 'notice'],
  },
];

// Drop undefined members (a story may clear a default with `undefined`), so the fixture is the
// exact JSON the widget receives.
for (const s of STORIES) if (s.fixture) s.fixture = JSON.parse(JSON.stringify(s.fixture));

export const storyById = (id) => STORIES.find((s) => s.id === id) || null;

// The effective controls of a story: its fixed ones win over the page's.
export function effectiveControls(story, chosen = {}) {
  return { ...DEFAULT_CONTROLS, ...chosen, ...(story && story.controls ? story.controls : {}) };
}
