// Debian's Chromium through playwright-core, headless with WebGL2 on SwiftShader: the one way
// the browser tests and the benchmark start it.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.ACW_CHROMIUM || '/usr/bin/chromium';

export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs,
    ],
  });
}
