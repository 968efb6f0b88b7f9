import { TimeoutError, withTimeout } from './withTimeout';

describe('withTimeout', () => {
  it('gives what the work gives, and its error', async () => {
    await expect(
      withTimeout(1000, 'Reading', async () => 'read'),
    ).resolves.toBe('read');
    await expect(
      withTimeout(1000, 'Reading', async () => {
        throw new Error('gone');
      }),
    ).rejects.toThrow('gone');
    await expect(
      withTimeout(1000, 'Reading', () => {
        throw new Error('thrown before any promise');
      }),
    ).rejects.toThrow('thrown before any promise');
  });

  it('rejects on time and aborts the work, even work that ignores its signal', async () => {
    let given: AbortSignal | undefined;
    const never = withTimeout(20, 'Reading x', signal => {
      given = signal;
      return new Promise<never>(() => {});
    });
    await expect(never).rejects.toThrow(
      new TimeoutError('Reading x timed out after 0 s'),
    );
    expect(given?.aborted).toBe(true);
    expect(given?.reason).toBeInstanceOf(TimeoutError);
  });

  it('leaves no timer behind once the work is done', async () => {
    jest.useFakeTimers();
    try {
      const done = withTimeout(60_000, 'Reading', async () => 'read');
      await expect(done).resolves.toBe('read');
      expect(jest.getTimerCount()).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
