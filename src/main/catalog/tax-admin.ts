/**
 * Editing the store's tax rates and where they apply (per product or per
 * category). Prices already rung up keep the rate stored on their line.
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { newGlobalId } from '../../shared/ids';
import type { SettingsService } from '../settings/settings-service';
import type { WritePath } from '../write';
import { changedFields } from '../write/write-path';
import { must } from '../db/rows';
import type { TaxRate, TaxRateCache } from './tax-rates';

export interface TaxRateInput {
  code: string;
  name: string;
  rateBp: number;
  active: boolean;
}

/** A rate as the editor lists it, inactive ones included. */
interface ListedRate extends TaxRate {
  active: number;
}

interface StoredRate {
  globalId: string;
  code: string;
  name: string;
  rateBp: number;
  active: number;
}

export function createTaxAdmin(sqlite: Database.Database, writes: WritePath, taxes: TaxRateCache, settings: SettingsService) {
  const upsert = sqlite.prepare(
    `INSERT INTO tax_rates (global_id, code, name, rate_bp, active, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, rate_bp = excluded.rate_bp, active = excluded.active, updated_at = excluded.updated_at`,
  );
  const all = sqlite.prepare<[], ListedRate>(`SELECT id, code, name, rate_bp AS rateBp, active FROM tax_rates ORDER BY rate_bp DESC, code`);
  const byCode = sqlite.prepare<[code: string], StoredRate>(`SELECT global_id AS globalId, code, name, rate_bp AS rateBp, active FROM tax_rates WHERE code = ?`);
  const productGlobalId = sqlite.prepare<[productId: number], string>(`SELECT global_id FROM tblproductos WHERE id_producto = ?`).pluck();
  const categoryGlobalId = sqlite.prepare<[categoryId: number], string>(`SELECT global_id FROM tblcategorias WHERE id_catgoria = ?`).pluck();
  const idOf = sqlite.prepare<[code: string], number>(`SELECT id FROM tax_rates WHERE code = ? AND active = 1`).pluck();
  const setProduct = sqlite.prepare(`UPDATE tblproductos SET tax_rate_id = ?, updated_at = ? WHERE id_producto = ?`);
  const setCategory = sqlite.prepare(`UPDATE tblcategorias SET tax_rate_id = ? WHERE id_catgoria = ?`);

  return {
    list(): (TaxRate & { active: boolean })[] {
      return all.all().map((r) => ({ ...r, active: r.active === 1 }));
    },

    save(input: TaxRateInput, actorId: number): void {
      if (!input.active && input.code === settings.store().defaultTaxCode) {
        throw new DomainError('CONFLICT', `${input.code} is the store's default tax rate; choose another default first`, 'active');
      }
      writes.mutate({ id: actorId }, (w) => {
        const before = byCode.get(input.code);
        upsert.run(newGlobalId(), input.code, input.name, input.rateBp, input.active ? 1 : 0, w.now);
        const after = must(byCode.get(input.code), `tax rate ${input.code}, just saved`);
        const fields = (r: StoredRate) => ({ name: r.name, rateBp: r.rateBp, active: r.active === 1 });
        w.audit({
          action: before ? 'tax_rate.update' : 'tax_rate.create',
          entity: 'tax_rates',
          entityId: after.globalId,
          ...(before ? changedFields(fields(before), fields(after)) : { after: fields(after) }),
          details: { code: input.code },
        });
        w.emit('tax_rate.changed', { taxRateId: after.globalId, code: after.code, ...fields(after) });
      });
      taxes.reload();
    },

    /** Sets (or with null clears) the rate of a product or a category. */
    assign(target: 'product' | 'category', id: number, code: string | null, actorId: number): void {
      const rateId = code === null ? null : idOf.get(code);
      if (code !== null && rateId === undefined) throw new DomainError('VALIDATION', `no active tax rate ${code}`, 'taxCode');
      writes.mutate({ id: actorId }, (w) => {
        const changed = target === 'product' ? setProduct.run(rateId, w.now, id) : setCategory.run(rateId, id);
        if (changed.changes !== 1) throw new DomainError('NOT_FOUND', `no ${target} ${id}`, 'id');
        const targetId = must(target === 'product' ? productGlobalId.get(id) : categoryGlobalId.get(id), `${target} ${id}, just updated`);
        w.audit({ action: 'tax_rate.assign', entity: target === 'product' ? 'tblproductos' : 'tblcategorias', entityId: targetId, after: { taxCode: code } });
        w.emit('tax_rate.assigned', { target, targetId, taxCode: code });
      });
    },
  };
}

export type TaxAdmin = ReturnType<typeof createTaxAdmin>;
