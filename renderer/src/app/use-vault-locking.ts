import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/** True for the "Lock now" shortcut: Ctrl+Shift+L (Cmd+Shift+L on macOS). */
export function isLockShortcut(event: KeyboardEvent): boolean {
  return event.shiftKey && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'l';
}

/**
 * While the vault is unlocked: locks it after `minutes` without keyboard, pointer or touch
 * activity, and on the lock shortcut.
 */
export function useVaultLocking(options: {
  readonly active: boolean;
  readonly minutes: number;
  readonly lock: () => void;
}): void {
  const { active, minutes, lock } = options;
  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(lock, minutes * 60_000);
    const onActivity = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(lock, minutes * 60_000);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isLockShortcut(event)) return;
      event.preventDefault();
      lock();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
      window.removeEventListener('keydown', onKey);
    };
  }, [active, minutes, lock]);
}
