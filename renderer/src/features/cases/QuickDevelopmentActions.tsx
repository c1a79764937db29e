import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isQuick } from '../../../../shared/domain/case-head';
import { SelectField } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { useCasesUi } from './cases-ui-store';

/**
 * What a quick development can become: a tracked case (the same record, from now on a case), or
 * part of a tracked case it turns out to belong to (its entry moves there; it is not left twice).
 */
export function QuickDevelopmentActions(props: { readonly caseTag: string }) {
  const { t } = useTranslation();
  const busy = useVaultStore((s) => s.busy);
  const tracked = useVaultStore((s) => s.cases).filter((head) => !isQuick(head) && head.caseTag !== props.caseTag);
  const attach = useVaultStore((s) => s.attachQuickDevelopment);
  const track = useVaultStore((s) => s.trackQuickDevelopment);
  const [target, setTarget] = useState('');
  return (
    <section aria-labelledby="quick-actions-title" className="notice">
      <h2 id="quick-actions-title">{t('quick.isQuick')}</h2>
      <p className="muted">{t('quick.isQuickExplain')}</p>
      <div className="field-row">
        <SelectField
          label={t('quick.attachTo')}
          value={target}
          onChange={setTarget}
          options={[
            { value: '', label: t('quick.chooseCase') },
            ...tracked.map((head) => ({ value: head.caseTag, label: head.record.title })),
          ]}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          disabled={busy || target === ''}
          onClick={() =>
            void attach(props.caseTag, target).then((ok) => {
              // The quick development is gone: the case it now belongs to opens.
              if (ok) useCasesUi.setState({ openCase: target, openEntry: null });
            })
          }
        >
          {t('quick.attach')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void track(props.caseTag)}>
          {t('quick.track')}
        </button>
      </div>
    </section>
  );
}
