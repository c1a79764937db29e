import { useTranslation } from 'react-i18next';
import { regionName } from '../../../../shared/domain/places';
import { SourceList } from '../../components/SourceList';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { formatLegalBasis } from '../../../../shared/domain/legal-basis-format';
import { formatCivilDate, formatNumber, uiLanguageOf } from '../../../../shared/app/date-format';

/** The case record, read-only; privileged notes stand apart, marked as never exported. */
export function CaseOverview({ view }: { readonly view: CaseFile }) {
  const { t, i18n } = useTranslation();
  const { record } = view;
  const language = uiLanguageOf(i18n.language);
  const none = t('cases.overview.none');
  const money = (amount: number | null) => (amount === null ? none : `${formatNumber(amount, language)} ₸`);
  const rows: Array<[string, React.ReactNode]> = [
    [t('cases.field.kind'), t(`cases.kind.${record.kind}`)],
    [t('cases.field.stage'), t(`cases.stage.${record.stage}`)],
    [t('cases.field.proceduralStatus'), t(`cases.proceduralStatus.${record.proceduralStatus}`)],
    [
      t('cases.section.targets'),
      record.targets.length === 0 ? (
        none
      ) : (
        <ul className="plain-list">
          {record.targets.map((target) => (
            <li key={target.id}>
              {[
                target.name,
                t(`cases.role.${target.role}`),
                target.outlet,
                regionName(target.region, uiLanguageOf(i18n.language)),
              ]
                .filter(Boolean)
                .join(' · ')}
              {target.anonymityRequired ? <strong className="badge">{t('cases.anonymous')}</strong> : null}
            </li>
          ))}
        </ul>
      ),
    ],
    [
      t('cases.field.initiatorName'),
      [
        record.initiator.name,
        t(`cases.initiatorType.${record.initiator.type}`),
        record.initiator.stateActor ? t('cases.overview.stateActor') : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ],
    [
      t('cases.section.participants'),
      record.participants.length === 0 ? (
        none
      ) : (
        <ul className="plain-list">
          {record.participants.map((participant) => (
            <li key={participant.id}>
              {[
                participant.name,
                t(`cases.participantRole.${participant.role}`),
                participant.organisation,
                participant.contacts,
              ]
                .filter(Boolean)
                .join(' · ')}
            </li>
          ))}
        </ul>
      ),
    ],
    [
      t('cases.section.publication'),
      record.publication.title || record.publication.url ? (
        <>
          {record.publication.title || none}
          {record.publication.date ? ` · ${formatCivilDate(record.publication.date, language)}` : ''}
          {record.publication.url ? (
            <>
              {' · '}
              <a href={record.publication.url} target="_blank" rel="noopener noreferrer">
                {record.publication.url}
              </a>
            </>
          ) : null}
        </>
      ) : (
        none
      ),
    ],
    [
      t('cases.section.legal'),
      record.legalBasis.length === 0
        ? none
        : record.legalBasis.map((b) => formatLegalBasis(b, uiLanguageOf(i18n.language))).join('; '),
    ],
    [t('cases.field.court'), record.court || none],
    [t('cases.field.caseNumbers'), record.caseNumbers.join(', ') || none],
    [t('cases.field.claimedKzt'), money(record.claimedKzt)],
    [t('cases.field.awardedKzt'), money(record.awardedKzt)],
    [t('cases.field.outcome'), record.outcome || none],
    [t('cases.field.verificationStatus'), t(`cases.verification.${record.verification.status}`)],
    [
      t('cases.field.sources'),
      record.verification.sources.length === 0 ? none : <SourceList sources={record.verification.sources} />,
    ],
    [t('cases.field.summary'), record.summary || none],
    [t('cases.field.tags'), record.tags.join(', ') || none],
  ];
  return (
    <div className="overview">
      <dl>
        {rows.map(([label, value]) => (
          <div key={label} className="overview-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {record.privilegedNotes ? (
        <section className="privileged" aria-labelledby="privileged-title">
          <h2 id="privileged-title">
            {t('cases.field.privilegedNotes')} <span className="badge">{t('cases.overview.privilegedBadge')}</span>
          </h2>
          <p className="preserve-lines">{record.privilegedNotes}</p>
        </section>
      ) : null}
    </div>
  );
}

/** Sources as text, links only where they are http, https or mailto (checked again on click). */
