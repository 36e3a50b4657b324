import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Electron's binary is not on every machine: app and session are event emitters here.
const fake = vi.hoisted(() => ({ app: null as unknown as EventEmitter, openExternal: [] as string[] }));
vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  fake.app = new Emitter();
  return { app: fake.app, session: { defaultSession: null }, shell: { openExternal: (url: string) => void fake.openExternal.push(url) } };
});

const { denyPermissions, hardenApp } = await import('./hardening');

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

type PermissionRequest = (wc: unknown, permission: string, callback: (ok: boolean) => void) => void;
class FakeSession extends EventEmitter {
  request: PermissionRequest | null = null;
  check: (() => boolean) | null = null;
  device: (() => boolean) | null = null;
  setPermissionRequestHandler(handler: PermissionRequest) {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: () => boolean) {
    this.check = handler;
  }
  setDevicePermissionHandler(handler: () => boolean) {
    this.device = handler;
  }
}

const prevented = () => {
  const event = { prevented: false, url: '', preventDefault() { this.prevented = true; } };
  return event;
};

describe('app hardening', () => {
  let contents: FakeContents;
  beforeEach(() => {
    fake.app.removeAllListeners();
    hardenApp(undefined);
    contents = new FakeContents();
    fake.app.emit('web-contents-created', {}, contents);
  });

  it('keeps every frame in the app: top-level, sub-frame and redirect navigation away are blocked', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const away = prevented();
      contents.emit(name, away, 'https://evil.example/');
      expect(away.prevented, name).toBe(true);
      const home = prevented();
      contents.emit(name, home, 'app://pos/index.html');
      expect(home.prevented, name).toBe(false);
    }
    const frame = { ...prevented(), url: 'https://evil.example/frame' };
    contents.emit('will-frame-navigate', frame);
    expect(frame.prevented).toBe(true);
    const own = { ...prevented(), url: 'app://pos/receipt.html' };
    contents.emit('will-frame-navigate', own);
    expect(own.prevented).toBe(false);
  });

  it('blocks webviews, new windows and Bluetooth pickers', () => {
    const webview = prevented();
    contents.emit('will-attach-webview', webview);
    expect(webview.prevented).toBe(true);
    expect(contents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    const bt = prevented();
    const picked: string[] = [];
    contents.emit('select-bluetooth-device', bt, [{ deviceId: 'AA:BB' }], (id: string) => picked.push(id));
    expect(bt.prevented).toBe(true);
    expect(picked).toEqual(['']);
  });

  it('denies permissions and HID, serial and USB device selection', () => {
    const session = new FakeSession();
    denyPermissions(session as never);
    const granted: boolean[] = [];
    session.request!(null, 'media', (ok) => granted.push(ok));
    expect(granted).toEqual([false]);
    expect(session.check!()).toBe(false);
    expect(session.device!()).toBe(false);
    const answers: unknown[] = [];
    for (const [name, args] of [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'hid-1' }] }]],
      ['select-serial-port', [[{ portId: 'com1' }], {}]],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'usb-1' }] }]],
    ] as const) {
      const event = prevented();
      session.emit(name, event, ...args, (id?: string) => answers.push(id));
      expect(event.prevented, name).toBe(true);
    }
    expect(answers).toEqual(['', '', undefined]);
  });
});
