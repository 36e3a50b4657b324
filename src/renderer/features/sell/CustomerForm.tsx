import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ErrorInfo, Result } from '../../../shared/errors';
import { NewCustomerSchema, PHONE_TYPE_MESSAGE, phoneHasType } from '../../../shared/ipc/contract';
import { useCustomers, useSell } from '../../stores/stores-context';
import { ErrorNote, Field } from './FormBits';

export const DEFAULT_COUNTRY = 'CO';

const FIELDS = ['documentTypeCode', 'document', 'firstName', 'middleName', 'lastName', 'secondLastName', 'email', 'phoneTypeCode', 'phone', 'countryCode'] as const;
export type CustomerField = (typeof FIELDS)[number];
const isField = (value: string): value is CustomerField => (FIELDS as readonly string[]).includes(value);

type Values = Record<CustomerField, string>;
/** The form's text fields (to start an edit from a stored customer). */
export type CustomerValues = Values;

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

/** Blank optional text is left out (null), as the contract allows; anything typed is judged by its rule. */
const optional = <S extends z.ZodType<unknown, string | null | undefined>>(schema: S) =>
  z
    .string()
    .trim()
    .transform((text): string | null | undefined => text || null)
    .pipe(schema);

/** The contract's NewCustomerSchema over the form's text fields: its rules, every field's problem at once. */
const C = NewCustomerSchema.shape;
const CustomerFormSchema = z
  .object({
    documentTypeCode: C.documentTypeCode,
    document: C.document,
    firstName: C.firstName,
    middleName: optional(C.middleName),
    lastName: C.lastName,
    secondLastName: optional(C.secondLastName),
    email: optional(C.email),
    phoneTypeCode: optional(C.phoneTypeCode),
    phone: optional(C.phone),
    countryCode: C.countryCode,
  })
  .refine(phoneHasType, { path: ['phoneTypeCode'], message: PHONE_TYPE_MESSAGE });
type CustomerFormOutput = z.output<typeof CustomerFormSchema>;

/**
 * Register a customer at the till; on success they are attached to the sale.
 * The back office passes `save` (create or edit without a sale) and, to edit, `initial`.
 */
