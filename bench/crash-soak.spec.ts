import { runCrashPoints } from '../tests/e2e/crash-harness';
import { test } from '../tests/e2e/fixtures';

/**
 * Crash soak: `QORGAU_SOAK_POINTS` kill points (default 1,000) on one profile, from a seed given
 * in `QORGAU_SOAK_SEED` or taken from the clock and printed, so a failure can be replayed.
 */
test('crash soak', async ({ profileDir, baseURL, context }) => {
  await context.close();
  const points = Number(process.env.QORGAU_SOAK_POINTS ?? 1000);
  const seed = Number(process.env.QORGAU_SOAK_SEED ?? Date.now() % 2 ** 31);
  console.log(`crash soak: ${points} points, seed ${seed}`);
  const result = await runCrashPoints({
    profileDir,
    baseURL: baseURL ?? '',
    points,
    seed,
    log: (line) => console.log(line),
  });
  console.log(`crash soak: ${result.acknowledged} acknowledged writes survived ${result.points} kills`);
});
