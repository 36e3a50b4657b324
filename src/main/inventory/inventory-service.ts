/** The back office's stock: reads, adjustments, purchase orders and receipts, counts and transfers, over one ledger. */
import type Database from 'better-sqlite3';
import type { DeviceService } from '../device/device-identity';
import type { SettingsService } from '../settings/settings-service';
import type { WritePath } from '../write';
import { createAdjustments } from './adjustments';
import { createStockLedger } from './ledger';
import { createPurchaseOrders } from './purchase-orders';
import { createStockCounts } from './stock-counts';
import { createStockQueries } from './stock-queries';
import { createTransfers } from './transfers';

export function createInventoryService(deps: { sqlite: Database.Database; writes: WritePath; settings: Pick<SettingsService, 'store'>; device: DeviceService }) {
  const { sqlite, writes, settings, device } = deps;
  const ledger = createStockLedger(sqlite, settings);
  return {
    ledger,
    queries: createStockQueries(sqlite),
    adjustments: createAdjustments(sqlite, writes, ledger),
    orders: createPurchaseOrders(sqlite, writes, ledger, device),
    counts: createStockCounts(sqlite, writes, ledger),
    transfers: createTransfers(sqlite, writes, ledger, device),
  };
}

export type InventoryService = ReturnType<typeof createInventoryService>;
