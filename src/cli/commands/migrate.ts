import { HELP_OPTION, parseOptions, required } from '../args';
import type { Command } from '../command';
import { bytes } from '../format';
import { must } from '../../main/db/rows';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Create a store database, or bring an existing one up to date',
  help: `Usage: admin migrate --db FILE

Creates FILE as a new store database, or applies the migrations it lacks.
Before migrating an existing database it takes an online backup beside it
(FILE.pre-migrate-<time>.bak). A file that is not SQLite, or is another
program's database, is refused and left as it is.

Options:
  --db FILE    the store database (created if missing)
  -h, --help   show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    // Loaded only now: the database code takes ~0.4 s to import, which --help and typos should not pay.
    const { openStore } = await import('../db-files');
    const { db, report } = openStore(file, { create: true });
    try {
      const known = must(db.sqlite.prepare<[], number>('SELECT COUNT(*) FROM __drizzle_migrations').pluck().get(), 'the count of applied migrations');
      if (report.created) io.out(`created ${file}: applied ${report.applied} migrations`);
      else if (report.applied > 0) io.out(`migrated ${file}: applied ${report.applied} pending migration(s)`);
      else io.out(`${file} is up to date (${known} migrations applied)`);
      if (report.backup) io.out(`backup before migrating: ${report.backup.file} (${bytes(report.backup.bytes)}, integrity_check ok)`);
    } finally {
      db.close();
    }
  },
};
