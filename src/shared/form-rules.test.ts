/**
 * The rules the renderer's forms and main's router both apply live here, in
 * the contract's schemas: these tests pin them where both sides read them.
 */
import { describe, expect, it } from 'vitest';
import { contract, NewCustomerSchema, NewStaffSchema, StoreSettingsPatchSchema, TaxRateSchema } from './ipc/contract';
import { isEasyPin, NewPinSchema, PIN_FORMAT_MESSAGE, PIN_TOO_EASY_MESSAGE, PinSchema } from './pin';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => ({ field: i.path.join('.'), message: i.message }));

describe('a new PIN', () => {
  it('is 4 to 8 digits and not easy to guess', () => {
    for (const pin of ['1111', '1234', '4321', '0000', '123456', '9012', '7654', '98765432', '55555555']) {
      expect(isEasyPin(pin), pin).toBe(true);
      expect(issuesOf(NewPinSchema.safeParse(pin)), pin).toEqual([{ field: '', message: PIN_TOO_EASY_MESSAGE }]);
    }
    for (const pin of ['2580', '1357', '4826', '13572468']) expect(NewPinSchema.safeParse(pin).success, pin).toBe(true);
    expect(issuesOf(NewPinSchema.safeParse('258'))[0]).toEqual({ field: '', message: PIN_FORMAT_MESSAGE });
    expect(issuesOf(NewPinSchema.safeParse('25a80'))[0]).toEqual({ field: '', message: PIN_FORMAT_MESSAGE });
  });

  it('is what a new staff member, a new store admin and an added user must have; signing in takes any well-formed PIN', () => {
    const staff = { username: 'sofia', displayName: 'Sofía', pin: '1111' };
    expect(issuesOf(NewStaffSchema.safeParse(staff))).toEqual([{ field: 'pin', message: PIN_TOO_EASY_MESSAGE }]);
    expect(issuesOf(contract.session.bootstrapAdmin.input.safeParse(staff))).toEqual([{ field: 'pin', message: PIN_TOO_EASY_MESSAGE }]);
    expect(issuesOf(contract.staff.add.input.safeParse({ ...staff, role: 'cashier' }))).toEqual([{ field: 'pin', message: PIN_TOO_EASY_MESSAGE }]);
    // An existing PIN is not judged again at the login pad or a manager's approval.
    expect(contract.session.login.input.safeParse({ userId: 1, pin: '1111' }).success).toBe(true);
    expect(PinSchema.safeParse('1111').success).toBe(true);
  });
});

describe('the contract reports every field at fault at once', () => {
  it('for a new staff member', () => {
    expect(issuesOf(NewStaffSchema.safeParse({ username: 'Marta Ruiz', displayName: '  ', pin: '12' })).map((i) => i.field)).toEqual(['username', 'displayName', 'pin']);
    expect(NewStaffSchema.parse({ username: ' Marta.Ruiz ', displayName: ' Marta ', pin: '2580' })).toEqual({ username: 'marta.ruiz', displayName: 'Marta', pin: '2580' });
  });

  it('for a tax rate', () => {
    expect(issuesOf(TaxRateSchema.safeParse({ code: 'iva-8', name: '', rateBp: 10_001, active: true })).map((i) => i.field)).toEqual(['code', 'name', 'rateBp']);
  });

  it('for the store settings', () => {
    const bad = { storeName: ' ', registerCode: 'C-1', locale: 'fr', thermalPrinterHost: 'impresora de caja', thermalPrinterPort: 70_000, receiptHeader: ['1', '2', '3', '4', '5', '6', '7'], receiptFooter: ['x'.repeat(49)] };
    expect(issuesOf(StoreSettingsPatchSchema.safeParse(bad)).map((i) => i.field)).toEqual(['storeName', 'registerCode', 'locale', 'receiptHeader', 'receiptFooter.0', 'thermalPrinterHost', 'thermalPrinterPort']);
    expect(StoreSettingsPatchSchema.safeParse({ registerCode: 'C02' }).success).toBe(true);
  });

  it('for a customer, including a phone without its type', () => {
    const customer = { documentTypeCode: 'NATIONAL_ID', document: '80123456', firstName: 'Ana', lastName: 'Ruiz', countryCode: 'CO' };
    expect(NewCustomerSchema.safeParse(customer).success).toBe(true);
    expect(issuesOf(NewCustomerSchema.safeParse({ ...customer, phone: '3001234567' }))).toEqual([{ field: 'phoneTypeCode', message: 'choose the phone type' }]);
    expect(NewCustomerSchema.safeParse({ ...customer, phone: '3001234567', phoneTypeCode: 'MOBILE' }).success).toBe(true);
    expect(issuesOf(NewCustomerSchema.safeParse({ ...customer, document: 'x', firstName: ' ', email: 'no' })).map((i) => i.field)).toEqual(['document', 'firstName', 'email']);
  });
});
