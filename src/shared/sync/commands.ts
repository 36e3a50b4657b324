/**
 * Outbox documents: the domain commands a register sends the cloud, one per
 * business action, written in the action's own transaction by the one write
 * path (src/main/write). The cloud imports these same schemas.
 *
 * Rules every command keeps:
 * - rows are named by their global id (UUIDv7), never by a local integer
 *   key; reference data by its stable code (country ISO code, colour code...);
 * - money is integer minor units;
 * - a schema is versioned: a change that old registers cannot send is a new
 *   version, and the cloud accepts every version still in the field.
 */
import { v5 as uuidV5 } from 'uuid';
import { z } from 'zod';
import { PAYMENT_METHODS } from '../payment-methods';
import { PERMISSIONS } from '../permissions';
import { STAFF_ROLE_NAMES } from '../roles';

const GlobalId = z.uuid({ version: 'v7' });
/**
 * The change a versioned row's edit was made on: the idempotency key of the
 * document that made the version this register last knew, or null for a new
 * row. Filled in by the write path, never by a service (see write-path.ts).
 */
const BaseChangeId = z.uuid().nullable();
const Minor = z.number().int().safe();
const Instant = z.iso.datetime();

const SaleLine = z
  .object({
    lineId: GlobalId,
    productId: GlobalId,
    variantId: GlobalId,
    quantity: z.number().int(),
    unitPrice: Minor,
    /** The catalog price when a manager overrode it. */
    originalUnitPrice: Minor.nullable(),
    discount: Minor,
    orderDiscountShare: Minor,
    taxCode: z.string().min(1),
    taxRateBp: z.number().int().min(0),
    tax: Minor,
    total: Minor,
    discountApprovedBy: GlobalId.nullable(),
    priceApprovedBy: GlobalId.nullable(),
  })
  .strict();

const SalePayment = z
  .object({
    paymentId: GlobalId,
    method: z.enum(PAYMENT_METHODS),
    amount: Minor,
    tendered: Minor.nullable(),
    reference: z.string().nullable(),
  })
  .strict();

const StockMove = z.object({ movementId: GlobalId, variantId: GlobalId, quantity: z.number().int() }).strict();

export const SaleCompletedV1 = z
  .object({
    saleId: GlobalId,
    invoiceNumber: z.string().regex(/^[A-Z0-9]{2,6}-\d{6,}$/),
    registerId: GlobalId,
    completedAt: Instant,
    staffId: GlobalId,
    customerId: GlobalId.nullable(),
    pricesIncludeTax: z.boolean(),
    gross: Minor,
    discount: Minor,
    tax: Minor,
    total: Minor,
    cashRounding: Minor,
    change: Minor,
    orderDiscountApprovedBy: GlobalId.nullable(),
    lines: z.array(SaleLine).min(1),
    payments: z.array(SalePayment).min(1),
    /** The stock the sale took, one movement per line (negative quantities). */
    stockMovements: z.array(StockMove),
    /** Store credit spent (a negative entry of the customer's credit ledger). */
    creditSpent: z.object({ entryId: GlobalId, amount: Minor }).strict().nullable(),
  })
  .strict();

export const StockMovedV1 = z
  .object({
    movementId: GlobalId,
    variantId: GlobalId,
    quantity: z.number().int(),
    reason: z.enum(['initial', 'sale', 'return', 'receipt', 'adjustment', 'count', 'transfer_in', 'transfer_out']),
    referenceId: z.string().nullable(),
    staffId: GlobalId.nullable(),
    occurredAt: Instant,
  })
  .strict();

export const CustomerUpsertedV1 = z
  .object({
    customerId: GlobalId,
    /** The version this edit was made on; null for a new customer. Conflicts are reported, never lost. */
    baseChangeId: BaseChangeId,
    documentTypeCode: z.string().min(1),
    document: z.string().min(1),
    firstName: z.string().min(1),
    middleName: z.string().nullable(),
    lastName: z.string().min(1),
    secondLastName: z.string().nullable(),
    email: z.string().nullable(),
    phoneTypeCode: z.string().nullable(),
    phone: z.string().nullable(),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
  })
  .strict();

