import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorInfo } from '../../shared/errors';
import { formatMoney } from '../../shared/money';
import { STAFF_ROLE_NAMES } from '../../shared/roles';
import { en } from './en';
import { errorMessage } from './error-message';
import { es } from './es';
import { createI18n, languageFromLocale, pickLanguage } from './index';

/** Every dotted key path whose value is a string. */
function keysOf(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]: [string, unknown]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') return [path];
    if (typeof value === 'object' && value !== null) return keysOf(value, path);
    throw new Error(`${path} is neither text nor a group`);
  });
}

describe('UI text', () => {
  it('has exactly the same keys in Spanish and English', () => {
    const esKeys = keysOf(es).sort();
    const enKeys = keysOf(en).sort();
    expect(esKeys.length).toBeGreaterThan(50);
    expect(enKeys).toEqual(esKeys);
  });

  it('has no empty text in either language', () => {
    for (const [name, tree] of [['es', es], ['en', en]] as const) {
      const empty = keysOf(tree).filter((path) => {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });

  it('translates every error code and role in both languages', () => {
    for (const tree of [es, en]) {
      const keys = new Set(keysOf(tree));
      for (const code of ERROR_CODES) expect(keys.has(`errors.${code}`), code).toBe(true);
      for (const role of STAFF_ROLE_NAMES) expect(keys.has(`roles.${role}`), role).toBe(true);
    }
  });
});

describe('language choice', () => {
  it('prefers the stored choice, then the store locale, then Spanish', () => {
    expect(pickLanguage('en', 'es-CO')).toBe('en');
    expect(pickLanguage(null, 'en-US')).toBe('en');
    expect(pickLanguage('fr', 'es-MX')).toBe('es');
    expect(pickLanguage(null, 'pt-BR')).toBe('es');
    expect(pickLanguage(null, undefined)).toBe('es');
    expect(languageFromLocale('EN_gb')).toBe('en');
  });
});

describe('errorMessage', () => {
  const now = new Date(2026, 4, 14, 10, 0, 0);

  it('says how many PIN attempts are left, with plurals', () => {
    const t = createI18n('es').t;
    const error = (left: number): ErrorInfo => ({ code: 'PIN_INVALID', message: 'wrong PIN', details: { attemptsLeft: left } });
    expect(errorMessage(t, error(3), 'es-CO', now)).toBe('PIN incorrecto. Le quedan 3 intentos.');
    expect(errorMessage(t, error(1), 'es-CO', now)).toBe('PIN incorrecto. Le queda 1 intento.');
    expect(errorMessage(createI18n('en').t, error(2), 'en-US', now)).toBe('Wrong PIN. 2 attempts left.');
    expect(errorMessage(t, { code: 'PIN_INVALID', message: 'x' }, 'es-CO', now)).toBe('PIN incorrecto.');
  });

  it('says until when a user is locked, in the store locale', () => {
    const t = createI18n('es').t;
    const until = new Date(2026, 4, 14, 10, 5, 0);
    const time = new Intl.DateTimeFormat('es-CO', { timeStyle: 'short' }).format(until);
    const message = errorMessage(t, { code: 'USER_LOCKED', message: 'locked', details: { lockedUntil: until.toISOString() } }, 'es-CO', now);
    expect(message).toBe(`Usuario bloqueado por demasiados intentos fallidos hasta las ${time}.`);

    const tomorrow = new Date(2026, 4, 15, 9, 0, 0);
    const later = errorMessage(t, { code: 'USER_LOCKED', message: 'locked', details: { lockedUntil: tomorrow.toISOString() } }, 'es-CO', now);
    expect(later).toContain('hasta el ');
    expect(later).toContain('2026');
  });

  it('tells a network failure apart from a bug', () => {
    const t = createI18n('es').t;
    expect(errorMessage(t, { code: 'INTERNAL', message: 'x', details: { network: true } }, 'es', now)).toMatch(/No hay comunicación/);
    expect(errorMessage(t, { code: 'INTERNAL', message: 'x' }, 'es', now)).toBe('Algo salió mal. El error quedó registrado.');
    expect(errorMessage(t, { code: 'FORBIDDEN', message: 'x' }, 'es', now)).toBe('Su rol no permite esta acción.');
  });

  it('fills the sell errors with their details: the code, the stock left, what is still due', () => {
    const t = createI18n('es').t;
    const en = createI18n('en').t;
    expect(errorMessage(t, { code: 'NOT_FOUND', message: 'x', details: { code: '123' } }, 'es-CO', now)).toBe('No se encontró el código 123');
    expect(errorMessage(en, { code: 'NOT_FOUND', message: 'x', details: { code: '123' } }, 'en-US', now)).toBe('Code 123 was not found');
    expect(errorMessage(t, { code: 'NOT_FOUND', message: 'x' }, 'es-CO', now)).toBe('No se encontró lo que busca.');
    expect(errorMessage(t, { code: 'BARCODE_INVALID', message: 'x', details: { code: '7701234567891' } }, 'es-CO', now)).toContain('7701234567891');
    expect(errorMessage(t, { code: 'STOCK_SHORT', message: 'x', details: { stock: 1 } }, 'es-CO', now)).toBe('No hay existencias suficientes: queda 1 unidad.');
    expect(errorMessage(t, { code: 'STOCK_SHORT', message: 'x', details: { stock: 3 } }, 'es-CO', now)).toBe('No hay existencias suficientes: quedan 3 unidades.');
    expect(errorMessage(en, { code: 'STOCK_SHORT', message: 'x', details: { stock: -2 } }, 'en-US', now)).toBe('Not enough stock: 0 units left.');
    const due = formatMoney(1050000, 'COP', 'es-CO');
    expect(errorMessage(t, { code: 'PAYMENT_SHORT', message: 'x', details: { remaining: 1050000 } }, 'es-CO', now, 'COP')).toBe(`Los pagos no cubren el total: faltan ${due}.`);
    expect(errorMessage(en, { code: 'PAYMENT_SHORT', message: 'x', details: { balance: 500 } }, 'en-US', now, 'USD')).toBe('The customer only has $5.00 of store credit.');
    expect(errorMessage(t, { code: 'PAYMENT_SHORT', message: 'x' }, 'es-CO', now)).toBe('Los pagos no cubren el total de la venta.');
  });
});
