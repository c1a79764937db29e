import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../../shared/domain/case-file';

const CASE_FIELD_LABELS: Readonly<Record<string, string>> = {
  kind: 'cases.field.kind',
  title: 'cases.field.title',
  targets: 'cases.section.targets',
  initiator: 'cases.section.initiator',
  publication: 'cases.section.publication',
  legalBasis: 'cases.section.legal',
  court: 'cases.field.court',
  caseNumbers: 'cases.field.caseNumbers',
  stage: 'cases.field.stage',
  proceduralStatus: 'cases.field.proceduralStatus',
  claimedKzt: 'cases.field.claimedKzt',
  awardedKzt: 'cases.field.awardedKzt',
  outcome: 'cases.field.outcome',
  verification: 'cases.section.verification',
  summary: 'cases.field.summary',
  privilegedNotes: 'cases.field.privilegedNotes',
  tags: 'cases.field.tags',
};

/** Every recorded change of the case, newest first, with the values before and after. */
export function CaseHistory({ view }: { readonly view: CaseFile }) {
  const { t, i18n } = useTranslation();
  const events = [...view.record.history].reverse();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const show = (value: unknown): string => {
    if (value === undefined || value === null || value === '') return t('history.empty_value');
    if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value;
    const json = JSON.stringify(value);
    return json.length > 120 ? `${json.slice(0, 117)}…` : json;
  };
  if (events.length === 0) return <p>{t('history.empty')}</p>;
  return (
    <ol className="history" aria-label={t('history.title')}>
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`}>
          <p>
            <time dateTime={event.at}>{format.format(new Date(event.at))}</time> —{' '}
            <strong>{t(`history.action.${event.action}`)}</strong>
          </p>
          {event.changes.length > 0 ? (
            <ul className="plain-list">
              {event.changes.map((change) => (
                <li key={change.field}>
                  {t(event.action === 'merged' ? 'history.mergedChange' : 'history.changed', {
                    field: event.entryId
                      ? t(`timeline.field.${change.field}` as 'timeline.field.date', { defaultValue: change.field })
                      : t((CASE_FIELD_LABELS[change.field] ?? change.field) as 'cases.field.kind', {
                          defaultValue: change.field,
                        }),
                    before: show(change.before),
                    after: show(change.after),
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
