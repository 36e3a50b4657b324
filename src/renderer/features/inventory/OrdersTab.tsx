import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { InventoryFilters, PurchaseOrderDto, PurchaseOrderSummaryDto } from '../../../shared/ipc/dto-inventory';
import type { ProductHit } from '../../../shared/ipc/dto-sales';
import { parseMoneyInput } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { GridEntry, quantitiesOf, type GridValues } from './GridEntry';
import { ProductPicker } from './ProductPicker';

/** Purchase orders: list, a new order on the grid, and receiving against one (partial, over or under shown). */
export function OrdersTab() {
  const { t } = useTranslation();
  const pos = usePos();
  const [orders, setOrders] = useState<PurchaseOrderSummaryDto[]>([]);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const show = useCallback((r: Result<PurchaseOrderSummaryDto[]>) => r.ok && setOrders(r.value), []);
  const reload = useCallback(async () => show(await pos.inventory.orders({})), [pos, show]);

  useEffect(() => {
    let live = true;
    void pos.inventory.orders({}).then((r) => live && show(r));
    return () => {
      live = false;
    };
  }, [pos, show]);

  return (
    <div className="backoffice-split">
      <div className="backoffice-scroll">
        <button type="button" className="button button--primary" onClick={() => setOpen('new')} data-testid="po-new">
          + {t('inv.newOrder')}
        </button>
        <table className="table" data-testid="po-list">
          <thead>
            <tr>
              <th scope="col">{t('inv.number')}</th>
              <th scope="col">{t('inv.manufacturer')}</th>
              <th scope="col">{t('inv.status')}</th>
              <th scope="col" className="table__num">
                {t('inv.ordered')}
              </th>
              <th scope="col" className="table__num">
                {t('inv.received')}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id} data-testid={`po-row-${o.number}`} className={open === o.id ? 'table__row--picked' : undefined}>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => setOpen(o.id)}>
                    {o.number}
                  </button>
                </th>
                <td>{o.manufacturer}</td>
                <td>{t(`inv.poStatus.${o.status}`)}</td>
                <td className="table__num">{o.ordered}</td>
                <td className="table__num">{o.received}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="backoffice-scroll">
        {open === 'new' && (
          <NewOrder
            onSaved={(id) => {
              void reload();
              setOpen(id);
            }}
          />
        )}
        {typeof open === 'number' && <OrderDetail key={open} id={open} onChanged={() => void reload()} />}
      </div>
    </div>
  );
}

