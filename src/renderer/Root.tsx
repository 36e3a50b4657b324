import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { PosApi } from '../shared/ipc/api';
import { App } from './App';
import { StoresProvider } from './stores/stores-context';

/** The app with its two dependencies passed in: the POS API and an i18n instance. */
export function Root({ api, i18n }: { api: PosApi; i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StoresProvider api={api}>
        <App />
      </StoresProvider>
    </I18nextProvider>
  );
}
