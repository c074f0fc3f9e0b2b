import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { loadCatalogue } from '@/config/catalogue';
import { appLanguage } from '@/config/locale';
import { initTheme } from '@/lib/theme';
import '@/styles/global.css';

// Before the first render, so that a remembered theme never flashes the other one.
initTheme();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The catalogue before the first render too: screens read their strings as they render. (A promise rather
// than a top-level await: with one, the bundler splits the entry into many small initial chunks.)
void loadCatalogue(appLanguage).then((language) => {
  document.documentElement.lang = language;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
