import { code128, drawingSVG, ean13 } from 'bwip-js/browser';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LABEL_SHEETS, LABEL_SHEET_NAMES, type LabelSheet } from '../../../shared/catalog/labels';
import type { ErrorInfo } from '../../../shared/errors';
import type { LabelDto } from '../../../shared/ipc/dto-catalog';
import { Dialog } from '../../components/Dialog';
import { useCatalog } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

export type LabelSource = { items: { variantId: number; copies: number }[] } | { receiptRef: string };

/** Label printer sizes at 203 dpi: width x height in dots. */
const ZPL_SIZES = { '50x25': [406, 203], '57x32': [456, 256], '100x50': [812, 406] } as const;
type ZplSize = keyof typeof ZPL_SIZES;

const SHEET_KEY = 'pos.labels.sheet';
const ZPL_KEY = 'pos.labels.zpl';

function stored<T extends string>(key: string, allowed: readonly T[], fallback: T): T {
  try {
    const value = localStorage.getItem(key);
    return allowed.includes(value as T) ? (value as T) : fallback;
  } catch {
    return fallback;
  }
}

function remember(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage full: the choice just is not remembered.
  }
}

/** The barcode as an SVG data URL (allowed by the CSP's img-src data:). */
function barcodeSvg(code: string): string | null {
  try {
    const opts = { text: code, scale: 2, height: 8, includetext: true, textxalign: 'center' as const };
    const svg = /^\d{13}$/.test(code) ? ean13({ bcid: 'ean13', ...opts }, drawingSVG()) : code128({ bcid: 'code128', ...opts }, drawingSVG());
    return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  } catch {
    return null;
  }
}

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fromBase64 = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/**
 * Barcode labels for chosen variants or a goods receipt: an on-screen
 * preview of each label, then an A4 sheet PDF (with labels to skip on a
 * part-used sheet) or ZPL for a thermal label printer.
 */
export function LabelsDialog({ source, onClose }: { source: LabelSource; onClose: () => void }) {
  const { t } = useTranslation();
  const api = useCatalog((s) => s.api);
  const [labels, setLabels] = useState<LabelDto[] | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [sheet, setSheet] = useState<LabelSheet>(() => stored(SHEET_KEY, LABEL_SHEET_NAMES, 'a4-3x8'));
  const [zplSize, setZplSize] = useState<ZplSize>(() => stored(ZPL_KEY, Object.keys(ZPL_SIZES) as ZplSize[], '50x25'));
  const [skip, setSkip] = useState(0);
  const [busy, setBusy] = useState<'pdf' | 'zpl' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const sourceKey = JSON.stringify(source);

  useEffect(() => {
    let live = true;
    void api.catalog.labels({ source: JSON.parse(sourceKey) as LabelSource }).then((result) => {
      if (!live) return;
      if (result.ok) setLabels(result.value);
      else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [api, sourceKey]);

  const images = useMemo(() => new Map((labels ?? []).map((l) => [l.barcode, barcodeSvg(l.barcode)])), [labels]);
  const count = labels?.reduce((n, l) => n + l.copies, 0) ?? 0;
  const perSheet = LABEL_SHEETS[sheet].columns * LABEL_SHEETS[sheet].rows;

  const pdf = async () => {
    setBusy('pdf');
    setDone(null);
    const result = await api.catalog.labelsPdf({ source, sheet, skip: Math.min(skip, perSheet - 1) });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    download(`labels-${sheet}.pdf`, new Blob([fromBase64(result.value.base64)], { type: 'application/pdf' }));
    setDone(t('catalog.labels.pdfDone', { count: result.value.count, pages: result.value.pages }));
  };

  const zpl = async () => {
    setBusy('zpl');
    setDone(null);
    const [widthDots, heightDots] = ZPL_SIZES[zplSize];
    const result = await api.catalog.labelsZpl({ source, widthDots, heightDots });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    download(`labels-${zplSize}.zpl`, new Blob([result.value.zpl], { type: 'text/plain' }));
    setDone(t('catalog.labels.zplDone', { count: result.value.count }));
  };

  return (
    <Dialog testId="labels-dialog" size="large" title={t('catalog.labels.title', { count })} onClose={onClose}>
      <ErrorNote error={error} testId="labels-error" />
      {!labels && !error && <p>{t('app.loading')}</p>}
      {labels && (
        <>
          <div className="label-preview" data-testid="labels-preview" aria-label={t('catalog.labels.preview')}>
            {labels.map((l) => (
              <figure key={l.variantId} className="label-card" data-testid={`label-${l.barcode}`}>
                <div className="label-card__top">
                  <strong className="label-card__name">{l.name}</strong>
                  <strong className="label-card__price">{l.priceText}</strong>
                </div>
                <span className="label-card__variant">
                  {l.color} / {l.size}
                </span>
                {images.get(l.barcode) ? <img className="label-card__barcode" src={images.get(l.barcode) ?? ''} alt={l.barcode} /> : <span className="table__code">{l.barcode}</span>}
                <figcaption className="label-card__copies">{t('catalog.labels.copies', { count: l.copies })}</figcaption>
              </figure>
            ))}
          </div>
          <div className="labels-actions">
            <fieldset className="labels-actions__group">
              <legend>{t('catalog.labels.sheetHeading')}</legend>
              <label className="field__label" htmlFor="labels-sheet">
                {t('catalog.labels.sheet')}
              </label>
              <select
                id="labels-sheet"
                className="input"
                data-testid="labels-sheet"
                value={sheet}
                onChange={(e) => {
                  const next = e.target.value as LabelSheet;
                  setSheet(next);
                  remember(SHEET_KEY, next);
                }}
              >
                {LABEL_SHEET_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t('catalog.labels.sheetOption', { columns: LABEL_SHEETS[name].columns, rows: LABEL_SHEETS[name].rows, width: LABEL_SHEETS[name].width, height: LABEL_SHEETS[name].height })}
                  </option>
                ))}
              </select>
              <label className="field__label" htmlFor="labels-skip">
                {t('catalog.labels.skip')}
              </label>
              <input id="labels-skip" className="input" data-testid="labels-skip" type="number" min={0} max={perSheet - 1} value={skip} onChange={(e) => setSkip(Math.max(0, Math.min(perSheet - 1, Math.trunc(Number(e.target.value) || 0))))} />
              <button type="button" className="button button--primary" data-testid="labels-pdf" disabled={busy !== null} onClick={() => void pdf()}>
                {busy === 'pdf' ? t('catalog.labels.working') : t('catalog.labels.pdf')}
              </button>
            </fieldset>
            <fieldset className="labels-actions__group">
              <legend>{t('catalog.labels.zplHeading')}</legend>
              <label className="field__label" htmlFor="labels-zpl-size">
                {t('catalog.labels.zplSize')}
              </label>
              <select
                id="labels-zpl-size"
                className="input"
                data-testid="labels-zpl-size"
                value={zplSize}
                onChange={(e) => {
                  const next = e.target.value as ZplSize;
                  setZplSize(next);
                  remember(ZPL_KEY, next);
                }}
              >
                {(Object.keys(ZPL_SIZES) as ZplSize[]).map((size) => (
                  <option key={size} value={size}>
                    {size.replace('x', ' x ')} mm
                  </option>
                ))}
              </select>
              <button type="button" className="button" data-testid="labels-zpl" disabled={busy !== null} onClick={() => void zpl()}>
                {busy === 'zpl' ? t('catalog.labels.working') : t('catalog.labels.zpl')}
              </button>
            </fieldset>
          </div>
          {done && (
            <p className="notice" role="status" data-testid="labels-done">
              {done}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
