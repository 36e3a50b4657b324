/**
 * The IPC contract: for each channel, the zod schema its input must pass (main
 * parses it before any service runs; the renderer is untrusted), the role it
 * needs, and the type of its output. Outputs are plain JSON DTOs, never rows.
 */
import { z } from 'zod';
import type { ActionOf, Domain } from './channels';
import type { AppStatus, SessionInfo, StaffSummary, StoreSettings } from './dto';

/** Who may call a channel: anyone at the login screen, or a signed-in role. */
export type Access = 'public' | 'cashier' | 'manager' | 'admin';

declare const outputType: unique symbol;
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Phantom: carries the output type, never set at run time. */
  readonly [outputType]?: O;
}

const channel = <O>() => <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });

/** Channels that take no input accept nothing but an empty object or nothing. */
const NoInput = z.object({}).strict().optional();

export const PinSchema = z
  .string()
  .regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

export const contract = {
  app: {
    status: channel<AppStatus>()(NoInput, 'public'),
  },
  session: {
    staffList: channel<StaffSummary[]>()(NoInput, 'public'),
    login: channel<SessionInfo>()(
      z.object({ userId: z.number().int().positive(), pin: PinSchema }).strict(),
      'public',
    ),
    logout: channel<null>()(NoInput, 'cashier'),
    current: channel<SessionInfo | null>()(NoInput, 'public'),
  },
  settings: {
    store: channel<StoreSettings>()(NoInput, 'public'),
  },
} satisfies { [D in Domain]: { [A in ActionOf<D>]: ChannelDef } };

export type Contract = typeof contract;
export type InputOf<C> = C extends ChannelDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelDef<z.ZodType, infer O> ? O : never;
