import type { Handlers } from '../types';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { customerAdminHandlers } from './customer-admin';
import { inventoryHandlers } from './inventory';
import { catalogHandlers } from './catalog';
import { customersHandlers } from './customers';
import { referenceHandlers } from './reference';
import { salesHandlers } from './sales';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { staffHandlers } from './staff';
import { syncHandlers } from './sync';
import { updatesHandlers } from './updates';

export const handlers: Handlers = {
  app: appHandlers,
  session: sessionHandlers,
  settings: settingsHandlers,
  staff: staffHandlers,
  reference: referenceHandlers,
  catalog: catalogHandlers,
  sales: salesHandlers,
  customers: customersHandlers,
  sync: syncHandlers,
  audit: auditHandlers,
  inventory: inventoryHandlers,
  customerAdmin: customerAdminHandlers,
  updates: updatesHandlers,
};
