/**
 * Electron glue only: window, protocol, IPC and updater wiring. Everything
 * it calls runs under plain Node and is tested there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { startIdleCheckpoints } from './db/checkpoint';
import { openDatabase, type PosDb } from './db/open';
import { createFileLogger, ipcCallLogger } from './log/logger';
import { denyPermissions, hardenApp } from './electron/hardening';
import { registerIpc } from './electron/ipc';
import { registerAppScheme, serveRenderer } from './electron/protocol';
import { createSafeStorageVault } from './electron/token-vault';
import { createRouter } from './ipc/router';
import { APP_ORIGIN } from './security/url-policy';
import { createServices, type Services } from './services';
import { demoSeedDecision, startupFailureLine } from './startup-policy';
import { tokenFileFor } from './sync/token-vault';
import { electronUpdateEngine } from './updater/electron-engine';
import { createTillPresence, isTillActivity } from './updater/till-probe';

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
let db: PosDb | undefined;
let services: Services | undefined;

// A second copy hands over to the first and does nothing else (no protocol, no database).
const primary = app.requestSingleInstanceLock();
if (!primary) app.quit();
else start();

function start(): void {
  registerAppScheme();
  hardenApp(devServerUrl);
  app.on('second-instance', focusMainWindow);
  app.whenReady().then(ready, (err: unknown) => fail('the app could not start', err));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    if (!db) return;
    const open = db;
    db = undefined;
    if (!services) return open.close();
    // A sync round in flight finishes (its acks committed) before the database closes; then quit for real.
    event.preventDefault();
    services.updates.stop();
    const stopping = services.sync.stop();
    services = undefined;
    void stopping.finally(() => {
      open.close();
      app.quit();
    });
  });
}

/** Says what went wrong in one line (console and a dialog) and exits: no uncaught error, no half-open store. */
function fail(file: string, err: unknown): void {
  const line = startupFailureLine(file, err);
  console.error(line);
  dialog.showErrorBox('POS', line);
  db?.close();
  app.exit(1);
}

function migrationsFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'db/migrations');
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'POS',
    webPreferences: {
      preload: path.join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return win;
}

function focusMainWindow(): void {
  const [win] = BrowserWindow.getAllWindows();
  if (win) {
    if (win.isMinimized()) win.restore();
    win.focus();
  }
}

async function ready(): Promise<void> {
  denyPermissions();
  if (app.isPackaged) Menu.setApplicationMenu(null);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));

  // POS_DB_FILE lets IT (and the Electron e2e run) put the store elsewhere.
  const file = process.env.POS_DB_FILE ?? path.join(app.getPath('userData'), 'pos.sqlite');
  let opened;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    opened = openDatabase(file, { migrationsFolder: migrationsFolder() });
  } catch (err) {
    fail(file, err);
    return;
  }
  db = opened.db;
  const demo = demoSeedDecision(process.env, app.isPackaged);
  if (demo.refused) console.warn(demo.refused);
  if (demo.seed && opened.report.created) {
    // A demo store for training and the e2e suite; never on a real store's file.
    const { seedDemo } = await import('./seed/demo-seed');
    await seedDemo(db, { products: Number(process.env.POS_DEMO_PRODUCTS ?? 200), seed: 1 });
  }
  startIdleCheckpoints(db.sqlite);
  const log = createFileLogger(path.join(app.getPath('userData'), 'logs'));
  const presence = createTillPresence();
  const running = createServices(
    db,
    { version: app.getVersion(), shell: 'electron' },
    undefined,
    {
      // The device token: encrypted with safeStorage in a file beside the database, never in it.
      vault: createSafeStorageVault(tokenFileFor(file)),
      onRound: (result, status) => {
        if (!result.ok && !result.notConfigured) log.warn({ sync: true, state: status.state, code: result.error.code }, result.error.message);
      },
    },
    {
      // Only an installed app updates itself (electron-updater reads the app-update.yml electron-builder put beside it).
      engine: app.isPackaged ? electronUpdateEngine() : null,
      unsupportedReason: 'development-build',
      presence,
      log: (level, message, fields) => log[level]({ updater: true, ...fields }, message),
    },
  );
  services = running;
  // Idle until the register has a server and a token (npm run admin -- register); then push and pull every 15 s.
  running.sync.start();
  log.info({ version: app.getVersion(), db: file, created: opened.report.created, migrationsApplied: opened.report.applied }, 'app started');
  const callLog = ipcCallLogger(log);
  const router = createRouter(running, {
    log: (entry) => {
      callLog(entry);
      // The update policy waits for a quiet till: the last thing a person did at the screen.
      if (isTillActivity(entry.channel)) presence.touch(Date.now());
    },
  });
  const ipc = registerIpc(router, devServerUrl);
  presence.setSignedIn(ipc.anySignedIn);
  createWindow();
  // Checks soon after start (a verified download from before installs now if the till is quiet), then every 4 hours.
  running.updates.start();
}
