import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CategoryTaxDto, TaxRateDto } from '../../../shared/ipc/dto';
import type { StaffRoleName } from '../../../shared/roles';
import { callsOf, createRealPos, type RealPos, type RealPosOptions } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

/**
 * Settings as a signed-in demo user of this role. The demo store has IVA19
 * (its default), IVA5 and EXENTO; an old IVA16, no longer used, is added as
 * an inactive rate.
 */
async function openSettings(role: StaffRoleName, options: RealPosOptions = {}) {
  const pos = await createRealPos({ as: role, ...options });
  pos.services.taxAdmin.save({ code: 'IVA16', name: 'IVA anterior', rateBp: 1600, active: false }, pos.staff.admin.id);
  const view = renderApp(pos.api);
  await screen.findByTestId('app-shell');
  fireEvent.click(screen.getByTestId('nav-settings'));
  const settings = screen.getByTestId('screen-settings');
  // The rates feed the default-tax select and the facts.
  await waitFor(() => expect(pos.calls.some((c) => c.channel === 'settings.taxRates')).toBe(true));
  return { ...pos, ...view, settings };
}

const ratesOf = (pos: RealPos) => pos.services.taxAdmin.list().map(({ code, name, rateBp, active }): TaxRateDto => ({ code, name, rateBp, active }));
const categoryTax = async (pos: RealPos, id: number) => (await pos.ask<CategoryTaxDto[]>('settings.categories')).find((c) => c.id === id)?.taxCode;

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });
const click = async (testId: string) => {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
};

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('store settings', () => {
  it('refuses what the contract refuses before asking main, shows main\'s VALIDATION at the field it names, then saves only what changed and updates the top bar', async () => {
    const pos = await openSettings('manager');
    const { calls, services } = pos;
    expect(screen.getByTestId<HTMLInputElement>('setting-storeName').value).toBe('Tienda');

    // The contract's schema refuses a host name with spaces: the form applies it, main is not asked.
    type('setting-thermalPrinterHost', 'impresora de caja');
    await click('settings-save');
    const hostError = await screen.findByTestId('settings-error-thermalPrinterHost');
    expect(hostError.textContent).toBe('Escriba una dirección IP o un nombre de equipo válido, sin espacios.');
    expect(screen.getByTestId('setting-thermalPrinterHost').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByTestId('setting-thermalPrinterHost'));
    expect(callsOf(calls, 'settings.updateStore')).toEqual([]);

    type('setting-thermalPrinterHost', '192.168.1.50');
    expect(screen.queryByTestId('settings-error-thermalPrinterHost')).toBeNull();
    // IVA5 is deactivated on another register after this form listed it: only main can tell.
    fireEvent.change(screen.getByTestId('setting-defaultTaxCode'), { target: { value: 'IVA5' } });
    services.taxAdmin.save({ code: 'IVA5', name: 'IVA 5 %', rateBp: 500, active: false }, pos.staff.admin.id);
    await click('settings-save');
    expect((await screen.findByTestId('settings-error-defaultTaxCode')).textContent).toBe('Elija un impuesto activo.');
    expect(document.activeElement).toBe(screen.getByTestId('setting-defaultTaxCode'));
    expect(screen.queryByTestId('settings-saved')).toBeNull();
    expect(callsOf(calls, 'settings.updateStore')).toEqual([{ defaultTaxCode: 'IVA5', thermalPrinterHost: '192.168.1.50' }]);
    expect(services.settings.store().thermalPrinterHost).toBeNull();

    fireEvent.change(screen.getByTestId('setting-defaultTaxCode'), { target: { value: 'IVA19' } });
    expect(screen.queryByTestId('settings-error-defaultTaxCode')).toBeNull();
    type('setting-storeName', 'Tienda Norte');
    type('setting-registerCode', 'c02');
    expect(screen.getByTestId<HTMLInputElement>('setting-registerCode').value).toBe('C02');
    type('setting-discountApprovalPct', '12,5');
    fireEvent.click(screen.getByTestId('setting-stockPolicy-block'));
    fireEvent.click(screen.getByTestId('setting-pricesIncludeTax'));
    type('setting-cashRoundingIncrement', '50');
    type('setting-receiptHeader', 'NIT 900.123.456-7\nCalle 10 # 20-30\n\n');
    type('setting-receiptFooter', '¡Gracias por su compra!\nCambios dentro de 30 días con la factura.\n');
    type('setting-receiptColumns', '32');
    await click('settings-save');

    expect((await screen.findByTestId('settings-saved')).textContent).toContain('Ajustes guardados.');
    expect(callsOf(calls, 'settings.updateStore').at(-1)).toEqual({
      storeName: 'Tienda Norte',
      registerCode: 'C02',
      pricesIncludeTax: false,
      stockPolicy: 'block',
      discountApprovalBp: 1250,
      cashRoundingIncrement: 5000,
      receiptHeader: ['NIT 900.123.456-7', 'Calle 10 # 20-30'],
      thermalPrinterHost: '192.168.1.50',
      receiptColumns: 32,
    });
    expect(services.settings.store()).toMatchObject({ storeName: 'Tienda Norte', registerCode: 'C02', stockPolicy: 'block', thermalPrinterHost: '192.168.1.50', receiptColumns: 32, cashRoundingIncrement: 5000 });
    // The status store reloaded the settings: the top bar says so.
    expect(screen.getByTestId('topbar-store').textContent).toBe('Tienda Norte');
    expect(screen.getByTestId('topbar-register').textContent).toBe('Caja C02');
    expect(callsOf(calls, 'settings.store').length).toBeGreaterThanOrEqual(2);

    // Editing again clears the "saved" note; saving nothing new does not call main.
    type('setting-storeName', 'Tienda Norte ');
    expect(screen.queryByTestId('settings-saved')).toBeNull();
    await click('settings-save');
    expect(screen.getByTestId('settings-unchanged')).toBeTruthy();
    expect(callsOf(calls, 'settings.updateStore')).toHaveLength(2);
  });

  it('checks the fields it can before asking main, each error next to its field', async () => {
    const { calls } = await openSettings('admin');

    type('setting-storeName', '  ');
    type('setting-registerCode', 'C-1');
    type('setting-discountApprovalPct', '120');
    type('setting-thermalPrinterPort', '70000');
    type('setting-receiptFooter', ['Gracias', 'x'.repeat(49)].join('\n'));
    type('setting-receiptHeader', ['1', '2', '3', '4', '5', '6', '7'].join('\n'));
    await click('settings-save');

    expect(screen.getByTestId('settings-error-storeName').textContent).toBe('Escriba el nombre de la tienda (hasta 80 caracteres).');
    expect(screen.getByTestId('settings-error-registerCode').textContent).toBe('Código de caja: de 2 a 6 letras mayúsculas o dígitos.');
    expect(screen.getByTestId('settings-error-discountApprovalBp').textContent).toContain('de 0 a 100');
    expect(screen.getByTestId('settings-error-thermalPrinterPort').textContent).toBe('El puerto es un número de 1 a 65535.');
    expect(screen.getByTestId('settings-error-receiptFooter').textContent).toBe('La línea 2 tiene 49 caracteres; el máximo es 48.');
    expect(screen.getByTestId('settings-error-receiptHeader').textContent).toBe('Hay 7 líneas; el máximo es 6.');
    expect(document.activeElement).toBe(screen.getByTestId('setting-storeName'));
    expect(callsOf(calls, 'settings.updateStore')).toEqual([]);
  });

  it('offers only active rates as the default, takes a free ISO currency code, and saves with Ctrl+S', async () => {
    const { calls, services } = await openSettings('manager');
    const select = screen.getByTestId<HTMLSelectElement>('setting-defaultTaxCode');
    await waitFor(() => expect([...select.options].map((o) => o.value)).toEqual(['IVA19', 'IVA5', 'EXENTO']));

    fireEvent.change(select, { target: { value: 'IVA5' } });
    fireEvent.change(screen.getByTestId('setting-currency'), { target: { value: 'other' } });
    const code = screen.getByTestId<HTMLInputElement>('setting-currency-other');
    expect(document.activeElement).toBe(code);
    fireEvent.change(code, { target: { value: 'xyz' } });
    fireEvent.change(screen.getByTestId('setting-locale'), { target: { value: 'en-US' } });
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 's', code: 'KeyS', ctrlKey: true });
    });
    // XYZ is not an ISO 4217 currency: refused here (money could not be shown in it).
    expect(screen.getByTestId('settings-error-currency').textContent).toContain('ISO 4217');
    expect(callsOf(calls, 'settings.updateStore')).toEqual([]);

    fireEvent.change(code, { target: { value: 'clp' } });
    await act(async () => {
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 's', code: 'KeyS', ctrlKey: true });
    });
    await screen.findByTestId('settings-saved');
    expect(callsOf(calls, 'settings.updateStore')).toEqual([{ currency: 'CLP', locale: 'en-US', defaultTaxCode: 'IVA5' }]);
    expect(services.settings.store()).toMatchObject({ currency: 'CLP', locale: 'en-US', defaultTaxCode: 'IVA5' });
  });
});

