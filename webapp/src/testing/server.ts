import { setupServer } from 'msw/node';

/**
 * The one mock server of the Vitest run: MSW answers every request the code under test sends with `fetch` or
 * `XMLHttpRequest`. Tests add their handlers (`mockApi` in test-utils, or `server.use`); setup-tests.ts starts it
 * with `onUnhandledRequest: 'error'`, so a request no handler expects fails instead of passing unseen.
 */
export const server = setupServer();
