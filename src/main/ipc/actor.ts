import { DomainError } from '../../shared/errors';
import type { StaffSummary } from '../../shared/ipc/dto';
import type { SessionState } from './session-state';

/** The signed-in user; the router has already refused anonymous callers of non-public channels. */
export function actorOf(session: SessionState): StaffSummary {
  const user = session.current?.user;
  if (!user) throw new DomainError('UNAUTHENTICATED', 'sign in with your PIN first');
  return user;
}
