import { toSafeExternalUrl } from '../../../shared/security/external-url';
import type { IpcHandler } from './handle';

/** `shell:openExternal`: hands a checked http(s) or mailto link to the system browser. */
export function openExternalHandler(openExternal: (url: string) => Promise<void>): IpcHandler<'shell:openExternal'> {
  return async ({ url }) => {
    const safe = toSafeExternalUrl(url);
    if (safe === null) return { opened: false };
    await openExternal(safe);
    return { opened: true };
  };
}
