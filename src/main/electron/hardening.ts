import { app, session, shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isVettedExternalUrl } from '../security/url-policy';

/**
 * The Electron security checklist that applies app-wide: no navigation away
 * (top frame, sub-frames, redirects), no new windows, no webviews, no
 * permissions, no device pickers, vetted external links only.
 */
export function hardenApp(devServerUrl: string | undefined): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    const stayInApp = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url, devServerUrl)) event.preventDefault();
    };
    contents.on('will-navigate', stayInApp);
    contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
    contents.on('will-redirect', stayInApp);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // A page asking for a Bluetooth device gets none (the list is never shown).
    contents.on('select-bluetooth-device', (event, _devices, callback) => {
      event.preventDefault();
      callback('');
    });
    contents.setWindowOpenHandler(({ url }) => {
      if (isVettedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

/**
 * Call after 'ready': deny every permission request (camera, geolocation...)
 * and every device a page could ask for. Scanners are keyboards and printers
 * are reached from main, so the renderer needs no HID, serial or USB access.
 */
export function denyPermissions(target: Session = session.defaultSession): void {
  target.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  target.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  target.on('select-serial-port', (event, _ports, _wc, callback) => {
    event.preventDefault();
    callback('');
  });
  target.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}
