/**
 * The IPC contract: for each channel, the zod schema its input must pass (main
 * parses it before any service runs; the renderer is untrusted), the role it
 * needs, and the type of its output. Outputs are plain JSON DTOs, never rows.
 */
import { z } from 'zod';
import type { ActionOf, Domain } from './channels';
import type { AppStatus, CategoryTaxDto, RejectedDocumentDto, SyncConflictDto, SyncInfo, SyncNowResult, PublicStoreSettings, SessionInfo, StaffSummary, StaffUserDto, StoreSettings, TaxRateDto } from './dto';
import type { AddressDto, CustomerDetail, ReferenceLists } from './dto-customers';
import type { AuditFacets, AuditPage, RoleGrantDto } from './dto-staff';
import type { InventoryFilters, MovementDto, PurchaseOrderDto, PurchaseOrderSummaryDto, StockCountDto, StockCountSummaryDto, CountLineDto, StockGridDto, StockPage, TransferDto, TransferSummaryDto } from './dto-inventory';
import type { CustomerImportReport, PurchaseHistoryDto } from './dto-customers';
import type { CatalogLists, LabelDto, ProductEditorDto, ProductPage } from './dto-catalog';
import { ProductSaveSchema } from '../catalog/product-schemas';
import type { CsvImportStatus } from '../catalog/csv-columns';
import { LabelPdfSchema, LabelSourceSchema, LabelZplSchema } from '../catalog/labels';
import { DeleteListEntrySchema, ListEntrySchema } from '../catalog/list-schemas';
import { ProductQuerySchema } from '../catalog/product-query';
import type { Cart, CustomerSummary, ParkedSale, ProductHit, Receipt, SaleSummary, VariantGrid } from './dto-sales';
import { MAX_POSTPONE_HOURS, UPDATE_CHANNELS, type InstallNowResult, type UpdateInfoDto } from './dto-updates';
import { isKnownCurrency } from '../money';
import { cleanText } from '../text';
import { PAYMENT_METHODS } from '../payment-methods';
import { NewPinSchema, PinSchema } from '../pin';
import { EDITABLE_ROLES, PERMISSIONS, type Permission } from '../permissions';
import { STAFF_ROLE_NAMES } from '../roles';

export { NewPinSchema, PinSchema };

/**
 * Who may call a channel: anyone at the login screen ('public'), any
 * signed-in staff member ('staff'), or a signed-in user whose role holds the
 * named permission (src/shared/permissions.ts; an admin edits them per role).
 */
export type Access = 'public' | 'staff' | Permission;

declare const outputType: unique symbol;
export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** Phantom: carries the output type, never set at run time. */
  readonly [outputType]?: O;
}

const channel = <O>() => <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });

/** Channels that take no input accept nothing but an empty object or nothing. */
const NoInput = z.object({}).strict().optional();

const Id = z.number().int().positive();
/** The open sale a call is about, as the screen knows it; null before the sale has a line. */
const DraftRef = Id.nullable();
const Money = z.number().int().min(0).max(1e13);
/** Text a person typed, with control, bidi and zero-width characters removed before any check (see shared/text.ts). */
export const CleanString = () => z.string().overwrite(cleanText).trim();
const Text = (max: number) => CleanString().max(max);
const Reason = CleanString().min(1, 'give a reason').max(200);

export const DiscountSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('percent'), percentBp: z.number().int().min(1).max(10_000), reason: Reason }).strict(),
  z.object({ kind: z.literal('amount'), amount: Money.min(1), reason: Reason }).strict(),
]);

/** A manager's PIN typed at the till to approve a discount or a price change. */
export const ApprovalSchema = z.object({ userId: Id, pin: PinSchema }).strict();

export const TenderSchema = z
  .object({
    method: z.enum(PAYMENT_METHODS),
    amount: Money.min(1),
    reference: Text(64).nullish(),
  })
  .strict();

