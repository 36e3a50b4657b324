import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { TransferDto, TransferSummaryDto } from '../../../shared/ipc/dto-inventory';
import type { ProductHit } from '../../../shared/ipc/dto-sales';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';
import { GridEntry, quantitiesOf, type GridValues } from './GridEntry';
import { ProductPicker } from './ProductPicker';

/**
 * Transfers to other stores of the chain: send on the grid (stock leaves
 * now), see what is in transit either way, and accept an incoming transfer
 * line by line with any discrepancy noted. Incoming transfers arrive through sync.
 */
export function TransfersTab() {
  const { t } = useTranslation();
  const pos = usePos();
  const [list, setList] = useState<TransferSummaryDto[]>([]);
  const [open, setOpen] = useState<number | 'new' | null>(null);
  const show = useCallback((r: Result<TransferSummaryDto[]>) => r.ok && setList(r.value), []);
  const reload = useCallback(async () => show(await pos.inventory.transfers({})), [pos, show]);

  useEffect(() => {
    let live = true;
    void pos.inventory.transfers({}).then((r) => live && show(r));
    return () => {
      live = false;
    };
  }, [pos, show]);

  return (
    <div className="backoffice-split">
      <div className="backoffice-scroll">
        <button type="button" className="button button--primary" onClick={() => setOpen('new')} data-testid="tr-new">
          + {t('inv.newTransfer')}
        </button>
        <table className="table" data-testid="tr-list">
          <thead>
            <tr>
              <th scope="col">{t('inv.number')}</th>
              <th scope="col">{t('inv.direction')}</th>
              <th scope="col">{t('inv.status')}</th>
              <th scope="col" className="table__num">
                {t('inv.units')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.id} data-testid={`tr-row-${x.number}`}>
                <th scope="row">
                  <button type="button" className="linkish" onClick={() => setOpen(x.id)}>
                    {x.number}
                  </button>
                </th>
                <td>{x.direction === 'out' ? t('inv.toStore', { store: x.otherStore }) : t('inv.fromStore', { store: x.otherStore })}</td>
                <td>{t(`inv.trStatus.${x.status}`)}</td>
                <td className="table__num">{x.units}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="form__hint">{t('inv.transfersSync')}</p>
      </div>
      <div className="backoffice-scroll">
        {open === 'new' && <SendTransfer onSent={(id) => (void reload(), setOpen(id))} />}
        {typeof open === 'number' && <TransferDetail key={open} id={open} onChanged={() => void reload()} />}
      </div>
    </div>
  );
}

function SendTransfer({ onSent }: { onSent: (id: number) => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const [toStore, setToStore] = useState('');
  const [products, setProducts] = useState<ProductHit[]>([]);
  const [values, setValues] = useState<GridValues>({});
  const [bad, setBad] = useState<number[]>([]);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  const send = async () => {
    const { lines, bad: wrong } = quantitiesOf(values, false);
    setBad(wrong);
    if (wrong.length > 0) return;
    const result = await pos.inventory.sendTransfer({ toStore, lines });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    onSent(result.value.id);
  };

  return (
    <section data-testid="tr-form">
      <h2 className="settings-section__title">{t('inv.newTransfer')}</h2>
      <label className="filters__field">
        <span className="field__label">{t('inv.destination')}</span>
        <input className="input" value={toStore} onChange={(e) => setToStore(e.target.value)} maxLength={40} data-testid="tr-store" />
      </label>
      <ProductPicker testId="tr-pick" onPick={(hit) => setProducts((ps) => (ps.some((p) => p.productId === hit.productId) ? ps : [...ps, hit]))} />
      {products.map((p) => (
        <div key={p.productId} className="grid-block">
          <h3>
            {p.plu} {p.name}
          </h3>
          <GridEntry productId={p.productId} values={values} onChange={setValues} signed={false} bad={bad} testId={`tr-grid-${p.productId}`} label={t('inv.sendGrid', { name: p.name })} />
        </div>
      ))}
      <ErrorNote error={failure} testId="tr-error" />
      <button type="button" className="button button--primary" onClick={() => void send()} data-testid="tr-send" disabled={products.length === 0}>
        {t('inv.send')}
      </button>
    </section>
  );
}

function TransferDetail({ id, onChanged }: { id: number; onChanged: () => void }) {
  const { t } = useTranslation();
  const pos = usePos();
  const [transfer, setTransfer] = useState<TransferDto | null>(null);
  const [answers, setAnswers] = useState<Record<number, { received: string; note: string }>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);

  useEffect(() => {
    let live = true;
    void pos.inventory.transfer({ id }).then((r) => live && r.ok && setTransfer(r.value));
    return () => {
      live = false;
    };
  }, [pos, id]);

  if (!transfer) return null;
  const acceptable = transfer.direction === 'in' && transfer.status === 'in_transit';
  const answer = (lineId: number, sent: number) => answers[lineId] ?? { received: String(sent), note: '' };

  const accept = async () => {
    const lines = transfer.lines.map((l) => {
      const a = answer(l.lineId, l.quantitySent);
      return { lineId: l.lineId, quantityReceived: /^\d{1,5}$/.test(a.received.trim()) ? Number(a.received.trim()) : -1, discrepancyNote: a.note.trim() || null };
    });
    const result = await pos.inventory.acceptTransfer({ id, lines });
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setFailure(null);
    setTransfer(result.value);
    onChanged();
  };

  return (
    <section data-testid="tr-detail">
      <h2 className="settings-section__title">
        {transfer.number} · {transfer.direction === 'out' ? t('inv.toStore', { store: transfer.otherStore }) : t('inv.fromStore', { store: transfer.otherStore })} ·{' '}
        <span data-testid="tr-status">{t(`inv.trStatus.${transfer.status}`)}</span>
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('inv.variant')}</th>
            <th scope="col" className="table__num">
              {t('inv.sent')}
            </th>
            <th scope="col" className="table__num">
              {t('inv.arrived')}
            </th>
            <th scope="col">{t('inv.discrepancy')}</th>
          </tr>
        </thead>
        <tbody>
          {transfer.lines.map((l) => {
            const a = answer(l.lineId, l.quantitySent);
            return (
              <tr key={l.lineId}>
                <th scope="row">
                  {l.name} · {l.colorName} · {l.sizeCode}
                </th>
                <td className="table__num">{l.quantitySent}</td>
                <td className="table__num">
                  {acceptable ? (
                    <input className="input input--narrow" inputMode="numeric" value={a.received} onChange={(e) => setAnswers({ ...answers, [l.lineId]: { ...a, received: e.target.value } })} aria-label={t('inv.arrivedLabel', { name: l.name })} />
                  ) : (
                    (l.quantityReceived ?? '—')
                  )}
                </td>
                <td>
                  {acceptable ? (
                    <input className="input" value={a.note} onChange={(e) => setAnswers({ ...answers, [l.lineId]: { ...a, note: e.target.value } })} maxLength={200} aria-label={t('inv.discrepancy')} />
                  ) : (
                    (l.discrepancyNote ?? '')
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ErrorNote error={failure} testId="tr-detail-error" />
      {acceptable && (
        <button type="button" className="button button--primary" onClick={() => void accept()} data-testid="tr-accept">
          {t('inv.accept')}
        </button>
      )}
    </section>
  );
}
