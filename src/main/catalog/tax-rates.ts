import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';

export interface TaxRate {
  id: number;
  code: string;
  name: string;
  rateBp: number;
}

/** Tax rates, read once and kept in memory; call reload() after editing them. */
export function createTaxRateCache(sqlite: Database.Database) {
  const all = sqlite.prepare<[], TaxRate>(`SELECT id, code, name, rate_bp AS rateBp FROM tax_rates WHERE active = 1`);
  let byId = new Map<number, TaxRate>();
  let byCode = new Map<string, TaxRate>();
  const reload = () => {
    const rows = all.all();
    byId = new Map(rows.map((r) => [r.id, r]));
    byCode = new Map(rows.map((r) => [r.code, r]));
  };
  reload();
  return {
    reload,
    list: () => [...byCode.values()],
    /** The product's rate, else the store default. */
    resolve(taxRateId: number | null, defaultCode: string): TaxRate {
      const rate = (taxRateId !== null ? byId.get(taxRateId) : undefined) ?? byCode.get(defaultCode);
      if (!rate) throw new DomainError('VALIDATION', `default tax rate ${defaultCode} does not exist`, 'defaultTaxCode');
      return rate;
    },
  };
}

export type TaxRateCache = ReturnType<typeof createTaxRateCache>;
