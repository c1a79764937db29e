import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentManifest } from '../../../../shared/domain/attachment';
import { sniffImageType } from '../../../../shared/security/image-type';
import { useVaultStore } from '../../stores/vault-store';
import { failureOf, failureText, type Failure } from '../../i18n/failure-text';

/**
 * Shows a PDF's first page or an image, decrypted into memory only: pdf.js reads the bytes from
 * memory (never a temporary file) with eval off; images are shown from a blob: URL that is
 * revoked when the preview closes, typed by their first bytes (PNG, JPEG, GIF, WebP only).
 */
export function AttachmentPreview(props: {
  readonly caseTag: string;
  readonly manifest: AttachmentManifest;
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const readAttachment = useVaultStore((s) => s.readAttachment);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<{
    status: 'loading' | 'ready' | 'failed';
    /** Why it failed: a vault failure, or unexpected (the viewer could not read the file). */
    failure?: Failure;
    imageUrl?: string;
    pages?: number;
  }>({
    status: 'loading',
  });
  const isPdf = props.manifest.type === 'application/pdf' || /\.pdf$/i.test(props.manifest.name);

  useEffect(() => {
    let cancelled = false;
    let imageUrl: string | null = null;
    const load = async () => {
      const parts = await readAttachment(props.caseTag, props.manifest);
      if (cancelled) return;
      if (isPdf) {
        const { renderFirstPage } = await import('./pdf-render');
        const pages = await renderFirstPage(new Blob(parts as Uint8Array<ArrayBuffer>[]), canvas.current);
        if (!cancelled) setState({ status: 'ready', pages });
      } else {
        // The type the bytes show, never the one the sender's file claimed.
        const type = sniffImageType(parts[0] ?? new Uint8Array());
        if (type === null) throw new Error('not an image this preview shows');
        imageUrl = URL.createObjectURL(new Blob(parts as Uint8Array<ArrayBuffer>[], { type }));
        setState({ status: 'ready', imageUrl });
      }
    };
    load().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'failed', failure: failureOf(error) });
    });
    return () => {
      cancelled = true;
      if (imageUrl !== null) URL.revokeObjectURL(imageUrl);
    };
  }, [props.caseTag, props.manifest, readAttachment, isPdf]);

  return (
    <section className="preview" aria-labelledby="preview-title">
      <div className="view-header">
        <h3 id="preview-title">{t('documents.previewOf', { name: props.manifest.name })}</h3>
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('documents.closePreview')}
        </button>
      </div>
      {state.status === 'loading' ? <p role="status">{t('documents.opening')}</p> : null}
      {state.status === 'failed' ? (
        <p className="error" role="alert">
          {t('documents.previewFailed', {
            name: props.manifest.name,
            // A vault failure (a damaged part) says what it is; else the viewer could not read the file.
            reason:
              state.failure === undefined || state.failure.code === 'unexpected'
                ? t('documents.notRenderable')
                : failureText(t, state.failure),
          })}
        </p>
      ) : null}
      {isPdf ? (
        <canvas
          ref={canvas}
          className="pdf-page"
          aria-label={t('documents.firstPage', { name: props.manifest.name })}
          role="img"
        />
      ) : state.imageUrl ? (
        <img src={state.imageUrl} alt={props.manifest.name} className="image-preview" />
      ) : null}
      {state.pages ? <p className="muted">{t('documents.pages', { count: state.pages })}</p> : null}
    </section>
  );
}
