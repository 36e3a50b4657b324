/**
 * A new staff member's form (the first admin, or a user an admin adds): the
 * contract's NewStaffSchema is the rule; this file only words its problems.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { PIN_MAX, PIN_TOO_EASY_MESSAGE } from '../../../shared/pin';

/** Digits only, at most PIN_MAX of them: what a PIN field accepts as it is typed. */
export const pinDigits = (text: string): string => text.replace(/\D/g, '').slice(0, PIN_MAX);

export type StaffFormField = 'displayName' | 'username' | 'pin' | 'pinConfirm';

/** A field's problem in the UI language, from the schema's issue or main's answer. */
export function staffFieldText(t: TFunction, field: StaffFormField, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  switch (field) {
    case 'displayName':
      return t('login.bootstrap.errors.name');
    case 'username':
      return error.type === 'CONFLICT' ? t('login.bootstrap.errors.usernameTaken') : t('login.bootstrap.errors.username');
    case 'pin':
      return error.message === PIN_TOO_EASY_MESSAGE ? t('login.bootstrap.errors.pinWeak') : t('login.bootstrap.errors.pin');
    case 'pinConfirm':
      return t('login.bootstrap.errors.pinMismatch');
  }
}
