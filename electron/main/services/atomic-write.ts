import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that a crash or a full disk leaves either the old file or the new one, never a
 * half-written one: write to a temporary file beside the target, flush it to disk, rename it over
 * the target, then flush the folder so the rename itself survives a power cut.
 */
export async function writeFileAtomic(targetPath: string, bytes: Uint8Array): Promise<void> {
  const folder = path.dirname(targetPath);
  const temporary = path.join(folder, `.${path.basename(targetPath)}.${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  try {
    await rename(temporary, targetPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

/** Flushes a folder, so a rename or delete in it survives a power cut. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is already durable enough there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
