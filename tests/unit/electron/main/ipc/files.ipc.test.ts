import { describe, expect, it, vi } from 'vitest';
import { saveAsHandler, type SaveDialog } from '../../../../../electron/main/ipc/files.ipc';
import { openExternalHandler } from '../../../../../electron/main/ipc/shell.ipc';

const bytes = new TextEncoder().encode('docx bytes');

function setup(choice: Awaited<ReturnType<SaveDialog>>) {
  const showSaveDialog = vi.fn<SaveDialog>(() => Promise.resolve(choice));
  const writeFileAtomic = vi.fn(() => Promise.resolve());
  const save = saveAsHandler({ showSaveDialog, writeFileAtomic, defaultFolder: () => '/home/lawyer/Documents' });
  return { save, showSaveDialog, writeFileAtomic };
}

describe('saveAsHandler', () => {
  it('writes where the user chose and returns that path', async () => {
    const { save, writeFileAtomic } = setup({ canceled: false, filePath: '/home/lawyer/report.docx' });
    await expect(save({ suggestedName: 'report.docx', bytes })).resolves.toEqual({
      status: 'saved',
      path: '/home/lawyer/report.docx',
    });
    expect(writeFileAtomic).toHaveBeenCalledWith('/home/lawyer/report.docx', bytes);
  });

  it('writes nothing when the user cancels', async () => {
    const { save, writeFileAtomic } = setup({ canceled: true });
    await expect(save({ suggestedName: 'report.docx', bytes })).resolves.toEqual({ status: 'cancelled' });
    expect(writeFileAtomic).not.toHaveBeenCalled();
  });

  it('offers only a safe name inside the default folder', async () => {
    const { save, showSaveDialog } = setup({ canceled: true });
    await save({ suggestedName: '../../.ssh/authorized_keys', bytes });
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/home/lawyer/Documents/ssh_authorized_keys' });
  });
});

describe('openExternalHandler', () => {
  it('opens checked web links and refuses the rest', async () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const open = openExternalHandler(openExternal);
    await expect(open({ url: 'https://adilsoz.kz/' })).resolves.toEqual({ opened: true });
    await expect(open({ url: 'file:///etc/passwd' })).resolves.toEqual({ opened: false });
    await expect(open({ url: 'javascript:alert(1)' })).resolves.toEqual({ opened: false });
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});
