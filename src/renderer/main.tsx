// Dev only (empty in builds): the React Refresh preamble as a module, since the
// CSP blocks the inline <script> plugin-react would otherwise rely on.
import '@vitejs/plugin-react/preamble';
import './styles/base.css';
import './styles/login.css';
import './styles/shell.css';
import './styles/sell.css';
import './styles/settings.css';
import './styles/backoffice.css';
import './styles/catalog.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n, DEFAULT_LANGUAGE } from './i18n';
import { readStoredLanguage } from './i18n/language-storage';
import { posClient } from './lib/pos-client';
import { Root } from './Root';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

createRoot(container).render(
  <StrictMode>
    <Root api={posClient()} i18n={createI18n(readStoredLanguage() ?? DEFAULT_LANGUAGE)} />
  </StrictMode>,
);
