/** Test factory: a migrated temp database with a small seeded demo store and its services. */
import type { StaffSummary } from '../src/shared/ipc/dto';
import { seedDemo } from '../src/main/seed/demo-seed';
import { createServices, type Services } from '../src/main/services';
import { manualClock, tempDb, type TempDb } from './db';

export interface TestStore extends TempDb {
  services: Services;
  clock: ReturnType<typeof manualClock>;
  cashier: StaffSummary;
  manager: StaffSummary;
  /** A sellable variant with stock, and its barcode. */
  variant(index?: number): { variantId: number; barcode: string; productId: number; stock: number; price: number; plu: string };
}

export async function testStore(products = 25, seed = 11): Promise<TestStore> {
  const clock = manualClock();
  const t = tempDb(clock);
  await seedDemo(t.db, { products, seed, clock });
  const services = createServices(t.db, { version: 'test', shell: 'web' }, clock);
  const staff = services.staff.list();
  const pick = (role: string) => {
    const s = staff.find((u) => u.role === role);
    if (!s) throw new Error(`demo seed has no ${role}`);
    return { id: s.id, displayName: s.displayName, role: s.role };
  };
  const variants = t.db.sqlite
    .prepare(
      `SELECT v.idcolorxtalla AS variantId, v.barcode, v.ID_producto AS productId, v.inventario AS stock, p.precio AS price, p.plu
       FROM tblprodXcolorXtalla v JOIN tblproductos p ON p.id_producto = v.ID_producto
       WHERE v.inventario >= 5 AND p.active = 1 ORDER BY v.idcolorxtalla`,
    )
    .all() as ReturnType<TestStore['variant']>[];
  return {
    ...t,
    services,
    clock,
    cashier: pick('cashier'),
    manager: pick('manager'),
    variant: (index = 0) => {
      const v = variants[index];
      if (!v) throw new Error(`no stocked variant #${index}`);
      return v;
    },
  };
}
