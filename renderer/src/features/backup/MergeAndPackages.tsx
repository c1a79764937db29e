import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayCivil } from '../../../../shared/domain/civil-date';
import { concatBytes } from '../../../../shared/crypto/bytes';
import { usePlatform } from '../../platform';
import { useVaultStore } from '../../stores/vault-store';
import { CheckboxField } from '../../components/form-fields';
import { ImportFlow, ImportSummaryView, importChangesSomething } from './ImportFlow';

/** Settings: merge a backup (of this vault from another device, or of a colleague's) into this vault. */
export function MergeBackup() {
  const { t } = useTranslation();
  const prepareMerge = useVaultStore((s) => s.prepareMerge);
  return (
    <ImportFlow
      kind="backup"
      heading={t('backup.merge.heading')}
      explain={t('backup.merge.explain')}
      chooseLabel={t('backup.merge.chooseFile')}
      accept=".qorgau,application/octet-stream"
      checkLabel={t('backup.check')}
      applyLabel={t('backup.merge.apply')}
      doneLabel={t('backup.merge.done')}
      prepare={(bytes, secret) => prepareMerge(bytes, 'code' in secret ? { passphrase: secret.code } : secret)}
      describe={(summary) => <ImportSummaryView summary={summary} />}
      changesSomething={importChangesSomething}
    />
  );
}

/** Cases screen: import a case package from a colleague (creates the case, or updates the same case). */
export function CasePackageImport() {
  const { t } = useTranslation();
  const prepareCasePackageImport = useVaultStore((s) => s.prepareCasePackageImport);
  return (
    <ImportFlow
      kind="package"
      heading={t('backup.package.importHeading')}
      explain={t('backup.package.importExplain')}
      chooseLabel={t('backup.package.chooseFile')}
      accept=".qorgau-case,application/octet-stream"
      checkLabel={t('backup.package.check')}
      applyLabel={t('backup.package.apply')}
      doneLabel={t('backup.package.done')}
      prepare={(bytes, secret) => prepareCasePackageImport(bytes, 'code' in secret ? secret.code : '')}
      describe={(summary) => <ImportSummaryView summary={summary} />}
      changesSomething={importChangesSomething}
    />
  );
}

/**
 * Case detail: hand the case over as a package. The lawyer chooses first whether the privileged
 * notes go too (not by default); the file is saved; only then is the one-time code shown, once,
 * with the advice to send it by another channel.
 */
export function ShareCasePackage({ caseTag }: { readonly caseTag: string }) {
  const { t } = useTranslation();
  const platform = usePlatform();
  const createCasePackage = useVaultStore((s) => s.createCasePackage);
  const busy = useVaultStore((s) => s.busy);
  const [choosing, setChoosing] = useState(false);
  const [includePrivileged, setIncludePrivileged] = useState(false);
  const [code, setCode] = useState<string | null>(null);

  const share = async () => {
    const made = await createCasePackage(caseTag, { includePrivileged });
    if (made === null) return;
    setChoosing(false);
    setIncludePrivileged(false);
    const result = await platform.saveFile({
      suggestedName: `qorgau-case-${todayCivil()}.qorgau-case`,
      bytes: concatBytes(...made.parts),
      mimeType: 'application/octet-stream',
      filters: [{ name: 'Qorgau case package', extensions: ['qorgau-case'] }],
    });
    if (result.status !== 'cancelled') setCode(made.code);
  };

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        title={t('backup.package.shareHint')}
        aria-expanded={choosing}
        onClick={() => setChoosing(true)}
      >
        {t('backup.package.share')}
      </button>
      {choosing ? (
        <div className="confirm" role="dialog" aria-labelledby="package-share-title">
          <h2 id="package-share-title">{t('backup.package.heading')}</h2>
          <p className="muted">{t('backup.package.shareHint')}</p>
          <CheckboxField
            label={t('backup.package.includePrivileged')}
            hint={t('backup.package.includePrivilegedHint')}
            checked={includePrivileged}
            onChange={setIncludePrivileged}
          />
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => void share()}>
              {t('backup.package.make')}
            </button>
            <button type="button" className="secondary" onClick={() => setChoosing(false)}>
              {t('backup.package.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {code ? (
        <div
          className="confirm package-code"
          role="alertdialog"
          aria-labelledby="package-code-title"
          aria-describedby="package-code-explain"
        >
          <h2 id="package-code-title">{t('backup.package.codeHeading')}</h2>
          <p className="recovery-key">
            <code>{code}</code>
          </p>
          <p id="package-code-explain">{t('backup.package.codeExplain')}</p>
          <button type="button" onClick={() => setCode(null)}>
            {t('backup.package.codeDone')}
          </button>
        </div>
      ) : null}
    </>
  );
}