describe('taxes', () => {
  it('adds a rate from a percent with decimals, and lists it', async () => {
    const pos = await openSettings('manager');
    const { calls } = pos;
    fireEvent.click(screen.getByTestId('settings-tab-taxes'));
    expect(screen.getByTestId('settings-tab-taxes').getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByTestId('tax-row-IVA19')).toBeTruthy();
    expect(screen.getByTestId('tax-row-IVA19').textContent).toContain('Predeterminada');

    fireEvent.click(screen.getByTestId('tax-add'));
    const dialog = screen.getByTestId('tax-dialog');
    expect(document.activeElement).toBe(screen.getByTestId('tax-code'));
    type('tax-code', 'inc8');
    type('tax-name', 'Impoconsumo');
    type('tax-rate', '8,25');
    await click('tax-save');

    expect(dialog.isConnected).toBe(false);
    expect(callsOf(calls, 'settings.saveTaxRate')).toEqual([{ code: 'INC8', name: 'Impoconsumo', rateBp: 825, active: true }]);
    const row = await screen.findByTestId('tax-row-INC8');
    expect(row.textContent).toContain('Impoconsumo');
    expect(row.textContent).toContain(new Intl.NumberFormat('es-CO', { style: 'percent', maximumFractionDigits: 2 }).format(0.0825));
    expect(ratesOf(pos).find((r) => r.code === 'INC8')).toEqual({ code: 'INC8', name: 'Impoconsumo', rateBp: 825, active: true });
  });

  it('refuses a bad rate and deactivating the default rate, without calling main', async () => {
    const { calls } = await openSettings('manager');
    fireEvent.click(screen.getByTestId('settings-tab-taxes'));
    fireEvent.click(await screen.findByTestId('tax-add'));
    // The contract's TaxRateSchema: every field's problem at once.
    type('tax-code', 'i');
    type('tax-name', '   ');
    type('tax-rate', 'diez');
    await click('tax-save');
    expect(screen.getByTestId('tax-error-code').textContent).toBe('Código: de 2 a 12 letras mayúsculas, dígitos o _.');
    expect(screen.getByTestId('tax-error-name').textContent).toBe('Escriba el nombre (hasta 40 caracteres).');
    expect(screen.getByTestId('tax-error-rateBp').textContent).toBe('Escriba una tarifa de 0 a 100 %, con hasta 2 decimales.');
    type('tax-code', 'IVA-8');
    expect(screen.queryByTestId('tax-error-code')).toBeNull();
    await click('tax-save');
    expect(screen.getByTestId('tax-error-code').textContent).toBe('Código: de 2 a 12 letras mayúsculas, dígitos o _.');
    type('tax-code', 'IVA19');
    type('tax-name', 'Otra');
    type('tax-rate', '101');
    await click('tax-save');
    expect(screen.getByTestId('tax-error-code').textContent).toBe('Ya existe una tarifa con ese código.');
    expect(screen.getByTestId('tax-error-rateBp').textContent).toBe('Escriba una tarifa de 0 a 100 %, con hasta 2 decimales.');
    fireEvent.click(screen.getByTestId('tax-dialog-close'));

    fireEvent.click(screen.getByTestId('tax-edit-IVA19'));
    expect(screen.getByTestId<HTMLInputElement>('tax-code').disabled).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('tax-rate').value).toBe('19');
    fireEvent.click(screen.getByTestId('tax-active'));
    await click('tax-save');
    expect(screen.getByTestId('tax-error-active').textContent).toContain('predeterminado de la tienda');
    expect(callsOf(calls, 'settings.saveTaxRate')).toEqual([]);
  });

  it('shows main\'s CONFLICT at the active switch when the default rate is deactivated elsewhere', async () => {
    const pos = await openSettings('manager');
    const { calls, services } = pos;
    fireEvent.click(screen.getByTestId('settings-tab-taxes'));
    fireEvent.click(await screen.findByTestId('tax-edit-IVA5'));
    // Meanwhile IVA5 became the store default on another register.
    services.settings.updateStore({ defaultTaxCode: 'IVA5' });
    fireEvent.click(screen.getByTestId('tax-active'));
    await click('tax-save');
    expect((await screen.findByTestId('tax-error-active')).textContent).toContain('predeterminado de la tienda');
    expect(callsOf(calls, 'settings.saveTaxRate')).toEqual([{ code: 'IVA5', name: 'IVA 5 %', rateBp: 500, active: false }]);
    expect(screen.getByTestId('tax-dialog')).toBeTruthy();
    expect(ratesOf(pos).find((r) => r.code === 'IVA5')?.active).toBe(true);
  });

  it('assigns a rate to a category, and back to the store default', async () => {
    const pos = await openSettings('admin');
    const { calls } = pos;
    fireEvent.click(screen.getByTestId('settings-tab-taxes'));
    // Category 1 of the demo store: Camisetas.
    const select = await screen.findByTestId<HTMLSelectElement>('category-tax-1');
    expect(screen.getByTestId('category-row-1').textContent).toContain('Camisetas');
    expect(select.value).toBe('');
    expect(select.options[0]?.textContent).toBe('Predeterminado (IVA19 · IVA 19 %)');
    expect([...select.options].map((o) => o.value)).toEqual(['', 'IVA19', 'IVA5', 'EXENTO']);

    await act(async () => {
      fireEvent.change(select, { target: { value: 'IVA5' } });
    });
    expect(callsOf(calls, 'settings.assignTaxRate')).toEqual([{ target: 'category', id: 1, taxCode: 'IVA5' }]);
    expect(screen.getByTestId<HTMLSelectElement>('category-tax-1').value).toBe('IVA5');
    expect(screen.getByTestId('category-status-1').textContent).toContain('Guardado');
    expect(await categoryTax(pos, 1)).toBe('IVA5');

    await act(async () => {
      fireEvent.change(screen.getByTestId('category-tax-1'), { target: { value: '' } });
    });
    expect(callsOf(calls, 'settings.assignTaxRate').at(-1)).toEqual({ target: 'category', id: 1, taxCode: null });
    expect(screen.getByTestId<HTMLSelectElement>('category-tax-1').value).toBe('');
    expect(await categoryTax(pos, 1)).toBeNull();
  });
});

