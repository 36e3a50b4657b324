import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { createStores } from '../stores/stores-context';
import { createFakePos } from '../test/fake-pos';

const unauthenticated: Result<never> = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'sign in with your PIN first' } };

describe('session guard', () => {
  it('drops the signed-in user when a call made under their session answers UNAUTHENTICATED', async () => {
    const fake = createFakePos();
    const stores = createStores({ ...fake.api, sales: { ...fake.api.sales, current: async () => unauthenticated } });
    expect(await stores.session.getState().login(1, '2580')).toBe(true);
    const result = await stores.sell.getState().refresh();
    expect(result).toBeUndefined();
    expect(stores.session.getState().current).toBeNull();
    expect(stores.session.getState().endedElsewhere).toBe(true);
  });

  it('ignores a refusal of a call sent before the current sign-in', async () => {
    const fake = createFakePos();
    let answer: (r: Result<never>) => void = () => undefined;
    const stores = createStores({ ...fake.api, sales: { ...fake.api.sales, current: () => new Promise((resolve) => (answer = resolve)) } });
    // Sent while signed out, answered after someone signed in.
    const stale = stores.sell.getState().refresh();
    expect(await stores.session.getState().login(1, '2580')).toBe(true);
    answer(unauthenticated);
    await stale;
    expect(stores.session.getState().current?.user.id).toBe(1);
    expect(stores.session.getState().endedElsewhere).toBe(false);
  });
});
