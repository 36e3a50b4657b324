/**
 * Editing the store's tax rates and where they apply (per product or per
 * category). Prices already rung up keep the rate stored on their line.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { AuditLog } from '../audit/audit-log';
import { isoNow, type Clock } from '../db/clock';
import type { SettingsService } from '../settings/settings-service';
import type { TaxRate, TaxRateCache } from './tax-rates';

export interface TaxRateInput {
  code: string;
  name: string;
  rateBp: number;
  active: boolean;
}

export function createTaxAdmin(sqlite: Database.Database, clock: Clock, audit: AuditLog, taxes: TaxRateCache, settings: SettingsService) {
  const upsert = sqlite.prepare(
    `INSERT INTO tax_rates (global_id, code, name, rate_bp, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, rate_bp = excluded.rate_bp, active = excluded.active, updated_at = excluded.updated_at`,
  );
  const all = sqlite.prepare(`SELECT id, code, name, rate_bp AS rateBp, active FROM tax_rates ORDER BY rate_bp DESC, code`);
  const idOf = sqlite.prepare(`SELECT id FROM tax_rates WHERE code = ? AND active = 1`).pluck();
  const setProduct = sqlite.prepare(`UPDATE tblproductos SET tax_rate_id = ?, updated_at = ? WHERE id_producto = ?`);
  const setCategory = sqlite.prepare(`UPDATE tblcategorias SET tax_rate_id = ? WHERE id_catgoria = ?`);

  return {
    list(): (TaxRate & { active: boolean })[] {
      return (all.all() as (TaxRate & { active: number })[]).map((r) => ({ ...r, active: r.active === 1 }));
    },

    save(input: TaxRateInput, actorId: number): void {
      if (!input.active && input.code === settings.store().defaultTaxCode) {
        throw new DomainError('CONFLICT', `${input.code} is the store's default tax rate; choose another default first`, 'active');
      }
      sqlite.transaction(() => {
        upsert.run(newGlobalId(), input.code, input.name, input.rateBp, input.active ? 1 : 0, isoNow(clock));
        audit.record({ staffId: actorId, action: 'tax_rate.save', entity: 'tax_rates', entityId: input.code, details: { ...input } });
      })();
      taxes.reload();
    },

    /** Sets (or with null clears) the rate of a product or a category. */
    assign(target: 'product' | 'category', id: number, code: string | null, actorId: number): void {
      const rateId = code === null ? null : (idOf.get(code) as number | undefined);
      if (code !== null && rateId === undefined) throw new DomainError('VALIDATION', `no active tax rate ${code}`, 'taxCode');
      sqlite.transaction(() => {
        const changed = target === 'product' ? setProduct.run(rateId, isoNow(clock), id) : setCategory.run(rateId, id);
        if (changed.changes !== 1) throw new DomainError('NOT_FOUND', `no ${target} ${id}`, 'id');
        audit.record({ staffId: actorId, action: 'tax_rate.assign', entity: target, entityId: id, details: { code } });
      })();
    },
  };
}

export type TaxAdmin = ReturnType<typeof createTaxAdmin>;
