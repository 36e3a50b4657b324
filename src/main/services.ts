import { createAuditService, type AuditService } from './audit/audit-service';
import { createCatalogLists, type CatalogListsService } from './catalog/catalog-lists';
import { createCatalogService, type CatalogService } from './catalog/catalog-service';
import { createCsvExport, type CsvExport } from './catalog/csv-export';
import { createCsvImport } from './catalog/csv-import';
import { createCsvImportJobs, type CsvImportJobs } from './catalog/csv-jobs';
import { createProductEditor, type ProductEditor } from './catalog/product-editor';
import { createProductList, type ProductList } from './catalog/product-list';
import { createLabelData, type LabelData } from './labels/label-data';
import { createTaxAdmin, type TaxAdmin } from './catalog/tax-admin';
import { createTaxRateCache, type TaxRateCache } from './catalog/tax-rates';
import { createCustomerAdmin, type CustomerAdmin } from './customers/customer-admin';
import { createCustomerCsv, type CustomerCsv } from './customers/customer-csv';
import { createCustomerService, type CustomerService } from './customers/customer-service';
import { createInventoryService, type InventoryService } from './inventory/inventory-service';
import { systemClock, type Clock } from './db/clock';
import type { PosDb } from './db/open';
import { must } from './db/rows';
import { createReceiptService, type ReceiptService } from './receipts/receipt-service';
import { createReferenceService } from './reference/reference-service';
import { createSaleCompleter, type CompleteSale } from './sales/complete-sale';
import { loadInvoiceStates } from './sales/invoice-states';
import { createSaleService, type SaleService } from './sales/sale-service';
import { createSettingsService, type SettingsService } from './settings/settings-service';
import { createPermissionService, type PermissionService } from './staff/permission-service';
import { createStaffService, type StaffService } from './staff/staff-service';
import type { DeviceService } from './device/device-identity';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from './sync/engine';
import { createSyncAdmin, type SyncAdmin } from './sync/sync-admin';
import { createWriteStack, type WritePath } from './write';
import { createTillPresence, NO_SHIFTS, tillStateOf, type ShiftProbe, type TillPresence } from './updater/till-probe';
import { createUpdateController, type UpdateController, type UpdateEngine, type UpdateLog } from './updater/update-controller';
import { openUpdateSettings, updateSettingsFileFor } from './updater/update-settings';
import type { UnsupportedReason } from '../shared/ipc/dto-updates';

/** Everything the IPC handlers call, built once per database. */
export interface Services {
  db: PosDb;
  clock: Clock;
  /** The one write path: every business change, its audit entry and its outbox document. */
  writes: WritePath;
  /** This register's identity (never synced). */
  device: DeviceService;
  staff: StaffService;
  /** Role permissions, checked by the router on every call and by services where amounts matter. */
  permissions: PermissionService;
  /** Reads the audit log (the write path alone writes it). */
  audit: AuditService;
  settings: SettingsService;
  taxes: TaxRateCache;
  taxAdmin: TaxAdmin;
  catalog: CatalogService;
  /** The back office's editable catalog lists (manufacturers, categories, colours...). */
  catalogLists: CatalogListsService;
  /** The back office's filtered, paged product list. */
  productList: ProductList;
  /** The back office's product editor (product + colour x size grid, one write-path transaction per save). */
  productEditor: ProductEditor;
  /** Product CSV imports (checked whole, then written in one transaction) and their progress. */
  csvJobs: CsvImportJobs;
  csvExport: CsvExport;
  /** What barcode labels say (PDF and ZPL are made from it). */
  labels: LabelData;
  sales: SaleService;
  completeSale: CompleteSale;
  customers: CustomerService;
  /** Back-office customer records: edit, history, JSON export, erasure. */
  customerAdmin: CustomerAdmin;
  customerCsv: CustomerCsv;
  /** Stock: reads, adjustments, purchase orders and receipts, counts, transfers. */
  inventory: InventoryService;
  reference: ReturnType<typeof createReferenceService>;
  receipts: ReceiptService;
  appInfo: { version: string; shell: 'electron' | 'web' };
  /** Outbox documents the cloud has not acknowledged yet. */
  outboxPending(): number;
  /** The sync loop: built here, started only by the app and the browser preview (src/main/index.ts, src/web/server.ts). */
  sync: SyncEngine;
  /** Rejected documents and conflicts, as a manager settles them. */
  syncAdmin: SyncAdmin;
  /** The update policy (Settings > Updates); it updates the app only where a shell gives it electron-updater. */
  updates: UpdateController;
}