describe('staff', () => {
  it('lets an admin add a user (each field checked by the contract, a taken username by main) and disable one after confirming', async () => {
    const { calls, services, staff } = await openSettings('admin');
    fireEvent.click(screen.getByTestId('settings-tab-staff'));
    expect(await screen.findByTestId(`staff-row-${staff.admin.id}`)).toBeTruthy();
    expect(screen.getByTestId(`staff-row-${staff.manager.id}`).textContent).toContain('Gerente');
    // Nobody disables themself.
    expect(screen.queryByTestId(`staff-disable-${staff.admin.id}`)).toBeNull();
    expect(screen.getByTestId(`staff-disable-${staff.cashier.id}`)).toBeTruthy();

    fireEvent.click(screen.getByTestId('staff-add'));
    // Every field's problem at once, by the contract's rules, and nothing sent.
    type('staff-name', '  ');
    type('staff-username', 'Sofía Castro');
    type('staff-pin', '1111');
    await click('staff-save');
    expect(screen.getByTestId('staff-error-displayName').textContent).toBe('Escriba el nombre (hasta 60 caracteres).');
    expect(screen.getByTestId('staff-error-username').textContent).toContain('de 2 a 32 letras minúsculas');
    expect(screen.getByTestId('staff-error-pin').textContent).toBe('Ese PIN es muy fácil de adivinar: evite dígitos repetidos o seguidos (como 1111 o 1234).');
    expect(callsOf(calls, 'staff.add')).toEqual([]);

    // A username already in use: only main knows, and says so at the field.
    type('staff-name', 'Sofía Castro');
    expect(screen.queryByTestId('staff-error-displayName')).toBeNull();
    type('staff-username', 'Cashier');
    fireEvent.change(screen.getByTestId('staff-role'), { target: { value: 'manager' } });
    type('staff-pin', '4826');
    await click('staff-save');
    expect((await screen.findByTestId('staff-error-username')).textContent).toBe('Ese nombre de usuario ya existe.');
    expect(callsOf(calls, 'staff.add')).toEqual([{ displayName: 'Sofía Castro', username: 'cashier', role: 'manager', pin: '4826' }]);

    type('staff-username', 'Sofia');
    await click('staff-save');
    // Main hashes the PIN (scrypt) before it answers.
    await waitFor(() => expect(screen.queryByTestId('staff-dialog')).toBeNull());
    expect(callsOf(calls, 'staff.add').at(-1)).toEqual({ displayName: 'Sofía Castro', username: 'sofia', role: 'manager', pin: '4826' });
    const added = services.staff.list().find((u) => u.username === 'sofia')!;
    expect(added).toMatchObject({ displayName: 'Sofía Castro', role: 'manager', active: true });
    await expect(services.staff.authenticate(added.id, '4826')).resolves.toMatchObject({ id: added.id });
    const row = await screen.findByTestId(`staff-row-${added.id}`);
    expect(row.textContent).toContain('Sofía Castro');
    expect(row.textContent).toContain('Gerente');

    const cashier = staff.cashier.id;
    fireEvent.click(screen.getByTestId(`staff-disable-${cashier}`));
    expect(screen.getByTestId('confirm-dialog').textContent).toContain('Lucía Pérez');
    await click('confirm-ok');
    expect(callsOf(calls, 'staff.disable')).toEqual([{ id: cashier }]);
    expect(screen.getByTestId(`staff-state-${cashier}`).textContent).toBe('Desactivado');
    expect(screen.queryByTestId(`staff-disable-${cashier}`)).toBeNull();
    expect(services.staff.list({ includeInactive: true }).find((u) => u.id === cashier)?.active).toBe(false);
  });

  it('shows a manager the staff list without add or disable', async () => {
    const { calls } = await openSettings('manager');
    fireEvent.click(screen.getByTestId('settings-tab-staff'));
    expect(await screen.findByTestId('staff-row-4')).toBeTruthy();
    expect(screen.queryByTestId('staff-add')).toBeNull();
    expect(screen.queryByTestId(/^staff-disable-/)).toBeNull();
    expect(screen.getByTestId('staff-admin-only').textContent).toBe('Solo un administrador puede agregar o desactivar usuarios.');
    expect(callsOf(calls, 'staff.list')).toEqual([{ includeInactive: true }]);
  });
});

