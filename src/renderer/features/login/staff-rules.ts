/** Rules for a new staff member's fields, as the contract's NewStaffSchema has them. */
import { PIN_MAX, PIN_MIN } from './PinPad';

/** A username after trim and lowercase. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,31}$/;
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`);

/** Digits only, at most PIN_MAX of them: what a PIN field accepts as it is typed. */
export const pinDigits = (text: string): string => text.replace(/\D/g, '').slice(0, PIN_MAX);
