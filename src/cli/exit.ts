import { DomainError } from '../shared/errors';

/**
 * Exit codes of the admin CLI (also in `admin --help`):
 * 0: done.
 * 1: the command ran but failed against the database's state (already
 *    seeded, username taken, unknown user, last admin, database from a newer
 *    app, failed integrity check) or an unexpected error.
 * 2: the command cannot run as given: bad, missing or unknown arguments, a
 *    value the store refuses (e.g. a weak PIN), or a --db/--out file that
 *    cannot be used (missing, unreadable, not SQLite, not a store database,
 *    already existing). Nothing was written.
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** A problem with the command line or the files it names: exit 2, one line. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The exit code for an error thrown by a command. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return EXIT_USAGE;
  if (err instanceof DomainError) return err.code === 'VALIDATION' || err.code === 'NOT_SQLITE' || err.code === 'DB_FOREIGN' ? EXIT_USAGE : EXIT_FAILED;
  return EXIT_FAILED;
}

/** One line, whatever the error: a multi-line message would break scripts that read stderr. */
export function oneLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
