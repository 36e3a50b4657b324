/**
 * The thin Electron side of updates: electron-updater's platform updater
 * (NSIS on Windows, the zip through Squirrel.Mac on macOS, AppImage or deb
 * on Linux), configured by the app-update.yml electron-builder writes from
 * `publish` in electron-builder.yml. Everything it does is decided by
 * update-controller.ts, which runs in tests on the same electron-updater
 * classes without Electron.
 */
import electronUpdater from 'electron-updater';
import type { UpdateEngine } from './update-controller';

/** Created on first use: the getter builds the updater for this platform and reads Electron's `app`. */
export function electronUpdateEngine(): UpdateEngine {
  return electronUpdater.autoUpdater;
}
