/**
 * Sign-in sessions of the browser preview, one per client. A client is a
 * browser (an HttpOnly, SameSite=Strict cookie the page's scripts cannot
 * read) and, within it, one tab (an id the page keeps in sessionStorage):
 * a second tab, or a local process that fetched the page and its token,
 * starts signed out and must know a PIN, under the lock-out.
 *
 * The cookie is minted by this run and bound to its token (an HMAC of a
 * random id under the token), so a cookie from another run or made up by
 * hand is refused without any stored list.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { newSessionState, type SessionState } from '../main/ipc/session-state';

export const SESSION_COOKIE = 'pos_sid';
export const CLIENT_HEADER = 'x-pos-client';
const CLIENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Sessions kept at once; the least recently used goes first (a page that reloads keeps its own). */
const MAX_SESSIONS = 256;

export interface ClientSessions {
  /** A fresh cookie value for a browser that has none (or an invalid one). */
  mint(): string;
  /** True when the cookie was minted by this run. */
  valid(cookie: string | undefined): cookie is string;
  /** The session of one tab of one browser, or an error saying what is missing. */
  sessionFor(cookie: string | undefined, clientId: string | undefined): SessionState | { refused: string };
  /** True when any client has someone signed in. */
  anySignedIn(): boolean;
}

export function createClientSessions(token: string): ClientSessions {
  const sessions = new Map<string, SessionState>();
  const sign = (id: string) => createHmac('sha256', token).update(id).digest('base64url');

  const valid = (cookie: string | undefined): cookie is string => {
    if (!cookie) return false;
    const dot = cookie.indexOf('.');
    if (dot < 1) return false;
    const expected = Buffer.from(sign(cookie.slice(0, dot)));
    const given = Buffer.from(cookie.slice(dot + 1));
    return expected.length === given.length && timingSafeEqual(expected, given);
  };

  return {
    mint() {
      const id = randomBytes(18).toString('base64url');
      return `${id}.${sign(id)}`;
    },
    valid,
    sessionFor(cookie, clientId) {
      if (!valid(cookie)) return { refused: 'no session cookie from this server: reload the page' };
      if (!clientId || !CLIENT_ID.test(clientId)) return { refused: `missing or malformed ${CLIENT_HEADER} header` };
      const key = `${cookie}:${clientId}`;
      let session = sessions.get(key);
      if (session) sessions.delete(key);
      else session = newSessionState();
      sessions.set(key, session);
      if (sessions.size > MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      return session;
    },
    anySignedIn: () => [...sessions.values()].some((s) => s.current !== null),
  };
}
