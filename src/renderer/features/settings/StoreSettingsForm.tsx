import { zodResolver } from '@hookform/resolvers/zod';
import { Fragment, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import type { StoreSettings, TaxRateDto } from '../../../shared/ipc/dto';
import { Kbd } from '../../components/Kbd';
import { setServerIssues } from '../../lib/form-errors';
import { ariaShortcut, shortcutLabel, useShortcuts, type Bindings } from '../../lib/shortcuts';
import { useLocale } from '../../lib/use-locale';
import { useSettings, useStatus } from '../../stores/stores-context';
import { ErrorNote, Field } from '../sell/FormBits';
import { rateLabel } from './rate-label';
import { CURRENCIES, draftOf, LOCALES, patchOf, RECEIPT_COLUMNS, RECEIPT_LINE_MAX, RECEIPT_MAX_LINES, receiptProblem, STORE_FIELDS, storeDraftSchema, type StoreDraft, type StoreField } from './store-draft';

/** Save the store settings: Ctrl+S (⌘S on a Mac). */
export const SAVE_BINDING = '$mod+S';
const OTHER_CURRENCY = 'other';

/** Where each field's input is: its id, and the test id of `setting-<field>`. */
const inputId = (field: string) => `setting-input-${field}`;

/** Names of currencies and locales in the UI language ("peso colombiano", "español (Colombia)"). */
function useDisplayNames() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(() => {
    const make = (type: 'currency' | 'language') => {
      try {
        return new Intl.DisplayNames([language], { type });
      } catch {
        return null;
      }
    };
    const currencies = make('currency');
    const languages = make('language');
    const name = (names: Intl.DisplayNames | null, code: string) => {
      try {
        return names?.of(code) ?? code;
      } catch {
        return code;
      }
    };
    return { currency: (code: string) => name(currencies, code), locale: (code: string) => name(languages, code) };
  }, [language]);
}

