import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorInfo } from '../../../shared/errors';
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

function AddressForm({ customerId, onAdded, onCancel }: { customerId: number; onAdded: (address: AddressDto) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const addAddress = useCustomers((s) => s.addAddress);
  const fieldErrorText = useFieldErrorText();
  const [kind, setKind] = useState<AddressDto['kind']>('billing');
  const [address, setAddress] = useState('');
  const [zipCode, setZipCode] = useState('');
  const [countryCode, setCountryCode] = useState(DEFAULT_COUNTRY);
  const [errors, setErrors] = useState<{ address?: string; zipCode?: string; countryCode?: string }>({});
  const [failure, setFailure] = useState<ErrorInfo | null>(null);
  const [saving, setSaving] = useState(false);

  // A form inside the dialog's view, not nested in another <form>: submit by button or Enter.
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    if (address.trim().length < 5) {
      setErrors({ address: t('sell.customer.errors.address') });
      return;
    }
    setSaving(true);
    setFailure(null);
    const result = await addAddress({ customerId, kind, address: address.trim(), zipCode: zipCode.trim() || null, countryCode });
    setSaving(false);
    if (result.ok) {
      onAdded(result.value);
      return;
    }
    const field = result.error.field;
    if (result.error.code === 'VALIDATION' && (field === 'address' || field === 'zipCode' || field === 'countryCode')) setErrors({ [field]: fieldErrorText(field, result.error) });
    else setFailure(result.error);
  };

  return (
    <form className="form address-form" data-testid="address-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="form__grid">
        <Field label={t('sell.customer.addressKind')} htmlFor="address-kind">
          <select id="address-kind" className="input" data-testid="address-kind" value={kind} onChange={(event) => setKind(event.target.value === 'shipping' ? 'shipping' : 'billing')}>
            <option value="billing">{t('sell.customer.billing')}</option>
            <option value="shipping">{t('sell.customer.shipping')}</option>
          </select>
        </Field>
        <Field label={t('sell.customer.address')} htmlFor="address-text" error={errors.address} errorTestId="address-error-address">
          <input id="address-text" className="input" data-testid="address-text" data-autofocus autoComplete="off" maxLength={200} value={address} onChange={(event) => setAddress(event.target.value)} />
        </Field>
        <Field label={t('sell.customer.zipCode')} htmlFor="address-zip" error={errors.zipCode} errorTestId="address-error-zipCode">
          <input id="address-zip" className="input" data-testid="address-zip" autoComplete="off" maxLength={10} value={zipCode} onChange={(event) => setZipCode(event.target.value)} />
        </Field>
        <CountrySelect
          id="address-country"
          testId="address-country"
          errorTestId="address-error-countryCode"
          label={t('sell.customer.fields.country')}
          value={countryCode}
          error={errors.countryCode}
          english={i18n.resolvedLanguage === 'en'}
          onChange={setCountryCode}
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
