import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './public/app';
import { setupI18n } from './common/i18n/setup';
import { preloadPage } from './public/pages/page-loaders';
import './public/styles.css';

const root = document.getElementById('root');
if (root) {
  // In parallel with the catalog, not after it: one round trip less on a slow link.
  preloadPage(window.location.pathname);
  setupI18n().then(
    () =>
      createRoot(root).render(
        <StrictMode>
          <App />
        </StrictMode>,
      ),
    () => {
      // No catalog, so no translated text to show: say so in English rather than show nothing.
      root.innerHTML =
        '<p role="alert" class="notice notice-error">The page could not be loaded. Check your connection and reload the page.</p>';
    },
  );
}