export const CustomerAddressAddedV1 = z
  .object({
    addressId: GlobalId,
    customerId: GlobalId,
    kind: z.enum(['billing', 'shipping']),
    address: z.string().min(1),
    zipCode: z.string().nullable(),
    countryCode: z.string().regex(/^[A-Z]{2}$/),
  })
  .strict();

export const TaxRateChangedV1 = z
  .object({
    taxRateId: GlobalId,
    baseChangeId: BaseChangeId,
    code: z.string().min(1),
    name: z.string().min(1),
    rateBp: z.number().int().min(0).max(10_000),
    active: z.boolean(),
  })
  .strict();

export const TaxRateAssignedV1 = z
  .object({
    target: z.enum(['product', 'category']),
    targetId: GlobalId,
    /** null: the product or category falls back to the next rule. */
    taxCode: z.string().nullable(),
  })
  .strict();

export const StaffChangedV1 = z
  .object({
    staffId: GlobalId,
    baseChangeId: BaseChangeId,
    username: z.string().min(1),
    displayName: z.string().min(1),
    role: z.enum(STAFF_ROLE_NAMES),
    active: z.boolean(),
  })
  .strict();

/*
 * Stock documents: the business fact behind a group of movements. The
 * movements themselves travel as `stock.moved` (the ledger every register
 * and the cloud sum), each naming its document in `referenceId`; these carry
 * who, why and what was expected, for the other registers and the cloud.
 */
const MovedLine = z.object({ movementId: GlobalId, variantId: GlobalId, quantity: z.number().int() }).strict();

export const StockAdjustedV1 = z
  .object({
    adjustmentId: GlobalId,
    reasonCode: z.enum(['damage', 'theft', 'correction', 'found', 'expired', 'sample', 'other']),
    note: z.string().nullable(),
    staffId: GlobalId.nullable(),
    occurredAt: Instant,
    lines: z.array(MovedLine).min(1),
  })
  .strict();

export const PurchaseOrderSavedV1 = z
  .object({
    orderId: GlobalId,
    baseChangeId: BaseChangeId,
    number: z.string().min(1),
    manufacturerId: GlobalId,
    status: z.enum(['open', 'partial', 'received', 'closed', 'cancelled']),
    note: z.string().nullable(),
    expectedAt: z.string().nullable(),
    lines: z.array(z.object({ lineId: GlobalId, variantId: GlobalId, quantityOrdered: z.number().int().positive(), quantityReceived: z.number().int().min(0), unitCost: Minor.min(0).nullable() }).strict()),
  })
  .strict();

export const GoodsReceivedV1 = z
  .object({
    receiptId: GlobalId,
    orderId: GlobalId.nullable(),
    manufacturerId: GlobalId.nullable(),
    staffId: GlobalId.nullable(),
    receivedAt: Instant,
    note: z.string().nullable(),
    lines: z.array(z.object({ lineId: GlobalId, variantId: GlobalId, movementId: GlobalId, quantity: z.number().int().positive(), unitCost: Minor.min(0).nullable() }).strict()).min(1),
  })
  .strict();

/**
 * A stock count as applied: per variant what was counted and the stock
 * expected when it was counted. The movement booked is counted - expected,
 * never "set stock to counted": sales between the count and the apply, here
 * or on other registers, stay booked.
 */
export const StockCountAppliedV1 = z
  .object({
    countId: GlobalId,
    scope: z.enum(['all', 'category', 'manufacturer']),
    scopeId: GlobalId.nullable(),
    staffId: GlobalId.nullable(),
    appliedAt: Instant,
    lines: z.array(z.object({ variantId: GlobalId, counted: z.number().int().min(0), expected: z.number().int(), countedAt: Instant, movementId: GlobalId.nullable() }).strict()),
  })
  .strict();

/** Stock sent to another store of the chain; it left this store when sent. */
export const TransferSentV1 = z
  .object({
    transferId: GlobalId,
    number: z.string().min(1),
    toStore: z.string().min(1),
    staffId: GlobalId.nullable(),
    sentAt: Instant,
    note: z.string().nullable(),
    lines: z.array(z.object({ lineId: GlobalId, variantId: GlobalId, movementId: GlobalId, quantity: z.number().int().positive() }).strict()).min(1),
  })
  .strict();