describe('a cashier', () => {
  it('sees the store settings read-only, with no forms, and the about panel', async () => {
    const { calls, settings } = await openSettings('cashier', { app: { version: '2.0.1', shell: 'web' } });

    expect(screen.getByTestId('settings-read-only').textContent).toContain('Un gerente o un administrador puede cambiarlos');
    expect(screen.queryByTestId('settings-tab-taxes')).toBeNull();
    expect(screen.queryByTestId('settings-tab-staff')).toBeNull();
    expect(screen.queryByTestId('settings-save')).toBeNull();
    expect(settings.querySelector('input, select, textarea')).toBeNull();
    expect(screen.getByTestId('setting-storeName').textContent).toBe('Tienda');
    expect(screen.getByTestId('setting-registerCode').textContent).toBe('R01');
    expect(screen.getByTestId('setting-stockPolicy').textContent).toBe('Avisa y permite vender');
    await waitFor(() => expect(screen.getByTestId('setting-defaultTaxCode').textContent).toContain('IVA 19 %'));

    fireEvent.click(screen.getByTestId('settings-tab-about'));
    expect(screen.getByTestId('about-version').textContent).toBe('2.0.1');
    expect(screen.getByTestId('about-shell').textContent).toBe('Vista previa en navegador');
    expect(screen.getByTestId('about-sync').textContent).toBe('Sincronización no configurada');
    expect(within(settings).getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('settings-tab-about');
    // A cashier's screen asks main only for what a cashier may read.
    expect(calls.some((c) => c.channel === 'settings.categories' || c.channel === 'staff.list')).toBe(false);
  });
});

describe('tabs', () => {
  it('move with the arrow keys, Home and End, and only the current one is in the Tab order', async () => {
    await openSettings('manager');
    const store = screen.getByTestId('settings-tab-store');
    store.focus();
    fireEvent.keyDown(store, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByTestId('settings-tab-taxes'));
    expect(screen.getByTestId('settings-tab-taxes').getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByTestId('settings-tab-about'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(store);
    expect(store.getAttribute('tabindex')).toBe('0');
    expect(screen.getByTestId('settings-tab-about').getAttribute('tabindex')).toBe('-1');
  });
});
