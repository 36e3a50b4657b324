/**
 * electron-updater wiring: check on start and every few hours, download in
 * the background, install only when decideInstall allows (never mid-sale).
 * The channel (stable/beta) and staged rollout come from the update feed
 * (electron-builder.yml publish + stagingPercentage in latest.yml).
 */
import electronUpdater from 'electron-updater';
import { decideInstall, UPDATE_CHECK_INTERVAL_MS, type TillState } from './update-policy';

export function startUpdater(tillState: () => TillState, log: (msg: string) => void): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  let ready = false;

  const consider = () => {
    const decision = decideInstall(tillState(), ready);
    if (decision === 'install-now') autoUpdater.quitAndInstall(true, true);
    else if (decision === 'install-on-quit') autoUpdater.autoInstallOnAppQuit = true;
  };

  autoUpdater.on('update-downloaded', (info) => {
    ready = true;
    log(`update ${info.version} downloaded`);
    consider();
  });
  autoUpdater.on('error', (err) => log(`update check failed: ${err.message}`));

  const check = () => void autoUpdater.checkForUpdates().catch((err: Error) => log(`update check failed: ${err.message}`));
  const first = setTimeout(check, 30_000);
  const every = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  const idle = setInterval(() => ready && consider(), 60_000);
  return () => {
    clearTimeout(first);
    clearInterval(every);
    clearInterval(idle);
  };
}
