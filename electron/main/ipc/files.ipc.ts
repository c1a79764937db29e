import path from 'node:path';
import { toSafeFileName } from '../../../shared/security/file-name';
import type { IpcHandler } from './handle';

export type SaveDialog = (options: {
  defaultPath: string;
  filters?: { name: string; extensions: string[] }[];
}) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

/**
 * `files:saveAs`: asks the user where to save through the native dialog, then writes the bytes
 * atomically. The renderer's suggested name is only a suggestion, made safe before the dialog
 * sees it; the path the user picks is the only place anything is written.
 */
export function saveAsHandler(deps: {
  readonly showSaveDialog: SaveDialog;
  readonly writeFileAtomic: (filePath: string, bytes: Uint8Array) => Promise<void>;
  readonly defaultFolder: () => string;
}): IpcHandler<'files:saveAs'> {
  return async ({ suggestedName, bytes, filters }) => {
    const defaultPath = path.join(deps.defaultFolder(), toSafeFileName(suggestedName));
    const choice = await deps.showSaveDialog(filters ? { defaultPath, filters } : { defaultPath });
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' };
    await deps.writeFileAtomic(choice.filePath, bytes);
    return { status: 'saved', path: choice.filePath };
  };
}
