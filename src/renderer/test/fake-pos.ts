/**
 * A test double for the transport at the renderer boundary: a PosApi object
 * that behaves like main, in memory. It keeps its own tiny state (who is
 * signed in, wrong-PIN counts, a small catalog, the cart, completed sales,
 * customers) so tests drive real flows, and records every call.
 *
 * Deliberately simple: tax-inclusive or -exclusive pricing with per-line
 * rounding, discounts with the store's approval threshold, split tender with
 * change, idempotent completion by key. Main's services are the real thing.
 *
 * The settings and staff channels do what main's router does first: check
 * the role the contract asks for, then parse the input with the contract's
 * own schema (so a VALIDATION error names the same field main would).
 */
import type { z } from 'zod';
import type { ErrorInfo, Result } from '../../shared/errors';
import type { PosApi } from '../../shared/ipc/api';
import { contract, type Access, type CompleteOutcome } from '../../shared/ipc/contract';
import type { AddressDto, CustomerDetail, ReferenceLists } from '../../shared/ipc/dto-customers';
import type { AppStatus, CategoryTaxDto, SessionInfo, StaffSummary, StaffUserDto, StoreSettings, TaxRateDto } from '../../shared/ipc/dto';
import { roleAtLeast } from '../../shared/roles';
import {
  emptyCart,
  type Cart,
  type CartLine,
  type CustomerSummary,
  type DiscountDto,
  type ParkedSale,
  type ProductHit,
  type Receipt,
  type PendingTender,
  type SaleSummary,
  type SellableVariant,
  type VariantGrid,
} from '../../shared/ipc/dto-sales';

export interface FakeUser extends StaffSummary {
  pin: string;
  /** ISO time; while in the future the PIN is not even checked. */
  lockedUntil?: string;
  /** Defaults to the first name, lowercased. */
  username?: string;
  /** Disabled users are left off the login tiles and cannot sign in. */
  active?: boolean;
}

export interface FakePosOptions {
  users?: FakeUser[];
  settings?: Partial<StoreSettings>;
  status?: Partial<AppStatus>;
  session?: SessionInfo | null;
  maxAttempts?: number;
  now?: () => Date;
  /** Stock per variant id, over the defaults. */
  stock?: Record<number, number>;
  taxRates?: TaxRateDto[];
  categories?: CategoryTaxDto[];
}

export const DEFAULT_USERS: FakeUser[] = [
  { id: 1, displayName: 'Ana Gómez', role: 'cashier', pin: '2580', username: 'ana' },
  { id: 2, displayName: 'Luis Pérez', role: 'manager', pin: '1397', username: 'luis' },
  { id: 3, displayName: 'Marta Ruiz', role: 'admin', pin: '8642', username: 'marta' },
];

export const DEFAULT_TAX_RATES: TaxRateDto[] = [
  { code: 'IVA19', name: 'IVA general', rateBp: 1900, active: true },
  { code: 'IVA5', name: 'IVA reducido', rateBp: 500, active: true },
  { code: 'EXENTO', name: 'Exento', rateBp: 0, active: true },
  { code: 'IVA16', name: 'IVA anterior', rateBp: 1600, active: false },
];

export const DEFAULT_CATEGORIES: CategoryTaxDto[] = [
  { id: 1, name: 'Camisetas', taxCode: null, productCount: 1 },
  { id: 2, name: 'Jeans', taxCode: 'IVA5', productCount: 1 },
  { id: 3, name: 'Accesorios', taxCode: null, productCount: 0 },
];

const TRIVIAL_PINS = new Set(['1234', '12345', '123456', '4321', '1111', '0000']);

/** Main's rule for a new PIN: not all one digit, not a straight run, not a well-known one. */
function weakPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const run = (step: number) => digits.every((d, i) => i === 0 || d === (digits[i - 1]! + step + 10) % 10);
  return digits.every((d) => d === digits[0]) || run(1) || run(-1) || TRIVIAL_PINS.has(pin);
}

/** EAN-13 from its first 12 digits. */
export function ean13(first12: string): string {
  const sum = [...first12].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return first12 + String((10 - (sum % 10)) % 10);
}

interface FakeProduct {
  productId: number;
  plu: string;
  name: string;
  brand: string;
  price: number;
  taxCode: string;
  taxRateBp: number;
  colors: VariantGrid['colors'];
  sizes: VariantGrid['sizes'];
  /** [variantId, colorId, sizeId, stock] */
  cells: Array<[number, number, number, number]>;
}

const BLACK = { id: 1, name: 'Negro', nameEn: 'Black', hex: '#000000' };
const WHITE = { id: 2, name: 'Blanco', nameEn: 'White', hex: '#FFFFFF' };
const BLUE = { id: 5, name: 'Azul', nameEn: 'Blue', hex: '#1E5AA8' };

export const FAKE_PRODUCTS: readonly FakeProduct[] = [
  {
    productId: 1,
    plu: '1001',
    name: 'Camiseta básica',
    brand: 'Algodón Andino',
    price: 4990000,
    taxCode: 'IVA19',
    taxRateBp: 1900,
    colors: [BLACK, WHITE],
    sizes: [
      { id: 2, code: 'S' },
      { id: 3, code: 'M' },
      { id: 4, code: 'L' },
    ],
    // White L does not exist.
    cells: [
      [11, 1, 2, 5],
      [12, 1, 3, 0],
      [13, 1, 4, 3],
      [14, 2, 2, 2],
      [15, 2, 3, 4],
    ],
  },
  {
    productId: 2,
    plu: '2002',
    name: 'Jean clásico',
    brand: 'Denim Sur',
    price: 12990000,
    taxCode: 'IVA5',
    taxRateBp: 500,
    colors: [BLUE],
    sizes: [
      { id: 30, code: '30' },
      { id: 32, code: '32' },
    ],
    cells: [
      [21, 5, 30, 7],
      [22, 5, 32, 1],
    ],
  },
];

