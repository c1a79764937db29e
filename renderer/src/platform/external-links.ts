import type { Platform } from './platform';

/**
 * Keeps every link click inside the app's rules, whatever rendered the link (a case summary,
 * a report preview, a later feature): in-app links behave normally; a link that would leave the
 * app or open a window goes through `platform.openExternal` (http, https and mailto only) and
 * everything else is dropped. Files dropped on the window are never opened as a page.
 */
export function installExternalLinkGuard(root: Document, platform: Pick<Platform, 'openExternal'>): () => void {
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || (event.type === 'click' && event.button !== 0)) return;
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement)) return;
    if (link.hasAttribute('download') && link.protocol === 'blob:') return;
    const staysInApp = link.origin === root.location.origin && (link.target === '' || link.target === '_self');
    const modifier = event.ctrlKey || event.metaKey || event.shiftKey || event.type === 'auxclick';
    if (staysInApp && !modifier) return;
    event.preventDefault();
    if (link.origin === root.location.origin) return;
    platform.openExternal(link.href).catch((error: unknown) => console.warn('A link could not be opened:', error));
  };
  const onDrop = (event: DragEvent): void => {
    if (!event.defaultPrevented) event.preventDefault();
  };
  root.addEventListener('click', onClick, true);
  root.addEventListener('auxclick', onClick, true);
  root.defaultView?.addEventListener('dragover', onDrop);
  root.defaultView?.addEventListener('drop', onDrop);
  return () => {
    root.removeEventListener('click', onClick, true);
    root.removeEventListener('auxclick', onClick, true);
    root.defaultView?.removeEventListener('dragover', onDrop);
    root.defaultView?.removeEventListener('drop', onDrop);
  };
}
