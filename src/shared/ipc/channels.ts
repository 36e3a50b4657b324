/**
 * Every IPC channel, by domain. Plain data with no imports, so the preload
 * (which may require nothing but electron) can bundle it. The zod contract,
 * the main-process router and the preload are all checked against this list.
 */
export const CHANNELS = {
  app: ['status'],
  session: ['staffList', 'login', 'logout', 'current', 'bootstrapAdmin'],
  settings: ['storePublic', 'store', 'updateStore', 'taxRates', 'saveTaxRate', 'categories', 'assignTaxRate'],
  staff: ['list', 'add', 'disable', 'setRole', 'roles', 'setRoleGrant'],
  reference: ['lists'],
  catalog: ['search', 'grid', 'lists', 'saveListEntry', 'deleteListEntry', 'products', 'product', 'saveProduct', 'importStart', 'importStatus', 'exportCsv', 'labels', 'labelsPdf', 'labelsZpl'],
  sales: [
    'current',
    'scan',
    'addVariant',
    'setQuantity',
    'removeLine',
    'setLineDiscount',
    'overridePrice',
    'setOrderDiscount',
    'setCustomer',
    'park',
    'parked',
    'resume',
    'voidCurrent',
    'setTenders',
    'complete',
    'history',
    'receipt',
    'receiptEscpos',
    'printThermal',
  ],
  customers: ['search', 'create', 'get', 'addAddress'],
  sync: ['info', 'rejected', 'now', 'conflicts', 'resolveConflict', 'retryRejected', 'dropRejected'],
  audit: ['list', 'facets'],
  inventory: [
    'stock',
    'movements',
    'grid',
    'filters',
    'adjust',
    'orders',
    'order',
    'createOrder',
    'closeOrder',
    'receive',
    'counts',
    'count',
    'startCount',
    'recordCount',
    'applyCount',
    'cancelCount',
    'transfers',
    'transfer',
    'sendTransfer',
    'acceptTransfer',
  ],
  customerAdmin: ['update', 'history', 'exportData', 'erase', 'importCsv', 'exportCsv'],
  updates: ['info', 'check', 'setChannel', 'postpone', 'installNow'],
} as const;

export type Domain = keyof typeof CHANNELS;
export type ActionOf<D extends Domain> = (typeof CHANNELS)[D][number];

/** The wire name of a channel, e.g. `pos:session.login`. */
export const channelName = (domain: string, action: string): string => `pos:${domain}.${action}`;

export function allChannelNames(): string[] {
  return Object.entries(CHANNELS).flatMap(([d, actions]) => actions.map((a) => channelName(d, a)));
}