export function CustomerForm({
  onCreated,
  onBack,
  save,
  initial,
  submitLabel,
}: {
  onCreated: (id: number) => void;
  onBack: () => void;
  save?: (values: CustomerFormOutput & { allowDuplicateEmail?: boolean }) => Promise<Result<{ id: number }>>;
  initial?: Values;
  submitLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const lists = useCustomers((s) => s.lists);
  const listsError = useCustomers((s) => s.listsError);
  const create = useCustomers((s) => s.create);
  const setCustomer = useSell((s) => s.setCustomer);
  const fieldErrorText = useFieldErrorText();
  const {
    register,
    control,
    setValue,
    getValues,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting: saving },
  } = useForm<Values, unknown, CustomerFormOutput>({
    resolver: zodResolver(CustomerFormSchema),
    defaultValues: initial ?? {
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
    },
    reValidateMode: 'onSubmit',
  });
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  /** Another customer has this email: the cashier saw the warning and may save anyway (a family sharing one). */
  const [emailTakenBy, setEmailTakenBy] = useState<string | null>(null);
  const english = i18n.resolvedLanguage === 'en';
  const firstDocumentType = lists?.documentTypes[0]?.code;
  const [documentTypeCode, phoneTypeCode, countryCode] = useWatch({ control, name: ['documentTypeCode', 'phoneTypeCode', 'countryCode'] });

  // The document type starts as the first one main lists.
  useEffect(() => {
    if (firstDocumentType && !getValues('documentTypeCode')) setValue('documentTypeCode', firstDocumentType);
  }, [firstDocumentType, getValues, setValue]);

  const changed = (field: CustomerField) => {
    clearErrors(field);
    if (field === 'email') setEmailTakenBy(null);
  };
  const set = (field: CustomerField, value: string) => {
    setValue(field, value);
    changed(field);
  };
  /** A field's problem: main's, worded when it came; the schema's, by field. */
  const errorOf = (field: CustomerField): string | undefined => {
    const error = errors[field];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : fieldErrorText(field, { code: 'VALIDATION', message: error.message ?? '' });
  };

  const submit = handleSubmit(
    async (values) => {
      setFailure(null);
      const input = { ...values, ...(emailTakenBy !== null ? { allowDuplicateEmail: true } : {}) };
      const result = save ? await save(input) : await create(input);
      if (!result.ok) {
        const { error } = result;
        const field = error.field ?? '';
        if (error.code === 'CONFLICT' && field === 'email') setEmailTakenBy(String(error.details?.name ?? ''));
        // Every field main found at fault at once, not one per submit.
        const named = (error.issues ?? [{ field, message: error.message }]).filter((i) => isField(i.field));
        if (named.length > 0 && (error.code === 'VALIDATION' || error.code === 'CONFLICT')) {
          for (const issue of named) setError(issue.field as CustomerField, { type: 'server', message: fieldErrorText(issue.field, error) });
        } else setFailure(error);
        return;
      }
      if (save) {
        onCreated(result.value.id);
        return;
      }
      const attached = await setCustomer(result.value.id);
      if (attached.status === 'failed') setFailure(attached.error);
      onCreated(result.value.id);
    },
    () => setFailure(null),
  );

  const text = (field: CustomerField, label: string, props: { type?: string; inputMode?: 'email' | 'tel' | 'text'; maxLength?: number; autoFocus?: boolean } = {}) => (
    <Field label={label} htmlFor={`customer-${field}`} error={errorOf(field)} errorTestId={`customer-error-${field}`}>
      <input
        {...register(field, { onChange: () => changed(field) })}
        id={`customer-${field}`}
        className="input"
        data-testid={`customer-field-${field}`}
        data-autofocus={props.autoFocus ? true : undefined}
        type={props.type ?? 'text'}
        inputMode={props.inputMode}
        autoComplete="off"
        maxLength={props.maxLength ?? 60}
        aria-invalid={Boolean(errors[field])}
      />
    </Field>
  );

  return (
    <form className="form customer-form" onSubmit={(event) => void submit(event)} noValidate data-testid="customer-form">
      <ErrorNote error={listsError} testId="customer-lists-error" />
      <div className="form__grid">
        <Field label={t('sell.customer.fields.documentType')} htmlFor="customer-documentTypeCode" error={errorOf('documentTypeCode')} errorTestId="customer-error-documentTypeCode">
          <select id="customer-documentTypeCode" className="input" data-testid="customer-field-documentTypeCode" value={documentTypeCode} onChange={(event) => set('documentTypeCode', event.target.value)}>
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
        <Field label={t('sell.customer.fields.phoneType')} htmlFor="customer-phoneTypeCode" error={errorOf('phoneTypeCode')} errorTestId="customer-error-phoneTypeCode">
          <select id="customer-phoneTypeCode" className="input" data-testid="customer-field-phoneTypeCode" value={phoneTypeCode} onChange={(event) => set('phoneTypeCode', event.target.value)}>
            <option value="">{t('sell.customer.fields.noPhoneType')}</option>
            {(lists?.phoneTypes ?? []).map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        {text('phone', t('sell.customer.fields.phone'), { type: 'tel', inputMode: 'tel', maxLength: 20 })}
        <CountrySelect id="customer-countryCode" testId="customer-field-countryCode" errorTestId="customer-error-countryCode" label={t('sell.customer.fields.country')} value={countryCode} error={errorOf('countryCode')} english={english} onChange={(code) => set('countryCode', code)} />
      </div>
      <ErrorNote error={failure} testId="customer-create-error" />
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('sell.customer.back')}
        </button>
        <button type="submit" className="button button--primary" data-testid="customer-create" disabled={saving}>
          {saving ? t('sell.working') : emailTakenBy !== null ? t('sell.customer.createAnyway') : (submitLabel ?? t('sell.customer.create'))}
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