/** The store's settings as a form (managers and admins). */
export function StoreSettingsForm({ settings, active }: { settings: StoreSettings; active: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = useDisplayNames();
  const saveSettings = useStatus((s) => s.saveSettings);
  const rates = useSettings((s) => s.rates.items);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [feedback, setFeedback] = useState<'saved' | 'unchanged' | null>(null);
  // The schema reads money in the currency the draft has: built per check, over the values being checked.
  const resolver = useMemo<Resolver<StoreDraft, unknown, StoreSettings>>(() => (values, context, options) => zodResolver(storeDraftSchema(locale, values.currency))(values, context, options), [locale]);
  const {
    control: formControl,
    setValue,
    reset,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors: problems, isSubmitting: saving },
  } = useForm<StoreDraft, unknown, StoreSettings>({
    resolver,
    defaultValues: draftOf(settings, locale),
    // Typing clears a field's problem; the form is judged again when saved. The first problem's field takes focus (below).
    reValidateMode: 'onSubmit',
    shouldFocusError: false,
  });
  const draft = useWatch({ control: formControl }) as StoreDraft;
  const form = useRef<HTMLFormElement>(null);
  const currencyInput = useRef<HTMLInputElement>(null);
  /** "Other…" was just chosen: the code field appears and takes focus. */
  const focusCurrencyCode = useRef(false);

  useEffect(() => {
    if (!focusCurrencyCode.current || !currencyInput.current) return;
    focusCurrencyCode.current = false;
    currencyInput.current.focus();
  });

  const set = <K extends keyof StoreDraft>(key: K, value: StoreDraft[K]) => {
    setValue(key, value as never);
    clearErrors(key);
    setFeedback(null);
  };

  const problemText = (field: StoreField): string | null => {
    if (!problems[field]) return null;
    const problem = field === 'receiptHeader' || field === 'receiptFooter' ? receiptProblem(draft[field]) : null;
    if (problem?.kind === 'tooManyLines') return t('settings.store.errors.receiptTooManyLines', { n: problem.n });
    if (problem?.kind === 'lineTooLong') return t('settings.store.errors.receiptLineTooLong', { line: problem.line, length: problem.length });
    return t(`settings.store.errors.${field}`);
  };

  /** The field whose error was just shown: it takes focus once the error is on screen. */
  const [focusRequest, setFocusRequest] = useState<{ field: string; seq: number } | null>(null);
  useEffect(() => {
    if (!focusRequest) return;
    const target = form.current?.querySelector<HTMLElement>(`[data-field="${focusRequest.field}"]`);
    target?.focus({ preventScroll: true });
    // The whole field, error included, clear of the sticky save bar.
    target?.closest('.field')?.scrollIntoView?.({ block: 'center' });
  }, [focusRequest]);

  const focusFirstProblem = (found: FieldErrors<StoreDraft> | readonly StoreField[]) => {
    const first = STORE_FIELDS.find((f) => (Array.isArray(found) ? found.includes(f) : (found as FieldErrors<StoreDraft>)[f]));
    if (first) setFocusRequest((r) => ({ field: first, seq: (r?.seq ?? 0) + 1 }));
  };

  const save = async (next: StoreSettings) => {
    setFailure(null);
    setFeedback(null);
    const patch = patchOf(next, settings);
    if (Object.keys(patch).length === 0) {
      setFeedback('unchanged');
      return;
    }
    const result = await saveSettings(patch);
    if (result.ok) {
      reset(draftOf(result.value, locale));
      setFeedback('saved');
      return;
    }
    const found = result.error.code === 'VALIDATION' ? setServerIssues(result.error, STORE_FIELDS, setError) : [];
    if (found.length > 0) focusFirstProblem(found);
    else setFailure(result.error);
  };

  const submit = handleSubmit(save, (found) => {
    setFailure(null);
    setFeedback(null);
    focusFirstProblem(found);
  });

  const bindings = useMemo<Bindings>(() => {
    const map: Bindings = {};
    if (active) {
      map[SAVE_BINDING] = (event) => {
        event.preventDefault();
        form.current?.requestSubmit();
      };
    }
    return map;
  }, [active]);
  useShortcuts(bindings);

  /** A labelled control with its hint and its error underneath. */
  const field = (name: StoreField, label: string, control: ReactNode, hint?: string) => (
    <Field label={label} htmlFor={inputId(name)} error={problemText(name)} errorTestId={`settings-error-${name}`}>
      {control}
      {hint && (
        <p className="form__hint" id={`${inputId(name)}-hint`}>
          {hint}
        </p>
      )}
    </Field>
  );

  /** Props every text control shares. */
  const control = (name: StoreField, testField: string = name, hint = false) => ({
    id: inputId(name),
    'data-testid': `setting-${testField}`,
    'data-field': name,
    'aria-invalid': Boolean(problems[name]),
    'aria-describedby': [hint ? `${inputId(name)}-hint` : null, problems[name] ? `${inputId(name)}-error` : null].filter(Boolean).join(' ') || undefined,
  });

  const knownCurrency = (CURRENCIES as readonly string[]).includes(draft.currency);
  const activeRates = rates.filter((r) => r.active);
  // The saved default stays listed even if main no longer reports it as active.
  const rateOptions: Array<TaxRateDto | { code: string }> = activeRates.some((r) => r.code === draft.defaultTaxCode) || !draft.defaultTaxCode ? activeRates : [...activeRates, { code: draft.defaultTaxCode }];
  const localeOptions: string[] = (LOCALES as readonly string[]).includes(draft.locale) ? [...LOCALES] : [...LOCALES, draft.locale];
  const columns = { 32: t('settings.store.columns32'), 42: t('settings.store.columns42'), 48: t('settings.store.columns48') } as const;

  return (
    <form ref={form} className="form settings-form" data-testid="settings-store-form" noValidate onSubmit={(event) => {
        if (saving) event.preventDefault();
        else void submit(event);
      }}
    >
      <fieldset className="settings-section">
        <legend className="settings-section__title">{t('settings.store.storeHeading')}</legend>
        <div className="form__grid">
          {field('storeName', t('settings.store.storeName'), <input {...control('storeName')} className="input" autoComplete="off" maxLength={80} value={draft.storeName} onChange={(e) => set('storeName', e.target.value)} />)}
          {field(
            'registerCode',
            t('settings.store.registerCode'),
            <input {...control('registerCode', 'registerCode', true)} className="input" autoComplete="off" autoCapitalize="characters" maxLength={6} value={draft.registerCode} onChange={(e) => set('registerCode', e.target.value.toUpperCase())} />,
            t('settings.store.registerCodeHint'),
          )}
          {field(
            'currency',
            t('settings.store.currency'),
            <>
              <select
                {...control('currency', 'currency', draft.currency !== settings.currency)}
                data-field={knownCurrency ? 'currency' : undefined}
                className="input"
                value={knownCurrency ? draft.currency : OTHER_CURRENCY}
                onChange={(e) => {
                  if (e.target.value === OTHER_CURRENCY) {
                    focusCurrencyCode.current = true;
                    set('currency', '');
                  } else set('currency', e.target.value);
                }}
              >
                {CURRENCIES.map((code) => (
                  <option key={code} value={code}>
                    {code} · {names.currency(code)}
                  </option>
                ))}
                <option value={OTHER_CURRENCY}>{t('settings.store.currencyOther')}</option>
              </select>
              {!knownCurrency && (
                <input
                  ref={currencyInput}
                  className="input"
                  data-testid="setting-currency-other"
                  data-field="currency"
                  aria-label={t('settings.store.currencyCode')}
                  aria-invalid={Boolean(problems.currency)}
                  autoComplete="off"
                  maxLength={3}
                  value={draft.currency}
                  onChange={(e) => set('currency', e.target.value.toUpperCase().replace(/[^A-Z]/g, ''))}
                />
              )}
            </>,
            draft.currency !== settings.currency ? t('settings.store.currencyChangeHint') : undefined,
          )}
          {field(
            'locale',
            t('settings.store.locale'),
            <select {...control('locale', 'locale', true)} className="input" value={draft.locale} onChange={(e) => set('locale', e.target.value)}>
              {localeOptions.map((code) => (
                <option key={code} value={code}>
                  {code} · {names.locale(code)}
                </option>
              ))}
            </select>,
            t('settings.store.localeHint'),
          )}
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend className="settings-section__title">{t('settings.store.salesHeading')}</legend>
        <div className="form__grid">
          <div className="field switch-field">
            <label className="switch" htmlFor={inputId('pricesIncludeTax')}>
              <input {...control('pricesIncludeTax', 'pricesIncludeTax', true)} type="checkbox" role="switch" className="switch__input" checked={draft.pricesIncludeTax} onChange={(e) => set('pricesIncludeTax', e.target.checked)} />
              <span className="switch__track" aria-hidden="true" />
              <span className="switch__label">{t('settings.store.pricesIncludeTax')}</span>
            </label>
            <p className="form__hint" id={`${inputId('pricesIncludeTax')}-hint`}>
              {t('settings.store.pricesIncludeTaxHint')}
            </p>
          </div>
          {field(
            'defaultTaxCode',
            t('settings.store.defaultTaxCode'),
            <select {...control('defaultTaxCode', 'defaultTaxCode', true)} className="input" value={draft.defaultTaxCode} onChange={(e) => set('defaultTaxCode', e.target.value)}>
              {rateOptions.length === 0 && <option value={draft.defaultTaxCode}>{draft.defaultTaxCode}</option>}
              {rateOptions.map((r) => (
                <option key={r.code} value={r.code}>
                  {'rateBp' in r ? rateLabel(r, locale) : r.code}
                </option>
              ))}
            </select>,
            t('settings.store.defaultTaxCodeHint'),
          )}
          <fieldset className={problems.stockPolicy ? 'field field--invalid choice' : 'field choice'}>
            <legend className="field__label">{t('settings.store.stockPolicy')}</legend>
            <div className="choice__options">
              {(['warn', 'block'] as const).map((policy) => (
                <label key={policy} className="choice__option">
                  <input
                    type="radio"
                    name="stockPolicy"
                    value={policy}
                    data-testid={`setting-stockPolicy-${policy}`}
                    data-field={policy === 'warn' ? 'stockPolicy' : undefined}
                    checked={draft.stockPolicy === policy}
                    onChange={() => set('stockPolicy', policy)}
                  />
                  <span>{policy === 'warn' ? t('settings.store.stockWarn') : t('settings.store.stockBlock')}</span>
                </label>
              ))}
            </div>
            {problems.stockPolicy && (
              <p className="field__error" role="alert" data-testid="settings-error-stockPolicy">
                {problemText('stockPolicy')}
              </p>
            )}
          </fieldset>
          {field(
            'discountApprovalBp',
            t('settings.store.discountApproval'),
            <input {...control('discountApprovalBp', 'discountApprovalPct', true)} className="input" inputMode="decimal" autoComplete="off" maxLength={6} value={draft.discountApprovalBp} onChange={(e) => set('discountApprovalBp', e.target.value)} />,
            t('settings.store.discountApprovalHint'),
          )}
          {field(
            'cashRoundingIncrement',
            t('settings.store.cashRounding', { currency: draft.currency || settings.currency }),
            <input {...control('cashRoundingIncrement', 'cashRoundingIncrement', true)} className="input" inputMode="decimal" autoComplete="off" maxLength={16} value={draft.cashRoundingIncrement} onChange={(e) => set('cashRoundingIncrement', e.target.value)} />,
            t('settings.store.cashRoundingHint'),
          )}
        </div>
      </fieldset>

      <fieldset className="settings-section">
        <legend className="settings-section__title">{t('settings.store.receiptHeading')}</legend>
        <div className="form__grid form__grid--wide">
          {(['receiptHeader', 'receiptFooter'] as const).map((name) => (
            <Fragment key={name}>
              {field(
                name,
                name === 'receiptHeader' ? t('settings.store.receiptHeader') : t('settings.store.receiptFooter'),
                <textarea
                  {...control(name, name, true)}
                  className="input input--area"
                  rows={RECEIPT_MAX_LINES}
                  cols={RECEIPT_LINE_MAX}
                  spellCheck={false}
                  value={draft[name]}
                  onChange={(e) => set(name, e.target.value)}
                />,
                t('settings.store.receiptLinesHint'),
              )}
            </Fragment>
          ))}
        </div>
        <div className="form__grid">
          {field(
            'thermalPrinterHost',
            t('settings.store.thermalPrinterHost'),
            <input {...control('thermalPrinterHost', 'thermalPrinterHost', true)} className="input" autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={253} value={draft.thermalPrinterHost} onChange={(e) => set('thermalPrinterHost', e.target.value)} />,
            t('settings.store.thermalPrinterHostHint'),
          )}
          {field(
            'thermalPrinterPort',
            t('settings.store.thermalPrinterPort'),
            <input {...control('thermalPrinterPort')} className="input" inputMode="numeric" autoComplete="off" maxLength={5} value={draft.thermalPrinterPort} onChange={(e) => set('thermalPrinterPort', e.target.value.replace(/\D/g, ''))} />,
          )}
          {field(
            'receiptColumns',
            t('settings.store.receiptColumns'),
            <select {...control('receiptColumns')} className="input" value={draft.receiptColumns} onChange={(e) => set('receiptColumns', Number(e.target.value) as StoreDraft['receiptColumns'])}>
              {RECEIPT_COLUMNS.map((n) => (
                <option key={n} value={n}>
                  {columns[n]}
                </option>
              ))}
            </select>,
          )}
        </div>
      </fieldset>

      <div className="settings-actions">
        <ErrorNote error={failure} testId="settings-save-error" />
        {feedback && (
          <p className="settings-actions__feedback" role="status" data-testid={feedback === 'saved' ? 'settings-saved' : 'settings-unchanged'}>
            {feedback === 'saved' ? `✓ ${t('settings.store.saved')}` : t('settings.store.noChanges')}
          </p>
        )}
        <button type="submit" className="button button--primary" data-testid="settings-save" aria-keyshortcuts={ariaShortcut(SAVE_BINDING)} disabled={saving}>
          {saving ? t('settings.store.saving') : t('settings.store.save')} <Kbd>{shortcutLabel(SAVE_BINDING)}</Kbd>
        </button>
      </div>
    </form>
  );
}
