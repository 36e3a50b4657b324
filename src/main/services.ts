import { createAuditLog, type AuditLog } from './audit/audit-log';
import { createCatalogService, type CatalogService } from './catalog/catalog-service';
import { createTaxAdmin, type TaxAdmin } from './catalog/tax-admin';
import { createTaxRateCache, type TaxRateCache } from './catalog/tax-rates';
import { createCustomerService, type CustomerService } from './customers/customer-service';
import { systemClock, type Clock } from './db/clock';
import type { PosDb } from './db/open';
import { createReceiptService, type ReceiptService } from './receipts/receipt-service';
import { createReferenceService } from './reference/reference-service';
import { createSaleCompleter, type CompleteSale } from './sales/complete-sale';
import { loadInvoiceStates } from './sales/invoice-states';
import { createSaleService, type SaleService } from './sales/sale-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createStaffService, type StaffService } from './staff/staff-service';

/** Everything the IPC handlers call, built once per database. */
export interface Services {
  db: PosDb;
  clock: Clock;
  audit: AuditLog;
  staff: StaffService;
  settings: SettingsService;
  taxes: TaxRateCache;
  taxAdmin: TaxAdmin;
  catalog: CatalogService;
  sales: SaleService;
  completeSale: CompleteSale;
  customers: CustomerService;
  reference: ReturnType<typeof createReferenceService>;
  receipts: ReceiptService;
  appInfo: { version: string; shell: 'electron' | 'web' };
  /** Outbox documents the cloud has not acknowledged yet. */
  outboxPending(): number;
}

export function createServices(
  db: PosDb,
  appInfo: Services['appInfo'],
  clock: Clock = systemClock,
): Services {
  const { sqlite } = db;
  const outboxPending = sqlite.prepare(`SELECT COUNT(*) FROM sync_outbox WHERE acked_at IS NULL`).pluck();
  const audit = createAuditLog(sqlite, clock);
  const staff = createStaffService(sqlite, clock, audit);
  const settings = createSettingsService(sqlite, clock);
  const taxes = createTaxRateCache(sqlite);
  const catalog = createCatalogService(sqlite, taxes, settings);
  const states = loadInvoiceStates(sqlite);
  const customers = createCustomerService(sqlite, clock, audit);
  const sales = createSaleService({ sqlite, clock, audit, catalog, settings, staff, customers, states });
  return {
    db,
    clock,
    audit,
    staff,
    settings,
    taxes,
    taxAdmin: createTaxAdmin(sqlite, clock, audit, taxes, settings),
    catalog,
    sales,
    completeSale: createSaleCompleter({ sqlite, clock, audit, settings, sales, states }),
    customers,
    reference: createReferenceService(sqlite),
    receipts: createReceiptService(sqlite, settings),
    appInfo,
    outboxPending: () => outboxPending.get() as number,
  };
}
