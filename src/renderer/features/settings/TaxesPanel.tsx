import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';
import { TaxRateSchema } from '../../../shared/ipc/contract';
import type { TaxRateDto } from '../../../shared/ipc/dto';
import { Dialog } from '../../components/Dialog';
import { setServerIssues } from '../../lib/form-errors';
import { formatBasisPointsInput, formatPercent, parseBasisPointsInput } from '../../lib/money-input';
import { useLocale } from '../../lib/use-locale';
import { useSettings, useStatus } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { rateLabel } from './rate-label';

/** Tax rates (add, edit, deactivate) and which rate each category uses. */
export function TaxesPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const rates = useSettings((s) => s.rates);
  const loadRates = useSettings((s) => s.loadRates);
  const defaultTaxCode = useStatus((s) => s.settings?.defaultTaxCode);
  /** The rate being edited; 'new' for a new one. */
  const [editing, setEditing] = useState<TaxRateDto | 'new' | null>(null);

  return (
    <div className="settings-panel">
      <section className="settings-section" aria-labelledby="tax-rates-title">
        <div className="settings-section__head">
          <h2 id="tax-rates-title" className="settings-section__title">
            {t('settings.taxes.ratesHeading')}
          </h2>
          <button type="button" className="button" data-testid="tax-add" onClick={() => setEditing('new')}>
            + {t('settings.taxes.add')}
          </button>
        </div>
        <ListError error={rates.status === 'error' ? rates.error : null} testId="tax-rates-error" onRetry={() => void loadRates()} />
        <table className="table" data-testid="tax-rates">
          <thead>
            <tr>
              <th scope="col">{t('settings.taxes.code')}</th>
              <th scope="col">{t('settings.taxes.name')}</th>
              <th scope="col" className="table__num">
                {t('settings.taxes.rate')}
              </th>
              <th scope="col">{t('settings.taxes.active')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('settings.taxes.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.items.map((rate) => (
              <tr key={rate.code} data-testid={`tax-row-${rate.code}`} className={rate.active ? undefined : 'table__row--muted'}>
                <th scope="row" className="table__code">
                  {rate.code}
                  {rate.code === defaultTaxCode && <span className="badge">{t('settings.taxes.isDefault')}</span>}
                </th>
                <td>{rate.name}</td>
                <td className="table__num">{formatPercent(rate.rateBp, locale)}</td>
                <td>{rate.active ? t('settings.yes') : t('settings.taxes.inactive')}</td>
                <td className="table__actions">
                  <button type="button" className="button button--quiet" data-testid={`tax-edit-${rate.code}`} aria-label={t('settings.taxes.editLabel', { code: rate.code })} onClick={() => setEditing(rate)}>
                    {t('settings.taxes.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {rates.status === 'ready' && rates.items.length === 0 && <p className="notice">{t('settings.taxes.empty')}</p>}
      </section>

      <CategoryTaxes />

      {editing && <TaxRateDialog rate={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** A list that failed to load, with a retry. */
export function ListError({ error, testId, onRetry }: { error: ErrorInfo | null; testId: string; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="settings-list-error">
      <ErrorNote error={error} testId={testId} />
      <button type="button" className="button button--quiet" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

const RATE_FIELDS = ['code', 'name', 'rateBp', 'active'] as const;
type RateField = (typeof RATE_FIELDS)[number];
/** What the dialog's fields hold: the rate as typed ("8,25"), the rest as the contract has them. */
type RateDraft = { code: string; name: string; rateBp: string; active: boolean };

/**
 * The contract's TaxRateSchema over what the dialog holds: the percent typed
 * is parsed here (locale decimals), its range and every other rule are the
 * schema's. Two facts the screen knows are checked too: a new code must not be
 * taken, and the store's default rate stays active.
 */
function rateFormSchema(locale: string, context: { isNew: boolean; takenCodes: readonly string[]; defaultTaxCode: string | undefined }) {
  const S = TaxRateSchema.shape;
  return z
    .object({
      code: S.code.refine((code) => !context.isNew || !context.takenCodes.includes(code), { message: 'taken' }),
      name: S.name,
      rateBp: z
        .string()
        .transform((text, ctx) => {
          const bp = parseBasisPointsInput(text, locale);
          if (bp === null) ctx.addIssue({ code: 'custom', message: 'not a percent', input: text });
          return bp ?? z.NEVER;
        })
        .pipe(S.rateBp),
      active: S.active,
    })
    .refine((rate) => rate.active || rate.code !== context.defaultTaxCode, { path: ['active'], message: 'default' });
}

/** Add a rate, or edit one (its code is fixed: main upserts by code). */
function TaxRateDialog({ rate, onClose }: { rate: TaxRateDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rates = useSettings((s) => s.rates.items);
  const saveRate = useSettings((s) => s.saveRate);
  const defaultTaxCode = useStatus((s) => s.settings?.defaultTaxCode);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const schema = rateFormSchema(locale, { isNew: rate === null, takenCodes: rates.map((r) => r.code), defaultTaxCode });
  const {
    register,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<RateDraft, unknown, TaxRateDto>({
    resolver: zodResolver(schema),
    defaultValues: { code: rate?.code ?? '', name: rate?.name ?? '', rateBp: rate ? formatBasisPointsInput(rate.rateBp, locale) : '', active: rate?.active ?? true },
    reValidateMode: 'onSubmit',
  });
  const field = (name: RateField) => register(name, { onChange: () => clearErrors(name) });
  const code = field('code');

  const errorText = (name: RateField): string | undefined => {
    const error = errors[name];
    if (!error) return undefined;
    if (name === 'active') return t('settings.taxes.errors.deactivateDefault');
    if (name === 'code' && error.message === 'taken') return t('settings.taxes.errors.codeTaken');
    return t(`settings.taxes.errors.${name}`);
  };

  const submit = handleSubmit(
    async (input) => {
      setFailure(null);
      const result = await saveRate(input);
      if (result.ok) {
        onClose();
        return;
      }
      const { error } = result;
      // Main's CONFLICT: the rate became the store default elsewhere.
      if (error.code === 'CONFLICT') setError('active', { type: error.code, message: error.message });
      else if (error.code !== 'VALIDATION' || setServerIssues(error, RATE_FIELDS, setError).length === 0) setFailure(error);
    },
    () => setFailure(null),
  );

  return (
    <Dialog testId="tax-dialog" title={rate ? t('settings.taxes.editTitle', { code: rate.code }) : t('settings.taxes.addTitle')} onClose={onClose} size="small">
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <Field label={t('settings.taxes.code')} htmlFor="tax-code" error={errorText('code')} errorTestId="tax-error-code">
          <input
            {...code}
            id="tax-code"
            className="input"
            data-testid="tax-code"
            autoComplete="off"
            maxLength={12}
            disabled={rate !== null}
            aria-invalid={Boolean(errors.code)}
            aria-describedby="tax-code-hint"
            onChange={(event) => {
              event.target.value = event.target.value.toUpperCase().replace(/\s/g, '_');
              return code.onChange(event);
            }}
          />
          <p className="form__hint" id="tax-code-hint">
            {t('settings.taxes.codeHint')}
          </p>
        </Field>
        <Field label={t('settings.taxes.name')} htmlFor="tax-name" error={errorText('name')} errorTestId="tax-error-name">
          <input {...field('name')} id="tax-name" className="input" data-testid="tax-name" autoComplete="off" maxLength={40} aria-invalid={Boolean(errors.name)} />
        </Field>
        <Field label={t('settings.taxes.rateLabel')} htmlFor="tax-rate" error={errorText('rateBp')} errorTestId="tax-error-rateBp">
          <input {...field('rateBp')} id="tax-rate" className="input" data-testid="tax-rate" inputMode="decimal" autoComplete="off" maxLength={6} aria-invalid={Boolean(errors.rateBp)} />
        </Field>
        <div className={errors.active ? 'field field--invalid' : 'field'}>
          <label className="switch" htmlFor="tax-active">
            <input {...field('active')} id="tax-active" type="checkbox" role="switch" className="switch__input" data-testid="tax-active" />
            <span className="switch__track" aria-hidden="true" />
            <span className="switch__label">{t('settings.taxes.activeLabel')}</span>
          </label>
          {errors.active && (
            <p className="field__error" role="alert" data-testid="tax-error-active">
              {errorText('active')}
            </p>
          )}
        </div>
        <ErrorNote error={failure} testId="tax-save-error" />
        <div className="form__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button button--primary" data-testid="tax-save" disabled={isSubmitting}>
            {isSubmitting ? t('settings.store.saving') : t('settings.taxes.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** One select per category: a rate of its own, or the store default. Each change saves at once. */
function CategoryTaxes() {
  const { t } = useTranslation();
  const locale = useLocale();
  const categories = useSettings((s) => s.categories);
  const rates = useSettings((s) => s.rates.items);
  const loadCategories = useSettings((s) => s.loadCategories);
  const assignCategory = useSettings((s) => s.assignCategory);
  const defaultTaxCode = useStatus((s) => s.settings?.defaultTaxCode) ?? '';
  const [rowState, setRowState] = useState<Record<number, { status: 'saving' | 'saved' } | { status: 'failed'; error: ErrorInfo }>>({});

  useEffect(() => {
    void loadCategories();
  }, [loadCategories]);

  const rateText = (code: string) => {
    const rate = rates.find((r) => r.code === code);
    return rate ? rateLabel(rate, locale) : code;
  };

  const assign = async (id: number, taxCode: string | null) => {
    setRowState((s) => ({ ...s, [id]: { status: 'saving' } }));
    const result = await assignCategory(id, taxCode);
    setRowState((s) => ({ ...s, [id]: result.ok ? { status: 'saved' } : { status: 'failed', error: result.error } }));
  };

  const active = rates.filter((r) => r.active);

  return (
    <section className="settings-section" aria-labelledby="category-taxes-title">
      <h2 id="category-taxes-title" className="settings-section__title">
        {t('settings.taxes.categoriesHeading')}
      </h2>
      <p className="form__hint">{t('settings.taxes.categoriesHint')}</p>
      <ListError error={categories.status === 'error' ? categories.error : null} testId="categories-error" onRetry={() => void loadCategories()} />
      {categories.status === 'ready' && categories.items.length === 0 && <p className="notice">{t('settings.taxes.noCategories')}</p>}
      {categories.items.length > 0 && (
        <table className="table" data-testid="category-taxes">
          <thead>
            <tr>
              <th scope="col">{t('settings.taxes.category')}</th>
              <th scope="col" className="table__num">
                {t('settings.taxes.products')}
              </th>
              <th scope="col">{t('settings.taxes.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {categories.items.map((category) => {
              const state = rowState[category.id];
              const ownInactive = category.taxCode !== null && !active.some((r) => r.code === category.taxCode);
              return (
                <tr key={category.id} data-testid={`category-row-${category.id}`}>
                  <th scope="row">{category.name}</th>
                  <td className="table__num">{category.productCount}</td>
                  <td>
                    <div className="category-tax">
                      <select
                        className="input"
                        data-testid={`category-tax-${category.id}`}
                        aria-label={t('settings.taxes.taxOf', { name: category.name })}
                        value={category.taxCode ?? ''}
                        disabled={state?.status === 'saving'}
                        onChange={(event) => void assign(category.id, event.target.value || null)}
                      >
                        <option value="">{t('settings.taxes.storeDefault', { rate: rateText(defaultTaxCode) })}</option>
                        {active.map((rate) => (
                          <option key={rate.code} value={rate.code}>
                            {rateText(rate.code)}
                          </option>
                        ))}
                        {ownInactive && category.taxCode && <option value={category.taxCode}>{t('settings.taxes.inactiveOption', { rate: rateText(category.taxCode) })}</option>}
                      </select>
                      <span className="category-tax__status" role="status" data-testid={`category-status-${category.id}`}>
                        {state?.status === 'saved' ? `✓ ${t('settings.taxes.assigned')}` : ''}
                      </span>
                    </div>
                    {state?.status === 'failed' && <ErrorNote error={state.error} testId={`category-error-${category.id}`} />}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