export interface UpdateOptions {
  /** electron-updater's updater (the packaged desktop app); absent elsewhere. */
  engine?: UpdateEngine | null;
  unsupportedReason?: UnsupportedReason;
  log?: UpdateLog;
  presence?: TillPresence;
  shifts?: ShiftProbe;
}

export function createServices(
  db: PosDb,
  appInfo: Services['appInfo'],
  clock: Clock = systemClock,
  syncOptions: Partial<Omit<SyncEngineOptions, 'db' | 'clock' | 'pending'>> = {},
  updateOptions: UpdateOptions = {},
): Services {
  const { sqlite } = db;
  // Acks arrive in sequence order, so what waits is everything after the newest acked document:
  // a walk back along (register_id, seq) from the newest, as long as the queue, never the whole outbox.
  const outboxPending = sqlite
    .prepare<[{ registerId: string }], number>(
      `SELECT COUNT(*) FROM sync_outbox WHERE register_id = :registerId AND seq > COALESCE(
         (SELECT seq FROM sync_outbox WHERE register_id = :registerId AND acked_at IS NOT NULL ORDER BY seq DESC LIMIT 1), 0)`,
    )
    .pluck();
  const { device, writes } = createWriteStack(sqlite, clock);
  const staff = createStaffService(sqlite, clock, writes);
  const permissions = createPermissionService(sqlite, writes);
  const settings = createSettingsService(sqlite, writes, device);
  const taxes = createTaxRateCache(sqlite);
  const catalog = createCatalogService(sqlite, taxes, settings);
  const states = loadInvoiceStates(sqlite);
  const customers = createCustomerService(sqlite, writes);
  const sales = createSaleService({ sqlite, clock, writes, device, catalog, settings, staff, permissions, customers, states });
  const productEditor = createProductEditor(sqlite, writes);
  const pending = () => must(outboxPending.get({ registerId: device.identity().registerId }), 'the count of pending outbox documents');
  const customerAdmin = createCustomerAdmin(sqlite, writes, customers);
  const customerCsv = createCustomerCsv(sqlite, writes, customers, customerAdmin);
  const inventory = createInventoryService({ sqlite, writes, settings, device });
  const presence = updateOptions.presence ?? createTillPresence();
  const shifts = updateOptions.shifts ?? NO_SHIFTS;
  const saleOpen = () => {
    const cart = sales.current();
    return cart.lines.length > 0 || cart.pendingTenders.length > 0;
  };
  const updates = createUpdateController({
    engine: updateOptions.engine ?? null,
    unsupportedReason: updateOptions.unsupportedReason ?? (appInfo.shell === 'web' ? 'browser-preview' : 'development-build'),
    version: appInfo.version,
    registerId: () => device.identity().registerId,
    settings: openUpdateSettings(updateSettingsFileFor(db.file)),
    till: () => tillStateOf({ saleOpen, shifts, presence, clock }),
    clock,
    ...(updateOptions.log ? { log: updateOptions.log } : {}),
  });
  return {
    db,
    clock,
    writes,
    device,
    staff,
    permissions,
    audit: createAuditService(sqlite),
    settings,
    taxes,
    taxAdmin: createTaxAdmin(sqlite, writes, taxes, settings),
    catalog,
    catalogLists: createCatalogLists(sqlite, writes),
    productList: createProductList(sqlite),
    productEditor,
    csvJobs: createCsvImportJobs(createCsvImport(sqlite, writes, settings, productEditor)),
    csvExport: createCsvExport(sqlite, settings),
    labels: createLabelData(sqlite, settings),
    sales,
    completeSale: createSaleCompleter({ sqlite, writes, device, settings, sales, states }),
    customers,
    customerAdmin,
    customerCsv,
    inventory,
    reference: createReferenceService(sqlite),
    receipts: createReceiptService(sqlite, settings),
    appInfo,
    outboxPending: pending,
    syncAdmin: createSyncAdmin(sqlite, writes, clock),
    sync: createSyncEngine({
      ...syncOptions,
      db,
      clock,
      pending,
      // What another register changed is read from the database again: settings and tax rates are kept in memory.
      onApplied: (types) => {
        if (types.has('store_settings.changed')) settings.reload();
        if (types.has('tax_rate.changed')) taxes.reload();
        syncOptions.onApplied?.(types);
      },
    }),
    updates,
  };
}
