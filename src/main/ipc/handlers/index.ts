import type { Handlers } from '../types';
import { appHandlers } from './app';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';

export const handlers: Handlers = {
  app: appHandlers,
  session: sessionHandlers,
  settings: settingsHandlers,
};
