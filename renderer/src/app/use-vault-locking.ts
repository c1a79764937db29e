import { useEffect } from 'react';

/**
 * What counts as someone using the app: a key, a click or tap, a scroll. Not the mouse merely
 * moving: a "mouse jiggler" (or a nudged table) must not keep a seized laptop unlocked.
 */
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** How often the idle lock looks at the clock, besides when the window shows again or regains focus. */
const CHECK_EVERY_MS = 15_000;

/** True for the "Lock now" shortcut: Ctrl+Shift+L (Cmd+Shift+L on macOS). */
export function isLockShortcut(event: KeyboardEvent): boolean {
  return event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l';
}

/**
 * True once `minutes` of wall-clock time have passed since the last activity. Wall-clock, not a
 * timer's count: timers stop while the computer sleeps, the clock does not, so a laptop that
 * slept past the limit locks the moment it wakes.
 */
export function idleTooLong(lastActivity: number, now: number, minutes: number): boolean {
  return now - lastActivity >= minutes * 60_000;
}

/**
 * While the vault is unlocked: locks it after `minutes` without keyboard, click, touch or scroll
 * activity, measured by the wall clock and checked every few seconds, when the window becomes
 * visible and when it regains focus; and on the lock shortcut.
 */
export function useVaultLocking(options: {
  readonly active: boolean;
  readonly minutes: number;
  readonly lock: () => void;
  /** False while the shortcut must not lock (a recovery key on screen). */
  readonly shortcut?: boolean;
}): void {
  const { active, minutes, lock, shortcut = true } = options;
  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    const check = () => {
      if (idleTooLong(lastActivity, Date.now(), minutes)) lock();
    };
    const timer = window.setInterval(check, CHECK_EVERY_MS);
    const onActivity = () => {
      // Activity after the limit (the first key pressed on waking) does not reopen the vault.
      check();
      lastActivity = Date.now();
    };
    const onKey = (event: KeyboardEvent) => {
      if (!shortcut || !isLockShortcut(event)) return;
      event.preventDefault();
      lock();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    window.addEventListener('keydown', onKey);
    document.addEventListener('visibilitychange', check);
    window.addEventListener('focus', check);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('visibilitychange', check);
      window.removeEventListener('focus', check);
    };
  }, [active, minutes, lock, shortcut]);
}

/** Locks when the machine asks: the desktop app's main process on suspend and on screen lock. */
export function useLockOnRequest(
  onLockRequest: ((listener: (reason: string) => void) => () => void) | null,
  active: boolean,
  lock: () => void,
): void {
  useEffect(() => {
    if (!active || onLockRequest === null) return;
    return onLockRequest(() => lock());
  }, [onLockRequest, active, lock]);
}
