import type { PosApi } from '../shared/ipc/api';

declare global {
  interface Window {
    /** Put there by the Electron preload; absent in the browser preview. */
    pos?: PosApi;
  }
}

export {};
