import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
import { useCustomers, useSell } from '../../stores/stores-context';
import type { NewCustomer } from './customer-store';
import { ErrorNote, Field } from './FormBits';

export const DEFAULT_COUNTRY = 'CO';

const FIELDS = ['documentTypeCode', 'document', 'firstName', 'middleName', 'lastName', 'secondLastName', 'email', 'phoneTypeCode', 'phone', 'countryCode'] as const;
export type CustomerField = (typeof FIELDS)[number];
const isField = (value: string): value is CustomerField => (FIELDS as readonly string[]).includes(value);

type Values = Record<CustomerField, string>;

/** The field an error names, in the sentence shown under it. */
export function useFieldErrorText() {
  const { t } = useTranslation();
  return (field: string, error: ErrorInfo): string => {
    if (error.code === 'CONFLICT' && field === 'email') return t('sell.customer.errors.emailTaken', { name: String(error.details?.name ?? '') });
    if (error.code === 'CONFLICT') return t('sell.customer.errors.duplicate');
    switch (field) {
      case 'documentTypeCode':
        return t('sell.customer.errors.documentTypeCode');
      case 'document':
        return t('sell.customer.errors.document');
      case 'firstName':
        return t('sell.customer.errors.firstName');
      case 'lastName':
        return t('sell.customer.errors.lastName');
      case 'email':
        return t('sell.customer.errors.email');
      case 'phone':
        return t('sell.customer.errors.phone');
      case 'phoneTypeCode':
        return t('sell.customer.errors.phoneTypeCode');
      case 'countryCode':
        return t('sell.customer.errors.countryCode');
      case 'address':
        return t('sell.customer.errors.address');
      case 'zipCode':
        return t('sell.customer.errors.zipCode');
      default:
        return t('errors.VALIDATION');
    }
  };
}

