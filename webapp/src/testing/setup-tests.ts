import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setSession } from '@/lib/session';
import { setSystemDarkMode } from './match-media';

beforeEach(() => {
  setSystemDarkMode(false);
});

afterEach(() => {
  cleanup();
  setSession(null);
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  document.documentElement.style.colorScheme = '';
});
