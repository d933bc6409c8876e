// The `locale` attribute: every text from the core's Spanish table, numbers with its
// separators, and the amount input reading "12,5" — switched on a live widget.
import test, { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { clickItem, devWalletOptions, findItem, newPage, skipReason, startEnv, waitForSnapshot, waitForState,
  widgetPageUrl } from './helpers.mjs';

let env;
before(async () => { if (!skipReason()) env = await startEnv(); });
after(async () => { await env?.close(); });

test('switching locale from English to Spanish', { skip: skipReason() }, async () => {
  const page = await newPage(env);
  await page.goto(widgetPageUrl(env, { wallet: devWalletOptions() }));
  await waitForState(page, '#w1', 'disconnected');
  await clickItem(page, '#w1', 'connect');
  let snap = await waitForSnapshot(page, '#w1', (s) => findItem(s, 'balance')?.label === '1,234.5 G$', 'English balance');
  assert.equal(findItem(snap, 'connect'), undefined);
  assert.equal(findItem(snap, 'disconnect').label, 'Disconnect');

  await page.evaluate(() => document.querySelector('#w1').setAttribute('locale', 'es'));
  snap = await waitForSnapshot(page, '#w1', (s) => findItem(s, 'balance')?.label === '1.234,5 G$', 'Spanish balance',
    { timeout: 20000 });
  assert.equal(findItem(snap, 'disconnect').label, 'Desconectar');
  assert.equal(findItem(snap, 'mode.once').label, 'Comprar una vez');
  assert.equal(findItem(snap, 'title').label, 'Créditos de IA');

  // The amount field reads the locale's decimal separator and refuses the other one.
  await clickItem(page, '#w1', 'amount');
  await page.keyboard.type('12.5');
  snap = await waitForSnapshot(page, '#w1', (s) => findItem(s, 'amount_error'), 'an error for 12.5');
  assert.match(findItem(snap, 'amount_error').label, /Usa "," para los decimales|separador/);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('12,5');
  await waitForSnapshot(page, '#w1', (s) => !findItem(s, 'amount_error') && s.state === 'quote_ready', '12,5 accepted');
  await page.context().close();
});
