import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockGridDto } from '../../../shared/ipc/dto-inventory';
import { VariantMatrix } from '../../components/VariantMatrix';
import { usePos } from '../../stores/stores-context';

/** What a cell holds as typed: text, so a half-typed "-" is kept; parsed by `quantitiesOf`. */
export type GridValues = Record<number, string>;

/** Typed cells as whole numbers (signed when `signed`); a cell that is not one is reported by variant id. */
export function quantitiesOf(values: GridValues, signed: boolean): { lines: { variantId: number; quantity: number }[]; bad: number[] } {
  const lines: { variantId: number; quantity: number }[] = [];
  const bad: number[] = [];
  for (const [id, raw] of Object.entries(values)) {
    const text = raw.trim();
    if (text === '') continue;
    const ok = signed ? /^[+-]?\d{1,5}$/.test(text) : /^\d{1,5}$/.test(text);
    if (!ok) bad.push(Number(id));
    else if (Number(text) !== 0) lines.push({ variantId: Number(id), quantity: Number(text) });
  }
  return { lines, bad };
}

/**
 * A product's colour x size grid with a number to type in each cell (to
 * adjust, order or send), and each variant's stock shown under it.
 */
export function GridEntry({ productId, values, onChange, signed, bad, testId, label }: { productId: number; values: GridValues; onChange: (v: GridValues) => void; signed: boolean; bad: number[]; testId: string; label: string }) {
  const { t, i18n } = useTranslation();
  const pos = usePos();
  const [grid, setGrid] = useState<StockGridDto | null>(null);

  useEffect(() => {
    let live = true;
    void pos.inventory.grid({ productId }).then((r) => live && r.ok && setGrid(r.value));
    return () => {
      live = false;
    };
  }, [pos, productId]);

  if (!grid) return <p className="notice">{t('app.loading')}</p>;
  return (
    <VariantMatrix
      colors={grid.colors}
      sizes={grid.sizes}
      cells={grid.cells}
      label={label}
      language={i18n.language === 'en' ? 'en' : 'es'}
      testId={testId}
      renderCell={(cell, names) => {
        const low = cell.lowStockThreshold !== null && cell.stock <= cell.lowStockThreshold;
        return (
          <>
            <input
              inputMode={signed ? 'text' : 'numeric'}
              value={values[cell.variantId] ?? ''}
              aria-label={`${names.color} ${names.size}`}
              aria-invalid={bad.includes(cell.variantId)}
              data-testid={`${testId}-cell-${cell.variantId}`}
              disabled={!cell.active}
              onChange={(e) => onChange({ ...values, [cell.variantId]: e.target.value })}
            />
            <span className={low ? 'matrix__hint matrix__hint--low' : 'matrix__hint'}>{t('inv.inStock', { count: cell.stock })}</span>
          </>
        );
      }}
    />
  );
}
