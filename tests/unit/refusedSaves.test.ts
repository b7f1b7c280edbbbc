import { describe, expect, it } from 'vitest';
import { isRefusedSave, quietRefusedSaves } from '../../admin/refusedSaves.ts';

describe('refused saves', () => {
  it("recognises Decap's save-failed actions only", () => {
    expect(
      isRefusedSave({ type: 'UNPUBLISHED_ENTRY_PERSIST_FAILURE', error: new Error('x') }),
    ).toBe(true);
    expect(isRefusedSave({ type: 'ENTRY_PERSIST_FAILURE' })).toBe(true);
    expect(isRefusedSave(new Error('UNPUBLISHED_ENTRY_PERSIST_FAILURE'))).toBe(false);
    expect(isRefusedSave({ type: 'UNPUBLISHED_ENTRY_PUBLISH_FAILURE' })).toBe(false);
    expect(isRefusedSave(undefined)).toBe(false);
    expect(isRefusedSave('ENTRY_PERSIST_FAILURE')).toBe(false);
  });

  it('quietens those rejections and leaves every other one to be reported', () => {
    const target = new EventTarget();
    quietRefusedSaves(target as unknown as Window);
    const fire = (reason: unknown) => {
      const event = new Event('unhandledrejection', { cancelable: true });
      Object.assign(event, { reason });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(fire({ type: 'UNPUBLISHED_ENTRY_PERSIST_FAILURE' })).toBe(true);
    expect(fire(new Error('a real fault'))).toBe(false);
  });
});
