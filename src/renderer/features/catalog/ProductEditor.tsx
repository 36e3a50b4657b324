import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ProductSaveSchema } from '../../../shared/catalog/product-schemas';
import type { ErrorInfo } from '../../../shared/errors';
import type { CatalogLists, ProductEditorDto } from '../../../shared/ipc/dto-catalog';
import { formatMoneyInput, parseMoneyInput } from '../../lib/money-input';
import { useMoney } from '../../lib/use-money';
import { useCan, useCatalog, useSettings } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { LabelsDialog, type LabelSource } from './LabelsDialog';
import { cellKey, gridOf, toggle, variantsOf, type CellDraft, type GridDraft } from './product-draft';

type Mode = 'stock' | 'barcode' | 'threshold' | 'labels';

const BASIC_FIELDS = ['plu', 'name', 'description', 'manufacturerId', 'departmentCode', 'price', 'costPrice', 'taxCode', 'active', 'categoryIds', 'optionIds'] as const;
type BasicField = (typeof BASIC_FIELDS)[number];

interface Draft {
  plu: string;
  name: string;
  description: string;
  manufacturerId: string;
  departmentCode: string;
  price: string;
  costPrice: string;
  taxCode: string;
  active: boolean;
  categoryIds: string[];
  optionIds: string[];
}

const S = ProductSaveSchema.shape;
const toId = (text: string): number | null => (text ? Number(text) : null);

/** The contract's schema over what the form holds: money typed in the store's format, ids as select values. */
function formSchema(currency: string, locale: string) {
  const money = (optional: boolean) =>
    z.string().transform((text, ctx) => {
      if (optional && text.trim() === '') return null;
      const minor = parseMoneyInput(text, currency, locale);
      if (minor === null) ctx.addIssue({ code: 'custom', message: 'not an amount', input: text });
      return minor ?? z.NEVER;
    });
  return z.object({
    plu: S.plu,
    name: S.name,
    description: z.string().transform((d) => (d.trim() === '' ? null : d)).pipe(S.description),
    manufacturerId: z.string().transform(toId),
    departmentCode: z.string().transform((c) => c || null),
    price: money(false).pipe(S.price),
    costPrice: money(true).pipe(S.costPrice),
    taxCode: z.string().transform((c) => c || null),
    active: z.boolean(),
    categoryIds: z.array(z.string()).transform((ids) => ids.map(Number)),
    optionIds: z.array(z.string()).transform((ids) => ids.map(Number)),
  });
}
type Basics = z.output<ReturnType<typeof formSchema>>;

const draftOf = (p: ProductEditorDto | null, currency: string, locale: string): Draft => ({
  plu: p?.plu ?? '',
  name: p?.name ?? '',
  description: p?.description ?? '',
  manufacturerId: p?.manufacturerId ? String(p.manufacturerId) : '',
  departmentCode: p?.departmentCode ?? '',
  price: p ? formatMoneyInput(p.price, currency, locale) : '',
  costPrice: p?.costPrice != null ? formatMoneyInput(p.costPrice, currency, locale) : '',
  taxCode: p?.taxCode ?? '',
  active: p?.active ?? true,
  categoryIds: (p?.categoryIds ?? []).map(String),
  optionIds: (p?.optionIds ?? []).map(String),
});

/**
 * A product and its colour x size grid. Pick colours and sizes: the grid
 * makes one variant per pair. The grid shows one thing at a time (stock,
 * barcode, low-stock threshold, labels to print), so a 6 x 10 matrix stays
 * readable and Enter moves down a column like a spreadsheet. Unpicking a
 * colour or size deactivates its variants (never deleted); a cell left
 * without barcode gets an in-store EAN-13 when saved.
 */
