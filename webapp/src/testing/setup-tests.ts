import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { setSession } from '@/lib/session';
import { setSystemDarkMode } from './match-media';
import { server } from './server';

// findBy* and waitFor give up after this long. Testing Library's 1 s default is too tight for a busy
// two-core CI machine running the suite in parallel workers; a failing expectation still fails, only later.
configure({ asyncUtilTimeout: 5000 });

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

beforeEach(() => {
  setSystemDarkMode(false);
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  server.events.removeAllListeners();
  setSession(null);
  window.localStorage.clear();
  window.netchatEarlyRefresh = undefined;
  window.netchatEarlyReads = undefined;
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});
