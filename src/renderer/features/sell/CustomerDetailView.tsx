import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ErrorInfo } from '../../../shared/errors';
import { NewAddressSchema } from '../../../shared/ipc/contract';
import type { AddressDto } from '../../../shared/ipc/dto-customers';
import { useMoney } from '../../lib/use-money';
import { useCustomers, useSell } from '../../stores/stores-context';
import { documentText } from './customer-text';
import { CountrySelect, DEFAULT_COUNTRY, useFieldErrorText } from './CustomerForm';
import { ErrorNote, Field } from './FormBits';

/** One customer: their details, which addresses go on the invoice, and a new address if needed. */
export function CustomerDetailView({ id, onBack, onDone }: { id: number; onBack: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const money = useMoney();
  const open = useCustomers((s) => s.open);
  const detail = useCustomers((s) => (s.detail?.id === id ? s.detail : null));
  const cart = useSell((s) => s.cart);
  const setCustomer = useSell((s) => s.setCustomer);
  const attached = cart.customer?.id === id;
  const [billing, setBilling] = useState<number | null>(attached ? cart.billingAddressId : null);
  const [shipping, setShipping] = useState<number | null>(attached ? cart.shippingAddressId : null);
  const [adding, setAdding] = useState(false);
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);
  const attachButton = useRef<HTMLButtonElement>(null);
  const loaded = detail !== null;

  // Chosen from the search (often by keyboard): once the customer is loaded, Enter uses them.
  useEffect(() => {
    if (loaded) attachButton.current?.focus();
  }, [loaded]);

  useEffect(() => {
    void open(id).then((result) => {
      if (!result.ok) setFailure(result.error);
    });
  }, [id, open]);

  const attach = async () => {
    if (saving) return;
    setSaving(true);
    const outcome = await setCustomer(id, billing, shipping);
    setSaving(false);
    if (outcome.status === 'done') onDone();
    else if (outcome.status === 'failed') setFailure(outcome.error);
  };

  const addresses = detail?.addresses ?? [];
  const select = (kind: AddressDto['kind'], value: number | null, onChange: (v: number | null) => void) => (
    <Field label={kind === 'billing' ? t('sell.customer.billing') : t('sell.customer.shipping')} htmlFor={`customer-${kind}`}>
      <select
        id={`customer-${kind}`}
        className="input"
        data-testid={`customer-${kind}`}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">{t('sell.customer.noAddress')}</option>
        {addresses
          .filter((a) => a.kind === kind)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {[a.address, a.zipCode, a.countryCode].filter(Boolean).join(', ')}
            </option>
          ))}
      </select>
    </Field>
  );

  return (
    <div className="customer-detail" data-testid="customer-detail">
      {detail ? (
        <div className="customer-detail__card">
          <p className="customer-detail__name" data-testid="customer-detail-name">
            {detail.name}
          </p>
          <p className="form__hint">
            {[documentText(detail.documentType, detail.document, i18n.resolvedLanguage), detail.email, detail.phone].filter(Boolean).join(' · ')}
          </p>
          {detail.creditBalance > 0 && <p className="form__hint">{t('sell.customer.credit', { amount: money.format(detail.creditBalance) })}</p>}
        </div>
      ) : (
        !failure && <p className="form__hint">{t('app.loading')}</p>
      )}
      <div className="form__grid">
        {select('billing', billing, setBilling)}
        {select('shipping', shipping, setShipping)}
      </div>
      {adding ? (
        <AddressForm
          customerId={id}
          onAdded={(address) => {
            setAdding(false);
            if (address.kind === 'billing') setBilling(address.id);
            else setShipping(address.id);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <button type="button" className="button button--quiet" data-testid="address-new" onClick={() => setAdding(true)} disabled={!detail}>
          {t('sell.customer.addAddress')}
        </button>
      )}
      <ErrorNote error={failure} testId="customer-detail-error" />
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('sell.customer.back')}
        </button>
        <button type="button" ref={attachButton} className="button button--primary" data-testid="customer-attach" data-autofocus disabled={saving || !detail} onClick={() => void attach()}>
          {t('sell.customer.attach')}
        </button>
      </div>
    </div>
  );
}

