import type Database from 'better-sqlite3';
import type { Clock } from '../db/clock';
import { createStaffService } from '../staff/staff-service';
import { createWriteStack } from '../write';
import { DEMO_STAFF } from './demo-staff';

export interface DemoStaffResult {
  created: string[];
  /** Usernames that already existed; left as they are (their PIN is not the demo one). */
  skipped: string[];
}

/**
 * Creates the demo staff through the staff service, so they get the same
 * validation, PIN hashing and audit entries as users made in the app.
 */
export async function createDemoStaff(sqlite: Database.Database, clock: Clock): Promise<DemoStaffResult> {
  const staff = createStaffService(sqlite, clock, createWriteStack(sqlite, clock).writes);
  const existing = new Set(staff.list({ includeInactive: true }).map((u) => u.username));
  const result: DemoStaffResult = { created: [], skipped: [] };
  for (const user of DEMO_STAFF) {
    if (existing.has(user.username)) {
      result.skipped.push(user.username);
      continue;
    }
    await staff.create({ ...user }, null);
    result.created.push(user.username);
  }
  return result;
}
