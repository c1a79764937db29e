import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { lockOnPowerEvents, type LockReason } from '../../../../../electron/main/services/power-lock';

describe('locking on power events', () => {
  it('asks the page to lock when the machine suspends (a closed lid too) or its screen is locked, and on nothing else', () => {
    const powerMonitor = new EventEmitter();
    const asked: LockReason[] = [];
    lockOnPowerEvents(powerMonitor, (reason) => asked.push(reason));
    powerMonitor.emit('resume');
    powerMonitor.emit('on-ac');
    expect(asked).toEqual([]);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(asked).toEqual(['suspend', 'lock-screen']);
  });
});