/** A phone number needs its type (mobile, home...); either may be left out when there is no phone. */
export const phoneHasType = (c: { phone?: string | null | undefined; phoneTypeCode?: string | null | undefined }): boolean => !c.phone?.trim() || Boolean(c.phoneTypeCode);
export const PHONE_TYPE_MESSAGE = 'choose the phone type';

export const NewCustomerSchema = z
  .object({
    documentTypeCode: z.string().min(1).max(20),
    document: z.string().trim().regex(/^[A-Za-z0-9.-]{3,20}$/, 'document number: 3-20 letters, digits, dots or dashes'),
    firstName: CleanString().min(1, 'first name is required').max(60),
    middleName: Text(60).nullish(),
    lastName: CleanString().min(1, 'last name is required').max(60),
    secondLastName: Text(60).nullish(),
    email: z.email('not a valid email address').max(120).nullish().or(z.literal('')),
    phoneTypeCode: z.string().max(20).nullish(),
    phone: z.string().trim().regex(/^\+?[0-9 ()-]{7,20}$/, 'phone: 7-20 digits, spaces, dashes or a leading +').nullish().or(z.literal('')),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code'),
    /** Save even though another customer has this email (a family sharing one); refused otherwise. */
    allowDuplicateEmail: z.boolean().optional(),
  })
  .strict()
  .refine(phoneHasType, { path: ['phoneTypeCode'], message: PHONE_TYPE_MESSAGE });

export const NewAddressSchema = z
  .object({
    customerId: Id,
    kind: z.enum(['billing', 'shipping']),
    address: CleanString().min(5, 'address is too short').max(200),
    zipCode: z.string().trim().regex(/^[A-Za-z0-9 -]{3,10}$/, 'zip code: 3-10 letters or digits').nullish().or(z.literal('')),
    countryCode: z.string().regex(/^[A-Z]{2}$/, 'country must be an ISO 3166-1 alpha-2 code'),
  })
  .strict();

/** A receipt's header and footer: at most this many lines of at most this many characters (the narrowest printer's width). */
export const RECEIPT_MAX_LINES = 6;
export const RECEIPT_LINE_MAX = 48;

/** Every store setting; a patch is any part of it. */
export const StoreSettingsSchema = z
  .object({
    storeName: CleanString().min(1, 'store name is required').max(80),
    registerCode: z.string().regex(/^[A-Z0-9]{2,6}$/, 'register code: 2-6 capital letters or digits'),
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as COP').refine(isKnownCurrency, 'not an ISO 4217 currency'),
    locale: z.string().regex(/^(es|en)(-[A-Z]{2})?$/, 'locale must be es or en, optionally with a region'),
    pricesIncludeTax: z.boolean(),
    defaultTaxCode: z.string().min(1).max(20),
    stockPolicy: z.enum(['warn', 'block']),
    discountApprovalBp: z.number().int().min(0).max(10_000),
    cashRoundingIncrement: z.number().int().min(0).max(1_000_000),
    receiptHeader: z.array(CleanString().max(RECEIPT_LINE_MAX)).max(RECEIPT_MAX_LINES),
    receiptFooter: z.array(CleanString().max(RECEIPT_LINE_MAX)).max(RECEIPT_MAX_LINES),
    thermalPrinterHost: z.union([z.ipv4(), z.hostname()]).nullable(),
    thermalPrinterPort: z.number().int().min(1).max(65535),
    receiptColumns: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  })
  .strict();

export const StoreSettingsPatchSchema = StoreSettingsSchema.partial();

export const TaxRateSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9_]{2,12}$/, 'code: 2-12 capital letters, digits or _'),
    name: CleanString().min(1, 'name is required').max(40),
    rateBp: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .strict();

export const NewStaffSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'username: 2-32 lowercase letters, digits, dot, dash or underscore'),
    displayName: CleanString().min(1, 'name is required').max(60),
    pin: NewPinSchema,
  })
  .strict();

const IsoDate = z.iso.date('date: YYYY-MM-DD');

