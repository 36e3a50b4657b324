import type { SessionInfo } from '../../shared/ipc/dto';

/**
 * Who is signed in at one client (an Electron window, or the web bridge's
 * page). Lives in main: the renderer never asserts its own identity.
 */
export interface SessionState {
  current: SessionInfo | null;
}

export const newSessionState = (): SessionState => ({ current: null });
