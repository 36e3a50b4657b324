/**
 * The till's update settings (channel, an admin's postponement) and the last
 * check's outcome, in a small JSON file beside the store database
 * (`<db>.updates.json`). Not a table: they belong to this installation, never
 * sync, and must be readable before migrations run (a failed migration is
 * exactly when IT needs to see what was installed). Written atomically (temp
 * file, fsync, rename), so a power cut leaves the old file or the new one.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { UPDATE_CHANNELS } from '../../shared/ipc/dto-updates';

const Iso = z.iso.datetime({ offset: true });

const ErrorSchema = z.object({ code: z.string().max(80), message: z.string().max(2000), at: Iso }).strict();

export const UpdateSettingsSchema = z
  .object({
    channel: z.enum(UPDATE_CHANNELS),
    /** Who chose the channel and when (an admin's name), for IT reading the panel. */
    channelSetBy: z.string().max(80).nullable(),
    postponedUntil: Iso.nullable(),
    postponedBy: z.string().max(80).nullable(),
    lastCheckAt: Iso.nullable(),
    lastError: ErrorSchema.nullable(),
  })
  .strict();

export type UpdateSettings = z.infer<typeof UpdateSettingsSchema>;

export const DEFAULT_UPDATE_SETTINGS: UpdateSettings = Object.freeze({
  channel: 'stable',
  channelSetBy: null,
  postponedUntil: null,
  postponedBy: null,
  lastCheckAt: null,
  lastError: null,
});

export interface UpdateSettingsStore {
  /** Where they live (null: kept in memory, for an in-memory database). */
  readonly file: string | null;
  read(): UpdateSettings;
  /** Applies a change and writes the whole file atomically; returns what was saved. */
  update(change: Partial<UpdateSettings>): UpdateSettings;
  /** Why the file on disk was not used, when it was unreadable (the defaults apply then). */
  readonly problem: string | null;
}

export const updateSettingsFileFor = (dbFile: string): string | null => (dbFile === ':memory:' ? null : `${dbFile}.updates.json`);

export function openUpdateSettings(file: string | null): UpdateSettingsStore {
  let problem: string | null = null;
  let current: UpdateSettings = { ...DEFAULT_UPDATE_SETTINGS };
  if (file && fs.existsSync(file)) {
    try {
      current = UpdateSettingsSchema.parse({ ...DEFAULT_UPDATE_SETTINGS, ...JSON.parse(fs.readFileSync(file, 'utf8')) });
    } catch (err) {
      // A damaged file must not stop the till: the defaults apply and Settings > Updates says so.
      problem = `${file} could not be read (${(err as Error).message.split('\n')[0]}); using the defaults (stable channel, no postponement)`;
    }
  }
  return {
    file,
    get problem() {
      return problem;
    },
    read: () => current,
    update(change) {
      const next = UpdateSettingsSchema.parse({ ...current, ...change });
      if (file) writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`);
      current = next;
      problem = null;
      return next;
    },
  };
}

function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'w', 0o644);
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