export function ProductEditor({ productId, onClose, onSaved }: { productId: number | null; onClose: () => void; onSaved: (productId: number) => void }) {
  const { t } = useTranslation();
  const api = useCatalog((s) => s.api);
  const lists = useCatalog((s) => s.lists);
  const [loaded, setLoaded] = useState<{ product: ProductEditorDto | null } | null>(productId === null ? { product: null } : null);
  const [loadError, setLoadError] = useState<ErrorInfo | null>(null);
  /** What the last save said; kept here so it survives the form starting over on the saved product. */
  const [notice, setNotice] = useState<string | null>(null);
  /** Bumped on each save: the form starts over on the product as saved. */
  const [saves, setSaves] = useState(0);
  const have = loaded?.product?.productId ?? null;

  useEffect(() => {
    // A product just saved is already here, as main returned it.
    if (productId === null || productId === have) return;
    let live = true;
    void api.catalog.product({ productId }).then((r) => {
      if (!live) return;
      if (r.ok) setLoaded({ product: r.value });
      else setLoadError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, productId, have]);

  if (loadError) {
    return (
      <div className="product-editor">
        <ErrorNote error={loadError} testId="product-load-error" />
        <button type="button" className="button" onClick={onClose}>
          {t('catalog.editor.back')}
        </button>
      </div>
    );
  }
  if (!loaded || !lists) return <p>{t('app.loading')}</p>;
  return (
    <EditorForm
      key={`${loaded.product?.productId ?? 'new'}-${saves}`}
      product={loaded.product}
      lists={lists}
      notice={notice}
      onClose={onClose}
      onSaved={(product, text) => {
        setLoaded({ product });
        setNotice(text);
        setSaves((n) => n + 1);
        onSaved(product.productId);
      }}
      onEdit={() => setNotice(null)}
    />
  );
}

function EditorForm({
  product,
  lists,
  notice,
  onClose,
  onSaved,
  onEdit,
}: {
  product: ProductEditorDto | null;
  lists: CatalogLists;
  notice: string | null;
  onClose: () => void;
  onSaved: (product: ProductEditorDto, notice: string) => void;
  onEdit: () => void;
}) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const api = useCatalog((s) => s.api);
  const loadLists = useCatalog((s) => s.loadLists);
  const rates = useSettings((s) => s.rates.items);
  const loadRates = useSettings((s) => s.loadRates);
  const english = i18n.language.startsWith('en');
  const seesCosts = useCan('costs.view');
  const [grid, setGrid] = useState<GridDraft>(() => gridOf(product));
  const [mode, setMode] = useState<Mode>(product ? 'stock' : 'stock');
  const [cellErrors, setCellErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [labels, setLabels] = useState<LabelSource | null>(null);
  const [fillThreshold, setFillThreshold] = useState('');

  useEffect(() => {
    void loadRates();
  }, [loadRates]);

  const sizeOrder = useMemo(() => new Map(lists.sizes.map((s, i) => [s.id, i])), [lists.sizes]);
  const sortSizes = (ids: number[]) => [...ids].sort((a, b) => (sizeOrder.get(a) ?? 0) - (sizeOrder.get(b) ?? 0));
  const colorById = useMemo(() => new Map(lists.colors.map((c) => [c.id, c])), [lists.colors]);
  const sizeById = useMemo(() => new Map(lists.sizes.map((s) => [s.id, s])), [lists.sizes]);

  const schema = useMemo(() => formSchema(money.currency, money.locale), [money.currency, money.locale]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Draft, unknown, Basics>({ resolver: zodResolver(schema), defaultValues: draftOf(product, money.currency, money.locale) });

  const errorText = (name: BasicField): string | undefined => {
    const e = errors[name];
    if (!e) return undefined;
    if (e.type === 'CONFLICT' && name === 'plu') return t('catalog.editor.errors.pluTaken', { detail: e.message });
    return t(`catalog.editor.errors.${name}`);
  };

  const setCell = (key: string, patch: Partial<CellDraft>) => {
    setGrid((g) => ({ ...g, cells: { ...g.cells, [key]: { ...g.cells[key]!, ...patch } } }));
    setCellErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _gone, ...rest } = e;
      return rest;
    });
  };

  const submit = handleSubmit(async (basics) => {
    setFailure(null);
    onEdit();
    const { input: variants, keys } = variantsOf(grid, sortSizes);
    const parsed = ProductSaveSchema.safeParse({ ...basics, productId: product?.productId ?? null, variants });
    if (!parsed.success) {
      const byCell: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === 'variants' && typeof issue.path[1] === 'number') byCell[keys[issue.path[1]]!] = issue.message;
      }
      setCellErrors(byCell);
      if (Object.keys(byCell).length === 0) setFailure({ code: 'VALIDATION', message: parsed.error.issues[0]?.message ?? 'invalid' });
      return;
    }
    const result = await api.catalog.saveProduct(parsed.data);
    if (result.ok) {
      void loadLists();
      // The form starts over on the product as saved (new cells now have their variants and barcodes).
      onSaved(result.value, t('catalog.editor.saved', { count: result.value.generatedBarcodes }));
      return;
    }
    const error = result.error;
    const issues = error.issues?.length ? error.issues : error.field ? [{ field: error.field, message: error.message }] : [];
    const byCell: Record<string, string> = {};
    let placed = false;
    for (const issue of issues) {
      const m = /^variants\.(\d+)/.exec(issue.field);
      if (m) {
        byCell[keys[Number(m[1])]!] = issue.message;
        placed = true;
      } else {
        const field = BASIC_FIELDS.find((f) => f === issue.field.split('.')[0]);
        if (field) {
          setError(field, { type: error.code, message: issue.message });
          placed = true;
        }
      }
    }
    setCellErrors(byCell);
    if (!placed || Object.keys(byCell).length > 0) setFailure(error);
  });

  const activeCells = grid.colors.flatMap((c) => grid.sizes.map((s) => grid.cells[cellKey(c, s)]).filter((x): x is CellDraft => Boolean(x)));
  const savedCount = activeCells.filter((c) => c.variantId !== null).length;
  const labelItems = () =>
    activeCells.flatMap((c) => {
      const copies = Number(c.labels);
      return c.variantId !== null && Number.isInteger(copies) && copies > 0 ? [{ variantId: c.variantId, copies: Math.min(copies, 999) }] : [];
    });

  const colorName = (id: number) => {
    const c = colorById.get(id);
    return c ? (english ? c.nameEn : c.name) : String(id);
  };

  return (
    <form className="product-editor" noValidate onSubmit={(event) => void submit(event)} data-testid="product-editor">
      <div className="product-editor__head">
        <button type="button" className="button button--quiet" data-testid="product-back" onClick={onClose}>
          ← {t('catalog.editor.back')}
        </button>
        <h2 className="settings-section__title">{product ? t('catalog.editor.editTitle', { name: product.name }) : t('catalog.editor.newTitle')}</h2>
      </div>

      <section className="settings-section product-editor__basics" aria-label={t('catalog.editor.basics')}>
        <Field label={t('catalog.editor.fields.plu')} htmlFor="product-plu" error={errorText('plu')} errorTestId="product-error-plu">
          <input {...register('plu')} id="product-plu" className="input" data-testid="product-plu" autoComplete="off" maxLength={32} aria-invalid={Boolean(errors.plu)} />
        </Field>
        <Field label={t('catalog.editor.fields.name')} htmlFor="product-name" error={errorText('name')} errorTestId="product-error-name">
          <input {...register('name')} id="product-name" className="input" data-testid="product-name" autoComplete="off" maxLength={200} aria-invalid={Boolean(errors.name)} />
        </Field>
        <Field label={t('catalog.editor.fields.manufacturerId')} htmlFor="product-maker" error={errorText('manufacturerId')}>
          <select {...register('manufacturerId')} id="product-maker" className="input" data-testid="product-maker">
            <option value="">{t('catalog.editor.none')}</option>
            {lists.manufacturers.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.editor.fields.departmentCode')} htmlFor="product-dept" error={errorText('departmentCode')}>
          <select {...register('departmentCode')} id="product-dept" className="input" data-testid="product-dept">
            <option value="">{t('catalog.editor.none')}</option>
            {lists.departments.map((d) => (
              <option key={d.code} value={d.code}>
                {english ? d.nameEn : d.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('catalog.editor.fields.price', { currency: money.currency })} htmlFor="product-price" error={errorText('price')} errorTestId="product-error-price">
          <input {...register('price')} id="product-price" className="input" data-testid="product-price" inputMode="decimal" autoComplete="off" aria-invalid={Boolean(errors.price)} />
        </Field>
{seesCosts && (
        <Field label={t('catalog.editor.fields.costPrice', { currency: money.currency })} htmlFor="product-cost" error={errorText('costPrice')} errorTestId="product-error-costPrice">
          <input {...register('costPrice')} id="product-cost" className="input" data-testid="product-cost" inputMode="decimal" autoComplete="off" aria-invalid={Boolean(errors.costPrice)} />
        </Field>
)}
        <Field label={t('catalog.editor.fields.taxCode')} htmlFor="product-tax" error={errorText('taxCode')}>
          <select {...register('taxCode')} id="product-tax" className="input" data-testid="product-tax">
            <option value="">{t('catalog.editor.taxFallback')}</option>
            {rates
              .filter((r) => r.active || r.code === product?.taxCode)
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
          </select>
        </Field>
        <div className="field product-editor__active">
          <label className="switch" htmlFor="product-active">
            <input {...register('active')} id="product-active" type="checkbox" role="switch" className="switch__input" data-testid="product-active" />
            <span className="switch__track" aria-hidden="true" />
            <span className="switch__label">{t('catalog.editor.fields.active')}</span>
          </label>
        </div>
        <Field label={t('catalog.editor.fields.description')} htmlFor="product-desc" error={errorText('description')}>
          <textarea {...register('description')} id="product-desc" className="input product-editor__desc" data-testid="product-desc" maxLength={2000} rows={2} />
        </Field>
      </section>

      <section className="settings-section" aria-label={t('catalog.editor.classify')}>
        <fieldset className="chip-set" data-testid="product-categories">
          <legend className="field__label">{t('catalog.editor.fields.categoryIds')}</legend>
          {lists.categories.map((c) => (
            <label key={c.id} className="chip chip--check">
              <input type="checkbox" value={String(c.id)} {...register('categoryIds')} />
              {c.name}
            </label>
          ))}
        </fieldset>
        {lists.options.length > 0 && (
          <fieldset className="chip-set" data-testid="product-options">
            <legend className="field__label">{t('catalog.editor.fields.optionIds')}</legend>
            {lists.options.map((o) => (
              <label key={o.id} className="chip chip--check">
                <input type="checkbox" value={String(o.id)} {...register('optionIds')} />
                {o.name}
              </label>
            ))}
          </fieldset>
        )}
      </section>

      <section className="settings-section" aria-labelledby="product-grid-title">
        <h3 id="product-grid-title" className="settings-section__title">
          {t('catalog.editor.gridTitle')}
        </h3>
        <fieldset className="chip-set" data-testid="pick-colors">
          <legend className="field__label">{t('catalog.editor.pickColors')}</legend>
          {lists.colors.map((c) => (
            <label key={c.id} className="chip chip--check">
              <input type="checkbox" data-testid={`pick-color-${c.code}`} checked={grid.colors.includes(c.id)} onChange={() => setGrid((g) => toggle(g, 'colors', c.id))} />
              <span className="swatch swatch--small" style={{ background: c.hex }} aria-hidden="true" />
              {english ? c.nameEn : c.name}
            </label>
          ))}
        </fieldset>
        <fieldset className="chip-set" data-testid="pick-sizes">
          <legend className="field__label">{t('catalog.editor.pickSizes')}</legend>
          {lists.sizes.map((s) => (
            <label key={s.id} className="chip chip--check">
              <input type="checkbox" data-testid={`pick-size-${s.code}`} checked={grid.sizes.includes(s.id)} onChange={() => setGrid((g) => toggle(g, 'sizes', s.id))} />
              {s.code}
            </label>
          ))}
        </fieldset>

        {grid.colors.length > 0 && grid.sizes.length > 0 ? (
          <>
            <div className="matrix-toolbar">
              <div className="segmented" role="radiogroup" aria-label={t('catalog.editor.show')}>
                {(['stock', 'barcode', 'threshold', 'labels'] as const).map((m) => (
                  <label key={m} className={mode === m ? 'segmented__item segmented__item--on' : 'segmented__item'}>
                    <input type="radio" name="matrix-mode" value={m} data-testid={`matrix-mode-${m}`} checked={mode === m} onChange={() => setMode(m)} />
                    {t(`catalog.editor.modes.${m}`)}
                  </label>
                ))}
              </div>
              {mode === 'threshold' && (
                <div className="matrix-toolbar__fill">
                  <input className="input" inputMode="numeric" aria-label={t('catalog.editor.fillThreshold')} placeholder={t('catalog.editor.fillThreshold')} value={fillThreshold} onChange={(e) => setFillThreshold(e.target.value)} data-testid="fill-threshold" />
                  <button
                    type="button"
                    className="button"
                    data-testid="fill-threshold-apply"
                    onClick={() => setGrid((g) => ({ ...g, cells: Object.fromEntries(Object.entries(g.cells).map(([k, c]) => [k, { ...c, threshold: fillThreshold }])) }))}
                  >
                    {t('catalog.editor.fillAll')}
                  </button>
                </div>
              )}
              {mode === 'labels' && (
                <button type="button" className="button button--primary" data-testid="print-labels" disabled={labelItems().length === 0} onClick={() => setLabels({ items: labelItems() })}>
                  {t('catalog.labels.open')}
                </button>
              )}
            </div>
            <p className="form__hint">{t(`catalog.editor.modeHints.${mode}`)}</p>
            <div className="pmatrix-wrap">
              <table className="pmatrix" data-testid="product-matrix" aria-labelledby="product-grid-title" onKeyDown={moveDownOnEnter}>
                <thead>
                  <tr>
                    <td />
                    {sortSizes(grid.sizes).map((s) => (
                      <th key={s} scope="col">
                        {sizeById.get(s)?.code}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {grid.colors.map((c) => (
                    <tr key={c}>
                      <th scope="row">
                        <span className="swatch swatch--small" style={{ background: colorById.get(c)?.hex }} aria-hidden="true" />
                        {colorName(c)}
                      </th>
                      {sortSizes(grid.sizes).map((s) => {
                        const key = cellKey(c, s);
                        const cell = grid.cells[key]!;
                        const label = `${colorName(c)} ${sizeById.get(s)?.code ?? ''}`;
                        const testId = `cell-${colorById.get(c)?.code}-${sizeById.get(s)?.code}`;
                        return (
                          <td key={s} className={cellErrors[key] ? 'pmatrix__cell pmatrix__cell--invalid' : cell.active ? 'pmatrix__cell' : 'pmatrix__cell pmatrix__cell--off'}>
                            <CellInput mode={mode} cell={cell} label={label} testId={testId} onChange={(patch) => setCell(key, patch)} />
                            {cellErrors[key] && (
                              <span className="pmatrix__error" role="alert" data-testid={`${testId}-error`}>
                                {cellErrors[key]}
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="form__hint" data-testid="matrix-summary">
              {t('catalog.editor.summary', { count: grid.colors.length * grid.sizes.length, saved: savedCount })}
            </p>
          </>
        ) : (
          <p className="notice">{t('catalog.editor.pickBoth')}</p>
        )}
      </section>

      <ErrorNote error={failure} testId="product-save-error" />
      {notice && (
        <p className="notice notice--ok" role="status" data-testid="product-saved">
          {notice}
        </p>
      )}
      <div className="form__actions product-editor__actions">
        <button type="button" className="button button--quiet" onClick={onClose}>
          {t('catalog.editor.back')}
        </button>
        <button type="submit" className="button button--primary" data-testid="product-save" disabled={isSubmitting}>
          {isSubmitting ? t('catalog.editor.saving') : t('catalog.editor.save')}
        </button>
      </div>
      {labels && <LabelsDialog source={labels} onClose={() => setLabels(null)} />}
    </form>
  );
}

/** Enter in a cell goes to the same size in the next colour (a spreadsheet's Enter), never submitting the form. */
function moveDownOnEnter(event: React.KeyboardEvent<HTMLTableElement>) {
  if (event.key !== 'Enter') return;
  const input = event.target as HTMLElement;
  if (input.tagName !== 'INPUT') return;
  event.preventDefault();
  const td = input.closest('td');
  const tr = td?.parentElement;
  if (!td || !tr) return;
  const column = Array.from(tr.children).indexOf(td);
  const target = tr.nextElementSibling?.children[column]?.querySelector('input');
  if (target instanceof HTMLInputElement) {
    target.focus();
    target.select();
  }
}

function CellInput({ mode, cell, label, testId, onChange }: { mode: Mode; cell: CellDraft; label: string; testId: string; onChange: (patch: Partial<CellDraft>) => void }) {
  const { t } = useTranslation();
  if (mode === 'barcode') {
    return (
      <input
        className="input pmatrix__input pmatrix__input--code"
        data-testid={`${testId}-barcode`}
        aria-label={t('catalog.editor.cellBarcode', { cell: label })}
        placeholder={t('catalog.editor.autoBarcode')}
        inputMode="numeric"
        maxLength={16}
        value={cell.barcode}
        onChange={(e) => onChange({ barcode: e.target.value })}
      />
    );
  }
  if (mode === 'threshold') {
    return (
      <input
        className="input pmatrix__input"
        data-testid={`${testId}-threshold`}
        aria-label={t('catalog.editor.cellThreshold', { cell: label })}
        inputMode="numeric"
        maxLength={6}
        value={cell.threshold}
        onChange={(e) => onChange({ threshold: e.target.value.replace(/\D/g, '') })}
      />
    );
  }
  if (mode === 'labels') {
    if (cell.variantId === null) return <span className="pmatrix__muted">{t('catalog.editor.saveFirst')}</span>;
    return (
      <input
        className="input pmatrix__input"
        data-testid={`${testId}-labels`}
        aria-label={t('catalog.editor.cellLabels', { cell: label })}
        inputMode="numeric"
        maxLength={3}
        value={cell.labels}
        placeholder="0"
        onChange={(e) => onChange({ labels: e.target.value.replace(/\D/g, '') })}
      />
    );
  }
  // Stock: a saved variant's stock moves only through Inventory; a new cell takes its opening stock.
  if (cell.variantId !== null) {
    return (
      <span className="pmatrix__stock" data-testid={`${testId}-stock`} title={cell.active ? undefined : t('catalog.editor.inactive')}>
        {cell.stock}
        {!cell.active && <span className="badge">{t('catalog.editor.inactive')}</span>}
      </span>
    );
  }
  return (
    <input
      className="input pmatrix__input"
      data-testid={`${testId}-opening`}
      aria-label={t('catalog.editor.cellOpening', { cell: label })}
      inputMode="numeric"
      maxLength={7}
      placeholder="0"
      value={cell.openingStock}
      onChange={(e) => onChange({ openingStock: e.target.value.replace(/\D/g, '') })}
    />
  );
}
