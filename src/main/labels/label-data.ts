/**
 * What a label says: product name, colour, size, price in the store's
 * currency, barcode. For chosen variants (so many copies each) or for a goods
 * receipt (one label per unit received).
 */
import type Database from 'better-sqlite3';
import { DomainError } from '../../shared/errors';
import { MAX_LABELS } from '../../shared/catalog/labels';
import type { LabelDto } from '../../shared/ipc/dto-catalog';
import { formatMoney } from '../../shared/money';
import type { SettingsService } from '../settings/settings-service';

export type LabelSource = { items: { variantId: number; copies: number }[] } | { receiptRef: string };

interface Row {
  variantId: number;
  plu: string;
  name: string;
  colorEs: string;
  colorEn: string;
  size: string;
  price: number;
  barcode: string;
}

export function createLabelData(sqlite: Database.Database, settings: SettingsService) {
  const variant = sqlite.prepare<[number], Row>(
    `SELECT v.idcolorxtalla AS variantId, p.plu, p.nombre_producto AS name, c.color AS colorEs, c.name_en AS colorEn,
            t.talla AS size, p.precio AS price, v.barcode
     FROM tblprodXcolorXtalla v
     JOIN tblproductos p ON p.id_producto = v.ID_producto
     JOIN tblcolor c ON c.id_color = v.ID_color
     JOIN tbltallas t ON t.id_talla = v.ID_talla
     WHERE v.idcolorxtalla = ?`,
  );
  const received = sqlite.prepare<[string], { variantId: number; units: number }>(
    `SELECT variant_id AS variantId, SUM(quantity) AS units FROM stock_movements
     WHERE reason = 'receipt' AND reference_id = ? AND quantity > 0 GROUP BY variant_id ORDER BY MIN(id)`,
  );

  return {
    labels(source: LabelSource): LabelDto[] {
      const items = 'items' in source ? source.items : received.all(source.receiptRef).map((r) => ({ variantId: r.variantId, copies: r.units }));
      if (items.length === 0) throw new DomainError('NOT_FOUND', `goods receipt ${'receiptRef' in source ? source.receiptRef : ''} brought in nothing to label`, 'receiptRef');
      const total = items.reduce((n, i) => n + i.copies, 0);
      if (total > MAX_LABELS) throw new DomainError('VALIDATION', `${total} labels is more than ${MAX_LABELS} at once; print them in parts`, 'items');
      const { currency, locale } = settings.store();
      const english = locale.startsWith('en');
      return items.map(({ variantId, copies }) => {
        const row = variant.get(variantId);
        if (!row) throw new DomainError('NOT_FOUND', `no variant ${variantId}`, 'items');
        return {
          variantId,
          plu: row.plu,
          name: row.name,
          color: english ? row.colorEn : row.colorEs,
          size: row.size,
          price: row.price,
          priceText: formatMoney(row.price, currency, locale),
          barcode: row.barcode,
          copies,
        };
      });
    },
  };
}

export type LabelData = ReturnType<typeof createLabelData>;
