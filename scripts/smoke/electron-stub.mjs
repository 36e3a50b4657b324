// Just enough of `electron` for the built main process to evaluate under
// plain Node: the app never becomes ready, so nothing opens.
const noop = () => {};
export const app = {
  requestSingleInstanceLock: () => true,
  quit: noop,
  on: noop,
  whenReady: () => new Promise(noop),
  isPackaged: false,
  getPath: () => '/nonexistent',
  getAppPath: () => '/nonexistent',
  getVersion: () => '0.0.0',
};
export const protocol = { registerSchemesAsPrivileged: noop, handle: noop };
export class BrowserWindow {}
export const Menu = { setApplicationMenu: noop };
export const ipcMain = { handle: noop, removeHandler: noop };
export const session = {};
export const shell = {};
export const net = {};
export const dialog = { showErrorBox: noop };
export default { app, protocol, BrowserWindow, Menu, ipcMain, session, shell, net, dialog };