/** A transfer accepted at the receiving store, line by line, with what actually arrived. */
export const TransferReceivedV1 = z
  .object({
    transferId: GlobalId,
    fromStore: z.string().min(1),
    staffId: GlobalId.nullable(),
    receivedAt: Instant,
    lines: z
      .array(
        z
          .object({ lineId: GlobalId, variantId: GlobalId, quantitySent: z.number().int().positive(), quantityReceived: z.number().int().min(0), discrepancyNote: z.string().nullable(), movementId: GlobalId.nullable() })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** A customer erased on request: every register clears the personal fields and addresses and unlinks the sales. */
export const CustomerErasedV1 = z.object({ customerId: GlobalId, erasedAt: Instant }).strict();

/** What an admin set for a role (an admin's own grant never changes, so it never travels). */
export const RolePermissionsChangedV1 = z
  .object({
    role: z.enum(['cashier', 'manager']),
    baseChangeId: BaseChangeId,
    permissions: z.array(z.enum(PERMISSIONS)),
    discountLimitBp: z.number().int().min(0).max(10_000),
  })
  .strict();

/** Role grants are one document per role; these fixed ids name them. */
export const ROLE_PERMISSIONS_ENTITY = { cashier: '00000000-0000-7000-8000-000000000011', manager: '00000000-0000-7000-8000-000000000012' } as const;

/** The store-wide settings; the register's own code never travels (device_identity). */
export const StoreSettingsChangedV1 = z
  .object({
    baseChangeId: BaseChangeId,
    storeName: z.string(),
    currency: z.string(),
    locale: z.string(),
    pricesIncludeTax: z.boolean(),
    defaultTaxCode: z.string(),
    stockPolicy: z.enum(['warn', 'block']),
    discountApprovalBp: z.number().int(),
    cashRoundingIncrement: z.number().int(),
    receiptHeader: z.array(z.string()),
    receiptFooter: z.array(z.string()),
    thermalPrinterHost: z.string().nullable(),
    thermalPrinterPort: z.number().int(),
    receiptColumns: z.number().int(),
    changedFields: z.array(z.string()),
  })
  .strict();

const ProductVariant = z
  .object({
    variantId: GlobalId,
    colorCode: z.string().min(1),
    sizeCode: z.string().min(1),
    barcode: z.string().regex(/^\d{8,14}$/),
    /** A variant with history is deactivated, never deleted. */
    active: z.boolean(),
    lowStockThreshold: z.number().int().min(0).nullable(),
  })
  .strict();

/**
 * A product as a whole: every field and every variant, so the receiving side
 * replaces its row with this one (variants missing here are deactivated,
 * never deleted). Stock is not here: it only moves through stock.moved.
 */
export const ProductUpsertedV1 = z
  .object({
    productId: GlobalId,
    baseChangeId: BaseChangeId,
    plu: z.string().min(1).max(32),
    name: z.string().min(1).max(200),
    description: z.string().max(2000).nullable(),
    manufacturerId: GlobalId.nullable(),
    departmentCode: z.string().min(1).nullable(),
    price: Minor.min(0),
    costPrice: Minor.min(0).nullable(),
    /** null: the product falls back to its category's rate, then the store default. */
    taxCode: z.string().min(1).nullable(),
    active: z.boolean(),
    createdAt: Instant,
    categoryIds: z.array(GlobalId),
    optionIds: z.array(GlobalId),
    variants: z.array(ProductVariant),
  })
  .strict();

/**
 * An entry of one of the catalog's editable lists was created, changed or
 * deleted. Manufacturers, categories and options travel by global id;
 * colours, sizes and departments are reference data and travel by their
 * stable code (fixed once created), like countries do. Versioned: two
 * registers renaming the same colour are a conflict, reported.
 */
const ListDeleted = z.boolean();
export const CatalogListChangedV1 = z.discriminatedUnion('list', [
  z
    .object({
      list: z.literal('manufacturer'),
      entryId: GlobalId,
      baseChangeId: BaseChangeId,
      deleted: ListDeleted,
      name: z.string().min(1),
      contact: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .strict(),
  z.object({ list: z.literal('category'), entryId: GlobalId, baseChangeId: BaseChangeId, deleted: ListDeleted, name: z.string().min(1), description: z.string().nullable() }).strict(),
  z.object({ list: z.literal('option'), entryId: GlobalId, baseChangeId: BaseChangeId, deleted: ListDeleted, name: z.string().min(1), description: z.string().nullable() }).strict(),
  z
    .object({
      list: z.literal('color'),
      code: z.string().min(1),
      baseChangeId: BaseChangeId,
      deleted: ListDeleted,
      name: z.string().min(1),
      nameEn: z.string().min(1),
      hex: z.string().regex(/^#[0-9A-F]{6}$/),
    })
    .strict(),
  z
    .object({
      list: z.literal('size'),
      code: z.string().min(1),
      baseChangeId: BaseChangeId,
      deleted: ListDeleted,
      name: z.string().min(1),
      sortOrder: z.number().int().min(0),
      system: z.enum(['alpha', 'numeric']),
    })
    .strict(),
  z
    .object({ list: z.literal('department'), code: z.string().min(1), baseChangeId: BaseChangeId, deleted: ListDeleted, name: z.string().min(1), nameEn: z.string().min(1) })
    .strict(),
]);

/** Namespace of the entity ids of code-keyed catalog entries (UUIDv5): every register derives the same id from the same code. */
const CATALOG_CODE_NAMESPACE = '6f1c2b0e-4d3a-5b7c-9e8f-0a1b2c3d4e5f';

/** The entity id of a catalog list entry: its global id, or for colours, sizes and departments one derived from the list and code. */
export function catalogListEntity(p: { list: string; entryId: string } | { list: string; code: string }): string {
  return 'entryId' in p ? p.entryId : uuidV5(`catalog_list:${p.list}:${p.code}`, CATALOG_CODE_NAMESPACE);
}

/**
 * Every command: its payload schema, its version, the global id it is about,
 * and whether it is `versioned`: an edit of a row several registers may edit
 * (it carries `baseChangeId`, and the cloud applies it only on that version).
 */
export const COMMANDS = {
  'sale.completed': { version: 1, versioned: false, schema: SaleCompletedV1, entity: (p: z.infer<typeof SaleCompletedV1>) => p.saleId },
  'stock.moved': { version: 1, versioned: false, schema: StockMovedV1, entity: (p: z.infer<typeof StockMovedV1>) => p.movementId },
  'customer.upserted': { version: 1, versioned: true, schema: CustomerUpsertedV1, entity: (p: z.infer<typeof CustomerUpsertedV1>) => p.customerId },
  'customer.address_added': { version: 1, versioned: false, schema: CustomerAddressAddedV1, entity: (p: z.infer<typeof CustomerAddressAddedV1>) => p.addressId },
  'tax_rate.changed': { version: 1, versioned: true, schema: TaxRateChangedV1, entity: (p: z.infer<typeof TaxRateChangedV1>) => p.taxRateId },
  'tax_rate.assigned': { version: 1, versioned: false, schema: TaxRateAssignedV1, entity: (p: z.infer<typeof TaxRateAssignedV1>) => p.targetId },
  'staff.changed': { version: 1, versioned: true, schema: StaffChangedV1, entity: (p: z.infer<typeof StaffChangedV1>) => p.staffId },
  'store_settings.changed': { version: 1, versioned: true, schema: StoreSettingsChangedV1, entity: () => STORE_SETTINGS_ENTITY },
  'product.upserted': { version: 1, versioned: true, schema: ProductUpsertedV1, entity: (p: z.infer<typeof ProductUpsertedV1>) => p.productId },
  'customer.erased': { version: 1, versioned: false, schema: CustomerErasedV1, entity: (p: z.infer<typeof CustomerErasedV1>) => p.customerId },
  'stock.adjusted': { version: 1, versioned: false, schema: StockAdjustedV1, entity: (p: z.infer<typeof StockAdjustedV1>) => p.adjustmentId },
  'purchase_order.saved': { version: 1, versioned: true, schema: PurchaseOrderSavedV1, entity: (p: z.infer<typeof PurchaseOrderSavedV1>) => p.orderId },
  'goods.received': { version: 1, versioned: false, schema: GoodsReceivedV1, entity: (p: z.infer<typeof GoodsReceivedV1>) => p.receiptId },
  'stock_count.applied': { version: 1, versioned: false, schema: StockCountAppliedV1, entity: (p: z.infer<typeof StockCountAppliedV1>) => p.countId },
  'transfer.sent': { version: 1, versioned: false, schema: TransferSentV1, entity: (p: z.infer<typeof TransferSentV1>) => p.transferId },
  'transfer.received': { version: 1, versioned: false, schema: TransferReceivedV1, entity: (p: z.infer<typeof TransferReceivedV1>) => p.transferId },
  'role_permissions.changed': { version: 1, versioned: true, schema: RolePermissionsChangedV1, entity: (p: z.infer<typeof RolePermissionsChangedV1>) => ROLE_PERMISSIONS_ENTITY[p.role] },
  'catalog_list.changed': { version: 1, versioned: true, schema: CatalogListChangedV1, entity: catalogListEntity },
} as const;

/** Store settings are one document per store; this fixed id names it. */
export const STORE_SETTINGS_ENTITY = '00000000-0000-7000-8000-000000000001';

export type CommandType = keyof typeof COMMANDS;
export type CommandPayload<T extends CommandType> = z.infer<(typeof COMMANDS)[T]['schema']>;
/** What a service hands the write path: the payload without `baseChangeId`, which the write path fills in. */
export type EmitPayload<T extends CommandType> = DistributiveOmit<CommandPayload<T>, 'baseChangeId'>;
/** Omit over each member of a union (a discriminated payload keeps its variants). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export const isVersioned = (type: CommandType): boolean => COMMANDS[type].versioned;
export const COMMAND_TYPES = Object.keys(COMMANDS) as CommandType[];

/** The envelope as it is pushed: who sent it, in which order, once. */
export const OutboxDocument = z
  .object({
    registerId: GlobalId,
    seq: z.number().int().positive(),
    idempotencyKey: GlobalId,
    type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]),
    schemaVersion: z.number().int().positive(),
    createdAt: Instant,
    payload: z.unknown(),
  })
  .strict();
export type OutboxDocument = z.infer<typeof OutboxDocument>;

/** Checks a document's payload against its command's schema (envelope first). */
export function parseOutboxDocument(raw: unknown): OutboxDocument & { payload: CommandPayload<CommandType> } {
  const doc = OutboxDocument.parse(raw);
  const command = COMMANDS[doc.type];
  if (doc.schemaVersion !== command.version) throw new Error(`${doc.type} v${doc.schemaVersion} is not a known version`);
  return { ...doc, payload: command.schema.parse(doc.payload) };
}

/**
 * The rows a command names, by table: a receiving database must hold (or
 * create) every one of them. Used to prove no document names a local id.
 */
export function referencesOf(type: CommandType, payload: unknown): { table: string; globalId: string }[] {
  const refs: { table: string; globalId: string }[] = [];
  const add = (table: string, id: string | null | undefined) => {
    if (id) refs.push({ table, globalId: id });
  };
  switch (type) {
    case 'sale.completed': {
      const p = payload as CommandPayload<'sale.completed'>;
      add('tblfacturas', p.saleId);
      add('staff_users', p.staffId);
      add('tblclientes', p.customerId);
      add('staff_users', p.orderDiscountApprovedBy);
      for (const l of p.lines) {
        add('tbldetalle_factura', l.lineId);
        add('tblproductos', l.productId);
        add('tblprodXcolorXtalla', l.variantId);
        add('staff_users', l.discountApprovedBy);
        add('staff_users', l.priceApprovedBy);
      }
      for (const pay of p.payments) add('payments', pay.paymentId);
      for (const m of p.stockMovements) {
        add('stock_movements', m.movementId);
        add('tblprodXcolorXtalla', m.variantId);
      }
      add('customer_credit', p.creditSpent?.entryId);
      break;
    }
    case 'stock.moved': {
      const p = payload as CommandPayload<'stock.moved'>;
      add('stock_movements', p.movementId);
      add('tblprodXcolorXtalla', p.variantId);
      add('staff_users', p.staffId);
      break;
    }
    case 'customer.upserted':
      add('tblclientes', (payload as CommandPayload<'customer.upserted'>).customerId);
      break;
    case 'customer.address_added': {
      const p = payload as CommandPayload<'customer.address_added'>;
      add(p.kind === 'billing' ? 'tbldirecciones_facturacion' : 'tbldirecciones_envio', p.addressId);
      add('tblclientes', p.customerId);
      break;
    }
    case 'tax_rate.changed':
      add('tax_rates', (payload as CommandPayload<'tax_rate.changed'>).taxRateId);
      break;
    case 'tax_rate.assigned': {
      const p = payload as CommandPayload<'tax_rate.assigned'>;
      add(p.target === 'product' ? 'tblproductos' : 'tblcategorias', p.targetId);
      break;
    }
    case 'staff.changed':
      add('staff_users', (payload as CommandPayload<'staff.changed'>).staffId);
      break;
    case 'store_settings.changed':
    case 'role_permissions.changed':
      break;
    case 'customer.erased':
      add('tblclientes', (payload as CommandPayload<'customer.erased'>).customerId);
      break;
    case 'stock.adjusted': {
      const p = payload as CommandPayload<'stock.adjusted'>;
      add('stock_adjustments', p.adjustmentId);
      add('staff_users', p.staffId);
      for (const l of p.lines) {
        add('stock_movements', l.movementId);
        add('tblprodXcolorXtalla', l.variantId);
      }
      break;
    }
    case 'purchase_order.saved': {
      const p = payload as CommandPayload<'purchase_order.saved'>;
      add('purchase_orders', p.orderId);
      add('tblfabricantes', p.manufacturerId);
      for (const l of p.lines) {
        add('purchase_order_lines', l.lineId);
        add('tblprodXcolorXtalla', l.variantId);
      }
      break;
    }
    case 'goods.received': {
      const p = payload as CommandPayload<'goods.received'>;
      add('goods_receipts', p.receiptId);
      add('purchase_orders', p.orderId);
      add('tblfabricantes', p.manufacturerId);
      add('staff_users', p.staffId);
      for (const l of p.lines) {
        add('goods_receipt_lines', l.lineId);
        add('tblprodXcolorXtalla', l.variantId);
        add('stock_movements', l.movementId);
      }
      break;
    }
    case 'stock_count.applied': {
      const p = payload as CommandPayload<'stock_count.applied'>;
      add('stock_counts', p.countId);
      add(p.scope === 'category' ? 'tblcategorias' : 'tblfabricantes', p.scopeId);
      add('staff_users', p.staffId);
      for (const l of p.lines) {
        add('tblprodXcolorXtalla', l.variantId);
        add('stock_movements', l.movementId);
      }
      break;
    }
    case 'transfer.sent':
    case 'transfer.received': {
      const p = payload as CommandPayload<'transfer.sent'> | CommandPayload<'transfer.received'>;
      add('stock_transfers', p.transferId);
      add('staff_users', p.staffId);
      for (const l of p.lines) {
        add('stock_transfer_lines', l.lineId);
        add('tblprodXcolorXtalla', l.variantId);
        add('stock_movements', l.movementId);
      }
      break;
    }
    case 'catalog_list.changed': {
      const p = payload as CommandPayload<'catalog_list.changed'>;
      // Colours, sizes and departments are named by code (reference data), never by a row id.
      if (p.list === 'manufacturer') add('tblfabricantes', p.entryId);
      else if (p.list === 'category') add('tblcategorias', p.entryId);
      else if (p.list === 'option') add('tblopciones', p.entryId);
      break;
    }
    case 'product.upserted': {
      const p = payload as CommandPayload<'product.upserted'>;
      add('tblproductos', p.productId);
      add('tblfabricantes', p.manufacturerId);
      for (const id of p.categoryIds) add('tblcategorias', id);
      for (const id of p.optionIds) add('tblopciones', id);
      for (const v of p.variants) add('tblprodXcolorXtalla', v.variantId);
      break;
    }
  }
  return refs;
}
