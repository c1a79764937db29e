/**
 * The machine events on which the vault locks at once, whatever the idle timer says: the computer
 * going to sleep (which is also what closing a laptop's lid does, unless it is set to stay awake)
 * and the screen being locked. A seized laptop is usually taken asleep or at its lock screen.
 */
export const LOCK_EVENTS = ['suspend', 'lock-screen'] as const;
export type LockReason = (typeof LOCK_EVENTS)[number];

/** Electron's powerMonitor, as far as this uses it (injected for tests). */
export type PowerMonitorLike = { on(event: LockReason, listener: () => void): unknown };

/** Calls `lockNow` with the reason on each lock event. */
export function lockOnPowerEvents(powerMonitor: PowerMonitorLike, lockNow: (reason: LockReason) => void): void {
  for (const event of LOCK_EVENTS) powerMonitor.on(event, () => lockNow(event));
}
