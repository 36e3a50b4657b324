import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors';
import { demoSeedDecision, startupFailureLine } from './startup-policy';

describe('start-up policy', () => {
  it('seeds the public-PIN demo store only from a source checkout', () => {
    expect(demoSeedDecision({ POS_DEMO: '1' }, false)).toEqual({ seed: true, refused: null });
    expect(demoSeedDecision({ POS_DEMO: '1' }, true)).toMatchObject({ seed: false, refused: expect.stringMatching(/installed app/) });
    expect(demoSeedDecision({}, false)).toEqual({ seed: false, refused: null });
    expect(demoSeedDecision({ POS_DEMO: 'yes' }, false).seed).toBe(false);
  });

  it('explains a store that cannot be opened in one line naming the file', () => {
    const line = startupFailureLine('/data/pos.sqlite', new DomainError('DB_READ_ONLY', 'cannot write the store database /data/pos.sqlite (attempt to write a readonly database): check it'));
    expect(line).toBe('POS cannot start: cannot write the store database /data/pos.sqlite (attempt to write a readonly database): check it');
    expect(startupFailureLine('/x.sqlite', new Error('boom\nat line 2'))).toBe('POS cannot start: /x.sqlite: boom at line 2');
  });
});