/** Register a customer at the till; on success they are attached to the sale. */
export function CustomerForm({ onCreated, onBack }: { onCreated: (id: number) => void; onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const lists = useCustomers((s) => s.lists);
  const listsError = useCustomers((s) => s.listsError);
  const create = useCustomers((s) => s.create);
  const setCustomer = useSell((s) => s.setCustomer);
  const fieldErrorText = useFieldErrorText();
  const [values, setValues] = useState<Values>(() => ({
    documentTypeCode: '',
    document: '',
    firstName: '',
    middleName: '',
    lastName: '',
    secondLastName: '',
    email: '',
    phoneTypeCode: '',
    phone: '',
    countryCode: DEFAULT_COUNTRY,
  }));
  const [errors, setErrors] = useState<Partial<Record<CustomerField, string>>>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  /** Another customer has this email: the cashier saw the warning and may save anyway (a family sharing one). */
  const [emailTakenBy, setEmailTakenBy] = useState<string | null>(null);
  const english = i18n.resolvedLanguage === 'en';
  const documentType = values.documentTypeCode || lists?.documentTypes[0]?.code || '';

  const set = (field: CustomerField, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
    if (field === 'email') setEmailTakenBy(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const missing: Partial<Record<CustomerField, string>> = {};
    if (!documentType) missing.documentTypeCode = t('sell.customer.errors.documentTypeCode');
    if (!values.document.trim()) missing.document = t('sell.customer.errors.document');
    if (!values.firstName.trim()) missing.firstName = t('sell.customer.errors.firstName');
    if (!values.lastName.trim()) missing.lastName = t('sell.customer.errors.lastName');
    if (values.phone.trim() && !values.phoneTypeCode) missing.phoneTypeCode = t('sell.customer.errors.phoneTypeCode');
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;

    const optional = (value: string) => (value.trim() ? value.trim() : null);
    const input: NewCustomer = {
      documentTypeCode: documentType,
      document: values.document.trim(),
      firstName: values.firstName.trim(),
      middleName: optional(values.middleName),
      lastName: values.lastName.trim(),
      secondLastName: optional(values.secondLastName),
      email: optional(values.email),
      phoneTypeCode: optional(values.phoneTypeCode),
      phone: optional(values.phone),
      countryCode: values.countryCode,
      ...(emailTakenBy !== null ? { allowDuplicateEmail: true } : {}),
    };
    setSaving(true);
    setFailure(null);
    const result = await create(input);
    if (!result.ok) {
      setSaving(false);
      const { error } = result;
      const field = error.field ?? '';
      if (error.code === 'CONFLICT' && field === 'email') setEmailTakenBy(String(error.details?.name ?? ''));
      // Every field main found at fault at once, not one per submit.
      const named = (error.issues ?? [{ field, message: error.message }]).filter((i) => isField(i.field));
      if (named.length > 0 && (error.code === 'VALIDATION' || error.code === 'CONFLICT')) {
        setErrors(Object.fromEntries(named.map((i) => [i.field, fieldErrorText(i.field, error)])));
      } else setFailure(error);
      return;
    }
    const attached = await setCustomer(result.value.id);
    setSaving(false);
    if (attached.status === 'failed') setFailure(attached.error);
    onCreated(result.value.id);
  };

  const text = (field: CustomerField, label: string, props: { type?: string; inputMode?: 'email' | 'tel' | 'text'; maxLength?: number; autoFocus?: boolean } = {}) => (
    <Field label={label} htmlFor={`customer-${field}`} error={errors[field]} errorTestId={`customer-error-${field}`}>
      <input
        id={`customer-${field}`}
        className="input"
        data-testid={`customer-field-${field}`}
        data-autofocus={props.autoFocus ? true : undefined}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete="off"
        maxLength={props.maxLength ?? 60}
        value={values[field]}
        aria-invalid={Boolean(errors[field])}
        onChange={(event) => set(field, event.target.value)}
      />
    </Field>
  );

  return (
    <form className="form customer-form" onSubmit={(event) => void submit(event)} noValidate data-testid="customer-form">
      <ErrorNote error={listsError} testId="customer-lists-error" />
      <div className="form__grid">
        <Field label={t('sell.customer.fields.documentType')} htmlFor="customer-documentTypeCode" error={errors.documentTypeCode} errorTestId="customer-error-documentTypeCode">
          <select id="customer-documentTypeCode" className="input" data-testid="customer-field-documentTypeCode" value={documentType} onChange={(event) => set('documentTypeCode', event.target.value)}>
            {(lists?.documentTypes ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        {text('document', t('sell.customer.fields.document'), { maxLength: 20, autoFocus: true })}
        {text('firstName', t('sell.customer.fields.firstName'))}
        {text('middleName', t('sell.customer.fields.middleName'))}
        {text('lastName', t('sell.customer.fields.lastName'))}
        {text('secondLastName', t('sell.customer.fields.secondLastName'))}
        {text('email', t('sell.customer.fields.email'), { type: 'email', inputMode: 'email', maxLength: 120 })}
        <Field label={t('sell.customer.fields.phoneType')} htmlFor="customer-phoneTypeCode" error={errors.phoneTypeCode} errorTestId="customer-error-phoneTypeCode">
          <select id="customer-phoneTypeCode" className="input" data-testid="customer-field-phoneTypeCode" value={values.phoneTypeCode} onChange={(event) => set('phoneTypeCode', event.target.value)}>
            <option value="">{t('sell.customer.fields.noPhoneType')}</option>
            {(lists?.phoneTypes ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {text('phone', t('sell.customer.fields.phone'), { type: 'tel', inputMode: 'tel', maxLength: 20 })}
        <CountrySelect id="customer-countryCode" testId="customer-field-countryCode" errorTestId="customer-error-countryCode" label={t('sell.customer.fields.country')} value={values.countryCode} error={errors.countryCode} english={english} onChange={(code) => set('countryCode', code)} />
      </div>
      <ErrorNote error={failure} testId="customer-create-error" />
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('sell.customer.back')}
        </button>
        <button type="submit" className="button button--primary" data-testid="customer-create" disabled={saving}>
          {saving ? t('sell.working') : emailTakenBy !== null ? t('sell.customer.createAnyway') : t('sell.customer.create')}
        </button>
      </div>
    </form>
  );
}

/** Countries by name in the UI language (from reference.lists), as ISO codes. */
export function CountrySelect({
  id,
  testId,
  errorTestId,
  label,
  value,
  error,
  english,
  onChange,
}: {
  id: string;
  testId: string;
  errorTestId: string;
  label: string;
  value: string;
  error?: string | undefined;
  english: boolean;
  onChange: (code: string) => void;
}) {
  const lists = useCustomers((s) => s.lists);
  const countries = [...(lists?.countries ?? [])].sort((a, b) => (english ? a.nameEn.localeCompare(b.nameEn, 'en') : a.nameEs.localeCompare(b.nameEs, 'es')));
  return (
    <Field label={label} htmlFor={id} error={error} errorTestId={errorTestId}>
      <select id={id} className="input" data-testid={testId} value={value} onChange={(event) => onChange(event.target.value)}>
        {countries.length === 0 && <option value={value}>{value}</option>}
        {countries.map((c) => (
          <option key={c.code} value={c.code}>
            {english ? c.nameEn : c.nameEs}
          </option>
        ))}
      </select>
    </Field>
  );
}
