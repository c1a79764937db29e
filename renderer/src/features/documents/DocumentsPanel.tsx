import { Fragment, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { toSafeFileName } from '../../../../shared/security/file-name';
import type { AttachmentManifest } from '../../../../shared/domain/attachment';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import { AttachmentPreview } from './AttachmentPreview';
import { documentKind } from './document-kind';
import { formatBytes, formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { DocumentDetailsForm } from './DocumentDetailsForm';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { failureOf, failureText, type Failure } from '../../i18n/failure-text';

type Import = {
  readonly id: number;
  readonly name: string;
  readonly done: number;
  readonly total: number;
  readonly controller: AbortController;
};

/**
 * A case's documents: added by the file picker or by dropping files, encrypted chunk by chunk
 * with progress and cancel; listed with type, size and SHA-256; previewed or saved decrypted
 * only on an explicit request.
 */
export function DocumentsPanel({
  view,
  entryId = null,
}: {
  readonly view: CaseFile;
  readonly entryId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const failed = (failure: Failure | null) => (failure === null ? null : failureText(t, failure));
  const platform = usePlatform();
  const importAttachment = useVaultStore((s) => s.importAttachment);
  const readAttachment = useVaultStore((s) => s.readAttachment);
  const deleteAttachment = useVaultStore((s) => s.deleteAttachment);
  const [imports, setImports] = useState<Import[]>([]);
  const [preview, setPreview] = useState<AttachmentManifest | null>(null);
  const [describing, setDescribing] = useState<string | null>(null);
  const kindLabel = (manifest: AttachmentManifest) => {
    const found = documentKind(manifest.type, manifest.name);
    if (found.kind !== 'other') return t(`documents.kind.${found.kind}`);
    return found.extension ? t('documents.kind.other', { extension: found.extension }) : t('documents.kind.unknown');
  };
  const [message, setMessage] = useState<{ kind: 'error' | 'status'; text: string } | null>(null);
  const [dragging, setDragging] = useState(false);
  const nextId = useRef(0);
  const files = view.attachments.filter((a) => entryId === null || a.entryId === entryId);

  const addFiles = async (chosen: readonly File[]) => {
    for (const file of chosen) {
      const id = nextId.current++;
      const controller = new AbortController();
      setImports((list) => [...list, { id, name: file.name, done: 0, total: file.size, controller }]);
      const ok = await importAttachment(view.caseTag, file, {
        entryId,
        signal: controller.signal,
        onProgress: (done, total) =>
          setImports((list) => list.map((item) => (item.id === id ? { ...item, done, total } : item))),
      });
      setImports((list) => list.filter((item) => item.id !== id));
      setMessage(
        ok
          ? { kind: 'status', text: t('documents.added', { name: file.name }) }
          : controller.signal.aborted
            ? { kind: 'status', text: t('documents.cancelled', { name: file.name }) }
            : {
                kind: 'error',
                text: failed(useVaultStore.getState().error) ?? t('documents.importFailed', { name: file.name }),
              },
      );
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles(Array.from(event.dataTransfer.files));
  };

  const saveCopy = async (manifest: AttachmentManifest) => {
    try {
      const parts = await readAttachment(view.caseTag, manifest);
      const bytes = concatBytes(...parts);
      const result = await platform.saveFile({
        suggestedName: toSafeFileName(manifest.name),
        bytes,
        mimeType: manifest.type || 'application/octet-stream',
      });
      bytes.fill(0);
      if (result.status !== 'cancelled')
        setMessage({ kind: 'status', text: t('documents.saved', { name: manifest.name }) });
    } catch (error) {
      setMessage({
        kind: 'error',
        text: t('documents.saveFailed', {
          name: manifest.name,
          reason: failureText(t, failureOf(error)),
        }),
      });
    }
  };

  return (
    <section className="documents" aria-labelledby="documents-title">
      <div className="view-header">
        <h2 id="documents-title">{t('documents.title')}</h2>
        <button
          type="button"
          onClick={() => {
            void platform.pickFiles({ multiple: true }).then(addFiles);
          }}
        >
          {t('documents.add')}
        </button>
      </div>
      <div
        className={`drop-zone${dragging ? ' dragging' : ''}`}
        role="region"
        aria-label={t('documents.dropZone')}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {t('documents.dropHint')}
      </div>
      {imports.map((item) => (
        <div key={item.id} className="import-row">
          <label htmlFor={`import-${item.id}`}>{t('documents.importing', { name: item.name })}</label>
          <progress id={`import-${item.id}`} max={item.total || 1} value={item.done} />
          <span className="muted">
            {formatBytes(item.done, uiLanguageOf(i18n.language))} /{' '}
            {formatBytes(item.total, uiLanguageOf(i18n.language))}
          </span>
          <button type="button" className="secondary" onClick={() => item.controller.abort()}>
            {t('documents.cancel', { name: item.name })}
          </button>
        </div>
      ))}
      {message ? (
        <p
          className={message.kind === 'error' ? 'error' : 'muted'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      ) : null}
      {files.length === 0 ? (
        <p>{t('documents.empty')}</p>
      ) : (
        <table className="documents-table">
          <caption className="visually-hidden">{t('documents.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('documents.name')}</th>
              <th scope="col">{t('documents.type')}</th>
              <th scope="col">{t('documents.size')}</th>
              <th scope="col">{t('documents.sha256')}</th>
              <th scope="col">{t('documents.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((manifest) => (
              <Fragment key={manifest.id}>
                <tr>
                  <td className="document-name">
                    {manifest.name}
                    {manifest.date ? (
                      <span className="muted document-date">
                        {formatCivilDate(manifest.date, uiLanguageOf(i18n.language))}
                      </span>
                    ) : null}
                    {manifest.description ? (
                      <span className="muted document-description">{manifest.description}</span>
                    ) : null}
                  </td>
                  <td>{kindLabel(manifest)}</td>
                  <td>{formatBytes(manifest.size, uiLanguageOf(i18n.language))}</td>
                  <td>
                    {/* The whole hash, readable and selectable (it is evidence); wrapped in groups of eight. */}
                    <code className="hash" title={t('documents.hashOf', { name: manifest.name })}>
                      {manifest.sha256.match(/.{1,8}/g)?.join(' ')}
                    </code>{' '}
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={t('documents.copyHashNamed', { name: manifest.name })}
                      onClick={() =>
                        void navigator.clipboard
                          .writeText(manifest.sha256)
                          .then(() =>
                            setMessage({ kind: 'status', text: t('documents.hashCopied', { name: manifest.name }) }),
                          )
                      }
                    >
                      {t('documents.copyHash')}
                    </button>
                  </td>
                  <td className="actions">
                    {/\.(pdf|png|jpe?g|gif|webp)$/i.test(manifest.name) ||
                    /^(application\/pdf|image\/)/.test(manifest.type) ? (
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setPreview(manifest)}
                        aria-label={t('documents.previewNamed', { name: manifest.name })}
                      >
                        {t('documents.preview')}
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void saveCopy(manifest)}
                      aria-label={t('documents.saveCopyNamed', { name: manifest.name })}
                    >
                      {t('documents.saveCopy')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      aria-expanded={describing === manifest.id}
                      aria-label={t('documents.detailsNamed', { name: manifest.name })}
                      onClick={() => setDescribing(describing === manifest.id ? null : manifest.id)}
                    >
                      {t('documents.details')}
                    </button>
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void deleteAttachment(view.caseTag, manifest)}
                      aria-label={t('documents.deleteNamed', { name: manifest.name })}
                    >
                      {t('documents.delete')}
                    </button>
                  </td>
                </tr>
                {describing === manifest.id ? (
                  <tr>
                    <td colSpan={5}>
                      <DocumentDetailsForm
                        caseTag={view.caseTag}
                        manifest={manifest}
                        onDone={(saved) => {
                          setDescribing(null);
                          if (saved)
                            setMessage({ kind: 'status', text: t('documents.detailsSaved', { name: manifest.name }) });
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      {preview ? (
        <AttachmentPreview caseTag={view.caseTag} manifest={preview} onClose={() => setPreview(null)} />
      ) : null}
    </section>
  );
}
