import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { StoreSettingsPatchSchema } from '../../shared/ipc/contract';
import type { StoreSettings } from '../../shared/ipc/dto';
import { isoNow, type Clock } from '../db/clock';

export const DEFAULT_STORE_SETTINGS: StoreSettings = {
  storeName: 'Tienda',
  registerCode: 'R01',
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

/** Every field required: the patch is merged over the current settings first. */
const StoreSettingsSchema = StoreSettingsPatchSchema.required();

const KEY = 'store';

export function createSettingsService(sqlite: Database.Database, clock: Clock) {
  const read = sqlite.prepare(`SELECT value FROM app_settings WHERE key = ?`).pluck();
  const write = sqlite.prepare(
    `INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  // Read on every scan and sale: parse once, refresh on write (this service is the only writer).
  let cached: StoreSettings | null = null;
  return {
    store(): StoreSettings {
      if (!cached) {
        const raw = read.get(KEY) as string | undefined;
        cached = Object.freeze(raw ? { ...DEFAULT_STORE_SETTINGS, ...(JSON.parse(raw) as Partial<StoreSettings>) } : DEFAULT_STORE_SETTINGS);
      }
      return cached;
    },
    updateStore(patch: Partial<StoreSettings>): StoreSettings {
      const parsed = StoreSettingsSchema.safeParse({ ...this.store(), ...patch });
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new DomainError('VALIDATION', issue.message, issue.path.join('.'));
      }
      write.run(KEY, JSON.stringify(parsed.data), isoNow(clock));
      cached = null;
      return this.store();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
