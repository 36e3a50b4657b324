/**
 * Demo customers as plain plans: names, documents, e-mails, phones and
 * addresses as a Colombian store records them. Pure and deterministic.
 */
import {
  CITIES,
  EMAIL_DOMAINS,
  FEMALE_NAMES,
  FOREIGN_COUNTRIES,
  MALE_NAMES,
  MOBILE_PREFIXES,
  STREET_TYPES,
  SURNAMES,
  asciiSlug,
} from './data/people';
import type { Prng } from './prng';

/** Hashing is slow on purpose (scrypt), so only this many demo customers get an online account. */
export const MAX_CUSTOMER_ACCOUNTS = 12;

export type DocumentTypeCode = 'NATIONAL_ID' | 'TAX_ID' | 'FOREIGNER_ID' | 'PASSPORT';
export type PhoneTypeCode = 'MOBILE' | 'HOME' | 'WORK';

export interface AddressPlan {
  address: string;
  zip: string;
  countryIso: string;
}

export interface CustomerPlan {
  firstName: string;
  middleName: string | null;
  lastName: string;
  secondLastName: string | null;
  email: string | null;
  phoneType: PhoneTypeCode;
  phone: string;
  countryIso: string;
  documentType: DocumentTypeCode;
  document: string;
  /** Has an online-shop account: gets a scrypt hash of a random password nobody knows. */
  hasAccount: boolean;
  shipping: AddressPlan[];
  billing: AddressPlan[];
}

/** How many customers a demo catalog of `products` products gets. */
export const customerCountFor = (products: number): number => Math.max(50, Math.floor(products / 20));

/** DIAN's check digit of a NIT (mod 11 with prime weights from the right). */
export function nitCheckDigit(nit: string): number {
  const weights = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
  let sum = 0;
  for (let i = 0; i < nit.length; i++) sum += Number(nit[nit.length - 1 - i]) * (weights[i] ?? 0);
  const r = sum % 11;
  return r > 1 ? 11 - r : r;
}

export function planCustomers(prng: Prng, count: number): CustomerPlan[] {
  const usedEmails = new Set<string>();
  const usedDocuments = new Set<string>();
  const cityWeights = CITIES.map((c) => [c, c.weight] as const);
  let accounts = 0;

  const uniqueDocument = (type: DocumentTypeCode, make: () => string): string => {
    let doc: string;
    do doc = make();
    while (usedDocuments.has(`${type}:${doc}`));
    usedDocuments.add(`${type}:${doc}`);
    return doc;
  };

  const address = (city: (typeof CITIES)[number]): AddressPlan => {
    const street = prng.weighted(STREET_TYPES);
    const suffix = prng.chance(0.2) ? ` ${prng.pick(['A', 'B', 'C', 'Bis'] as const)}` : '';
    const apartment = prng.chance(0.5) ? `, Apto ${prng.int(1, 25)}0${prng.int(1, 4)}` : '';
    return {
      address: `${street} ${prng.int(1, 180)}${suffix} # ${prng.int(1, 120)}-${prng.int(1, 99)}${apartment}, ${city.name}`,
      zip: String(city.zip + prng.int(0, 40)).padStart(6, '0'),
      countryIso: 'CO',
    };
  };

  const out: CustomerPlan[] = [];
  for (let i = 0; i < count; i++) {
    const female = prng.chance(0.55);
    const names = female ? FEMALE_NAMES : MALE_NAMES;
    const firstName = prng.pick(names);
    const middleName = prng.chance(0.5) ? prng.pick(names) : null;
    const lastName = prng.pick(SURNAMES);
    const secondLastName = prng.chance(0.85) ? prng.pick(SURNAMES) : null;
    const foreign = prng.chance(0.08);
    const countryIso = foreign ? prng.weighted(FOREIGN_COUNTRIES) : 'CO';

    let documentType: DocumentTypeCode;
    let document: string;
    if (foreign) {
      documentType = prng.chance(0.6) ? 'FOREIGNER_ID' : 'PASSPORT';
      document =
        documentType === 'FOREIGNER_ID'
          ? uniqueDocument(documentType, () => String(prng.int(100_000, 9_999_999)))
          : uniqueDocument(documentType, () => `${countryIso}${prng.digits(7)}`);
    } else if (prng.chance(0.04)) {
      // A self-employed customer who wants the invoice under their NIT.
      documentType = 'TAX_ID';
      document = uniqueDocument(documentType, () => {
        const nit = String(prng.int(800_000_000, 999_999_999));
        return `${nit}-${nitCheckDigit(nit)}`;
      });
    } else {
      documentType = 'NATIONAL_ID';
      // Older cédulas have 8 digits, those issued since 2000s have 10.
      document = uniqueDocument(documentType, () =>
        String(prng.chance(0.5) ? prng.int(10_000_000, 99_999_999) : prng.int(1_000_000_000, 1_150_000_000)),
      );
    }

    let email: string | null = null;
    if (prng.chance(0.85)) {
      const base = `${asciiSlug(firstName)}.${asciiSlug(lastName)}`;
      const domain = prng.weighted(EMAIL_DOMAINS);
      let candidate = prng.chance(0.6) ? `${base}${prng.int(1, 99)}@${domain}` : `${base}@${domain}`;
      while (usedEmails.has(candidate)) candidate = `${base}${prng.int(100, 9999)}@${domain}`;
      usedEmails.add(candidate);
      email = candidate;
    }

    const city = prng.weighted(cityWeights);
    const phoneType = prng.weighted([['MOBILE', 80], ['HOME', 15], ['WORK', 5]] as const);
    const phone =
      phoneType === 'MOBILE'
        ? `+57 ${prng.pick(MOBILE_PREFIXES)} ${prng.digits(3)} ${prng.digits(4)}`
        : `+57 ${city.area} ${prng.digits(3)} ${prng.digits(4)}`;

    const wantsAccount = email !== null && prng.chance(0.2);
    const hasAccount = wantsAccount && accounts < MAX_CUSTOMER_ACCOUNTS;
    if (hasAccount) accounts++;

    const shippingCount = prng.weighted([[0, 40], [1, 45], [2, 15]] as const);
    const billingCount = prng.weighted([[0, 50], [1, 45], [2, 5]] as const);
    const shipping = Array.from({ length: shippingCount }, () => address(city));
    const billing = Array.from({ length: billingCount }, () => address(city));

    out.push({
      firstName,
      middleName,
      lastName,
      secondLastName,
      email,
      phoneType,
      phone,
      countryIso,
      documentType,
      document,
      hasAccount,
      shipping,
      billing,
    });
  }
  return out;
}
