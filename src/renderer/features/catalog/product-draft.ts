/**
 * The product editor's colour x size grid as the screen holds it: which
 * colours and sizes are picked, and each cell's draft (barcode, opening
 * stock, threshold, active). Unpicking a colour keeps its cells' drafts, so
 * picking it again brings them back; main deactivates the variants left out.
 */
import type { EditorVariantDto, ProductEditorDto } from '../../../shared/ipc/dto-catalog';
import type { ProductSaveInput } from '../../../shared/catalog/product-schemas';

export interface CellDraft {
  /** The saved variant, or null for a cell not saved yet. */
  variantId: number | null;
  barcode: string;
  /** Stock of a saved variant (changes only through Inventory). */
  stock: number | null;
  /** Units on hand for a new cell, as typed. */
  openingStock: string;
  threshold: string;
  active: boolean;
  hasHistory: boolean;
  /** Labels to print of a saved variant, as typed. */
  labels: string;
}

export interface GridDraft {
  colors: number[];
  sizes: number[];
  cells: Record<string, CellDraft>;
}

export const cellKey = (colorId: number, sizeId: number) => `${colorId}:${sizeId}`;

export const emptyCell = (threshold = ''): CellDraft => ({ variantId: null, barcode: '', stock: null, openingStock: '', threshold, active: true, hasHistory: false, labels: '' });

const fromVariant = (v: EditorVariantDto): CellDraft => ({
  variantId: v.variantId,
  barcode: v.barcode,
  stock: v.stock,
  openingStock: '',
  threshold: v.lowStockThreshold === null ? '' : String(v.lowStockThreshold),
  active: v.active,
  hasHistory: v.hasHistory,
  labels: '',
});

/** The grid of a loaded product: every colour and size that has an active variant is picked. */
export function gridOf(product: ProductEditorDto | null): GridDraft {
  const cells: Record<string, CellDraft> = {};
  const colors: number[] = [];
  const sizes: number[] = [];
  for (const v of product?.variants ?? []) {
    cells[cellKey(v.colorId, v.sizeId)] = fromVariant(v);
    if (!v.active) continue;
    if (!colors.includes(v.colorId)) colors.push(v.colorId);
    if (!sizes.includes(v.sizeId)) sizes.push(v.sizeId);
  }
  return { colors, sizes, cells };
}

/** Picks or unpicks a colour or size; a picked pair without a draft gets a new cell (inactive saved cells come back active). */
export function toggle(grid: GridDraft, axis: 'colors' | 'sizes', id: number, defaultThreshold = ''): GridDraft {
  const picked = grid[axis].includes(id) ? grid[axis].filter((x) => x !== id) : [...grid[axis], id];
  const next: GridDraft = { ...grid, [axis]: picked, cells: { ...grid.cells } };
  for (const c of next.colors) {
    for (const s of next.sizes) {
      const key = cellKey(c, s);
      const cell = next.cells[key];
      if (!cell) next.cells[key] = emptyCell(defaultThreshold);
      else if (!grid.colors.includes(c) || !grid.sizes.includes(s)) next.cells[key] = { ...cell, active: true };
    }
  }
  return next;
}

const intOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The variants part of the save: one entry per picked colour x size, in grid order (row by row). */
export function variantsOf(grid: GridDraft, sortSizes: (ids: number[]) => number[]): { input: ProductSaveInput['variants']; keys: string[] } {
  const input: ProductSaveInput['variants'] = [];
  const keys: string[] = [];
  for (const c of grid.colors) {
    for (const s of sortSizes(grid.sizes)) {
      const key = cellKey(c, s);
      const cell = grid.cells[key] ?? emptyCell();
      keys.push(key);
      const opening = intOrNull(cell.openingStock);
      input.push({
        colorId: c,
        sizeId: s,
        barcode: cell.barcode.trim() === '' ? null : cell.barcode.trim(),
        active: cell.active,
        lowStockThreshold: intOrNull(cell.threshold),
        ...(cell.variantId === null && opening !== null ? { openingStock: opening } : {}),
      });
    }
  }
  return { input, keys };
}
