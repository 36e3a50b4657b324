import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { createStores } from '../stores/stores-context';
import { createRealPos } from '../test/real-pos';

const unauthenticated: Result<never> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in with your PIN first' } };

describe('session guard', () => {
  it('drops the signed-in user when a call made under their session answers UNAUTHENTICATED', async () => {
    const { api, staff, services } = await createRealPos();
    const stores = createStores(api);
    expect(await stores.session.getState().login(staff.cashier.id, staff.cashier.pin)).toBe(true);
    // An admin disables this cashier on another register: main ends the session at the next call.
    services.staff.disable(staff.cashier.id, staff.admin.id);
    const result = await stores.sell.getState().refresh();
    expect(result).toBeUndefined();
    expect(stores.session.getState().current).toBeNull();
    expect(stores.session.getState().endedElsewhere).toBe(true);
  });

  it('ignores a refusal of a call sent before the current sign-in', async () => {
    const { api, staff } = await createRealPos();
    let answer: (r: Result<never>) => void = () => undefined;
    const stores = createStores({ ...api, sales: { ...api.sales, current: () => new Promise((resolve) => (answer = resolve)) } });
    // Sent while signed out, answered after someone signed in.
    const stale = stores.sell.getState().refresh();
    expect(await stores.session.getState().login(staff.cashier.id, staff.cashier.pin)).toBe(true);
    answer(unauthenticated);
    await stale;
    expect(stores.session.getState().current?.user.id).toBe(staff.cashier.id);
    expect(stores.session.getState().endedElsewhere).toBe(false);
  });
});
