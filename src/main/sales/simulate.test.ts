import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testStore, type TestStore } from '../../../test/store';
import { simulateSales } from './simulate';

let t: TestStore;
beforeEach(async () => {
  t = await testStore(40, 3);
});
afterEach(() => t.cleanup());

describe('simulateSales', () => {
  it('rings up N complete, consistent sales through the services', async () => {
    const report = await simulateSales(t.services, { sales: 25, seed: 9 });
    const one = (sql: string) => t.db.sqlite.prepare(sql).pluck().get() as number;
    expect(report.sales).toBe(25);
    expect(one(`SELECT COUNT(*) FROM tblfacturas WHERE invoice_number IS NOT NULL`)).toBe(25);
    expect(one(`SELECT COALESCE(SUM(total_factura), 0) FROM tblfacturas WHERE invoice_number IS NOT NULL`)).toBe(report.revenue);
    expect(one(`SELECT COUNT(*) FROM tbldetalle_factura d JOIN tblfacturas f ON f.id_facturas = d.ID_factura WHERE f.invoice_number IS NOT NULL`)).toBe(report.lines);
    expect(report.splitTender).toBeGreaterThan(0);
    expect(one(`SELECT COUNT(DISTINCT method) FROM payments`)).toBeGreaterThanOrEqual(3);
    expect(one(`SELECT COUNT(*) FROM tblprodXcolorXtalla v WHERE inventario <> (SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE variant_id = v.idcolorxtalla)`)).toBe(0);
    expect(t.services.sales.current().lines).toEqual([]);
  });
});
