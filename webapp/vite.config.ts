import { fileURLToPath } from 'node:url';
import babel from '@rolldown/plugin-babel';
import react, { reactCompilerPreset } from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// In development the NetChat server runs on WildFly at :8080; the browser talks only to Vite.
const serverUrl = process.env.NETCHAT_SERVER_URL ?? 'http://localhost:8080';

// The server accepts a cookie-authenticated unsafe request only when its Origin is the server's own
// (it compares Origin with Host). Through this proxy the page is the server's page in all but port, so
// present it as such: Host via changeOrigin, Origin via the header.
const asServer = { target: serverUrl, changeOrigin: true, headers: { origin: serverUrl } };
const proxy = {
  '/api': asServer,
  '/health': asServer,
  '/ws': { ...asServer, ws: true },
};

export default defineConfig({
  // The React Compiler memoises components and hooks: opening a conversation re-rendered the whole app frame
  // once per query that answered (channels, details, history, profile), which a phone's CPU felt.
  plugins: [react(), babel({ presets: [reactCompilerPreset()] })],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    rolldownOptions: {
      output: {
        codeSplitting: {
          // TanStack Query in one chunk of its own, not wherever the automatic split puts its parts: that follows
          // which lazy screens call which of its hooks, and taking the one useQuery out of the Settings dialog made
          // its query-observer half an initial chunk of its own, 0.6 kB gzipped more than the code in one piece.
          // The modules the first screen and the lazy dialogs both use (navigation, the channel list, channel labels,
          // notification rules) in one chunk with what they import (the string catalogue, the API client, query
          // keys): once the features' calls moved out of one lib/chat-api.ts object, the automatic split spread them
          // over six initial chunks (0.3 to 9.6 kB) and the first screen needed 149.5 kB gzipped; in one, 148.4 kB.
          groups: [
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
            {
              name: 'shared',
              test: /src[\\/](lib[\\/](navigation|channel-label|notification-rules)|hooks[\\/]use-channels)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/testing/setup-tests.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
    unstubGlobals: true,
    // The default 5 s per test timed out component tests that type into dialogs when the build machine's two
    // cores were shared by several builds (load average 20); the tests wait for what they assert, not the clock.
    testTimeout: 20_000,
  },
});
