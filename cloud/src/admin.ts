/**
 * `npm run cloud:admin -- <command>`: what an installer needs from the cloud.
 *
 *   create-store NAME                                  prints the new store's id
 *   register-code --store ID [--register-code R02]     prints a one-time registration code
 *   revoke --store ID --register REGISTER_ID [--reason TEXT]
 *
 * Same database choice as the cloud: DATABASE_URL, else PGlite in --data.
 * With PGlite, stop the cloud first (one process per data folder).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { claimDataDir, DEFAULT_DATA_DIR } from './data-dir';
import { openCloudDb } from './db';
import { createRegistrationCode, createStore, revokeRegister } from './registry';

const HELP = `Usage: npm run cloud:admin -- <command> [options] [--data DIR]

Commands:
  create-store NAME                               create a store; prints its id
  register-code --store ID [--register-code R02]  a one-time code (7 days) to register a till
  revoke --store ID --register REGISTER_ID [--reason TEXT]
                                                  stop a register syncing (it keeps selling offline)

DATABASE_URL selects PostgreSQL; otherwise PGlite in --data (default .cloud-data/).`;

export async function adminMain(argv: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      store: { type: 'string' },
      'register-code': { type: 'string' },
      register: { type: 'string' },
      reason: { type: 'string' },
      data: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out(HELP);
    if (!command && !values.help) throw new Error('missing command');
    return;
  }
  const need = (v: string | undefined, name: string): string => {
    if (!v) throw new Error(`missing ${name}`);
    return v;
  };
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const dataDir = databaseUrl ? undefined : path.resolve(process.env.INIT_CWD ?? process.cwd(), values.data ?? DEFAULT_DATA_DIR);
  const release = dataDir ? claimDataDir(dataDir) : () => undefined;
  const opened = await openCloudDb({ databaseUrl, dataDir, poolSize: 1 });
  try {
    switch (command) {
      case 'create-store': {
        const name = rest.join(' ').trim();
        if (!name) throw new Error('missing store NAME');
        out(await createStore(opened.db, name));
        return;
      }
      case 'register-code':
        out(await createRegistrationCode(opened.db, need(values.store, '--store ID'), { registerCode: values['register-code'] }));
        return;
      case 'revoke':
        await revokeRegister(opened.db, need(values.store, '--store ID'), need(values.register, '--register REGISTER_ID'), values.reason ?? 'revoked by an administrator');
        out(`revoked register ${values.register}`);
        return;
      default:
        throw new Error(`unknown command "${command}" (create-store, register-code, revoke)`);
    }
  } finally {
    await opened.close();
    release();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  adminMain(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).catch((err: unknown) => {
    process.stderr.write(`cloud:admin: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