export const AuditQuerySchema = z
  .object({
    staffId: Id.nullish(),
    /** An action or an action prefix ending in '.', e.g. 'sale.' for every sale action. */
    action: z.string().regex(/^[a-z_.]{1,60}$/, 'action: lowercase letters, dots and underscores').nullish(),
    entity: z.string().regex(/^[A-Za-z_]{1,60}$/, 'entity: a table name').nullish(),
    entityId: Text(64).nullish(),
    /** Inclusive days in UTC. */
    from: IsoDate.nullish(),
    to: IsoDate.nullish(),
    before: Id.nullish(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'the end date is before the start date' });

/** A signed or positive whole quantity in one grid cell. */
const CellQty = z.number().int().min(-99_999).max(99_999);
const Qty = z.number().int().min(1, 'quantity must be at least 1').max(99_999);
const Note = Text(200).nullish();
const StoreCode = CleanString().min(1, 'name the store').max(40);

const GridLines = <T extends z.ZodType>(qty: T) => z.array(z.object({ variantId: Id, quantity: qty }).strict()).min(1, 'enter at least one quantity').max(20_000);

export const AdjustSchema = z
  .object({
    reasonCode: z.enum(['damage', 'theft', 'correction', 'found', 'expired', 'sample', 'other']),
    note: Note,
    lines: GridLines(CellQty.refine((n) => n !== 0, 'a change of 0 does nothing')),
  })
  .strict();

export const NewOrderSchema = z
  .object({
    manufacturerId: Id,
    note: Note,
    expectedAt: IsoDate.nullish(),
    lines: z.array(z.object({ variantId: Id, quantity: Qty, unitCost: Money.nullish() }).strict()).min(1, 'order at least one unit').max(20_000),
  })
  .strict();

export const ReceiveSchema = z
  .object({
    orderId: Id.nullable(),
    manufacturerId: Id.nullish(),
    note: Note,
    lines: z.array(z.object({ variantId: Id, quantity: Qty, unitCost: Money.nullish() }).strict()).min(1, 'enter at least one received quantity').max(20_000),
  })
  .strict();

export const CustomerEditSchema = NewCustomerSchema.safeExtend({ id: Id });

export type ScanOutcome = { kind: 'added'; cart: Cart; lineId: number } | { kind: 'pick'; grid: VariantGrid };

export interface CompleteOutcome {
  invoiceId: number;
  invoiceNumber: string;
  replayed: boolean;
  receipt: Receipt;
}

export const contract = {
  app: {
    status: channel<AppStatus>()(NoInput, 'public'),
  },
  session: {
    staffList: channel<StaffSummary[]>()(NoInput, 'public'),
    login: channel<SessionInfo>()(
      z.object({ userId: z.number().int().positive(), pin: PinSchema }).strict(),
      'public',
    ),
    logout: channel<null>()(NoInput, 'staff'),
    current: channel<SessionInfo | null>()(NoInput, 'public'),
    /** A new store's first admin, from the login screen; refused once any staff exists. */
    bootstrapAdmin: channel<SessionInfo>()(NewStaffSchema, 'public'),
  },
  settings: {
    /** What the login screen shows before anyone signs in: nothing a stranger at the till should read. */
    storePublic: channel<PublicStoreSettings>()(NoInput, 'public'),
    store: channel<StoreSettings>()(NoInput, 'staff'),
    updateStore: channel<StoreSettings>()(StoreSettingsPatchSchema, 'settings.manage'),
    taxRates: channel<TaxRateDto[]>()(NoInput, 'staff'),
    saveTaxRate: channel<TaxRateDto[]>()(TaxRateSchema, 'settings.manage'),
    categories: channel<CategoryTaxDto[]>()(NoInput, 'settings.manage'),
    assignTaxRate: channel<CategoryTaxDto[]>()(
      z.object({ target: z.enum(['product', 'category']), id: Id, taxCode: z.string().max(20).nullable() }).strict(),
      'settings.manage',
    ),
  },
  staff: {
    list: channel<StaffUserDto[]>()(z.object({ includeInactive: z.boolean().optional() }).strict(), 'settings.manage'),
    add: channel<StaffUserDto>()(NewStaffSchema.extend({ role: z.enum(STAFF_ROLE_NAMES) }).strict(), 'users.manage'),
    disable: channel<StaffUserDto>()(z.object({ id: Id }).strict(), 'users.manage'),
    /** Moves a user to another role; the last active admin cannot be moved. */
    setRole: channel<StaffUserDto>()(z.object({ id: Id, role: z.enum(STAFF_ROLE_NAMES) }).strict(), 'users.manage'),
    /** Every role's permissions and discount limit (everyone may read what they may do). */
    roles: channel<RoleGrantDto[]>()(NoInput, 'staff'),
    setRoleGrant: channel<RoleGrantDto>()(
      z
        .object({
          role: z.enum(EDITABLE_ROLES),
          permissions: z.array(z.enum(PERMISSIONS)).max(PERMISSIONS.length * 2),
          discountLimitBp: z.number().int().min(0, 'discount limit: 0-100 %').max(10_000, 'discount limit: 0-100 %'),
        })
        .strict(),
      'users.manage',
    ),
  },
  reference: {
    lists: channel<ReferenceLists>()(NoInput, 'staff'),
  },
  catalog: {
    search: channel<ProductHit[]>()(
      z.object({ query: z.string().overwrite(cleanText).max(100), limit: z.number().int().min(1).max(50).optional() }).strict(),
      'staff',
    ),
    grid: channel<VariantGrid>()(z.object({ productId: Id }).strict(), 'staff'),
    /** The editable lists (manufacturers, categories, options, colours, sizes, departments) with how much uses each entry. */
    lists: channel<CatalogLists>()(NoInput, 'staff'),
    saveListEntry: channel<CatalogLists>()(ListEntrySchema, 'catalog.manage'),
    /** Refused (CONFLICT, naming the users) while any product or variant uses the entry. */
    deleteListEntry: channel<CatalogLists>()(DeleteListEntrySchema, 'catalog.manage'),
    /** One page of the filtered product list, and how many products match. */
    products: channel<ProductPage>()(ProductQuerySchema, 'staff'),
    /** A product with its colour x size grid, for the editor (cost price included: managers only). */
    product: channel<ProductEditorDto>()(z.object({ productId: Id }).strict(), 'catalog.manage'),
    /** Creates or edits a product and its grid; answers with the product as saved. */
    saveProduct: channel<ProductEditorDto & { generatedBarcodes: number }>()(ProductSaveSchema, 'catalog.manage'),
    /** Starts a product CSV import (checked whole first; nothing written unless every row is good). */
    importStart: channel<CsvImportStatus>()(z.object({ text: z.string().max(80_000_000, 'the file is larger than 80 MB; split it') }).strict(), 'catalog.manage'),
    /** The progress of an import, then its report (every bad row) or its result. */
    importStatus: channel<CsvImportStatus>()(z.object({ jobId: z.uuid() }).strict(), 'catalog.manage'),
    /** The whole catalog as CSV, in the import's shape. */
    exportCsv: channel<{ csv: string; rows: number }>()(NoInput, 'catalog.manage'),
    /** Barcode labels for chosen variants or a goods receipt: what each says, for the on-screen preview. */
    labels: channel<LabelDto[]>()(z.object({ source: LabelSourceSchema }).strict(), 'catalog.manage'),
    /** The same labels as an A4 sheet PDF (base64). */
    labelsPdf: channel<{ base64: string; pages: number; count: number }>()(LabelPdfSchema, 'catalog.manage'),
    /** The same labels as ZPL for a thermal label printer. */
    labelsZpl: channel<{ zpl: string; count: number }>()(LabelZplSchema, 'catalog.manage'),
  },
  sales: {
    current: channel<Cart>()(NoInput, 'staff'),
    /** `draftId`: the open sale the screen shows (null before its first line); a different open sale is refused. */
    scan: channel<ScanOutcome>()(
      z.object({ code: z.string().trim().min(1, 'scan a barcode or type a PLU').max(64), draftId: DraftRef.optional() }).strict(),
      'staff',
    ),
    addVariant: channel<Cart>()(
      z
        .object({ variantId: Id, quantity: z.number().int().min(1).max(9999).optional(), fromSearch: z.boolean().optional(), draftId: DraftRef.optional() })
        .strict(),
      'staff',
    ),
    /** A manager's approval is needed when the change makes a discount a larger share than was allowed. */
    setQuantity: channel<Cart>()(
      z.object({ lineId: Id, quantity: z.number().int().min(1).max(9999), approval: ApprovalSchema.optional() }).strict(),
      'staff',
    ),
    removeLine: channel<Cart>()(z.object({ lineId: Id, approval: ApprovalSchema.optional() }).strict(), 'staff'),
    setLineDiscount: channel<Cart>()(
      z.object({ lineId: Id, discount: DiscountSchema.nullable(), approval: ApprovalSchema.optional() }).strict(),
      'staff',
    ),
    overridePrice: channel<Cart>()(
      z.object({ lineId: Id, unitPrice: Money, reason: Reason, approval: ApprovalSchema.optional() }).strict(),
      'staff',
    ),
    setOrderDiscount: channel<Cart>()(
      z.object({ draftId: Id, discount: DiscountSchema.nullable(), approval: ApprovalSchema.optional() }).strict(),
      'staff',
    ),
    setCustomer: channel<Cart>()(
      z.object({ draftId: DraftRef, customerId: Id.nullable(), billingAddressId: Id.nullish(), shippingAddressId: Id.nullish() }).strict(),
      'staff',
    ),
    park: channel<Cart>()(z.object({ draftId: Id, label: Text(40).nullish() }).strict(), 'staff'),
    parked: channel<ParkedSale[]>()(NoInput, 'staff'),
    resume: channel<Cart>()(z.object({ draftId: Id }).strict(), 'staff'),
    voidCurrent: channel<Cart>()(z.object({ draftId: Id, reason: Reason }).strict(), 'sales.void'),
    /** Tenders entered in the payment dialog, kept with the sale so a reload does not lose a card already charged. */
    setTenders: channel<Cart>()(z.object({ draftId: Id, tenders: z.array(TenderSchema).max(10) }).strict(), 'staff'),
    complete: channel<CompleteOutcome>()(
      z
        .object({
          draftId: Id,
          payments: z.array(TenderSchema).min(1, 'add a payment').max(10),
          completionKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'completion key must be 8-64 letters, digits or dashes'),
        })
        .strict(),
      'staff',
    ),
    history: channel<SaleSummary[]>()(
      z
        .object({ query: Text(40).optional(), limit: z.number().int().min(1).max(200).optional(), offset: z.number().int().min(0).max(1_000_000).optional() })
        .strict(),
      'staff',
    ),
    receipt: channel<Receipt>()(z.object({ invoiceId: Id }).strict(), 'staff'),
    receiptEscpos: channel<{ base64: string; bytes: number }>()(
      z
        .object({ invoiceId: Id, openDrawer: z.boolean().optional(), columns: z.union([z.literal(32), z.literal(42), z.literal(48)]).optional(), copy: z.boolean().optional() })
        .strict(),
      'staff',
    ),
    printThermal: channel<{ printed: boolean; bytes: number }>()(
      z.object({ invoiceId: Id, openDrawer: z.boolean().optional(), copy: z.boolean().optional() }).strict(),
      'staff',
    ),
  },
  customers: {
    search: channel<CustomerSummary[]>()(z.object({ query: CleanString().min(1).max(80) }).strict(), 'staff'),
    create: channel<CustomerDetail>()(NewCustomerSchema, 'staff'),
    get: channel<CustomerDetail>()(z.object({ id: Id }).strict(), 'staff'),
    addAddress: channel<AddressDto>()(NewAddressSchema, 'staff'),
  },
  sync: {
    /** Settings > Sync: server, register, status (everyone signed in may read it). */
    info: channel<SyncInfo>()(NoInput, 'staff'),
    /** Outbox documents the cloud refused, oldest first. */
    rejected: channel<RejectedDocumentDto[]>()(z.object({ limit: z.number().int().min(1).max(500).optional() }).strict().optional(), 'staff'),
    /** One push-and-pull round now (or the answer of the one running), then the convergence check. */
    now: channel<SyncNowResult>()(NoInput, 'settings.manage'),
    /** Edits the cloud refused because another register changed the row first, unresolved, oldest first. */
    conflicts: channel<SyncConflictDto[]>()(NoInput, 'settings.manage'),
    /** Keep the cloud's row, or re-apply this register's edit on top of it. */
    resolveConflict: channel<void>()(z.object({ id: Id, resolution: z.enum(['keep_cloud', 'reapply_mine']) }).strict(), 'settings.manage'),
    /** Send a rejected document again, as a new document. */
    retryRejected: channel<void>()(z.object({ seq: Id }).strict(), 'settings.manage'),
    /** Give up a rejected document (it stays in the outbox with the reason). */
    dropRejected: channel<void>()(z.object({ seq: Id, reason: Reason }).strict(), 'settings.manage'),
  },
  inventory: {
    /** Stock per variant, filtered; unit costs and stock value only for roles that see costs. */
    stock: channel<StockPage>()(
      z
        .object({
          text: Text(100).nullish(),
          categoryId: Id.nullish(),
          manufacturerId: Id.nullish(),
          lowOnly: z.boolean().optional(),
          includeInactive: z.boolean().optional(),
          limit: z.number().int().min(1).max(500).optional(),
          offset: z.number().int().min(0).max(10_000_000).optional(),
        })
        .strict(),
      'staff',
    ),
    movements: channel<MovementDto[]>()(z.object({ variantId: Id, limit: z.number().int().min(1).max(1000).optional() }).strict(), 'staff'),
    grid: channel<StockGridDto>()(z.object({ productId: Id }).strict(), 'staff'),
    filters: channel<InventoryFilters>()(NoInput, 'staff'),
    adjust: channel<{ adjustmentId: string; movements: number }>()(AdjustSchema, 'stock.adjust'),
    orders: channel<PurchaseOrderSummaryDto[]>()(z.object({ status: z.enum(['open', 'partial', 'received', 'closed', 'cancelled']).nullish() }).strict(), 'stock.receive'),
    order: channel<PurchaseOrderDto>()(z.object({ id: Id }).strict(), 'stock.receive'),
    createOrder: channel<PurchaseOrderDto>()(NewOrderSchema, 'stock.receive'),
    /** Cancels an order nothing was received against, or closes a partly received one. */
    closeOrder: channel<PurchaseOrderDto>()(z.object({ id: Id }).strict(), 'stock.receive'),
    receive: channel<{ receiptId: string; order: PurchaseOrderDto | null }>()(ReceiveSchema, 'stock.receive'),
    counts: channel<StockCountSummaryDto[]>()(NoInput, 'stock.count'),
    count: channel<StockCountDto>()(z.object({ id: Id }).strict(), 'stock.count'),
    startCount: channel<StockCountDto>()(z.object({ scope: z.enum(['all', 'category', 'manufacturer']), scopeId: Id.nullish(), note: Note }).strict(), 'stock.count'),
    /** `set`: a typed count (fresh snapshot); `add`: a scan adding units (keeps the first snapshot). */
    recordCount: channel<CountLineDto>()(
      z
        .object({ countId: Id, variantId: Id.optional(), barcode: z.string().trim().regex(/^\d{8,14}$/, 'barcode: 8-14 digits').optional(), quantity: z.number().int().min(0, 'a count is 0 or more').max(99_999), mode: z.enum(['set', 'add']) })
        .strict()
        .refine((x) => x.variantId !== undefined || x.barcode !== undefined, { path: ['barcode'], message: 'scan a barcode or pick a variant' }),
      'stock.count',
    ),
    applyCount: channel<{ movements: number; units: number }>()(z.object({ id: Id }).strict(), 'stock.count'),
    cancelCount: channel<StockCountDto>()(z.object({ id: Id }).strict(), 'stock.count'),
    transfers: channel<TransferSummaryDto[]>()(z.object({ direction: z.enum(['in', 'out']).nullish(), status: z.enum(['in_transit', 'received', 'cancelled']).nullish() }).strict(), 'stock.transfer'),
    transfer: channel<TransferDto>()(z.object({ id: Id }).strict(), 'stock.transfer'),
    sendTransfer: channel<TransferDto>()(z.object({ toStore: StoreCode, note: Note, lines: GridLines(Qty) }).strict(), 'stock.transfer'),
    acceptTransfer: channel<TransferDto>()(
      z.object({ id: Id, lines: z.array(z.object({ lineId: Id, quantityReceived: z.number().int().min(0, 'a received quantity is 0 or more').max(99_999), discrepancyNote: Note }).strict()).min(1).max(20_000) }).strict(),
      'stock.transfer',
    ),
  },
  customerAdmin: {
    update: channel<CustomerDetail>()(CustomerEditSchema, 'customers.manage'),
    /** Purchases of the customer with totals (cashiers see it at the till too). */
    history: channel<PurchaseHistoryDto>()(z.object({ id: Id }).strict(), 'staff'),
    exportData: channel<{ fileName: string; json: string }>()(z.object({ id: Id }).strict(), 'customers.manage'),
    erase: channel<CustomerDetail>()(z.object({ id: Id, reason: Reason }).strict(), 'customers.manage'),
    /** Checks the whole file; writes only when every row is valid. */
    importCsv: channel<CustomerImportReport>()(z.object({ text: z.string().max(20 * 1024 * 1024, 'the file is larger than 20 MB') }).strict(), 'customers.manage'),
    exportCsv: channel<{ fileName: string; csv: string }>()(NoInput, 'customers.manage'),
  },
  audit: {
    /** The audit log, newest first, filtered; `before` pages back from an entry id. */
    list: channel<AuditPage>()(AuditQuerySchema, 'reports.view'),
    /** What the filters offer: the users, actions and entities the log holds. */
    facets: channel<AuditFacets>()(NoInput, 'reports.view'),
  },
  updates: {
    /** Settings > Updates: version, channel, last check, download, when it installs (everyone signed in reads it). */
    info: channel<UpdateInfoDto>()(NoInput, 'staff'),
    /** An admin's check now (updates.manage): takes a staged release this register's cohort has not reached (never a halted one). */
    check: channel<UpdateInfoDto>()(NoInput, 'updates.manage'),
    setChannel: channel<UpdateInfoDto>()(z.object({ channel: z.enum(UPDATE_CHANNELS) }).strict(), 'updates.manage'),
    /** Holds a downloaded update for this many hours (0 lifts a postponement); downloads go on. */
    postpone: channel<UpdateInfoDto>()(
      z.object({ hours: z.number().int('whole hours').min(0).max(MAX_POSTPONE_HOURS, `at most ${MAX_POSTPONE_HOURS} hours`) }).strict(),
      'updates.manage',
    ),
    /** Installs a downloaded update now, unless a sale or a shift is open (then it says which). */
    installNow: channel<InstallNowResult>()(NoInput, 'updates.manage'),
  },
} satisfies { [D in Domain]: { [A in ActionOf<D>]: ChannelDef } };

export type Contract = typeof contract;
export type InputOf<C> = C extends ChannelDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelDef<z.ZodType, infer O> ? O : never;