/** Barcode of each variant: in-store EAN-13s, 20 + the variant id. */
export const barcodeOf = (variantId: number): string => ean13(`20${String(variantId).padStart(10, '0')}`);

const REFERENCE: ReferenceLists = {
  countries: [
    { code: 'CO', nameEs: 'Colombia', nameEn: 'Colombia' },
    { code: 'EC', nameEs: 'Ecuador', nameEn: 'Ecuador' },
    { code: 'ES', nameEs: 'España', nameEn: 'Spain' },
    { code: 'US', nameEs: 'Estados Unidos', nameEn: 'United States' },
  ],
  documentTypes: [
    { code: 'NATIONAL_ID', name: 'Cédula de ciudadanía' },
    { code: 'TAX_ID', name: 'NIT / Identificación tributaria' },
    { code: 'PASSPORT', name: 'Pasaporte' },
  ],
  phoneTypes: [
    { code: 'MOBILE', name: 'Móvil' },
    { code: 'HOME', name: 'Casa' },
  ],
};

const ok = <T>(value: T): Result<T> => ({ ok: true, value });
const fail = (code: ErrorInfo['code'], message: string, details?: ErrorInfo['details'], field?: string): Result<never> => ({
  ok: false,
  error: { code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) },
});

/** What main's router does before any handler: parse the input with the channel's schema. */
function parsed<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const issue = result.error.issues[0]!;
  const field = issue.path.join('.');
  return fail('VALIDATION', field ? `${field}: ${issue.message}` : issue.message, undefined, field || undefined);
}

const BP = 10_000;
const roundDiv = (n: number, d: number) => Math.round(n / d);

interface StoredLine {
  lineId: number;
  variantId: number;
  quantity: number;
  unitPrice: number;
  originalUnitPrice: number | null;
  priceOverrideReason: string | null;
  discount: DiscountDto | null;
  approvedBy: string | null;
}

interface Draft {
  draftId: number;
  lines: StoredLine[];
  customerId: number | null;
  billingAddressId: number | null;
  shippingAddressId: number | null;
  orderDiscount: DiscountDto | null;
  orderDiscountApprovedBy: string | null;
  label: string | null;
  parkedAt: string | null;
  pendingTenders?: PendingTender[];
}

type FakeCustomer = CustomerDetail;

