import type Database from 'better-sqlite3';
import type { Clock } from '../db/clock';
import { createDeviceService, type DeviceService } from '../device/device-identity';
import { createWritePath, type WritePath } from './write-path';

export type { Actor, WriteContext, WritePath } from './write-path';

/** This register's identity and the one write path over a database (the services, the CLI and the seed share it). */
export function createWriteStack(sqlite: Database.Database, clock: Clock): { device: DeviceService; writes: WritePath } {
  const device = createDeviceService(sqlite, clock);
  return { device, writes: createWritePath(sqlite, clock, device) };
}
