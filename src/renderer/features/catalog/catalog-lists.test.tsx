import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { callsOf, createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

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

async function openLists(as: 'manager' | 'cashier') {
  const pos = await createRealPos({ as });
  renderApp(pos.api);
  await screen.findByTestId('app-shell');
  await click('nav-catalog');
  await click('catalog-tab-lists');
  await screen.findByTestId('list-manufacturer');
  return pos;
}

describe('catalog lists', () => {
  it('adds a colour with its swatch, and refuses to delete a colour in use naming the products', async () => {
    const pos = await openLists('manager');
    await click('catalog-list-tab-color');
    await click('list-add');
    const dialog = screen.getByTestId('list-dialog');
    // The contract's schema speaks first: nothing reaches main.
    type('list-field-code', 'x');
    type('list-field-hex', 'teal');
    await click('list-save');
    expect((await within(dialog).findByTestId('list-error-hex')).textContent).toContain('#');
    expect(within(dialog).getByTestId('list-error-code')).toBeTruthy();
    expect(callsOf(pos.calls, 'catalog.saveListEntry')).toEqual([]);

    type('list-field-code', 'teal');
    type('list-field-name', 'Verde azulado');
    type('list-field-nameEn', 'Teal');
    type('list-field-hex', '#008080');
    await click('list-save');
    await waitFor(() => expect(screen.queryByTestId('list-dialog')).toBeNull());
    const teal = pos.services.catalogLists.lists().colors.find((c) => c.code === 'TEAL')!;
    expect(teal).toMatchObject({ name: 'Verde azulado', hex: '#008080' });
    expect(within(screen.getByTestId(`list-row-${teal.id}`)).getByText('Verde azulado')).toBeTruthy();

    const used = pos.services.catalogLists.lists().colors.find((c) => c.usedBy > 0)!;
    await click(`list-delete-${used.id}`);
    await click('list-confirm-delete-yes');
    const refusal = await screen.findByTestId('list-delete-error');
    expect(refusal.textContent).toContain(`No se puede eliminar ${used.name}`);
    expect(refusal.textContent).toContain(`${used.usedBy} variante`);
    expect(pos.services.catalogLists.lists().colors.some((c) => c.id === used.id)).toBe(true);

    await click(`list-delete-${teal.id}`);
    await click('list-confirm-delete-yes');
    await waitFor(() => expect(screen.queryByTestId(`list-row-${teal.id}`)).toBeNull());
  });

  it('shows a cashier the lists without edit buttons, and main refuses a cashier’s save', async () => {
    const pos = await openLists('cashier');
    expect(screen.queryByTestId('list-add')).toBeNull();
    const result = await pos.api.catalog.saveListEntry({ list: 'category', id: null, name: 'Ofertas' });
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN');
  });
});
