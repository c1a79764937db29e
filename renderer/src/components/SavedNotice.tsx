import { useTranslation } from 'react-i18next';
import type { SaveFileResult } from '../platform';

/** The name a saved file got: the last part of its path on the desktop, the download's name on the web. */
export function savedName(result: SaveFileResult): string | null {
  if (result.status === 'cancelled') return null;
  return result.status === 'saved' ? (result.path.split(/[\\/]/).pop() ?? result.path) : result.fileName;
}

/** Says which file an export saved ("Saved as …"), so nothing is saved silently; nothing when cancelled. */
export function SavedNotice({ result }: { readonly result: SaveFileResult | null }) {
  const { t } = useTranslation();
  const name = result === null ? null : savedName(result);
  if (name === null) return null;
  return (
    <p role="status" className="saved-notice">
      {t('files.saved', { name })}
    </p>
  );
}
