/**
 * The receipt features as one service for the IPC handlers: build a receipt,
 * list past sales for a reprint, encode ESC/POS with the store's paper width,
 * and send bytes to the store's network printer.
 */
import type Database from 'better-sqlite3';
import type { SettingsService } from '../settings/settings-service';
import { encodeReceiptEscpos, type EscposOptions } from './escpos';
import { createReceiptBuilder } from './receipt-builder';
import { sendToThermalPrinter } from './thermal-printer';

export function createReceiptService(
  sqlite: Database.Database,
  settings: SettingsService,
  options: { printerTimeoutMs?: number } = {},
) {
  const builder = createReceiptBuilder(sqlite, settings);
  return {
    build: builder.build,
    history: builder.history,
    /** Columns default to the store's receiptColumns setting (the printer's paper). */
    escpos(invoiceId: number, opts: { openDrawer: boolean; columns?: EscposOptions['columns']; copy?: boolean }): Uint8Array {
      const columns = opts.columns ?? settings.store().receiptColumns;
      return encodeReceiptEscpos(builder.build(invoiceId, { copy: opts.copy ?? false }), { columns, openDrawer: opts.openDrawer });
    },
    /** To the printer in the store settings; VALIDATION when none is set, CONFLICT when it cannot be reached. */
    printThermal(bytes: Uint8Array): Promise<void> {
      const store = settings.store();
      return sendToThermalPrinter(bytes, {
        host: store.thermalPrinterHost,
        port: store.thermalPrinterPort,
        ...(options.printerTimeoutMs !== undefined ? { timeoutMs: options.printerTimeoutMs } : {}),
      });
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
