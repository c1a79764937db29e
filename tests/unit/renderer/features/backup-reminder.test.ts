import { describe, expect, it } from 'vitest';
import { backupIsDue } from '../../../../renderer/src/features/backup/BackupSettings';

describe('the backup reminder', () => {
  const now = new Date('2026-12-14T12:00:00Z');
  it('waits for a week of use before a first backup is asked for', () => {
    expect(backupIsDue(null, null, now)).toBe(false);
    expect(backupIsDue(null, '2026-12-14T11:50:00Z', now)).toBe(false);
    expect(backupIsDue(null, '2026-12-08T12:00:00Z', now)).toBe(false);
    expect(backupIsDue(null, '2026-12-07T11:00:00Z', now)).toBe(true);
  });
  it('asks again a week after the last backup', () => {
    expect(backupIsDue('2026-12-10T09:00:00Z', '2026-01-01T00:00:00Z', now)).toBe(false);
    expect(backupIsDue('2026-12-07T09:00:00Z', '2026-01-01T00:00:00Z', now)).toBe(true);
  });
});
