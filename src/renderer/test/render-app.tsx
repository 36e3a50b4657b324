import { render } from '@testing-library/react';
import type { PosApi } from '../../shared/ipc/api';
import { createI18n, type Language } from '../i18n';
import { Root } from '../Root';

/** Renders the whole app over the given API, as main.tsx does. */
export function renderApp(api: PosApi, language: Language = 'es') {
  const i18n = createI18n(language);
  return { i18n, ...render(<Root api={api} i18n={i18n} />) };
}
