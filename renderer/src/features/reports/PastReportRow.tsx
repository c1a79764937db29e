import { useTranslation } from 'react-i18next';
import type { CaseFile } from '../../../../shared/domain/case-file';
import { ENTRY_KINDS } from '../../../../shared/domain/entry';
import { REPORT_LANGUAGES } from '../../../../shared/domain/texts-by-language';
import type { Proposal, ProposalAction } from '../../../../shared/import/import-plan';
import type { Decision } from '../../../../shared/import/import-writes';
import { reportPlainText } from '../../../../shared/report/report-text';
import { CheckboxField, SelectField } from '../../components/form-fields';

export type RowChoice = { readonly decision: Decision; readonly selected: boolean };

/** An action as the row's select holds it: `quick`, `new-case`, `skip`, `entry:<case>`, `texts:<case>:<entry>`. */
function actionValue(action: ProposalAction): string {
  if (action.kind === 'entry') return `entry:${action.caseTag}`;
  if (action.kind === 'texts') return `texts:${action.caseTag}:${action.entryId}`;
  return action.kind;
}

function actionOf(value: string): ProposalAction {
  const [kind, caseTag = '', entryId = ''] = value.split(':');
  if (kind === 'entry') return { kind, caseTag };
  if (kind === 'texts') return { kind, caseTag, entryId };
  return { kind: kind as 'quick' | 'new-case' | 'skip' };
}

/** One published development in the review: its texts, what is missing, and what it will become. */
export function PastReportRow(props: {
  readonly number: number;
  readonly proposal: Proposal;
  readonly choice: RowChoice;
  readonly tracked: readonly CaseFile[];
  readonly cases: readonly CaseFile[];
  readonly monthLabel: string;
  readonly dayLabel: string | null;
  readonly onDecide: (patch: Partial<Decision>) => void;
  readonly onSelect: (selected: boolean) => void;
}) {
  const { t } = useTranslation();
  const { proposal, choice } = props;
  const { group } = proposal;
  const action = choice.decision.action;
  const candidates = new Map(proposal.candidates.map((c) => [c.caseTag, c]));
  const titleOf = (caseTag: string) => props.cases.find((c) => c.caseTag === caseTag)?.record.title ?? caseTag;
  const options =
    proposal.action.kind === 'texts'
      ? [
          {
            value: actionValue(proposal.action),
            label: t('pastReports.action.texts', { title: titleOf(proposal.action.caseTag) }),
          },
          { value: 'skip', label: t('pastReports.action.skip') },
        ]
      : [
          ...proposal.candidates.map((c) => ({
            value: `entry:${c.caseTag}`,
            label: t('pastReports.action.matched', { title: c.title, reasons: c.reasons.join(', ') }),
          })),
          { value: 'quick', label: t('pastReports.action.quick') },
          { value: 'new-case', label: t('pastReports.action.newCase') },
          ...props.tracked
            .filter((c) => !candidates.has(c.caseTag))
            .map((c) => ({
              value: `entry:${c.caseTag}`,
              label: t('pastReports.action.entry', { title: c.record.title }),
            })),
          { value: 'skip', label: t('pastReports.action.skip') },
        ];
  return (
    <li className={`past-proposal${action.kind === 'skip' ? ' skipped' : ''}`} aria-labelledby={`past-${group.key}`}>
      <div className="past-proposal-head">
        <input
          type="checkbox"
          checked={choice.selected}
          aria-label={t('pastReports.select', { number: props.number })}
          onChange={(event) => props.onSelect(event.target.checked)}
        />
        <h2 id={`past-${group.key}`}>
          {props.number}. {props.monthLabel}
        </h2>
      </div>
      {REPORT_LANGUAGES.filter((l) => group.texts[l] !== '').map((language) => (
        <p key={language} lang={language} className="past-text">
          <span className="badge">{t(`reportLanguage.${language}`)}</span> {reportPlainText(group.texts[language])}
        </p>
      ))}
      {group.missingLinks.map((missing, i) => (
        <p key={i} className="warning">
          {t('pastReports.linkMissing', { words: missing.words, language: t(`reportLanguage.${missing.language}`) })}
        </p>
      ))}
      <div className="field-row">
        <SelectField
          label={t('pastReports.becomes')}
          value={actionValue(action)}
          onChange={(value) => props.onDecide({ action: actionOf(value) })}
          options={options}
        />
        {action.kind === 'skip' || action.kind === 'texts' ? null : (
          <SelectField
            label={t('timeline.field.kind')}
            value={choice.decision.entryKind}
            onChange={(entryKind) => props.onDecide({ entryKind })}
            options={ENTRY_KINDS.map((value) => ({ value, label: t(`timeline.kind.${value}`) }))}
          />
        )}
      </div>
      {props.dayLabel === null || action.kind === 'skip' || action.kind === 'texts' ? null : (
        <CheckboxField
          label={t('pastReports.useDay', { date: props.dayLabel })}
          checked={choice.decision.useSuggestedDay}
          onChange={(useSuggestedDay) => props.onDecide({ useSuggestedDay })}
        />
      )}
    </li>
  );
}
