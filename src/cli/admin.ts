/**
 * The admin CLI: `npm run admin -- <command>` or the pos-admin bin
 * (scripts/admin.mjs registers tsx and calls main()).
 */
import type { Command } from './command';
import { backupCommand } from './commands/backup';
import { migrateCommand } from './commands/migrate';
import { seedCommand } from './commands/seed';
import { simulateCommand } from './commands/simulate';
import { registerCommand, syncCommand } from './commands/sync';
import { USER_COMMANDS } from './commands/user';
import { EXIT_OK, EXIT_USAGE, exitCodeFor, oneLine } from './exit';
import { processIo, type CliIo } from './io';

const TOP_COMMANDS: readonly Command[] = [migrateCommand, seedCommand, simulateCommand, backupCommand, registerCommand, syncCommand];

const USER_HELP = `Usage: admin user <add|list|pin|disable> [options]

Manage staff users of an existing store database.

Commands:
${USER_COMMANDS.map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

Run "admin user <command> --help" for its options.`;

export const ADMIN_HELP = `Usage: admin <command> [options]
       npm run admin -- <command> [options]

Administration of a pos-ropa store database, for IT and for tests.

Commands:
${[...TOP_COMMANDS, ...USER_COMMANDS].map((c) => `  ${c.name.padEnd(14)}${c.summary}`).join('\n')}

Run "admin <command> --help" for a command's options.

Exit codes:
  0  done
  1  the command ran but failed: database already seeded, username taken,
     unknown user, last admin, database from a newer app, a failed check
  2  the command cannot run as given: bad, missing or unknown arguments, a
     refused value (e.g. a weak PIN), or a --db/--out file that cannot be
     used (missing, unreadable, not SQLite, another program's database,
     already existing); nothing was written
Errors are one line on stderr.`;

const isHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h' || arg === 'help';

type Resolved = { command: Command; args: string[] } | { help: string } | { usageError: string };

/** Finds the command named by argv and the arguments left for it, or the help or error line to print. */
function resolve(argv: string[]): Resolved {
  const [first, second] = argv;
  if (first === undefined) return { usageError: 'admin: missing command (try: admin --help)' };
  if (isHelp(first)) return { help: ADMIN_HELP };
  if (first === 'user') {
    if (second === undefined) return { usageError: 'admin user: missing sub-command add, list, pin or disable (try: admin user --help)' };
    if (isHelp(second)) return { help: USER_HELP };
    const command = USER_COMMANDS.find((c) => c.name === `user ${second}`);
    if (!command) return { usageError: `admin user: unknown sub-command "${second}" (try: admin user --help)` };
    return { command, args: argv.slice(2) };
  }
  const command = TOP_COMMANDS.find((c) => c.name === first);
  if (!command) {
    const problem = first.startsWith('-') ? 'a command comes first' : `unknown command "${first}"`;
    return { usageError: `admin: ${problem} (commands: ${[...TOP_COMMANDS.map((c) => c.name), 'user'].join(', ')}; try: admin --help)` };
  }
  return { command, args: argv.slice(1) };
}

/** Runs the CLI and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const resolved = resolve(argv);
  if ('usageError' in resolved) {
    io.err(resolved.usageError);
    return EXIT_USAGE;
  }
  if ('help' in resolved) {
    io.out(resolved.help);
    return EXIT_OK;
  }
  const { command, args } = resolved;
  // --help wins over everything else on the line, even over other mistakes.
  if (args.some((a) => a === '--help' || a === '-h')) {
    io.out(command.help);
    return EXIT_OK;
  }
  try {
    await command.run(args, io);
    return EXIT_OK;
  } catch (err) {
    io.err(`admin ${command.name}: ${oneLine(err)}`);
    // The stack only on request: by default stderr stays one line for scripts.
    if (io.env.POS_ADMIN_DEBUG && err instanceof Error && err.stack) io.err(err.stack);
    return exitCodeFor(err);
  }
}
