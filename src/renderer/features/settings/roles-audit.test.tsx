import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StaffRoleName } from '../../../shared/roles';
import { createRealPos } from '../../test/real-pos';
import { renderApp } from '../../test/render-app';

async function openSettings(role: StaffRoleName) {
  const pos = await createRealPos({ as: role });
  const view = renderApp(pos.api);
  await screen.findByTestId('app-shell');
  fireEvent.click(screen.getByTestId('nav-settings'));
  return { ...pos, ...view };
}
const tab = (name: string) => screen.queryByRole('tab', { name });

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('permissions and the audit log', () => {
  it('an admin takes "cancel the sale" away from cashiers; the change shows in the audit log and main enforces it', async () => {
    const pos = await openSettings('admin');
    fireEvent.click(tab('Permisos')!);
    const voidBox = await screen.findByTestId<HTMLInputElement>('perm-cashier-sales.void');
    expect(voidBox.checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>('perm-admin-sales.void').disabled).toBe(true);
    fireEvent.click(voidBox);
    fireEvent.change(screen.getByTestId('perm-limit-cashier'), { target: { value: '15' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('perms-save-cashier'));
    });
    expect((await screen.findByTestId('perms-done')).textContent).toContain('Cajero');
    expect(pos.services.permissions.grantOf('cashier')).toEqual({ permissions: ['sales.discount'], discountLimitBp: 1500 });

    fireEvent.click(tab('Auditoría')!);
    await act(async () => {
      fireEvent.change(screen.getByTestId('audit-action'), { target: { value: 'staff.' } });
      fireEvent.click(screen.getByTestId('audit-apply'));
    });
    const list = screen.getByTestId('audit-list');
    await waitFor(() => expect(within(list).getAllByTestId('audit-row').map((r) => r.dataset.action)).toEqual(['staff.permissions', ...Array(4).fill('staff.create')]));
    expect(within(list).getAllByTestId('audit-row')[0]!.textContent).toContain('discountLimitBp: 0 → 1500');
  });

  it('a cashier sees neither tab', async () => {
    await openSettings('cashier');
    expect(tab('Permisos')).toBeNull();
    expect(tab('Auditoría')).toBeNull();
  });
});
