/**
 * A named moment for `npm run bench` (User Timing): names only, never data. Absent where the
 * Performance API is (some test environments), where it does nothing.
 */
export function markTiming(name: string): void {
  globalThis.performance?.mark?.(name);
}
