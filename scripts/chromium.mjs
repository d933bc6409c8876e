// Debian's Chromium through playwright-core, headless with WebGL2 on SwiftShader: the one way
// the browser tests and the benchmark start it.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.ACW_CHROMIUM || '/usr/bin/chromium';

// gpuCompositing: the compositor on SwiftShader too, as on a visitor's GPU, instead of software
// compositing (--disable-gpu), which reads every WebGL frame back from the GPU process
// ("GPU stall due to ReadPixels").
export function launchBrowser(extraArgs = [], { gpuCompositing = false } = {}) {
  const gl = gpuCompositing ? ['--use-angle=swiftshader'] : ['--use-gl=swiftshader', '--disable-gpu'];
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...gl, '--enable-unsafe-swiftshader', '--no-sandbox',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs,
    ],
  });
}
