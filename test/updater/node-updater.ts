/**
 * electron-updater's own updater, running under plain Node for tests: the
 * real DebUpdater (check, staging, download, sha512 verification, download
 * cache) with a Node app adapter instead of Electron's `app`, and Node's
 * http instead of Electron's `net` for the transfer. The verification is
 * builder-util-runtime's (HttpExecutor.doDownload with its DigestTransform),
 * the same code the app runs. Only the install step is replaced (it runs
 * dpkg / the NSIS installer and restarts the app): calls are recorded.
 */
import fs from 'node:fs';
import http, { type ClientRequest, type RequestOptions } from 'node:http';
import path from 'node:path';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type CancellationToken, type DownloadOptions } from 'builder-util-runtime';
import { DebUpdater } from 'electron-updater';

class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: http.IncomingMessage) => void): ClientRequest {
    return http.request(options, callback);
  }

  /** Same as electron-updater's ElectronHttpExecutor.download, over Node's http. */
  async download(url: URL, destination: string, options: DownloadOptions & { cancellationToken: CancellationToken }): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }
}

export class TestDebUpdater extends DebUpdater {
  /** quitAndInstall calls: (isSilent, isForceRunAfter). */
  readonly installs: Array<[boolean, boolean]> = [];
  override quitAndInstall(isSilent = false, isForceRunAfter = false): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

export interface NodeUpdaterOptions {
  /** The running app's version. */
  version: string;
  /** The feed's base URL. */
  feedUrl: string;
  /** A temp folder for userData, the download cache and app-update.yml. */
  dir: string;
}

/** An installed app's updater as electron-builder configures it: app-update.yml (generic provider) and a cache folder. */
export function nodeUpdater({ version, feedUrl, dir }: NodeUpdaterOptions): TestDebUpdater {
  const userData = path.join(dir, 'userData');
  const cache = path.join(dir, 'cache');
  fs.mkdirSync(userData, { recursive: true });
  fs.mkdirSync(cache, { recursive: true });
  const config = path.join(dir, 'app-update.yml');
  fs.writeFileSync(config, `provider: generic\nurl: ${JSON.stringify(feedUrl)}\nupdaterCacheDirName: pos-ropa-updater\n`);
  const app = {
    version,
    name: 'pos-ropa',
    isPackaged: true,
    appUpdateConfigPath: config,
    userDataPath: userData,
    baseCachePath: cache,
    whenReady: () => Promise.resolve(),
    relaunch: () => {},
    quit: () => {},
    onQuit: () => {},
  };
  const updater = new TestDebUpdater(null, app);
  // electron-updater picks Electron's net executor only when it is given no app adapter; with one it expects ours.
  Object.assign(updater, { httpExecutor: new NodeHttpExecutor() });
  updater.logger = null;
  return updater;
}
