import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Customers screen', () => {
  it('finds a customer, edits the last name, and erases them on request with a reason', async () => {
    const pos = await createRealPos({ as: 'manager' });
    const someone = pos.services.db.sqlite.prepare(`SELECT id_cliente AS id, documento AS document FROM tblclientes WHERE documento IS NOT NULL ORDER BY id_cliente LIMIT 1`).get() as { id: number; document: string };
    renderApp(pos.api);
    await screen.findByTestId('app-shell');
    fireEvent.click(screen.getByTestId('nav-customers'));
    fireEvent.change(screen.getByTestId('cust-query'), { target: { value: someone.document } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cust-search'));
    });
    const record = await screen.findByTestId('cust-record');
    await waitFor(() => expect(within(record).getByTestId('cust-totals').textContent).toMatch(/compra/));

    fireEvent.click(within(record).getByTestId('cust-edit'));
    fireEvent.change(await screen.findByTestId('customer-field-lastName'), { target: { value: 'Nuevoapellido' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('customer-create'));
    });
    await waitFor(() => expect(screen.getByTestId('cust-name').textContent).toContain('Nuevoapellido'));

    fireEvent.click(screen.getByTestId('cust-erase'));
    fireEvent.change(await screen.findByTestId('cust-erase-reason'), { target: { value: 'Solicitud 42' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('cust-erase-confirm'));
    });
    await waitFor(() => expect(screen.getByTestId('cust-name').textContent).toBe('Cliente borrado'));
    expect(pos.services.customers.get(someone.id)).toMatchObject({ document: null, email: null });
  });
});
