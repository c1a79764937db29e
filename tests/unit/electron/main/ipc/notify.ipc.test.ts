import { describe, expect, it, vi } from 'vitest';
import { notifyHandler } from '../../../../../electron/main/ipc/notify.ipc';

describe('notifyHandler', () => {
  it('shows a native notification where the system supports it', async () => {
    const show = vi.fn();
    await expect(
      notifyHandler({ isSupported: () => true, show })({ title: 'Срок', body: 'Апелляция' }),
    ).resolves.toEqual({ shown: true });
    expect(show).toHaveBeenCalledWith('Срок', 'Апелляция');
  });

  it('says so where it cannot', async () => {
    const show = vi.fn();
    await expect(notifyHandler({ isSupported: () => false, show })({ title: 'x', body: '' })).resolves.toEqual({
      shown: false,
    });
    expect(show).not.toHaveBeenCalled();
  });
});
