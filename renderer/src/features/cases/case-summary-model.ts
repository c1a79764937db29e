import type { TFunction } from 'i18next';
import { formatBytes, formatCivilDate, formatEntryDate, formatNumber } from '../../../../shared/app/date-format';
import type { CaseFile } from '../../../../shared/domain/case-file';
import type { CivilDate } from '../../../../shared/domain/civil-date';
import { formatLegalBasis } from '../../../../shared/domain/legal-basis-format';
import { regionName } from '../../../../shared/domain/places';
import type { ReportLanguage } from '../../../../shared/domain/texts-by-language';
import type { CaseSummaryModel } from '../../../../shared/report/case-summary';
import { documentKind } from '../documents';

/**
 * The printable summary of a case in the interface's language (see shared/report/case-summary.ts):
 * the facts as the overview shows them, the timeline, the deadlines not yet done, the documents
 * with their full SHA-256; the privileged notes only when `privileged` is asked for.
 */
export function caseSummaryModel(
  view: CaseFile,
  t: TFunction,
  language: ReportLanguage,
  options: { readonly privileged: boolean; readonly today: CivilDate },
): CaseSummaryModel {
  const { record } = view;
  const date = (value: string) => (value === '' ? '' : formatCivilDate(value, language));
  const joined = (parts: readonly string[], separator = ', ') => parts.filter(Boolean).join(separator);
  const money = (amount: number | null) => (amount === null ? '' : `${formatNumber(amount, language)} ₸`);
  const facts = [
    [t('cases.field.kind'), t(`cases.kind.${record.kind}`)],
    [t('cases.field.stage'), t(`cases.stage.${record.stage}`)],
    [t('cases.field.proceduralStatus'), t(`cases.proceduralStatus.${record.proceduralStatus}`)],
    [
      t('cases.section.targets'),
      record.targets
        .map((target) =>
          joined([
            target.name,
            t(`cases.role.${target.role}`),
            target.outlet,
            regionName(target.region, language),
            target.anonymityRequired ? t('cases.anonymous') : '',
          ]),
        )
        .join('\n'),
    ],
    [
      t('cases.section.participants'),
      record.participants
        .map((participant) =>
          joined([
            participant.name,
            t(`cases.participantRole.${participant.role}`),
            participant.organisation,
            participant.contacts,
          ]),
        )
        .join('\n'),
    ],
    [t('cases.section.initiator'), joined([record.initiator.name, t(`cases.initiatorType.${record.initiator.type}`)])],
    [t('cases.section.legal'), record.legalBasis.map((basis) => formatLegalBasis(basis, language)).join('; ')],
    [t('cases.field.court'), record.court],
    [t('cases.field.caseNumbers'), record.caseNumbers.join(', ')],
    [
      t('cases.section.publication'),
      joined([record.publication.title, date(record.publication.date), record.publication.url], ' · '),
    ],
    [t('cases.field.claimedKzt'), money(record.claimedKzt)],
    [t('cases.field.awardedKzt'), money(record.awardedKzt)],
    [t('cases.field.outcome'), record.outcome],
    [t('cases.field.verificationStatus'), t(`cases.verification.${record.verification.status}`)],
    [t('cases.field.tags'), record.tags.join(', ')],
  ]
    .filter(([, value]) => value !== '')
    .map(([label = '', value = '']) => ({ label, value }));

  const entries = [...view.entries].sort((a, b) =>
    `${a.record.date} ${a.record.time}`.localeCompare(`${b.record.date} ${b.record.time}`),
  );
  const open = record.deadlines
    .filter((deadline) => !deadline.done)
    .sort((a, b) => `${a.due} ${a.time}`.localeCompare(`${b.due} ${b.time}`));
  return {
    language,
    title: record.title,
    printed: t('summary.printed', { date: formatCivilDate(options.today, language) }),
    facts,
    sections: [
      {
        heading: t('cases.tabs.timeline'),
        empty: t('timeline.empty'),
        rows: [
          [t('timeline.field.date'), t('timeline.field.kind'), t('timeline.field.place'), t('timeline.field.outcome')],
          ...entries.map((entry) => [
            joined([formatEntryDate(entry.record, language), entry.record.time], ' '),
            t(`timeline.kind.${entry.record.kind}`),
            entry.record.place,
            entry.record.outcome,
          ]),
        ],
      },
      {
        heading: t('summary.openDeadlines'),
        empty: t('summary.noOpenDeadlines'),
        rows: [
          [t('deadlines.due'), t('deadlines.what')],
          ...open.map((deadline) => [
            joined(
              [date(deadline.due), deadline.time, deadline.due < options.today ? `(${t('agenda.group.overdue')})` : ''],
              ' ',
            ),
            deadline.what,
          ]),
        ],
      },
      {
        heading: t('cases.tabs.documents'),
        empty: t('documents.empty'),
        rows: [
          [t('documents.name'), t('documents.type'), t('documents.size'), t('documents.sha256')],
          ...view.attachments.map((manifest) => {
            const kind = documentKind(manifest.type, manifest.name);
            return [
              joined([manifest.name, date(manifest.date), manifest.description], '\n'),
              kind.kind === 'other'
                ? kind.extension
                  ? t('documents.kind.other', { extension: kind.extension })
                  : t('documents.kind.unknown')
                : t(`documents.kind.${kind.kind}`),
              formatBytes(manifest.size, language),
              manifest.sha256,
            ];
          }),
        ],
      },
    ],
    summary: record.summary === '' ? null : { heading: t('cases.field.summary'), text: record.summary },
    privileged:
      options.privileged && record.privilegedNotes !== ''
        ? {
            heading: t('cases.field.privilegedNotes'),
            warning: t('summary.privilegedWarning'),
            text: record.privilegedNotes,
          }
        : null,
  };
}
