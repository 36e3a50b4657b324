import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
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

describe('product editor', () => {
  it('creates a product from picked colours and sizes with opening stock, then adds a size as a new column', async () => {
    const pos = await createRealPos({ as: 'manager' });
    renderApp(pos.api);
    await screen.findByTestId('app-shell');
    await click('nav-catalog');
    await click('product-new');
    await screen.findByTestId('product-editor');

    type('product-plu', '990123');
    type('product-name', 'Polo piqué');
    type('product-price', '59.900');
    await click('pick-color-BLACK');
    await click('pick-color-WHITE');
    await click('pick-size-S');
    await click('pick-size-M');
    type('cell-BLACK-S-opening', '3');
    type('cell-WHITE-M-opening', '5');
    // A bad maker's barcode is named at its cell; nothing is saved.
    await click('matrix-mode-barcode');
    type('cell-BLACK-M-barcode', '7701234567890');
    await click('product-save');
    expect((await screen.findByTestId('cell-BLACK-M-error')).textContent).toMatch(/check digit/);
    expect(pos.services.productList.query({ offset: 0, limit: 10, text: '990123' }).total).toBe(0);

    type('cell-BLACK-M-barcode', '');
    await click('product-save');
    await waitFor(() => expect(screen.queryAllByRole('alert').map((a) => a.textContent)).toEqual([]));
    expect((await screen.findByTestId('product-saved')).textContent).toContain('4');
    const id = pos.services.productList.query({ offset: 0, limit: 10, text: '990123' }).rows[0]!.productId;
    const saved = pos.services.productEditor.load(id);
    expect(saved).toMatchObject({ name: 'Polo piqué', price: 5_990_000 });
    expect(saved.variants.map((v) => v.stock).sort()).toEqual([0, 0, 3, 5]);
    // In-store EAN-13s (prefix 20-29), made from the PLU.
    expect(saved.variants.every((v) => /^20990123\d{5}$/.test(v.barcode))).toBe(true);

    await click('matrix-mode-stock');
    expect(screen.getByTestId('cell-BLACK-S-stock').textContent).toBe('3');
    await click('pick-size-L');
    type('cell-WHITE-L-opening', '2');
    await click('product-save');
    await waitFor(() => expect(pos.services.productEditor.load(id).variants).toHaveLength(6));
    // The bad barcode was main's to refuse (check digit), then two saves.
    expect(callsOf(pos.calls, 'catalog.saveProduct')).toHaveLength(3);
  });
});
