import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works under any path (the demo serves it at /react-wagmi/).
  base: './',
  // The widget's ES module finds its .wasm beside itself (new URL(…, import.meta.url)); the dev
  // server's dependency pre-bundling would move the module away from it.
  optimizeDeps: { exclude: ['ai-credits-widget'] },
});