export function createFakePos(options: FakePosOptions = {}) {
  const users = (options.users ?? DEFAULT_USERS).map(
    (user): FakeUser & { username: string; active: boolean } => ({
      ...user,
      username: user.username ?? user.displayName.split(/\s+/)[0]!.toLowerCase(),
      active: user.active ?? true,
    }),
  );
  const maxAttempts = options.maxAttempts ?? 5;
  const now = options.now ?? (() => new Date());
  const failures = new Map<number, number>();
  const calls: Array<{ channel: string; input: unknown }> = [];
  const state = {
    session: options.session ?? null,
    settings: {
      storeName: 'Tienda Centro',
      registerCode: 'C01',
      currency: 'COP',
      locale: 'es-CO',
      pricesIncludeTax: true,
      defaultTaxCode: 'IVA19',
      stockPolicy: 'warn',
      discountApprovalBp: 1000,
      cashRoundingIncrement: 0,
      receiptHeader: [],
      receiptFooter: [],
      thermalPrinterHost: null,
      thermalPrinterPort: 9100,
      receiptColumns: 42,
      ...options.settings,
    } satisfies StoreSettings as StoreSettings,
    status: {
      version: '0.1.0',
      shell: 'electron',
      sync: { state: 'not_configured', pending: 0, lastSyncAt: null },
      ...options.status,
    } satisfies AppStatus as AppStatus,
    stock: new Map<number, number>(),
    draft: null as Draft | null,
    parked: [] as Draft[],
    sales: [] as Array<{ summary: SaleSummary; receipt: Receipt; key: string }>,
    customers: [
      {
        id: 1,
        name: 'Carlos Rojas Díaz',
        documentType: 'NATIONAL_ID',
        document: '80123456',
        email: 'carlos@example.com',
        phone: '3001234567',
        creditBalance: 2000000,
        firstName: 'Carlos',
        middleName: null,
        lastName: 'Rojas',
        secondLastName: 'Díaz',
        phoneType: 'MOBILE',
        countryCode: 'CO',
        addresses: [{ id: 1, kind: 'billing', address: 'Calle 10 # 20-30, Bogotá', zipCode: '110111', countryCode: 'CO' }],
      },
    ] as FakeCustomer[],
    searchPicks: new Map<number, number>(),
    printed: [] as Array<{ invoiceId: number; openDrawer: boolean }>,
    /** Everyone, active or not (the same objects main's staff channels change). */
    staffUsers: users,
    taxRates: (options.taxRates ?? DEFAULT_TAX_RATES).map((r) => ({ ...r })),
    categories: (options.categories ?? DEFAULT_CATEGORIES).map((c) => ({ ...c })),
    /** Per-product rate assignments (product id -> code, null = store default). */
    productTaxCodes: new Map<number, string | null>(),
  };
  for (const product of FAKE_PRODUCTS) for (const [variantId, , , stock] of product.cells) state.stock.set(variantId, stock);
  for (const [id, stock] of Object.entries(options.stock ?? {})) state.stock.set(Number(id), stock);

  let nextId = 100;
  const newId = () => ++nextId;
  const record = (channel: string, input: unknown) => calls.push({ channel, input });
  const summary = ({ id, displayName, role }: FakeUser): StaffSummary => ({ id, displayName, role });
  const actor = (): StaffSummary => state.session?.user ?? summary(users[0]!);
  const staffDto = (u: (typeof users)[number]): StaffUserDto => ({
    ...summary(u),
    username: u.username,
    active: u.active,
    lockedUntil: u.lockedUntil && new Date(u.lockedUntil) > now() ? u.lockedUntil : null,
  });

  /** The role check main's router makes before a handler runs. */
  function denied(access: Access): Result<never> | null {
    if (access === 'public') return null;
    if (!state.session) return fail('UNAUTHENTICATED', 'sign in with your PIN first');
    if (!roleAtLeast(state.session.user.role, access)) return fail('FORBIDDEN', `needs ${access}`);
    return null;
  }

  async function createStaff(input: { username: string; displayName: string; pin: string; role: StaffSummary['role'] }): Promise<Result<(typeof users)[number]>> {
    if (weakPin(input.pin)) return fail('VALIDATION', 'PIN is too easy to guess (repeated or sequential digits)', undefined, 'pin');
    if (users.some((u) => u.username === input.username)) return fail('CONFLICT', `username ${input.username} is taken`, undefined, 'username');
    const user = { id: newId(), displayName: input.displayName, role: input.role, pin: input.pin, username: input.username, active: true };
    users.push(user);
    return ok(user);
  }

  const activeRate = (code: string) => state.taxRates.some((r) => r.code === code && r.active);

  // ---- catalog -------------------------------------------------------------
  function variantOf(variantId: number): SellableVariant | null {
    for (const p of FAKE_PRODUCTS) {
      const cell = p.cells.find(([id]) => id === variantId);
      if (!cell) continue;
      const color = p.colors.find((c) => c.id === cell[1])!;
      const size = p.sizes.find((s) => s.id === cell[2])!;
      return {
        variantId,
        productId: p.productId,
        plu: p.plu,
        name: p.name,
        colorName: color.name,
        colorNameEn: color.nameEn,
        colorHex: color.hex,
        sizeCode: size.code,
        barcode: barcodeOf(variantId),
        unitPrice: p.price,
        taxCode: p.taxCode,
        taxRateBp: p.taxRateBp,
        stock: state.stock.get(variantId) ?? 0,
      };
    }
    return null;
  }

  function gridOf(p: FakeProduct): VariantGrid {
    return {
      product: { productId: p.productId, plu: p.plu, name: p.name, brand: p.brand, price: p.price },
      colors: p.colors,
      sizes: p.sizes,
      cells: p.cells.map(([variantId, colorId, sizeId]) => ({
        variantId,
        colorId,
        sizeId,
        stock: state.stock.get(variantId) ?? 0,
        barcode: barcodeOf(variantId),
      })),
    };
  }

  // ---- pricing -------------------------------------------------------------
  const discountOf = (d: DiscountDto | null, of: number) =>
    !d ? 0 : Math.min(of, d.kind === 'percent' ? roundDiv(of * d.percentBp, BP) : d.amount);

  function cartOf(draft: Draft | null): Cart {
    const includeTax = state.settings.pricesIncludeTax;
    if (!draft) return emptyCart(includeTax);
    const inCart = new Map<number, number>();
    for (const l of draft.lines) inCart.set(l.variantId, (inCart.get(l.variantId) ?? 0) + l.quantity);
    const afterLine = draft.lines.map((l) => l.unitPrice * l.quantity - discountOf(l.discount, l.unitPrice * l.quantity));
    const net = afterLine.reduce((a, b) => a + b, 0);
    const orderAmount = discountOf(draft.orderDiscount, net);
    let shareLeft = orderAmount;
    const taxes = new Map<string, { taxCode: string; rateBp: number; base: number; tax: number }>();
    const lines = draft.lines.map((l, i): CartLine => {
      const variant = variantOf(l.variantId)!;
      const gross = l.unitPrice * l.quantity;
      const discountAmount = discountOf(l.discount, gross);
      const share = i === draft.lines.length - 1 ? shareLeft : net > 0 ? Math.floor((orderAmount * afterLine[i]!) / net) : 0;
      shareLeft -= share;
      const after = gross - discountAmount - share;
      const tax = includeTax ? roundDiv(after * variant.taxRateBp, BP + variant.taxRateBp) : roundDiv(after * variant.taxRateBp, BP);
      const base = includeTax ? after - tax : after;
      const bucket = taxes.get(variant.taxCode) ?? { taxCode: variant.taxCode, rateBp: variant.taxRateBp, base: 0, tax: 0 };
      bucket.base += base;
      bucket.tax += tax;
      taxes.set(variant.taxCode, bucket);
      return {
        lineId: l.lineId,
        variant,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        originalUnitPrice: l.originalUnitPrice,
        priceOverrideReason: l.priceOverrideReason,
        discount: l.discount,
        approvedBy: l.approvedBy,
        gross,
        discountAmount,
        orderDiscountShare: share,
        tax,
        total: base + tax,
        stockShort: Math.max(0, (inCart.get(l.variantId) ?? 0) - Math.max(variant.stock, 0)),
      };
    });
    const sum = (pick: (l: CartLine) => number) => lines.reduce((a, l) => a + pick(l), 0);
    const customer = draft.customerId === null ? null : customerSummary(state.customers.find((c) => c.id === draft.customerId)!);
    return {
      draftId: draft.draftId,
      draftGlobalId: `draft-${draft.draftId}`,
      lines,
      customer,
      billingAddressId: draft.billingAddressId,
      shippingAddressId: draft.shippingAddressId,
      orderDiscount: draft.orderDiscount,
      orderDiscountApprovedBy: draft.orderDiscountApprovedBy,
      pricesIncludeTax: includeTax,
      totals: {
        gross: sum((l) => l.gross),
        discount: sum((l) => l.discountAmount + l.orderDiscountShare),
        base: sum((l) => l.total - l.tax),
        tax: sum((l) => l.tax),
        total: sum((l) => l.total),
        taxes: [...taxes.values()],
      },
      pendingTenders: draft.pendingTenders ?? [],
      updatedAt: now().toISOString(),
    };
  }

  const current = () => cartOf(state.draft);

  function ensureDraft(): Draft {
    state.draft ??= {
      draftId: newId(),
      lines: [],
      customerId: null,
      billingAddressId: null,
      shippingAddressId: null,
      orderDiscount: null,
      orderDiscountApprovedBy: null,
      label: null,
      parkedAt: null,
    };
    return state.draft;
  }

  function checkStock(variantId: number, wanted: number, exceptLineId?: number): Result<never> | null {
    if (state.settings.stockPolicy !== 'block') return null;
    const inCart = (state.draft?.lines ?? []).filter((l) => l.variantId === variantId && l.lineId !== exceptLineId).reduce((a, l) => a + l.quantity, 0);
    const stock = state.stock.get(variantId) ?? 0;
    return inCart + wanted > stock ? fail('STOCK_SHORT', `only ${stock} in stock`, { stock }, 'quantity') : null;
  }

  function addVariant(variantId: number, quantity: number): Result<number> {
    if (!variantOf(variantId)) return fail('NOT_FOUND', `no variant ${variantId}`, undefined, 'variantId');
    const short = checkStock(variantId, quantity);
    if (short) return short;
    const draft = ensureDraft();
    const same = draft.lines.find((l) => l.variantId === variantId && !l.discount && l.originalUnitPrice === null);
    if (same) {
      same.quantity += quantity;
      return ok(same.lineId);
    }
    const line: StoredLine = {
      lineId: newId(),
      variantId,
      quantity,
      unitPrice: variantOf(variantId)!.unitPrice,
      originalUnitPrice: null,
      priceOverrideReason: null,
      discount: null,
      approvedBy: null,
    };
    draft.lines.push(line);
    return ok(line.lineId);
  }

  const findLine = (lineId: number) => state.draft?.lines.find((l) => l.lineId === lineId) ?? null;

  /** Who approves: the signed-in manager themself, or a manager's PIN. */
  function approve(approval: { userId: number; pin: string } | undefined, what: string): Result<string> {
    const me = actor();
    if (me.role !== 'cashier') return ok(me.displayName);
    if (!approval) return fail('APPROVAL_REQUIRED', `${what} needs a manager's PIN`, undefined, 'approval');
    const approver = users.find((u) => u.id === approval.userId);
    if (!approver) return fail('NOT_FOUND', `no staff user ${approval.userId}`, undefined, 'approval.userId');
    if (approver.pin !== approval.pin) return fail('PIN_INVALID', 'wrong PIN', { attemptsLeft: maxAttempts - 1 }, 'approval.pin');
    if (approver.role === 'cashier') return fail('FORBIDDEN', `${approver.displayName} cannot approve ${what}`, undefined, 'approval');
    return ok(approver.displayName);
  }

  function validDiscount(d: DiscountDto): Result<never> | null {
    if (!d.reason.trim()) return fail('VALIDATION', 'give a reason', undefined, 'discount.reason');
    if (d.kind === 'percent' && (d.percentBp < 1 || d.percentBp > BP)) return fail('VALIDATION', 'bad percent', undefined, 'discount.percentBp');
    if (d.kind === 'amount' && d.amount < 1) return fail('VALIDATION', 'bad amount', undefined, 'discount.amount');
    return null;
  }

  const needsApproval = (d: DiscountDto, gross: number) =>
    d.kind === 'percent' ? d.percentBp > state.settings.discountApprovalBp : d.amount * BP > gross * state.settings.discountApprovalBp;

  // ---- customers -----------------------------------------------------------
  function customerSummary(c: FakeCustomer): CustomerSummary {
    const { id, name, documentType, document, email, phone, creditBalance } = c;
    return { id, name, documentType, document, email, phone, creditBalance };
  }

  // ---- completion ----------------------------------------------------------
  function receiptOf(invoiceId: number, invoiceNumber: string, cart: Cart, payments: Receipt['payments'], change: number): Receipt {
    return {
      copy: false,
      invoiceId,
      invoiceNumber,
      date: now().toISOString(),
      storeName: state.settings.storeName,
      header: state.settings.receiptHeader,
      footer: state.settings.receiptFooter,
      registerCode: state.settings.registerCode,
      cashier: actor().displayName,
      customer: cart.customer ? { name: cart.customer.name, document: cart.customer.document } : null,
      lines: cart.lines.map((l) => ({
        name: l.variant.name,
        plu: l.variant.plu,
        colorName: l.variant.colorName,
        sizeCode: l.variant.sizeCode,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountAmount: l.discountAmount + l.orderDiscountShare,
        total: l.total,
        taxCode: l.variant.taxCode,
      })),
      totals: { ...cart.totals, cashRounding: 0 },
      orderDiscount: cart.lines.reduce((a, l) => a + l.orderDiscountShare, 0),
      payments,
      change,
      currency: state.settings.currency,
      locale: state.settings.locale,
      pricesIncludeTax: cart.pricesIncludeTax,
    };
  }

  const api: PosApi = {
    app: {
      status: async (input) => {
        record('app.status', input);
        return ok(state.status);
      },
    },
    session: {
      staffList: async (input) => {
        record('session.staffList', input);
        return ok(users.filter((u) => u.active).map(summary));
      },
      login: async (input) => {
        record('session.login', input);
        const user = users.find((u) => u.id === input.userId);
        if (!user) return fail('NOT_FOUND', `no staff user ${input.userId}`);
        if (!user.active) return fail('USER_DISABLED', `${user.displayName} is disabled`);
        if (user.lockedUntil && new Date(user.lockedUntil) > now()) {
          return fail('USER_LOCKED', 'locked', { lockedUntil: user.lockedUntil });
        }
        if (input.pin !== user.pin) {
          const attempts = (failures.get(user.id) ?? 0) + 1;
          failures.set(user.id, attempts);
          return fail('PIN_INVALID', 'wrong PIN', { attemptsLeft: maxAttempts - attempts });
        }
        failures.delete(user.id);
        state.session = { user: summary(user), since: now().toISOString() };
        return ok(state.session);
      },
      logout: async (input) => {
        record('session.logout', input);
        if (!state.session) return fail('UNAUTHENTICATED', 'sign in with your PIN first');
        state.session = null;
        return ok(null);
      },
      current: async (input) => {
        record('session.current', input);
        return ok(state.session);
      },
      bootstrapAdmin: async (input) => {
        record('session.bootstrapAdmin', input);
        const valid = parsed(contract.session.bootstrapAdmin.input, input);
        if (!valid.ok) return valid;
        if (users.length > 0) return fail('FORBIDDEN', 'this store already has staff; an admin adds new users', undefined, 'username');
        const created = await createStaff({ ...valid.value, role: 'admin' });
        if (!created.ok) return created;
        state.session = { user: summary(created.value), since: now().toISOString() };
        return ok(state.session);
      },
    },
    settings: {
      storePublic: async (input) => {
        record('settings.storePublic', input);
        const { storeName, currency, locale } = state.settings;
        return ok({ storeName, currency, locale });
      },
      store: async (input) => {
        record('settings.store', input);
        const refused = denied(contract.settings.store.access);
        if (refused) return refused;
        return ok(state.settings);
      },
      updateStore: async (input) => {
        record('settings.updateStore', input);
        const refused = denied(contract.settings.updateStore.access);
        if (refused) return refused;
        const valid = parsed(contract.settings.updateStore.input, input);
        if (!valid.ok) return valid;
        const patch = Object.fromEntries(Object.entries(valid.value).filter(([, v]) => v !== undefined)) as Partial<StoreSettings>;
        if (patch.defaultTaxCode !== undefined && !activeRate(patch.defaultTaxCode)) {
          return fail('VALIDATION', `no active tax rate ${patch.defaultTaxCode}`, undefined, 'defaultTaxCode');
        }
        state.settings = { ...state.settings, ...patch };
        return ok(state.settings);
      },
      taxRates: async (input) => {
        record('settings.taxRates', input);
        const refused = denied(contract.settings.taxRates.access);
        if (refused) return refused;
        return ok(state.taxRates.map((r) => ({ ...r })));
      },
      saveTaxRate: async (input) => {
        record('settings.saveTaxRate', input);
        const refused = denied(contract.settings.saveTaxRate.access);
        if (refused) return refused;
        const valid = parsed(contract.settings.saveTaxRate.input, input);
        if (!valid.ok) return valid;
        const rate = valid.value;
        if (!rate.active && rate.code === state.settings.defaultTaxCode) {
          return fail('CONFLICT', `${rate.code} is the store's default tax rate`, undefined, 'active');
        }
        const existing = state.taxRates.find((r) => r.code === rate.code);
        if (existing) Object.assign(existing, rate);
        else state.taxRates.push({ ...rate });
        return ok(state.taxRates.map((r) => ({ ...r })));
      },
      categories: async (input) => {
        record('settings.categories', input);
        const refused = denied(contract.settings.categories.access);
        if (refused) return refused;
        return ok(state.categories.map((c) => ({ ...c })));
      },
      assignTaxRate: async (input) => {
        record('settings.assignTaxRate', input);
        const refused = denied(contract.settings.assignTaxRate.access);
        if (refused) return refused;
        const valid = parsed(contract.settings.assignTaxRate.input, input);
        if (!valid.ok) return valid;
        const { target, id, taxCode } = valid.value;
        if (taxCode !== null && !activeRate(taxCode)) return fail('VALIDATION', `no active tax rate ${taxCode}`, undefined, 'taxCode');
        if (target === 'category') {
          const category = state.categories.find((c) => c.id === id);
          if (!category) return fail('NOT_FOUND', `no category ${id}`, undefined, 'id');
          category.taxCode = taxCode;
        } else {
          if (!FAKE_PRODUCTS.some((p) => p.productId === id)) return fail('NOT_FOUND', `no product ${id}`, undefined, 'id');
          state.productTaxCodes.set(id, taxCode);
        }
        return ok(state.categories.map((c) => ({ ...c })));
      },
    },
    staff: {
      list: async (input) => {
        record('staff.list', input);
        const refused = denied(contract.staff.list.access);
        if (refused) return refused;
        return ok(users.filter((u) => u.active || input.includeInactive).map(staffDto));
      },
      add: async (input) => {
        record('staff.add', input);
        const refused = denied(contract.staff.add.access);
        if (refused) return refused;
        const valid = parsed(contract.staff.add.input, input);
        if (!valid.ok) return valid;
        const created = await createStaff(valid.value);
        return created.ok ? ok(staffDto(created.value)) : created;
      },
      disable: async (input) => {
        record('staff.disable', input);
        const refused = denied(contract.staff.disable.access);
        if (refused) return refused;
        const user = users.find((u) => u.id === input.id);
        if (!user) return fail('NOT_FOUND', `no staff user ${input.id}`, undefined, 'user');
        if (user.active && user.role === 'admin' && users.filter((u) => u.active && u.role === 'admin').length <= 1) {
          return fail('CONFLICT', 'cannot disable the last active admin', undefined, 'user');
        }
        user.active = false;
        return ok(staffDto(user));
      },
    },
    reference: {
      lists: async (input) => {
        record('reference.lists', input);
        return ok(REFERENCE);
      },
    },
    catalog: {
      search: async (input) => {
        record('catalog.search', input);
        const words = input.query.toLowerCase().split(/\s+/).filter(Boolean);
        if (words.length === 0) return ok([]);
        const hits = FAKE_PRODUCTS.filter((p) => {
          const text = `${p.name} ${p.plu} ${p.brand} ${p.colors.map((c) => c.name).join(' ')}`.toLowerCase();
          return words.every((w) => text.split(/\s+/).some((t) => t.startsWith(w)));
        });
        return ok(
          hits.slice(0, input.limit ?? 20).map(
            (p): ProductHit => ({
              productId: p.productId,
              plu: p.plu,
              name: p.name,
              brand: p.brand,
              price: p.price,
              stock: p.cells.reduce((a, [id]) => a + (state.stock.get(id) ?? 0), 0),
              variantCount: p.cells.length,
            }),
          ),
        );
      },
      grid: async (input) => {
        record('catalog.grid', input);
        const product = FAKE_PRODUCTS.find((p) => p.productId === input.productId);
        return product ? ok(gridOf(product)) : fail('NOT_FOUND', `no product ${input.productId}`, undefined, 'productId');
      },
    },
    sales: {
      current: async (input) => {
        record('sales.current', input);
        return ok(current());
      },
      scan: async (input) => {
        record('sales.scan', input);
        const code = input.code.trim();
        if (/^\d{13}$/.test(code)) {
          if (ean13(code.slice(0, 12)) !== code) return fail('BARCODE_INVALID', `${code} has a wrong check digit`, undefined, 'code');
          const variant = FAKE_PRODUCTS.flatMap((p) => p.cells.map(([id]) => id)).find((id) => barcodeOf(id) === code);
          if (variant !== undefined) {
            const added = addVariant(variant, 1);
            if (!added.ok) return added;
            return ok({ kind: 'added' as const, cart: current(), lineId: added.value });
          }
        }
        const product = FAKE_PRODUCTS.find((p) => p.plu === code);
        if (product) return ok({ kind: 'pick' as const, grid: gridOf(product) });
        return fail('NOT_FOUND', `no product or barcode ${code}`, { code }, 'code');
      },
      addVariant: async (input) => {
        record('sales.addVariant', input);
        const added = addVariant(input.variantId, input.quantity ?? 1);
        if (!added.ok) return added;
        if (input.fromSearch) {
          const productId = variantOf(input.variantId)!.productId;
          state.searchPicks.set(productId, (state.searchPicks.get(productId) ?? 0) + 1);
        }
        return ok(current());
      },
      setQuantity: async (input) => {
        record('sales.setQuantity', input);
        const line = findLine(input.lineId);
        if (!line) return fail('NOT_FOUND', `line ${input.lineId} is not in the sale`, undefined, 'lineId');
        const short = checkStock(line.variantId, input.quantity, line.lineId);
        if (short) return short;
        line.quantity = input.quantity;
        return ok(current());
      },
      removeLine: async (input) => {
        record('sales.removeLine', input);
        if (!state.draft || !findLine(input.lineId)) return fail('NOT_FOUND', `line ${input.lineId} is not in the sale`, undefined, 'lineId');
        state.draft.lines = state.draft.lines.filter((l) => l.lineId !== input.lineId);
        return ok(current());
      },
      setLineDiscount: async (input) => {
        record('sales.setLineDiscount', input);
        const line = findLine(input.lineId);
        if (!line) return fail('NOT_FOUND', `line ${input.lineId} is not in the sale`, undefined, 'lineId');
        let approvedBy: string | null = null;
        if (input.discount) {
          const invalid = validDiscount(input.discount);
          if (invalid) return invalid;
          if (needsApproval(input.discount, line.unitPrice * line.quantity)) {
            const approved = approve(input.approval, 'this discount');
            if (!approved.ok) return approved;
            approvedBy = approved.value;
          }
        }
        line.discount = input.discount;
        line.approvedBy = approvedBy;
        return ok(current());
      },
      overridePrice: async (input) => {
        record('sales.overridePrice', input);
        const line = findLine(input.lineId);
        if (!line) return fail('NOT_FOUND', `line ${input.lineId} is not in the sale`, undefined, 'lineId');
        if (!input.reason.trim()) return fail('VALIDATION', 'give a reason', undefined, 'reason');
        const approved = approve(input.approval, 'a price change');
        if (!approved.ok) return approved;
        line.originalUnitPrice ??= line.unitPrice;
        line.unitPrice = input.unitPrice;
        line.priceOverrideReason = input.reason.trim();
        line.approvedBy = approved.value;
        return ok(current());
      },
      setOrderDiscount: async (input) => {
        record('sales.setOrderDiscount', input);
        if (!state.draft) return fail('NOT_FOUND', 'there is no sale in progress', undefined, 'draftId');
        let approvedBy: string | null = null;
        if (input.discount) {
          const invalid = validDiscount(input.discount);
          if (invalid) return invalid;
          if (needsApproval(input.discount, current().totals.gross)) {
            const approved = approve(input.approval, 'this discount');
            if (!approved.ok) return approved;
            approvedBy = approved.value;
          }
        }
        state.draft.orderDiscount = input.discount;
        state.draft.orderDiscountApprovedBy = approvedBy;
        return ok(current());
      },
      setCustomer: async (input) => {
        record('sales.setCustomer', input);
        const customer = input.customerId === null ? null : state.customers.find((c) => c.id === input.customerId);
        if (customer === undefined) return fail('NOT_FOUND', `no customer ${input.customerId}`, undefined, 'customerId');
        const owns = (id: number | null | undefined, kind: AddressDto['kind']) =>
          id == null || (customer?.addresses.some((a) => a.id === id && a.kind === kind) ?? false);
        if (!owns(input.billingAddressId, 'billing')) return fail('VALIDATION', 'not their address', undefined, 'billingAddressId');
        if (!owns(input.shippingAddressId, 'shipping')) return fail('VALIDATION', 'not their address', undefined, 'shippingAddressId');
        const draft = ensureDraft();
        draft.customerId = customer?.id ?? null;
        draft.billingAddressId = input.billingAddressId ?? null;
        draft.shippingAddressId = input.shippingAddressId ?? null;
        return ok(current());
      },
      park: async (input) => {
        record('sales.park', input);
        if (!state.draft || state.draft.lines.length === 0) return fail('VALIDATION', 'there is nothing to park', undefined, 'draftId');
        state.parked.push({ ...state.draft, label: input.label?.trim() || null, parkedAt: now().toISOString() });
        state.draft = null;
        return ok(current());
      },
      parked: async (input) => {
        record('sales.parked', input);
        return ok(
          state.parked.map((d): ParkedSale => {
            const cart = cartOf(d);
            return {
              draftId: d.draftId,
              label: d.label,
              parkedAt: d.parkedAt ?? '',
              lineCount: d.lines.length,
              total: cart.totals.total,
              customerName: cart.customer?.name ?? null,
            };
          }),
        );
      },
      resume: async (input) => {
        record('sales.resume', input);
        const target = state.parked.find((d) => d.draftId === input.draftId);
        if (!target) return fail('NOT_FOUND', `no parked sale ${input.draftId}`, undefined, 'draftId');
        state.parked = state.parked.filter((d) => d !== target);
        if (state.draft && state.draft.lines.length > 0) state.parked.push({ ...state.draft, parkedAt: now().toISOString() });
        state.draft = { ...target, label: null, parkedAt: null };
        return ok(current());
      },
      setTenders: async (input) => {
        record('sales.setTenders', input);
        if (!state.draft) return fail('NOT_FOUND', 'there is no sale in progress', undefined, 'draftId');
        state.draft.pendingTenders = input.tenders;
        return ok(current());
      },
      voidCurrent: async (input) => {
        record('sales.voidCurrent', input);
        if (!input.reason.trim()) return fail('VALIDATION', 'give a reason', undefined, 'reason');
        if (!state.draft) return fail('NOT_FOUND', 'there is no sale in progress', undefined, 'draftId');
        state.draft = null;
        return ok(current());
      },
      complete: async (input) => {
        record('sales.complete', input);
        const done = state.sales.find((s) => s.key === input.completionKey);
        if (done) {
          return ok<CompleteOutcome>({ invoiceId: done.summary.invoiceId, invoiceNumber: done.summary.invoiceNumber, replayed: true, receipt: done.receipt });
        }
        const cart = current();
        if (!state.draft || cart.lines.length === 0) return fail('VALIDATION', 'the sale has no lines', undefined, 'lines');
        if (input.payments.length === 0) return fail('PAYMENT_SHORT', 'add a payment first', undefined, 'payments');
        const missingRef = input.payments.findIndex((p) => (p.method === 'card' || p.method === 'transfer') && !p.reference?.trim());
        if (missingRef >= 0) return fail('VALIDATION', 'needs a reference', undefined, `payments.${missingRef}.reference`);
        const nonCash = input.payments.filter((p) => p.method !== 'cash').reduce((a, p) => a + p.amount, 0);
        const cash = input.payments.filter((p) => p.method === 'cash').reduce((a, p) => a + p.amount, 0);
        const total = cart.totals.total;
        if (nonCash > total) return fail('VALIDATION', 'card, transfer and store credit cannot exceed the amount due', undefined, 'payments');
        if (nonCash + cash < total) return fail('PAYMENT_SHORT', 'the payments do not cover the total', { remaining: total - nonCash - cash }, 'payments');
        let change = cash - (total - nonCash);
        const payments = input.payments.map((p) => {
          if (p.method !== 'cash') return { method: p.method, amount: p.amount, tendered: null, reference: p.reference ?? null };
          const giveBack = Math.min(change, p.amount);
          change -= giveBack;
          return { method: p.method, amount: p.amount - giveBack, tendered: p.amount, reference: null };
        });
        const invoiceId = state.draft.draftId;
        const invoiceNumber = `${state.settings.registerCode}-${String(state.sales.length + 1).padStart(6, '0')}`;
        const receipt = receiptOf(invoiceId, invoiceNumber, cart, payments, cash - (total - nonCash));
        for (const l of cart.lines) state.stock.set(l.variant.variantId, (state.stock.get(l.variant.variantId) ?? 0) - l.quantity);
        state.sales.push({
          key: input.completionKey,
          receipt,
          summary: {
            invoiceId,
            invoiceNumber,
            date: receipt.date,
            total,
            state: 'COMPLETED',
            customerName: cart.customer?.name ?? null,
            lineCount: cart.lines.length,
          },
        });
        state.draft = null;
        return ok<CompleteOutcome>({ invoiceId, invoiceNumber, replayed: false, receipt });
      },
      history: async (input) => {
        record('sales.history', input);
        const query = input.query?.trim().toLowerCase() ?? '';
        return ok(
          state.sales
            .map((s) => s.summary)
            .filter((s) => !query || s.invoiceNumber.toLowerCase().includes(query) || (s.customerName ?? '').toLowerCase().includes(query))
            .reverse()
            .slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 50)),
        );
      },
      receipt: async (input) => {
        record('sales.receipt', input);
        const sale = state.sales.find((s) => s.summary.invoiceId === input.invoiceId);
        return sale ? ok({ ...sale.receipt, copy: true }) : fail('NOT_FOUND', `no sale ${input.invoiceId}`, undefined, 'invoiceId');
      },
      receiptEscpos: async (input) => {
        record('sales.receiptEscpos', input);
        const sale = state.sales.find((s) => s.summary.invoiceId === input.invoiceId);
        if (!sale) return fail('NOT_FOUND', `no sale ${input.invoiceId}`, undefined, 'invoiceId');
        const bytes = new TextEncoder().encode(`\x1b@${sale.receipt.invoiceNumber}\n${input.openDrawer ? '\x1bp\x00\x19\xfa' : ''}`);
        return ok({ base64: btoa(String.fromCharCode(...bytes)), bytes: bytes.length });
      },
      printThermal: async (input) => {
        record('sales.printThermal', input);
        if (!state.settings.thermalPrinterHost) return fail('VALIDATION', 'no thermal printer is configured', undefined, 'thermalPrinterHost');
        state.printed.push({ invoiceId: input.invoiceId, openDrawer: input.openDrawer ?? false });
        return ok({ printed: true, bytes: 512 });
      },
    },
    customers: {
      search: async (input) => {
        record('customers.search', input);
        const q = input.query.trim().toLowerCase();
        return ok(
          state.customers
            .filter((c) => [c.name, c.document, c.email, c.phone].some((v) => v?.toLowerCase().includes(q)))
            .map(customerSummary),
        );
      },
      create: async (input) => {
        record('customers.create', input);
        const required: Array<[keyof typeof input, string]> = [
          ['documentTypeCode', 'choose a document type'],
          ['firstName', 'first name is required'],
          ['lastName', 'last name is required'],
        ];
        for (const [field, message] of required) if (!String(input[field] ?? '').trim()) return fail('VALIDATION', message, undefined, field);
        if (!/^[A-Za-z0-9.-]{3,20}$/.test(input.document.trim())) return fail('VALIDATION', 'document number', undefined, 'document');
        if (input.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.email)) return fail('VALIDATION', 'not a valid email address', undefined, 'email');
        if (input.phone && !/^\+?[0-9 ()-]{7,20}$/.test(input.phone)) return fail('VALIDATION', 'phone', undefined, 'phone');
        if (state.customers.some((c) => c.document === input.document.trim() && c.documentType === input.documentTypeCode)) {
          return fail('CONFLICT', 'a customer with that document exists', undefined, 'document');
        }
        const names = [input.firstName, input.middleName, input.lastName, input.secondLastName].filter((n) => n?.trim());
        const customer: FakeCustomer = {
          id: newId(),
          name: names.join(' '),
          documentType: input.documentTypeCode,
          document: input.document.trim(),
          email: input.email || null,
          phone: input.phone || null,
          creditBalance: 0,
          firstName: input.firstName.trim(),
          middleName: input.middleName?.trim() || null,
          lastName: input.lastName.trim(),
          secondLastName: input.secondLastName?.trim() || null,
          phoneType: input.phoneTypeCode ?? null,
          countryCode: input.countryCode,
          addresses: [],
        };
        state.customers.push(customer);
        return ok(customer);
      },
      get: async (input) => {
        record('customers.get', input);
        const customer = state.customers.find((c) => c.id === input.id);
        return customer ? ok(customer) : fail('NOT_FOUND', `no customer ${input.id}`, undefined, 'id');
      },
      addAddress: async (input) => {
        record('customers.addAddress', input);
        const customer = state.customers.find((c) => c.id === input.customerId);
        if (!customer) return fail('NOT_FOUND', `no customer ${input.customerId}`, undefined, 'customerId');
        if (input.address.trim().length < 5) return fail('VALIDATION', 'address is too short', undefined, 'address');
        const address: AddressDto = {
          id: newId(),
          kind: input.kind,
          address: input.address.trim(),
          zipCode: input.zipCode || null,
          countryCode: input.countryCode,
        };
        customer.addresses.push(address);
        return ok(address);
      },
    },
  };

  return { api, calls, state };
}
