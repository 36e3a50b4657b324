import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo, Result } from '../../../shared/errors';
import type { AuditEntryDto, AuditFacets, AuditPage } from '../../../shared/ipc/dto-staff';
import { useLocale } from '../../lib/use-locale';
import { usePos } from '../../stores/stores-context';
import { ErrorNote } from '../sell/FormBits';

interface Filters {
  staffId: string;
  action: string;
  entity: string;
  entityId: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { staffId: '', action: '', entity: '', entityId: '', from: '', to: '' };
const PAGE = 100;

/** "sale.completed" and "sale." (every sale action) from the actions the log holds. */
function actionChoices(actions: string[]): string[] {
  const prefixes = [...new Set(actions.map((a) => `${a.split('.')[0]}.`))];
  return [...prefixes, ...actions].sort();
}

function queryOf(f: Filters) {
  return {
    staffId: f.staffId ? Number(f.staffId) : null,
    action: f.action || null,
    entity: f.entity || null,
    entityId: f.entityId.trim() || null,
    from: f.from || null,
    to: f.to || null,
    limit: PAGE,
  };
}

/** Who did what and when, newest first, filtered by user, action, entity and dates; older pages on demand. */
export function AuditPanel() {
  const { t } = useTranslation();
  const pos = usePos();
  const locale = useLocale();
  const [facets, setFacets] = useState<AuditFacets>({ staff: [], actions: [], entities: [] });
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [entries, setEntries] = useState<AuditEntryDto[]>([]);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  const show = useCallback((result: Result<AuditPage>, appended: boolean) => {
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setEntries((old) => (appended ? [...old, ...result.value.entries] : result.value.entries));
    setNextBefore(result.value.nextBefore);
  }, []);

  const run = async (f: Filters, before: number | null) => {
    setLoading(true);
    setFailure(null);
    show(await pos.audit.list({ ...queryOf(f), before }), before !== null);
  };

  useEffect(() => {
    let live = true;
    void pos.audit.facets().then((r) => live && r.ok && setFacets(r.value));
    void pos.audit.list(queryOf(NO_FILTERS)).then((r) => live && show(r, false));
    return () => {
      live = false;
    };
  }, [pos, show]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(filters, null);
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="audit-title">
        <h2 id="audit-title" className="settings-section__title">
          {t('audit.heading')}
        </h2>
        <form className="filters" onSubmit={submit} data-testid="audit-filters">
          <label className="filters__field">
            <span className="field__label">{t('audit.user')}</span>
            <select className="input" value={filters.staffId} onChange={set('staffId')} data-testid="audit-user">
              <option value="">{t('audit.anyUser')}</option>
              {facets.staff.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.displayName}
                </option>
              ))}
            </select>
          </label>
          <label className="filters__field">
            <span className="field__label">{t('audit.action')}</span>
            <select className="input" value={filters.action} onChange={set('action')} data-testid="audit-action">
              <option value="">{t('audit.anyAction')}</option>
              {actionChoices(facets.actions).map((a) => (
                <option key={a} value={a}>
                  {a.endsWith('.') ? `${a}*` : a}
                </option>
              ))}
            </select>
          </label>
          <label className="filters__field">
            <span className="field__label">{t('audit.entity')}</span>
            <select className="input" value={filters.entity} onChange={set('entity')} data-testid="audit-entity">
              <option value="">{t('audit.anyEntity')}</option>
              {facets.entities.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </select>
          </label>
          <label className="filters__field">
            <span className="field__label">{t('audit.entityId')}</span>
            <input className="input" value={filters.entityId} onChange={set('entityId')} data-testid="audit-entity-id" maxLength={64} />
          </label>
          <label className="filters__field">
            <span className="field__label">{t('audit.from')}</span>
            <input className="input" type="date" value={filters.from} onChange={set('from')} data-testid="audit-from" />
          </label>
          <label className="filters__field">
            <span className="field__label">{t('audit.to')}</span>
            <input className="input" type="date" value={filters.to} onChange={set('to')} data-testid="audit-to" />
          </label>
          <div className="filters__actions">
            <button type="submit" className="button button--primary" data-testid="audit-apply">
              {t('audit.apply')}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setFilters(NO_FILTERS);
                void run(NO_FILTERS, null);
              }}
            >
              {t('audit.clear')}
            </button>
          </div>
        </form>
        <ErrorNote error={failure} testId="audit-error" />
        <table className="table" data-testid="audit-list" aria-busy={loading}>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.user')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td className="table__code">{when.format(new Date(e.occurredAt))}</td>
                <td>{e.staffName ?? t('audit.system')}</td>
                <td className="table__code">{e.action}</td>
                <td className="table__code">
                  {e.entity ?? ''} {e.entityId && <span className="table__note">{e.entityId}</span>}
                </td>
                <td className="audit-details">{detailsText(e.details, t('audit.before'), t('audit.after'))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && entries.length === 0 && <p className="notice">{t('audit.empty')}</p>}
        {nextBefore !== null && (
          <button type="button" className="button" data-testid="audit-more" disabled={loading} onClick={() => void run(filters, nextBefore)}>
            {t('audit.more')}
          </button>
        )}
      </section>
    </div>
  );
}

/** Before/after as "field: old → new", other facts as "key: value". */
function detailsText(details: Record<string, unknown> | null, beforeLabel: string, afterLabel: string): string {
  if (!details) return '';
  const { before, after, ...rest } = details as { before?: Record<string, unknown>; after?: Record<string, unknown> } & Record<string, unknown>;
  const parts: string[] = [];
  const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (before || after) {
    const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
    if (before && after) for (const k of keys) parts.push(`${k}: ${show(before[k])} → ${show(after[k])}`);
    else if (after) parts.push(`${afterLabel}: ${show(after)}`);
    else parts.push(`${beforeLabel}: ${show(before)}`);
  }
  for (const [k, v] of Object.entries(rest)) parts.push(`${k}: ${show(v)}`);
  return parts.join(' · ');
}
