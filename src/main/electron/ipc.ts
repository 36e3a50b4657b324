import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Router } from '../ipc/router';
import { newSessionState, type SessionState } from '../ipc/session-state';
import { isAppUrl } from '../security/url-policy';

/**
 * Registers exactly the router's channels on ipcMain. Each call's sender must
 * be our own top frame; each window has its own sign-in session.
 */
export function registerIpc(router: Router, devServerUrl: string | undefined): { dispose(): void; anySignedIn(): boolean } {
  const sessions = new Map<number, SessionState>();
  const sessionFor = (event: IpcMainInvokeEvent) => {
    const id = event.sender.id;
    let s = sessions.get(id);
    if (!s) {
      s = newSessionState();
      sessions.set(id, s);
      event.sender.once('destroyed', () => sessions.delete(id));
    }
    return s;
  };
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, devServerUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'IPC from an untrusted frame' } };
      }
      return router.call(channel, input, sessionFor(event));
    });
  }
  return {
    dispose: () => {
      for (const channel of router.channels) ipcMain.removeHandler(channel);
    },
    /** True when any window has someone signed in (the updater waits for that). */
    anySignedIn: () => [...sessions.values()].some((s) => s.current !== null),
  };
}
