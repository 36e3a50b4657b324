import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { StoreSettingsSchema } from '../../shared/ipc/contract';
import type { StoreSettings } from '../../shared/ipc/dto';
import type { DeviceService } from '../device/device-identity';
import type { Clock } from '../db/clock';
import { createWriteStack } from '../write';
import { changedFields, type Actor, type WritePath } from '../write/write-path';

export const DEFAULT_STORE_SETTINGS: Omit<StoreSettings, 'registerCode'> = {
  storeName: 'Tienda',
  currency: 'COP',
  locale: 'es-CO',
  pricesIncludeTax: true,
  defaultTaxCode: 'IVA19',
  stockPolicy: 'warn',
  discountApprovalBp: 1000,
  cashRoundingIncrement: 0,
  receiptHeader: ['NIT 900.123.456-7', 'Calle 10 # 20-30, Bogotá'],
  receiptFooter: ['¡Gracias por su compra!', 'Cambios dentro de 30 días con la factura.'],
  thermalPrinterHost: null,
  thermalPrinterPort: 9100,
  receiptColumns: 42,
};

const KEY = 'store';

/**
 * The store's settings (app_settings, shared by every register and synced)
 * with this register's code beside them (device_identity, never synced).
 */
export function createSettingsService(sqlite: Database.Database, writes: WritePath, device: DeviceService) {
  const read = sqlite.prepare<[key: string], string>(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const write = sqlite.prepare(
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  // Read on every scan and sale: parse once, refresh on write (this service is the only writer).
  let cached: StoreSettings | null = null;

  function shared(): Omit<StoreSettings, 'registerCode'> {
    const raw = read.get(KEY);
    const { registerCode: _legacy, ...stored } = raw ? (JSON.parse(raw) as Partial<StoreSettings>) : {};
    return { ...DEFAULT_STORE_SETTINGS, ...stored };
  }

  return {
    /** Forgets what was read: the settings changed underneath (pulled from another register). */
    reload(): void {
      cached = null;
    },

    store(): StoreSettings {
      cached ??= Object.freeze({ ...shared(), registerCode: device.identity().registerCode });
      return cached;
    },

    /** Saves a patch (validated whole) with its audit entry and, for store-wide fields, its outbox document. */
    updateStore(patch: Partial<StoreSettings>, actor: Actor | null = null): StoreSettings {
      const current = this.store();
      const parsed = StoreSettingsSchema.safeParse({ ...current, ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DomainError('VALIDATION', issue.message, issue.path.join('.'));
      }
      const { registerCode, ...next } = parsed.data as StoreSettings;
      const { before, after } = changedFields(current as unknown as Record<string, unknown>, parsed.data as unknown as Record<string, unknown>);
      if (Object.keys(after).length === 0) return current;
      writes.mutate(actor, (w) => {
        if (registerCode !== current.registerCode) device.setRegisterCode(registerCode);
        const storeFields = Object.keys(after).filter((k) => k !== 'registerCode');
        if (storeFields.length > 0) {
          write.run(KEY, JSON.stringify(next), w.now);
          w.emit('store_settings.changed', { ...next, changedFields: storeFields });
        }
        w.audit({ action: 'settings.update', entity: 'app_settings', entityId: KEY, before, after });
      });
      cached = null;
      return this.store();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;

/** The settings service over a bare database, with its own write stack (tests and tools that need nothing else). */
export function settingsOf(sqlite: Database.Database, clock: Clock): SettingsService {
  const { writes, device } = createWriteStack(sqlite, clock);
  return createSettingsService(sqlite, writes, device);
}
