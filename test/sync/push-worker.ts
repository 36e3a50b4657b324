/**
 * A register process that pushes its outbox once and exits: the test kills
 * it with SIGKILL in the middle. Prints `ANSWER <n>` when the n-th push
 * answer has arrived (before the register records it) and `DONE <json>` with
 * the push summary when it finished.
 *
 *   push-worker.ts DB_FILE SERVER_URL BATCH_SIZE
 */
import path from 'node:path';
import { openDatabase } from '../../src/main/db/open';
import { pushOnce } from '../../src/main/sync/push';

const [file, serverUrl, batch] = process.argv.slice(2);
if (!file || !serverUrl) throw new Error('usage: push-worker DB_FILE SERVER_URL BATCH_SIZE');
const { db } = openDatabase(file, { migrationsFolder: path.resolve(import.meta.dirname, '../../db/migrations') });
let answers = 0;
const counting: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  // Read the whole answer first, so the kill can land between its arrival and the local ack.
  const text = await res.text();
  process.stdout.write(`ANSWER ${++answers}\n`);
  return new Response(text, { status: res.status, headers: res.headers });
};
const summary = await pushOnce(db, { serverUrl, batchSize: Number(batch ?? 50), fetch: counting });
process.stdout.write(`DONE ${JSON.stringify(summary)}\n`);
db.close();
