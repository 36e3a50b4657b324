import type { ReactNode } from 'react';

export interface MatrixColor {
  id: number;
  name: string;
  nameEn?: string;
  hex: string;
}
export interface MatrixSize {
  id: number;
  code: string;
}
export interface MatrixCell {
  variantId: number;
  colorId: number;
  sizeId: number;
}

/**
 * The colour x size grid: colours down, sizes across, one cell per variant
 * (a combination with no variant shows an empty cell). What a cell shows or
 * edits is the caller's: stock, a quantity to order, receive, count or send.
 * Used by the stock screens; the catalog's variant matrix can use it too.
 *
 * Keyboard: each cell's input is in reading order, so Tab walks the grid row
 * by row; Enter moves down a column like a spreadsheet (handled here).
 */
export function VariantMatrix<C extends MatrixCell>({
  colors,
  sizes,
  cells,
  renderCell,
  label,
  language = 'es',
  testId,
}: {
  colors: readonly MatrixColor[];
  sizes: readonly MatrixSize[];
  cells: readonly C[];
  renderCell: (cell: C, names: { color: string; size: string }) => ReactNode;
  /** Accessible name of the grid, e.g. "Adjust stock of Camisa Oxford". */
  label: string;
  language?: 'es' | 'en';
  testId?: string;
}) {
  const byKey = new Map(cells.map((c) => [`${c.colorId}:${c.sizeId}`, c]));
  const colorName = (c: MatrixColor) => (language === 'en' && c.nameEn ? c.nameEn : c.name);

  /** Enter in a cell's input goes to the same size in the next colour. */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    if (event.key !== 'Enter') return;
    const input = event.target as HTMLElement;
    if (input.tagName !== 'INPUT') return;
    const td = input.closest('td');
    const tr = td?.parentElement;
    if (!td || !tr) return;
    const column = Array.from(tr.children).indexOf(td);
    let next = tr.nextElementSibling;
    while (next) {
      const target = next.children[column]?.querySelector('input');
      if (target) {
        event.preventDefault();
        (target as HTMLInputElement).focus();
        (target as HTMLInputElement).select();
        return;
      }
      next = next.nextElementSibling;
    }
  };

  return (
    <table className="matrix" aria-label={label} data-testid={testId} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <td />
          {sizes.map((s) => (
            <th key={s.id} scope="col">
              {s.code}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {colors.map((c) => (
          <tr key={c.id}>
            <th scope="row">
              <span className="matrix__swatch" style={{ background: c.hex }} aria-hidden="true" />
              {colorName(c)}
            </th>
            {sizes.map((s) => {
              const cell = byKey.get(`${c.id}:${s.id}`);
              return (
                <td key={s.id} className={cell ? 'matrix__cell' : 'matrix__cell matrix__cell--empty'} data-color={c.id} data-size={s.id}>
                  {cell ? renderCell(cell, { color: colorName(c), size: s.code }) : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
