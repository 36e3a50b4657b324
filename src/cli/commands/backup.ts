import fs from 'node:fs';
import path from 'node:path';
import { HELP_OPTION, parseOptions, required } from '../args';
import type { Command } from '../command';
import { UsageError } from '../exit';
import { bytes } from '../format';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Online backup of a store database, checked with integrity_check',
  help: `Usage: admin backup --db FILE --out FILE

Writes a consistent copy of the database while the app may keep running
(VACUUM INTO), then runs PRAGMA integrity_check on the copy. The database
is opened read-only and never migrated or created; --out must not exist.

Options:
  --db FILE    the store database to copy (must exist)
  --out FILE   the new backup file (must not exist; its folder must)
  -h, --help   show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, out: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const out = required(values.out, '--out FILE');
    // Loaded only now: the database code takes ~0.4 s to import, which --help and typos should not pay.
    const [{ default: Database }, { backupDatabase }, { requireSqliteFile }] = await Promise.all([
      import('better-sqlite3'),
      import('../../main/db/backup'),
      import('../db-files'),
    ]);
    requireSqliteFile(file);
    if (fs.existsSync(out)) throw new UsageError(`${out} already exists; choose a new backup file`);
    const dir = path.dirname(path.resolve(out));
    if (!fs.existsSync(dir)) throw new UsageError(`directory ${dir} does not exist`);
    if (path.resolve(out) === path.resolve(file)) throw new UsageError('--out must differ from --db');

    const sqlite = new Database(file, { readonly: true, fileMustExist: true });
    try {
      sqlite.pragma('busy_timeout = 5000');
      const result = backupDatabase(sqlite, out);
      io.out(`backed up ${file} to ${result.file} (${bytes(result.bytes)}), integrity_check ok`);
    } finally {
      sqlite.close();
    }
  },
};
