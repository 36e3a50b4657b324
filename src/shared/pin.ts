/**
 * PIN rules, once for main and the renderer: the format every PIN has (the
 * login pad, a manager's approval) and what a new PIN must also be (not easy
 * to guess). Main checks them on every call; forms check them before sending.
 */
import { z } from 'zod';

export const PIN_MIN = 4;
export const PIN_MAX = 8;

export const PIN_FORMAT_MESSAGE = `PIN must be ${PIN_MIN} to ${PIN_MAX} digits`;
export const PIN_TOO_EASY_MESSAGE = 'PIN is too easy to guess (repeated or sequential digits)';

/** PINs everyone tries first. */
const TRIVIAL_PINS: ReadonlySet<string> = new Set(['1234', '12345', '123456', '4321', '1111', '0000']);

/** All one digit, a straight run up or down (wrapping 9 to 0), or a well-known PIN. */
export function isEasyPin(pin: string): boolean {
  const digits = [...pin].map(Number);
  const run = (step: number) => digits.every((d, i) => i === 0 || d === (digits[i - 1]! + step + 10) % 10);
  return digits.every((d) => d === digits[0]) || run(1) || run(-1) || TRIVIAL_PINS.has(pin);
}

const PIN_FORMAT = new RegExp(`^\\d{${PIN_MIN},${PIN_MAX}}$`);

/** Any PIN typed to sign in or approve: 4 to 8 digits. */
export const PinSchema = z.string().regex(PIN_FORMAT, PIN_FORMAT_MESSAGE);

/** A PIN being set for someone: the format, and (once it has it) not easy to guess. */
export const NewPinSchema = PinSchema.refine((pin) => !PIN_FORMAT.test(pin) || !isEasyPin(pin), PIN_TOO_EASY_MESSAGE);
