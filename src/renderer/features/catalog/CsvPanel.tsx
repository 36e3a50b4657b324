import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CSV_LIST_SEPARATOR, PRODUCT_CSV_COLUMNS, REQUIRED_CSV_COLUMNS, type CsvImportStatus } from '../../../shared/catalog/csv-columns';
import type { ErrorInfo } from '../../../shared/errors';
import { formatNumber } from '../../lib/format';
import { useLocale } from '../../lib/use-locale';
import { useCatalog } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

const POLL_MS = 250;

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Products in and out as CSV. An import is checked whole first: a file with
 * any bad row is reported row by row (row, column, reason) and nothing is
 * written; a good one is written in one go. A progress bar follows the checks.
 */
export function CsvPanel({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const api = useCatalog((s) => s.api);
  const [status, setStatus] = useState<CsvImportStatus | null>(null);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<number | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const running = status?.phase === 'validating' || status?.phase === 'writing';
  const jobId = running ? status.jobId : null;

  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const timer = setInterval(() => {
      void api.catalog.importStatus({ jobId }).then((r) => {
        if (!live) return;
        if (!r.ok) return setError(r.error);
        setStatus(r.value);
        if (r.value.phase === 'done') onImported();
      });
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, jobId, onImported]);

  const start = async (chosen: File) => {
    setError(null);
    setStatus(null);
    setFileName(chosen.name);
    const text = await chosen.text();
    const r = await api.catalog.importStart({ text });
    if (r.ok) setStatus(r.value);
    else setError(r.error);
    if (file.current) file.current.value = '';
  };

  const exportAll = async () => {
    setExporting(true);
    setExported(null);
    const r = await api.catalog.exportCsv();
    setExporting(false);
    if (!r.ok) return setError(r.error);
    download(`products-${new Date().toISOString().slice(0, 10)}.csv`, r.value.csv);
    setExported(r.value.rows);
  };

  const percent = status && status.total > 0 ? Math.round((status.done / status.total) * 100) : 0;

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="csv-import-title">
        <h2 id="csv-import-title" className="settings-section__title">
          {t('catalog.csv.importTitle')}
        </h2>
        <p className="form__hint">{t('catalog.csv.importHint', { separator: CSV_LIST_SEPARATOR })}</p>
        <p className="form__hint csv-columns" data-testid="csv-columns">
          {PRODUCT_CSV_COLUMNS.map((c) => (REQUIRED_CSV_COLUMNS.includes(c) ? `${c}*` : c)).join(', ')}
        </p>
        <div className="csv-actions">
          <label className={running ? 'button button--primary button--disabled' : 'button button--primary'}>
            {t('catalog.csv.chooseFile')}
            <input
              ref={file}
              type="file"
              accept=".csv,text/csv"
              className="visually-hidden"
              data-testid="csv-file"
              disabled={running}
              onChange={(e) => {
                const chosen = e.target.files?.[0];
                if (chosen) void start(chosen);
              }}
            />
          </label>
          {fileName && <span className="csv-file-name">{fileName}</span>}
        </div>
        <ErrorNote error={error} testId="csv-error" />
        {status && (
          <div className="csv-status" data-testid="csv-status" data-phase={status.phase}>
            {running && (
              <>
                <progress className="csv-progress" max={100} value={status.phase === 'writing' ? undefined : percent} aria-label={t('catalog.csv.progress')} data-testid="csv-progress" />
                <p role="status">
                  {status.phase === 'writing'
                    ? t('catalog.csv.writing')
                    : t('catalog.csv.checking', { done: formatNumber(status.done, locale), total: formatNumber(status.total, locale), percent })}
                </p>
              </>
            )}
            {status.phase === 'done' && status.result && (
              <p className="notice notice--ok" role="status" data-testid="csv-done">
                {t('catalog.csv.done', {
                  created: status.result.productsCreated,
                  updated: status.result.productsUpdated,
                  variants: status.result.variantsCreated,
                  units: status.result.stockUnits,
                })}
                {status.result.stockIgnored > 0 && ` ${t('catalog.csv.stockIgnored', { count: status.result.stockIgnored })}`}
              </p>
            )}
            {status.phase === 'failed' && (
              <p className="dialog__error" role="alert" data-testid="csv-failed">
                {t('catalog.csv.failed', { reason: status.failure ?? '' })}
              </p>
            )}
            {status.phase === 'invalid' && (
              <>
                <p className="dialog__error" role="alert" data-testid="csv-invalid">
                  {t('catalog.csv.invalid', { count: status.errorCount })}
                </p>
                <div className="csv-report">
                  <table className="table" data-testid="csv-report">
                    <thead>
                      <tr>
                        <th scope="col" className="table__num">
                          {t('catalog.csv.row')}
                        </th>
                        <th scope="col">{t('catalog.csv.column')}</th>
                        <th scope="col">{t('catalog.csv.reason')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {status.errors.map((e, i) => (
                        <tr key={i} data-testid={`csv-error-row-${e.row}`}>
                          <td className="table__num">{e.row}</td>
                          <td className="table__code">{e.column}</td>
                          <td>{e.reason}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {status.errorCount > status.errors.length && <p className="form__hint">{t('catalog.csv.moreErrors', { count: status.errorCount - status.errors.length })}</p>}
              </>
            )}
          </div>
        )}
      </section>
      <section className="settings-section" aria-labelledby="csv-export-title">
        <h2 id="csv-export-title" className="settings-section__title">
          {t('catalog.csv.exportTitle')}
        </h2>
        <p className="form__hint">{t('catalog.csv.exportHint')}</p>
        <div className="csv-actions">
          <button type="button" className="button" data-testid="csv-export" disabled={exporting} onClick={() => void exportAll()}>
            {exporting ? t('catalog.csv.exporting') : t('catalog.csv.export')}
          </button>
          {exported !== null && (
            <span role="status" data-testid="csv-exported">
              {t('catalog.csv.exported', { count: exported, formatted: formatNumber(exported, locale) })}
            </span>
          )}
        </div>
      </section>
    </div>
  );
}