const ADDRESS_FIELDS = ['kind', 'address', 'zipCode', 'countryCode'] as const;
type AddressField = (typeof ADDRESS_FIELDS)[number];
type AddressValues = { kind: AddressDto['kind']; address: string; zipCode: string; countryCode: string };

/** The contract's NewAddressSchema over the form's fields (the customer is the one shown); a blank zip code is left out. */
const A = NewAddressSchema.shape;
const AddressFormSchema = z.object({
  kind: A.kind,
  address: A.address,
  zipCode: z
    .string()
    .trim()
    .transform((zip): string | null | undefined => zip || null)
    .pipe(A.zipCode),
  countryCode: A.countryCode,
});

/** Adds a billing or shipping address to a customer (the till's customer dialog and the Customers screen). */
export function AddressForm({ customerId, onAdded, onCancel }: { customerId: number; onAdded: (address: AddressDto) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const addAddress = useCustomers((s) => s.addAddress);
  const fieldErrorText = useFieldErrorText();
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const {
    register,
    control,
    setValue,
    handleSubmit,
    setError,
    clearErrors,
    formState: { errors, isSubmitting: saving },
  } = useForm<AddressValues, unknown, z.output<typeof AddressFormSchema>>({
    resolver: zodResolver(AddressFormSchema),
    defaultValues: { kind: 'billing', address: '', zipCode: '', countryCode: DEFAULT_COUNTRY },
    reValidateMode: 'onSubmit',
  });
  const countryCode = useWatch({ control, name: 'countryCode' });
  const field = (name: AddressField) => register(name, { onChange: () => clearErrors(name) });
  const errorOf = (name: AddressField): string | undefined => {
    const error = errors[name];
    if (!error) return undefined;
    return error.type === 'server' ? error.message : fieldErrorText(name, { code: 'VALIDATION', message: error.message ?? '' });
  };

  // A form inside the dialog's view, not nested in another <form>: submit by button or Enter.
  const submit = handleSubmit(
    async (values) => {
      setFailure(null);
      const result = await addAddress({ customerId, ...values });
      if (result.ok) {
        onAdded(result.value);
        return;
      }
      const { error } = result;
      const named = error.code === 'VALIDATION' ? (error.issues ?? [{ field: error.field ?? '', message: error.message }]).filter((i): i is { field: AddressField; message: string } => (ADDRESS_FIELDS as readonly string[]).includes(i.field)) : [];
      for (const issue of named) setError(issue.field, { type: 'server', message: fieldErrorText(issue.field, error) });
      if (named.length === 0) setFailure(error);
    },
    () => setFailure(null),
  );

  return (
    <form className="form address-form" data-testid="address-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form__grid">
        <Field label={t('sell.customer.addressKind')} htmlFor="address-kind">
          <select {...field('kind')} id="address-kind" className="input" data-testid="address-kind">
            <option value="billing">{t('sell.customer.billing')}</option>
            <option value="shipping">{t('sell.customer.shipping')}</option>
          </select>
        </Field>
        <Field label={t('sell.customer.address')} htmlFor="address-text" error={errorOf('address')} errorTestId="address-error-address">
          <input {...field('address')} id="address-text" className="input" data-testid="address-text" data-autofocus autoComplete="off" maxLength={200} aria-invalid={Boolean(errors.address)} />
        </Field>
        <Field label={t('sell.customer.zipCode')} htmlFor="address-zip" error={errorOf('zipCode')} errorTestId="address-error-zipCode">
          <input {...field('zipCode')} id="address-zip" className="input" data-testid="address-zip" autoComplete="off" maxLength={10} aria-invalid={Boolean(errors.zipCode)} />
        </Field>
        <CountrySelect
          id="address-country"
          testId="address-country"
          errorTestId="address-error-countryCode"
          label={t('sell.customer.fields.country')}
          value={countryCode}
          error={errorOf('countryCode')}
          english={i18n.resolvedLanguage === 'en'}
          onChange={(code) => {
            setValue('countryCode', code);
            clearErrors('countryCode');
          }}
        />
      </div>
      <ErrorNote error={failure} testId="address-error" />
      <div className="form__actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('app.cancel')}
        </button>
        <button type="submit" className="button" data-testid="address-submit" disabled={saving}>
          {t('sell.customer.saveAddress')}
        </button>
      </div>
    </form>
  );
}
