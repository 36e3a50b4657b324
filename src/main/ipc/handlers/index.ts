import type { Handlers } from '../types';
import { appHandlers } from './app';
import { catalogHandlers } from './catalog';
import { customersHandlers } from './customers';
import { referenceHandlers } from './reference';
import { salesHandlers } from './sales';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';

export const handlers: Handlers = {
  app: appHandlers,
  session: sessionHandlers,
  settings: settingsHandlers,
  reference: referenceHandlers,
  catalog: catalogHandlers,
  sales: salesHandlers,
  customers: customersHandlers,
};
