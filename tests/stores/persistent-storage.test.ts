import { afterEach, describe, expect, it, vi } from 'vitest';
import { persistence, requestPersistentStorage } from '@/stores/persistent-storage';

afterEach(() => {
  vi.unstubAllGlobals();
  persistence.setState({ answer: 'unknown' });
});

function stubStorage(persisted: boolean, grants: boolean) {
  const persist = vi.fn(async () => grants);
  vi.stubGlobal('navigator', { storage: { persisted: async () => persisted, persist } });
  return persist;
}

describe('asking the browser to keep saved data', () => {
  it('records a grant', async () => {
    const persist = stubStorage(false, true);
    expect(await requestPersistentStorage()).toBe('persistent');
    expect(persist).toHaveBeenCalledOnce();
    expect(persistence.getState().answer).toBe('persistent');
  });

  it('does not ask again when already granted', async () => {
    const persist = stubStorage(true, false);
    expect(await requestPersistentStorage()).toBe('persistent');
    expect(persist).not.toHaveBeenCalled();
  });

  it('records a refusal, and a browser without the API', async () => {
    stubStorage(false, false);
    expect(await requestPersistentStorage()).toBe('may-be-cleared');
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe('unsupported');
  });
});
