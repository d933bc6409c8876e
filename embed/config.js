// config.js — the create-time configuration (docs/c-api.md) from the element's attributes,
// its CSS custom properties (theme tokens) and the `config` property.

const ATTRIBUTE_KEYS = {
  'chain-id': 'chainId',
  'chain-name': 'chainName',
  'token-address': 'tokenAddress',
  'token-symbol': 'tokenSymbol',
  'rpc-url': 'rpcUrl',
  'native-symbol': 'nativeSymbol',
  'explorer-url': 'explorerUrl',
  'backend-url': 'backendUrl',
  theme: 'theme',
  locale: 'locale',
  mode: 'mode',
  accent: 'accent',
  radius: 'radius',
  'font-size': 'fontSize',
  dpr: 'dpr',  // shim only: pins the backing-store scale (0.5–4) instead of devicePixelRatio
  'wallet-timeout-ms': 'walletTimeoutMs',
  'http-timeout-ms': 'httpTimeoutMs',
};
// Theme tokens as CSS custom properties on the element (attributes and `config` win).
const CSS_TOKENS = { '--acw-accent': 'accent', '--acw-radius': 'radius', '--acw-font-size': 'fontSize' };

let colorProbe = null;

// Any CSS color → "#rrggbb" (what the core's theme reads), or '' when it is not one.
function cssColorToHex(value) {
  if (!colorProbe) colorProbe = document.createElement('canvas').getContext('2d');
  if (!colorProbe) return '';
  colorProbe.fillStyle = '#000001';
  colorProbe.fillStyle = String(value);
  const out = colorProbe.fillStyle;
  return /^#[0-9a-f]{6}$/i.test(out) && out !== '#000001' ? out : '';
}

// 'auto' (or nothing) follows the user's color scheme.
function resolveTheme(theme) {
  if (theme === 'light' || theme === 'dark') return theme;
  const dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  return dark ? 'dark' : 'light';
}

function normalizeConfig(config, element = null) {
  const out = {};
  if (element) {
    const style = getComputedStyle(element);
    for (const [prop, key] of Object.entries(CSS_TOKENS)) {
      const v = style.getPropertyValue(prop).trim();
      if (v) out[key] = v;
    }
    for (const [attr, key] of Object.entries(ATTRIBUTE_KEYS)) {
      const v = element.getAttribute(attr);
      if (v !== null) out[key] = v;
    }
  }
  if (config && typeof config === 'object') Object.assign(out, config);
  out.theme = resolveTheme(out.theme);
  if (out.accent !== undefined) {
    const hex = cssColorToHex(out.accent);
    if (hex) out.accent = hex;
    else delete out.accent;
  }
  if (out.dpr !== undefined) {
    const n = parseFloat(out.dpr);
    if (Number.isFinite(n) && n >= 0.5 && n <= 4) out.dpr = n;
    else delete out.dpr;
  }
  for (const key of ['radius', 'fontSize']) {
    if (out[key] === undefined) continue;
    const n = parseFloat(out[key]);
    if (Number.isFinite(n)) out[key] = n;
    else delete out[key];
  }
  return out;
}
