/**
 * Sandboxed preload: exposes exactly the contract's channels as
 * `window.pos.<domain>.<action>(input)`. No validation here (main does it) and
 * nothing but electron required, so it loads under sandbox: true.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildPosApi } from '../shared/ipc/api';

contextBridge.exposeInMainWorld(
  'pos',
  buildPosApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
