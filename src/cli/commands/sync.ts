import { HELP_OPTION, parseOptions, required } from '../args';
import type { Command } from '../command';
import { UsageError } from '../exit';

export const registerCommand: Command = {
  name: 'register',
  summary: 'Register this store database as a till of a cloud store (one-time code)',
  help: `Usage: admin register --db FILE --server URL --code CODE

Exchanges a one-time registration code (from: npm run cloud:admin --
register-code --store ID) for this register's device token, and remembers the
server for "admin sync". The token is never printed nor kept in the database:
it goes to FILE.device-token beside it (mode 0600; the desktop app encrypts
it there with the OS keychain when it next reads it).

Options:
  --db FILE      the store database (must exist)
  --server URL   the cloud, e.g. http://127.0.0.1:8787
  --code CODE    the one-time registration code
  -h, --help     show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, server: { type: 'string' }, code: { type: 'string' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const server = serverUrl(required(values.server, '--server URL'));
    const code = required(values.code, '--code CODE');
    const [{ openStore }, { registerDevice }, { fileVaultFor }] = await Promise.all([
      import('../db-files'),
      import('../../main/sync/register-device'),
      import('../../main/sync/token-vault'),
    ]);
    const { db } = openStore(file, { create: false });
    try {
      const r = await registerDevice(db, { serverUrl: server, code, vault: fileVaultFor(db) });
      io.out(`registered ${file} as register ${r.registerCode} (${r.registerId}) of store ${r.storeId} at ${server}`);
    } finally {
      db.close();
    }
  },
};

export const syncCommand: Command = {
  name: 'sync',
  summary: 'Push this register\'s waiting documents to the cloud once, pull the store\'s changes, check both agree',
  help: `Usage: admin sync --db FILE [--server URL] [--initial-upload]

Pushes every unacknowledged outbox document, in order and in batches, and
prints how many the cloud applied, already had (duplicate), refused as a
conflict (another register changed the row first: the cloud's row is taken
here and this register's edit kept in Settings > Sync) and rejected.
Rejected documents stay in the queue with their reason (listed; they do not
change the exit code). Then pulls, page by page, what the store's other
registers changed (sales, stock, catalog, customers, tax rates, staff,
settings) and applies it here; a new register with no catalog first
downloads the whole store. Last, the convergence check: stock per variant
and every shared row's version, here and in the cloud, must agree.

Exits 1 when the cloud cannot be reached or refuses the register, a pulled
document cannot be applied, or the convergence check finds a difference
(nothing is lost: the next sync sends the same documents, the cloud applies
each once, and the pull resumes from the last page applied here).

Options:
  --db FILE          a registered store database (see: admin register)
  --server URL       the cloud (default: the one the register was registered with)
  --initial-upload   first upload this store's catalog, customers, tax rates,
                     staff, settings and stock into an EMPTY cloud store (once,
                     when a store already running on this register joins the cloud)
  -h, --help         show this help`,

  async run(args, io) {
    const values = parseOptions(args, { db: { type: 'string' }, server: { type: 'string' }, 'initial-upload': { type: 'boolean' }, ...HELP_OPTION });
    const file = required(values.db, '--db FILE');
    const [{ openStore }, { pushOnce }, { pullOnce }, { readSyncServer }, { fileVaultFor }, { initialUpload }, { checkConvergence }, { systemClock }] = await Promise.all([
      import('../db-files'),
      import('../../main/sync/push'),
      import('../../main/sync/pull'),
      import('../../main/sync/register-device'),
      import('../../main/sync/token-vault'),
      import('../../main/sync/initial-upload'),
      import('../../main/sync/checksum'),
      import('../../main/db/clock'),
    ]);
    const { db } = openStore(file, { create: false });
    try {
      const server = values.server ? serverUrl(values.server) : readSyncServer(db)?.serverUrl;
      if (!server) throw new UsageError(`${file} is not registered with a cloud (run: admin register --db ${file} --server URL --code CODE)`);
      // Reachable even when nothing waits: "sync" succeeding means the till can sync now.
      await fetch(new URL('/health', server), { signal: AbortSignal.timeout(10_000) }).then(
        (res) => {
          if (!res.ok) throw new Error(`the cloud at ${server} is not healthy (HTTP ${res.status})`);
        },
        (err: unknown) => {
          throw new Error(`cannot reach the cloud at ${server}: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}`);
        },
      );
      // The token from FILE.device-token (one still in the database, from an older version, moves there first).
      const vault = fileVaultFor(db);
      if (values['initial-upload']) {
        const counts = await initialUpload(db, systemClock, { serverUrl: server, vault });
        io.out(`queued for upload: ${Object.entries(counts).map(([type, n]) => `${n} ${type}`).join(', ') || 'nothing (everything was sent already)'}`);
      }
      const r = await pushOnce(db, { serverUrl: server, vault });
      io.out(`pushed to ${server}: ${r.applied} applied, ${r.duplicate} duplicate, ${r.conflicts} conflict${r.conflicts === 1 ? '' : 's'}, ${r.rejected} rejected (${r.batches} batch${r.batches === 1 ? '' : 'es'})`);
      for (const x of r.rejections.slice(0, 20)) io.out(`  rejected #${x.seq}: ${x.reason}: ${x.message.split('\n')[0] ?? ''}`);
      if (r.rejections.length > 20) io.out(`  ... and ${r.rejections.length - 20} more`);
      const p = await pullOnce(db, { serverUrl: server, vault });
      if (p.download) io.out(`downloaded the store: ${p.download.rows} rows, ${p.download.documents} documents, stock of ${p.download.variants} variants (${p.download.pages} pages)`);
      io.out(`pulled from ${server}: ${p.applied} applied, ${p.duplicate} duplicate, ${p.deferred} deferred, ${p.ignored} ignored (${p.pages} page${p.pages === 1 ? '' : 's'}; cursor ${p.cursor})`);
      const c = await checkConvergence(db, { serverUrl: server, vault });
      if (c.status === 'not_settled') io.out(`convergence: not checked, ${c.pending} document${c.pending === 1 ? '' : 's'} still wait to be sent`);
      else if (c.status === 'match') io.out(`convergence: register and cloud agree (stock of ${c.local.variants} variants ${c.local.stock.slice(0, 8)}, ${c.local.entityCount} shared rows ${c.local.entities.slice(0, 8)})`);
      else {
        io.out(`convergence: MISMATCH in ${c.what.join(' and ')}: register stock ${c.local.stock.slice(0, 8)} (${c.local.variants} variants) vs cloud ${c.cloud.stock.slice(0, 8)} (${c.cloud.variants}); register rows ${c.local.entities.slice(0, 8)} (${c.local.entityCount}) vs cloud ${c.cloud.entities.slice(0, 8)} (${c.cloud.entityCount})`);
        throw new Error('the register and the cloud disagree after a full sync (see the convergence line above); a store that ran before registering needs --initial-upload once');
      }
    } finally {
      db.close();
    }
  },
};

function serverUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http');
    return url.origin;
  } catch {
    throw new UsageError(`--server must be an http(s) URL, got "${value}"`);
  }
}
