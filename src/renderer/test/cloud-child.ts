/**
 * A real cloud (Hono on PGlite, in memory, on an ephemeral port) in its own
 * Node process for renderer tests: happy-dom's Request and Headers replace
 * Node's in the test process, and the cloud's HTTP server cannot run there.
 * Speaks JSON lines: prints `{ url, storeId }` when ready, then answers
 * `{ id, op: 'code' | 'revoke' | 'stop', ... }` on stdin; exits when stdin closes.
 */
import readline from 'node:readline';
import { openCloudDb } from '../../../cloud/src/db';
import { createRegistrationCode, createStore, revokeRegister } from '../../../cloud/src/registry';
import { startCloud } from '../../../cloud/src/server';

const out = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

const db = await openCloudDb({});
const server = await startCloud({ db });
let listening = true;
const storeId = await createStore(db.db, 'Tienda');
out({ url: server.url, storeId });

type Command = { id: number; op: 'code' } | { id: number; op: 'revoke'; registerId: string; reason: string } | { id: number; op: 'stop' };

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = JSON.parse(line) as Command;
  const run = async () => {
    if (cmd.op === 'code') return { code: await createRegistrationCode(db.db, storeId) };
    if (cmd.op === 'revoke') await revokeRegister(db.db, storeId, cmd.registerId, cmd.reason);
    if (cmd.op === 'stop' && listening) {
      listening = false;
      await server.close();
    }
    return {};
  };
  run().then(
    (value) => out({ id: cmd.id, ...value }),
    (err: unknown) => out({ id: cmd.id, error: (err as Error).message }),
  );
}).on('close', () => {
  void (async () => {
    if (listening) await server.close();
    await db.close();
    process.exit(0);
  })();
});
