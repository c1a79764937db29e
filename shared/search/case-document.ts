import type { CaseRecord } from '../domain/case';
import type { EntryRecord } from '../domain/entry';
import { REPORT_LANGUAGES } from '../domain/texts-by-language';
import { reportPlainText } from '../report/report-text';
import type { SearchDocument } from './search-index';

/**
 * What search looks at in a case: titles, names, outlets, the initiator, courts, participants, case numbers,
 * summaries, tags and the timeline. Privileged notes are left out on purpose: a search typed
 * while someone watches the screen must not surface them.
 */
export function caseSearchDocument(view: {
  readonly caseTag: string;
  readonly record: CaseRecord;
  readonly entries: ReadonlyArray<{ readonly record: EntryRecord }>;
}): SearchDocument {
  const { record } = view;
  return {
    id: view.caseTag,
    texts: [
      record.title,
      ...record.targets.flatMap((target) => [target.name, target.outlet]),
      record.initiator.name,
      record.court,
      ...record.participants.flatMap((participant) => [participant.name, participant.organisation]),
      ...record.caseNumbers,
      record.publication.title,
      record.summary,
      record.outcome,
      ...record.tags,
      ...record.legalBasis.map((basis) => `${basis.article} ${basis.part}`),
      ...view.entries.flatMap(({ record: entry }) => [
        entry.place,
        entry.outcome,
        entry.notes,
        ...REPORT_LANGUAGES.map((language) => reportPlainText(entry.reportTexts[language])),
      ]),
    ].filter((text) => text !== ''),
  };
}
