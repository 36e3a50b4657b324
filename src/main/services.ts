import { createAuditLog, type AuditLog } from './audit/audit-log';
import { systemClock, type Clock } from './db/clock';
import type { PosDb } from './db/open';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createStaffService, type StaffService } from './staff/staff-service';

/** Everything the IPC handlers call, built once per database. */
export interface Services {
  db: PosDb;
  clock: Clock;
  audit: AuditLog;
  staff: StaffService;
  settings: SettingsService;
  appInfo: { version: string; shell: 'electron' | 'web' };
}

export function createServices(
  db: PosDb,
  appInfo: Services['appInfo'],
  clock: Clock = systemClock,
): Services {
  const audit = createAuditLog(db.sqlite, clock);
  return {
    db,
    clock,
    audit,
    staff: createStaffService(db.sqlite, clock, audit),
    settings: createSettingsService(db.sqlite, clock),
    appInfo,
  };
}
