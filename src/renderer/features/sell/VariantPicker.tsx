import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariantGrid } from '../../../shared/ipc/dto-sales';
import { Dialog } from '../../components/Dialog';
import { formatNumber } from '../../lib/format';
import { useMoney } from '../../lib/use-money';
import { useSell, useStatus } from '../../stores/stores-context';
import { ConfirmDialog } from './ConfirmDialog';
import { ErrorNote } from './FormBits';
import { checkQuantity, QUANTITY_CONFIRM_ABOVE, QUANTITY_MAX, quantityProblemText } from './quantity';

type Cell = VariantGrid['cells'][number];

/** Where the arrow keys go from a cell: the next existing cell that way, skipping holes. */
function step(grid: (Cell | null)[][], row: number, col: number, dRow: number, dCol: number): [number, number] | null {
  let r = row + dRow;
  let c = col + dCol;
  while (r >= 0 && r < grid.length && c >= 0 && c < (grid[0]?.length ?? 0)) {
    if (grid[r]?.[c]) return [r, c];
    r += dRow;
    c += dCol;
  }
  return null;
}

/**
 * Colour x size grid of one product with the stock of each cell. Arrow keys
 * move, Enter adds the quantity (1 unless changed), Escape closes.
 */
export function VariantPicker() {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const picker = useSell((s) => s.picker);
  const close = useSell((s) => s.closePicker);
  const addVariant = useSell((s) => s.addVariant);
  const error = useSell((s) => s.error);
  const policy = useStatus((s) => s.settings?.stockPolicy ?? 'warn');
  const [quantity, setQuantity] = useState('1');
  const [adding, setAdding] = useState(false);
  const [confirming, setConfirming] = useState<Cell | null>(null);
  const cellRefs = useRef(new Map<number, HTMLButtonElement>());

  const grid = picker?.grid;
  const matrix = useMemo(() => {
    if (!grid) return [];
    const byKey = new Map(grid.cells.map((cell) => [`${cell.colorId}:${cell.sizeId}`, cell]));
    return grid.colors.map((color) => grid.sizes.map((size) => byKey.get(`${color.id}:${size.id}`) ?? null));
  }, [grid]);

  if (!picker || !grid) return null;
  const english = i18n.resolvedLanguage === 'en';
  const blocked = (cell: Cell) => policy === 'block' && cell.stock <= 0;
  const firstCell = grid.cells.find((cell) => cell.stock > 0 && !blocked(cell)) ?? grid.cells.find((cell) => !blocked(cell));
  const check = checkQuantity(quantity);
  const count = check.ok ? check.quantity : 0;
  const problem = check.ok ? null : quantityProblemText(t, check.problem, quantity.trim(), formatNumber(QUANTITY_MAX, money.locale));

  const add = async (cell: Cell, confirmed = false) => {
    if (adding || blocked(cell) || !check.ok) return;
    // A very large quantity is asked about before it is sent.
    if (!confirmed && count > QUANTITY_CONFIRM_ABOVE) {
      setConfirming(cell);
      return;
    }
    setConfirming(null);
    setAdding(true);
    const added = await addVariant(cell.variantId, count, picker.fromSearch);
    setAdding(false);
    if (added) close();
  };

  const onCellKey = (event: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const target = step(matrix, row, col, move[0], move[1]);
    const cell = target ? matrix[target[0]]?.[target[1]] : null;
    if (cell) cellRefs.current.get(cell.variantId)?.focus();
  };

  return (
    <Dialog testId="variant-picker" title={grid.product.name} onClose={close} size="large">
      <p className="picker__meta">
        {[grid.product.brand, `PLU ${grid.product.plu}`, money.format(grid.product.price)].filter(Boolean).join(' · ')}
      </p>
      <div className="picker__qty">
        <label htmlFor="picker-qty">{t('sell.picker.quantity')}</label>
        <input
          id="picker-qty"
          className="picker__qty-input"
          data-testid="picker-quantity"
          inputMode="numeric"
          maxLength={12}
          value={quantity}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'picker-qty-problem' : undefined}
          onChange={(event) => setQuantity(event.target.value)}
          onFocus={(event) => event.target.select()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && firstCell) {
              event.preventDefault();
              cellRefs.current.get(firstCell.variantId)?.focus();
            }
          }}
        />
        <span className="picker__hint">{t('sell.picker.hint')}</span>
      </div>
      {problem && (
        <p className="dialog__error" role="alert" id="picker-qty-problem" data-testid="picker-quantity-error">
          {problem}
        </p>
      )}
      <ErrorNote error={error} testId="picker-error" />
      <div className="picker__scroll">
        <table className="picker__grid" role="grid" aria-label={t('sell.picker.gridLabel', { name: grid.product.name })}>
          <thead>
            <tr>
              <th scope="col">{t('sell.picker.colorSize')}</th>
              {grid.sizes.map((size) => (
                <th scope="col" key={size.id}>
                  {size.code}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.colors.map((color, row) => (
              <tr key={color.id}>
                <th scope="row" className="picker__color">
                  <span className="swatch swatch--big" style={{ background: color.hex }} aria-hidden="true" />
                  {english ? color.nameEn : color.name}
                </th>
                {grid.sizes.map((size, col) => {
                  const cell = matrix[row]?.[col] ?? null;
                  if (!cell) {
                    return (
                      <td key={size.id} className="variant-cell variant-cell--none" aria-disabled="true">
                        <span className="visually-hidden">{t('sell.picker.none')}</span>
                      </td>
                    );
                  }
                  const out = cell.stock <= 0;
                  return (
                    <td key={size.id}>
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) cellRefs.current.set(cell.variantId, el);
                          else cellRefs.current.delete(cell.variantId);
                        }}
                        className={out ? 'variant-cell variant-cell--out' : 'variant-cell'}
                        data-testid={`variant-cell-${cell.variantId}`}
                        data-stock={cell.stock}
                        data-autofocus={cell === firstCell ? true : undefined}
                        disabled={blocked(cell)}
                        aria-label={t('sell.picker.cellLabel', {
                          color: english ? color.nameEn : color.name,
                          size: size.code,
                          stock: formatNumber(cell.stock, money.locale),
                        })}
                        onKeyDown={(event) => onCellKey(event, row, col)}
                        onClick={() => void add(cell)}
                      >
                        <span className="variant-cell__stock">{formatNumber(cell.stock, money.locale)}</span>
                        {out && <span className="variant-cell__out">{t('sell.picker.out')}</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          testId="picker-qty-confirm"
          title={t('sell.cart.qtyConfirmTitle')}
          message={t('sell.cart.qtyConfirmAdd', { name: grid.product.name, quantity: formatNumber(count, money.locale) })}
          confirmLabel={t('sell.cart.qtyConfirmOk', { quantity: formatNumber(count, money.locale) })}
          onClose={() => setConfirming(null)}
          onConfirm={() => void add(confirming, true)}
        />
      )}
    </Dialog>
  );
}
