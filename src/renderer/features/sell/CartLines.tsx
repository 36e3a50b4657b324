import { memo, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../shared/ipc/dto-sales';
import { fitChars } from '../../lib/fit';
import { formatNumber } from '../../lib/format';
import { formatPercent } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useSell } from '../../stores/stores-context';
import { checkQuantity, QUANTITY_CONFIRM_ABOVE, QUANTITY_MAX, quantityProblemText } from './quantity';

/**
 * The lines of the sale in progress, newest last; click or arrow keys select one.
 * A typed quantity above QUANTITY_CONFIRM_ABOVE goes to `onBigQuantity` to be confirmed first.
 */
export function CartLines({ onRemove, onBigQuantity }: { onRemove: (lineId: number) => void; onBigQuantity: (lineId: number, quantity: number) => void }) {
  const { t } = useTranslation();
  const lines = useSell((s) => s.cart.lines);
  const selected = useSell((s) => s.selectedLineId);
  const flash = useSell((s) => s.flash);
  const loaded = useSell((s) => s.loaded);
  const select = useSell((s) => s.selectLine);
  const list = useRef<HTMLUListElement>(null);

  // In the next frame, not during the commit: scrolling reads layout, and forcing it here lays the cart out twice per scan.
  useEffect(() => {
    if (selected === null) return;
    const frame = requestAnimationFrame(() => list.current?.querySelector(`[data-line-id="${selected}"]`)?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [selected, lines.length]);

  return (
    <div className="cart" data-testid="cart" data-lines={lines.length} data-loaded={loaded}>
      <div className="cart__head" aria-hidden="true">
        <span>{t('sell.cart.item')}</span>
        <span>{t('sell.cart.quantity')}</span>
        <span>{t('sell.cart.unitPrice')}</span>
        <span>{t('sell.cart.discount')}</span>
        <span>{t('sell.cart.total')}</span>
        <span />
      </div>
      {lines.length === 0 ? (
        <p className="cart__empty" data-testid="cart-empty">
          {t('screens.sell.body')}
        </p>
      ) : (
        <ul className="cart__lines" ref={list} aria-label={t('sell.cart.label')}>
          {lines.map((line) => (
            <CartLineRow
              key={line.lineId}
              line={line}
              selected={line.lineId === selected}
              flashSeq={flash?.lineId === line.lineId ? flash.seq : null}
              onSelect={select}
              onRemove={onRemove}
              onBigQuantity={onBigQuantity}
            />
          ))}
        </ul>
      )}
    </div>
  );
}


/**
 * A name cut where it does not fit keeps its last word, which tells apart
 * the products of one kind (the collection: "Gorra bordada de pol… Sáhara").
 */
function nameParts(name: string): string[] {
  const cut = name.trimEnd().lastIndexOf(' ');
  return cut > 0 ? [name.slice(0, cut), name.slice(cut)] : [name];
}

/** Main sends a fresh cart on every change: only lines whose content changed re-render. */
const sameLine = (a: CartLine, b: CartLine): boolean =>
  a.lineId === b.lineId &&
  a.quantity === b.quantity &&
  a.unitPrice === b.unitPrice &&
  a.originalUnitPrice === b.originalUnitPrice &&
  a.priceOverrideReason === b.priceOverrideReason &&
  a.discountAmount === b.discountAmount &&
  a.total === b.total &&
  a.stockShort === b.stockShort &&
  a.approvedBy === b.approvedBy &&
  JSON.stringify(a.discount) === JSON.stringify(b.discount) &&
  a.variant.variantId === b.variant.variantId &&
  a.variant.stock === b.variant.stock;

interface RowProps {
  line: CartLine;
  selected: boolean;
  flashSeq: number | null;
  onSelect: (lineId: number) => void;
  onRemove: (lineId: number) => void;
  onBigQuantity: (lineId: number, quantity: number) => void;
}

const CartLineRow = memo(
  function CartLineRow(props: RowProps) {
    return <CartLineRowView {...props} />;
  },
  (a, b) => a.selected === b.selected && a.flashSeq === b.flashSeq && a.onSelect === b.onSelect && a.onRemove === b.onRemove && a.onBigQuantity === b.onBigQuantity && sameLine(a.line, b.line),
);

function CartLineRowView({ line, selected, flashSeq, onSelect: selectLine, onRemove: removeLine, onBigQuantity }: RowProps) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const changeQuantity = useSell((s) => s.changeQuantity);
  const setQuantity = useSell((s) => s.setQuantity);
  const [draft, setDraft] = useState<string | null>(null);
  /** Why the last typed quantity was refused (shown under the line until the next edit). */
  const [problem, setProblem] = useState<string | null>(null);
  const v = line.variant;
  const color = i18n.resolvedLanguage === 'en' ? v.colorNameEn : v.colorName;
  const id = line.lineId;
  const onSelect = () => selectLine(id);
  const onRemove = () => removeLine(id);

  /** Sends a typed quantity, or says what is wrong with it (the box goes back to the line's quantity). */
  const commitQuantity = (): boolean => {
    if (draft === null) return true;
    const typed = draft.trim();
    const check = checkQuantity(typed);
    setDraft(null);
    if (!check.ok) {
      setProblem(quantityProblemText(t, check.problem, typed, formatNumber(QUANTITY_MAX, money.locale)));
      return false;
    }
    setProblem(null);
    if (check.quantity === line.quantity) return true;
    if (check.quantity > QUANTITY_CONFIRM_ABOVE) onBigQuantity(id, check.quantity);
    else void setQuantity(id, check.quantity);
    return true;
  };
  const problemId = `line-qty-problem-${id}`;
  const fullName = `${v.name} · ${color} · ${t('sell.cart.size', { size: v.sizeCode })} · PLU ${v.plu}`;
  const price = money.format(line.unitPrice);
  const total = money.format(line.total);
  const discount = line.discountAmount > 0 ? `−${money.format(line.discountAmount)}` : '';

  return (
    <li
      className={['cart-line', selected && 'cart-line--selected', line.stockShort > 0 && 'cart-line--short'].filter(Boolean).join(' ')}
      data-testid={`cart-line-${id}`}
      data-line-id={id}
      data-variant-id={v.variantId}
      aria-current={selected ? 'true' : undefined}
      onClick={onSelect}
    >
      {flashSeq !== null && <span key={flashSeq} className="cart-line__flash" data-testid={`line-flash-${id}`} aria-hidden="true" />}
      <div className="cart-line__item">
        <span className="cart-line__name" title={fullName} data-testid={`line-name-${id}`}>
          {nameParts(v.name).map((part, i) => (
            <span key={i} className={i === 0 ? 'cart-line__name-head' : 'cart-line__name-tail'}>
              {part}
            </span>
          ))}
        </span>
        <span className="cart-line__variant">
          <span className="swatch" style={{ background: v.colorHex }} aria-hidden="true" />
          <span data-testid={`line-color-${id}`}>{color}</span>
          <span aria-hidden="true">·</span>
          <span data-testid={`line-size-${id}`}>{t('sell.cart.size', { size: v.sizeCode })}</span>
          <span className="cart-line__plu">PLU {v.plu}</span>
        </span>
        {line.stockShort > 0 && (
          <span className="cart-line__warning" role="note" data-testid={`line-stock-warning-${id}`}>
            ⚠ {t('sell.cart.stockShort', { count: line.stockShort, stock: formatNumber(Math.max(v.stock, 0), money.locale) })}
          </span>
        )}
        {line.originalUnitPrice !== null && (
          <span className="cart-line__note">
            {t('sell.cart.priceChanged', { price: money.format(line.originalUnitPrice), reason: line.priceOverrideReason ?? '' })}
          </span>
        )}
        {line.discount && line.discount.reason && <span className="cart-line__note">{t('sell.cart.discountReason', { reason: line.discount.reason })}</span>}
        {line.approvedBy && <span className="cart-line__note">{t('sell.cart.approvedBy', { name: line.approvedBy })}</span>}
        {problem && (
          <span className="cart-line__problem" role="alert" id={problemId} data-testid={`line-qty-error-${id}`}>
            {problem}
          </span>
        )}
      </div>
      <div className="cart-line__qty" onClick={(event) => event.stopPropagation()}>
        <button
          type="button"
          className="qty-button"
          data-testid={`line-dec-${id}`}
          aria-label={t('sell.cart.decrease')}
          disabled={line.quantity <= 1}
          onClick={() => {
            onSelect();
            void changeQuantity(id, -1);
          }}
        >
          −
        </button>
        <input
          className="qty-input"
          data-testid={`line-qty-${id}`}
          aria-label={t('sell.cart.quantityOf', { name: v.name })}
          inputMode="numeric"
          maxLength={12}
          value={draft ?? String(line.quantity)}
          aria-invalid={problem !== null}
          aria-describedby={problem ? problemId : undefined}
          onFocus={(event) => {
            onSelect();
            event.target.select();
          }}
          onChange={(event) => {
            setDraft(event.target.value);
            setProblem(null);
          }}
          onBlur={() => void commitQuantity()}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              // Refused: the cursor stays here to type it again.
              if (!commitQuantity()) event.currentTarget.select();
            } else if (event.key === 'Escape') {
              event.stopPropagation();
              setDraft(null);
              setProblem(null);
            }
          }}
        />
        <button
          type="button"
          className="qty-button"
          data-testid={`line-inc-${id}`}
          aria-label={t('sell.cart.increase')}
          onClick={() => {
            onSelect();
            void changeQuantity(id, 1);
          }}
        >
          +
        </button>
      </div>
      <div className="cart-line__price">
        {line.originalUnitPrice !== null && (
          <s className="cart-line__was fit" style={fitChars(money.format(line.originalUnitPrice))}>
            {money.format(line.originalUnitPrice)}
          </s>
        )}
        <span className="fit" style={fitChars(price)} data-testid={`line-price-${id}`}>
          {price}
        </span>
      </div>
      <div className="cart-line__discount" data-testid={`line-discount-${id}`}>
        {discount && (
          <span className="fit" style={fitChars(discount)}>
            {discount}
          </span>
        )}
        {discount && line.discount?.kind === 'percent' && <span className="cart-line__percent">({formatPercent(line.discount.percentBp, money.locale)})</span>}
      </div>
      <div className="cart-line__total">
        <span className="fit" style={fitChars(total)} data-testid={`line-total-${id}`} title={total}>
          {total}
        </span>
      </div>
      <button
        type="button"
        className="cart-line__remove"
        data-testid={`line-remove-${id}`}
        aria-label={t('sell.cart.removeLine', { name: v.name })}
        title={t('sell.cart.removeLine', { name: v.name })}
        onClick={(event) => {
          event.stopPropagation();
          onSelect();
          onRemove();
        }}
      >
        ×
      </button>
    </li>
  );
}
