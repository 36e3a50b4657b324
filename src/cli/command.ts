import type { CliIo } from './io';

/** One admin command (or sub-command, e.g. "user add"). */
export interface Command {
  /** As typed: "migrate", "user add". */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full --help text. */
  help: string;
  /** Throws UsageError / DomainError; the dispatcher prints one line and picks the exit code. */
  run(args: string[], io: CliIo): Promise<void>;
}
