import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import type { ImportSummary } from '../../stores/vault-store';
import { PassphraseField } from '../../components/PassphraseField';
import { failureText, type Failure } from '../../i18n/failure-text';
import { importSummaryLines } from '../../i18n/summaries';

export type ImportSecret = { passphrase: string } | { recoveryKey: string } | { code: string };

/** A verified file, ready to be written: what it will change, and the one step that writes it. */
export type PreparedFile<S> = { readonly summary: S; readonly commit: () => Promise<boolean> };

/**
 * Bringing a file into this vault, in three steps: choose it, open it with its secret (which
 * verifies the whole file and works out the changes), and confirm after reading what will change.
 * Only the last step writes, in one transaction.
 */
export function ImportFlow<S>(props: {
  readonly kind: 'backup' | 'package';
  readonly heading: string;
  readonly explain: string;
  readonly chooseLabel: string;
  readonly accept: string;
  readonly checkLabel: string;
  readonly applyLabel: string;
  readonly doneLabel: string;
  readonly prepare: (bytes: Uint8Array, secret: ImportSecret) => Promise<PreparedFile<S> | null>;
  /** What the verified file will change, as the person reads it. */
  readonly describe: (summary: S) => ReactNode;
  /** False when the file changes nothing: no button to apply it. */
  readonly changesSomething: (summary: S) => boolean;
  readonly className?: string;
}) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const busy = useVaultStore((s) => s.busy);
  const error = useVaultStore((s) => s.error);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [secret, setSecret] = useState('');
  const [prepared, setPrepared] = useState<PreparedFile<S> | null>(null);
  const [done, setDone] = useState(false);

  const reset = (next: File | null) => {
    setFile(next);
    setPrepared(null);
    setSecret('');
    setDone(false);
  };
  const check = async () => {
    if (file === null) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const typed: ImportSecret =
      props.kind === 'package'
        ? { code: secret }
        : mode === 'passphrase'
          ? { passphrase: secret }
          : { recoveryKey: secret };
    setPrepared(await props.prepare(bytes, typed));
  };
  const apply = async () => {
    if (prepared === null) return;
    if (await prepared.commit()) {
      reset(null);
      setDone(true);
    }
  };

  return (
    <section className={props.className ?? 'settings-group import-flow'} aria-label={props.heading}>
      <h2>{props.heading}</h2>
      <p className="muted">{props.explain}</p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          void platform.pickFiles({ accept: props.accept }).then((files) => reset(files[0] ?? null));
        }}
      >
        {props.chooseLabel}
      </button>
      {done ? <p role="status">{props.doneLabel}</p> : null}
      {file ? (
        <p role="status">
          {props.kind === 'package'
            ? t('backup.package.chosen', { name: file.name })
            : t('backup.chosen', { name: file.name })}
        </p>
      ) : null}
      {file && prepared === null ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check();
          }}
        >
          {props.kind === 'package' ? (
            <PassphraseField
              label={t('backup.package.code')}
              value={secret}
              onChange={setSecret}
              autoComplete="one-time-code"
            />
          ) : (
            <PassphraseField
              label={mode === 'passphrase' ? t('backup.passphrase') : t('vault.unlock.recoveryKey')}
              value={secret}
              onChange={setSecret}
              autoComplete="current-password"
            />
          )}
          <div className="actions">
            <button type="submit" disabled={busy || secret === ''}>
              {props.checkLabel}
            </button>
            {props.kind === 'backup' ? (
              <button
                type="button"
                className="link-button"
                onClick={() => setMode(mode === 'passphrase' ? 'recovery' : 'passphrase')}
              >
                {mode === 'passphrase' ? t('vault.unlock.useRecoveryKey') : t('vault.unlock.usePassphrase')}
              </button>
            ) : null}
          </div>
          <ErrorLine error={error} />
        </form>
      ) : null}
      {prepared ? (
        <div className="restore-summary">
          {props.describe(prepared.summary)}
          <div className="actions">
            {props.changesSomething(prepared.summary) ? (
              <button type="button" disabled={busy} onClick={() => void apply()}>
                {props.applyLabel}
              </button>
            ) : null}
            <button type="button" className="secondary" onClick={() => reset(null)}>
              {t('backup.importSummary.cancel')}
            </button>
          </div>
          <ErrorLine error={error} />
        </div>
      ) : null}
    </section>
  );
}

/** Whether a merge or a package import changes anything at all. */
export function importChangesSomething(summary: ImportSummary): boolean {
  return !nothingToDo(summary);
}

function nothingToDo(summary: ImportSummary): boolean {
  return summary.newCases === 0 && summary.updatedCases === 0 && summary.reportsAdded === 0;
}

/** What an import will change, in counts, then case by case. */
export function ImportSummaryView({ summary }: { readonly summary: ImportSummary }) {
  const { t } = useTranslation();
  if (nothingToDo(summary)) return <p role="status">{t('backup.importSummary.nothing')}</p>;
  const changed = summary.cases.filter((c) => c.outcome !== 'unchanged');
  return (
    <div role="status" aria-label={t('backup.importSummary.heading')}>
      <h3>{t('backup.importSummary.heading')}</h3>
      {importSummaryLines(t, summary).map((line) => (
        <p key={line}>{line}</p>
      ))}
      <ul className="plain-list">
        {changed.slice(0, 50).map((c) => (
          <li key={c.caseTag}>
            {c.title} — {t(`backup.importSummary.outcome.${c.outcome}`)}
          </li>
        ))}
        {changed.length > 50 ? <li>…</li> : null}
      </ul>
    </div>
  );
}

/** The last failure, as the store words it. */
function ErrorLine({ error }: { readonly error: Failure | null }) {
  const { t } = useTranslation();
  return error ? (
    <p className="error" role="alert">
      {failureText(t, error)}
    </p>
  ) : null;
}