function NewOrder({ onSaved }: { onSaved: (id: number) => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const money = useMoney();
  const [lists, setLists] = useState<InventoryFilters>({ categories: [], manufacturers: [] });
  const [manufacturerId, setManufacturerId] = useState('');
  const [products, setProducts] = useState<ProductHit[]>([]);
  const [values, setValues] = useState<GridValues>({});
  const [costs, setCosts] = useState<Record<number, string>>({});
  const [bad, setBad] = useState<number[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    void pos.inventory.filters().then((r) => live && r.ok && setLists(r.value));
    return () => {
      live = false;
    };
  }, [pos]);

  const save = async () => {
    const { lines, bad: wrong } = quantitiesOf(values, false);
    setBad(wrong);
    if (wrong.length > 0) return;
    const variantProduct = new Map<number, number>();
    const grids = await Promise.all(products.map((p) => pos.inventory.grid({ productId: p.productId })));
    for (const g of grids) if (g.ok) for (const c of g.value.cells) variantProduct.set(c.variantId, g.value.product.productId);
    const withCost = lines.map((l) => {
      const raw = costs[variantProduct.get(l.variantId) ?? 0]?.trim();
      const cost = raw ? parseMoneyInput(raw, money.currency, money.locale) : null;
      return { ...l, unitCost: cost };
    });
    const result = await pos.inventory.createOrder({ manufacturerId: Number(manufacturerId) || 0, lines: withCost });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    onSaved(result.value.id);
  };

  return (
    <section data-testid="po-form">
      <h2 className="settings-section__title">{t('inv.newOrder')}</h2>
      <label className="filters__field">
        <span className="field__label">{t('inv.manufacturer')}</span>
        <select className="input" value={manufacturerId} onChange={(e) => setManufacturerId(e.target.value)} data-testid="po-manufacturer">
          <option value="">—</option>
          {lists.manufacturers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>
      <ProductPicker testId="po-pick" onPick={(hit) => setProducts((ps) => (ps.some((p) => p.productId === hit.productId) ? ps : [...ps, hit]))} />
      {products.map((p) => (
        <div key={p.productId} className="grid-block">
          <h3>
            {p.plu} {p.name}
          </h3>
          <GridEntry productId={p.productId} values={values} onChange={setValues} signed={false} bad={bad} testId={`po-grid-${p.productId}`} label={t('inv.orderGrid', { name: p.name })} />
          <label className="filters__field">
            <span className="field__label">{t('inv.unitCostOptional')}</span>
            <input className="input input--narrow" inputMode="decimal" value={costs[p.productId] ?? ''} onChange={(e) => setCosts({ ...costs, [p.productId]: e.target.value })} data-testid={`po-cost-${p.productId}`} />
          </label>
        </div>
      ))}
      <ErrorNote error={failure} testId="po-error" />
      <button type="button" className="button button--primary" onClick={() => void save()} data-testid="po-save" disabled={products.length === 0}>
        {t('inv.saveOrder')}
      </button>
    </section>
  );
}

function OrderDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const money = useMoney();
  const [order, setOrder] = useState<PurchaseOrderDto | null>(null);
  const [receive, setReceive] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    void pos.inventory.order({ id }).then((r) => live && r.ok && setOrder(r.value));
    return () => {
      live = false;
    };
  }, [pos, id]);

  if (!order) return null;
  const receivable = order.status === 'open' || order.status === 'partial';

  const submit = async () => {
    const lines = order.lines
      .map((l) => ({ variantId: l.variantId, raw: (receive[l.lineId] ?? '').trim() }))
      .filter((l) => l.raw !== '')
      .map((l) => ({ variantId: l.variantId, quantity: /^\d{1,5}$/.test(l.raw) ? Number(l.raw) : -1 }));
    const result = await pos.inventory.receive({ orderId: order.id, lines });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setReceive({});
    setDone(true);
    if (result.value.order) setOrder(result.value.order);
    onChanged();
  };

  const close = async () => {
    const result = await pos.inventory.closeOrder({ id: order.id });
    if (result.ok) {
      setOrder(result.value);
      onChanged();
    } else setFailure(result.error);
  };

  return (
    <section data-testid="po-detail">
      <h2 className="settings-section__title">
        {order.number} · {order.manufacturer} · <span data-testid="po-status">{t(`inv.poStatus.${order.status}`)}</span>
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('inv.variant')}</th>
            <th scope="col" className="table__num">
              {t('inv.ordered')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.received')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.difference')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.unitCost')}
            </th>
            {receivable && <th scope="col">{t('inv.receiveNow')}</th>}
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l) => (
            <tr key={l.lineId} data-testid={`po-line-${l.variantId}`}>
              <th scope="row">
                {l.name} · {l.colorName} · {l.sizeCode}
              </th>
              <td className="table__num">{l.quantityOrdered}</td>
              <td className="table__num">{l.quantityReceived}</td>
              <td className={l.difference < 0 ? 'table__num delta--down' : l.difference > 0 ? 'table__num delta--up' : 'table__num'} data-testid={`po-diff-${l.variantId}`}>
                {l.difference === 0 ? '✓' : l.difference < 0 ? t('inv.due', { count: -l.difference }) : t('inv.over', { count: l.difference })}
              </td>
              <td className="table__num">{l.unitCost === null ? '—' : money.format(l.unitCost)}</td>
              {receivable && (
                <td>
                  <input
                    className="input input--narrow"
                    inputMode="numeric"
                    value={receive[l.lineId] ?? ''}
                    placeholder={String(Math.max(-l.difference, 0))}
                    aria-label={t('inv.receiveLabel', { name: `${l.name} ${l.colorName} ${l.sizeCode}` })}
                    onChange={(e) => setReceive({ ...receive, [l.lineId]: e.target.value })}
                    data-testid={`po-receive-${l.variantId}`}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorNote error={failure} testId="po-detail-error" />
      {done && (
        <p className="settings-actions__feedback" role="status" data-testid="po-received">
          ✓ {t('inv.receivedDone')}
        </p>
      )}
      {receivable && (
        <div className="form__actions">
          <button
            type="button"
            className="button"
            onClick={() => setReceive(Object.fromEntries(order.lines.filter((l) => l.difference < 0).map((l) => [l.lineId, String(-l.difference)])))}
            data-testid="po-fill-due"
          >
            {t('inv.fillDue')}
          </button>
          <button type="button" className="button button--primary" onClick={() => void submit()} data-testid="po-receive">
            {t('inv.receive')}
          </button>
          <button type="button" className="button button--danger-quiet" onClick={() => void close()} data-testid="po-close">
            {order.status === 'open' ? t('inv.cancelOrder') : t('inv.closeOrder')}
          </button>
        </div>
      )}
    </section>
  );
}
