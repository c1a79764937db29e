import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../../../electron/main/services/atomic-write';

describe('writeFileAtomic', () => {
  it('replaces an existing file and leaves no temporary file behind', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-write-'));
    const target = path.join(folder, 'Отчёт.docx');
    await writeFile(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new'));
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder)).toEqual(['Отчёт.docx']);
  });

  it('leaves the old file whole when the write cannot happen', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'qorgau-write-'));
    const target = path.join(folder, 'missing-folder', 'report.docx');
    await expect(writeFileAtomic(target, new Uint8Array([1]))).rejects.toThrow(/ENOENT/);
    expect(await readdir(folder)).toEqual([]);
  });
});
