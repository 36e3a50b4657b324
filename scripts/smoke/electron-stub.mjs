// Just enough of `electron` for the built main process to evaluate under
// plain Node: the app never becomes ready, so nothing opens.
const noop = () => {};
/** What the built main did, for the smoke checks to read. */
export const calls = (globalThis.__electronStubCalls = []);
const record = (name) => (...args) => void calls.push(name, args.length);
export const app = {
  // SMOKE_SECOND_INSTANCE=1 plays a second copy of the app: the lock is already held.
  requestSingleInstanceLock: () => process.env.SMOKE_SECOND_INSTANCE !== '1',
  quit: record('app.quit'),
  on: record('app.on'),
  whenReady: () => {
    calls.push('app.whenReady');
    return new Promise(noop);
  },
  isPackaged: false,
  getPath: () => '/nonexistent',
  getAppPath: () => '/nonexistent',
  getVersion: () => '0.0.0',
};
export const protocol = { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: noop };
export class BrowserWindow {}
export const Menu = { setApplicationMenu: noop };
export const ipcMain = { handle: noop, removeHandler: noop };
export const session = {};
export const shell = {};
export const net = {};
export const dialog = { showErrorBox: noop };
export const safeStorage = { isEncryptionAvailable: () => false, encryptString: noop, decryptString: noop };
export default { app, protocol, BrowserWindow, Menu, ipcMain, session, shell, net, dialog, safeStorage };
