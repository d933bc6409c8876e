import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs: the built app works under any path (the demo serves it at /react-wagmi/).
  base: './',
  // The widget's ES module finds its .wasm beside itself (new URL(…, import.meta.url)); the dev
  // server's dependency pre-bundling would move the module away from it.
  optimizeDeps: { exclude: ['ai-credits-widget'] },
  // `npm run dev` beside a running demo (scripts/demo.sh): its /stack.json and dev wallet.
  server: {
    proxy: Object.fromEntries(['/stack.json', '/host-examples'].map((p) => [p, process.env.ACW_DEMO_URL || 'http://127.0.0.1:8080'])),
  },
});
