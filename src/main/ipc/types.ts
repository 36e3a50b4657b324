import type { Domain } from '../../shared/ipc/channels';
import type { Contract, OutputOf, ParsedInputOf } from '../../shared/ipc/contract';
import type { Services } from '../services';
import type { SessionState } from './session-state';

export interface CallContext {
  services: Services;
  session: SessionState;
}

export type Handler<C> = (input: ParsedInputOf<C>, ctx: CallContext) => OutputOf<C> | Promise<OutputOf<C>>;

/** One handler per contract channel: the compiler rejects a missing or extra one. */
export type Handlers = { [D in Domain]: { [A in keyof Contract[D]]: Handler<Contract[D][A]> } };
export type DomainHandlers<D extends Domain> = Handlers[D];
