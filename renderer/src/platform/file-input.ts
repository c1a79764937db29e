/**
 * Opens the browser's file picker through a detached `<input type=file>`; works the same in
 * Chromium and inside Electron, so both hosts use it. Resolves to [] when the user cancels.
 */
export function pickFilesWithInput(options: {
  readonly accept?: string;
  readonly multiple?: boolean;
}): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (options.accept !== undefined) input.accept = options.accept;
    input.multiple = options.multiple ?? false;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}
