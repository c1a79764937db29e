import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguageOf } from '../../../../shared/app/date-format';
import { caseFieldsSchema } from '../../../../shared/domain/case';
import { casesWithNumbers } from '../../../../shared/domain/case-numbers';
import { placeRegion, regionName } from '../../../../shared/domain/places';
import { REGION_CODES, type RegionCode } from '../../../../shared/domain/regions';
import type { ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { maxLengthAt } from '../../../../shared/domain/validation';
import { TextField } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { useCasesUi } from './cases-ui-store';

/** Parts of the case form that stand on their own: the region field, a repeated group, the duplicate-number warning. */

/**
 * A region from the list of Kazakhstan's regions and cities, or any place typed in. A typed place
 * that is a listed one under another name or spelling ("Алма-Ата", "Uralsk") is named with a
 * button to take the listed one, so filters and counts see one place.
 */
export function RegionField(props: {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const listId = useId();
  const listed = (REGION_CODES as readonly string[]).includes(props.value);
  const match = listed ? null : placeRegion(props.value);
  return (
    <div className="region-field">
      <TextField
        label={t('cases.field.targetRegion')}
        hint={t('cases.field.targetRegionHint')}
        value={regionName(props.value, language)}
        onChange={(typed) => props.onChange(listedCode(typed, language) ?? typed)}
        error={props.error}
        limit={maxLengthAt(caseFieldsSchema, 'targets.0.region')}
        list={listId}
      />
      {match ? (
        <p className="field-suggestion" role="status">
          {t('cases.field.regionSuggestion', { typed: props.value, region: regionName(match, language) })}{' '}
          <button type="button" className="link-button" onClick={() => props.onChange(match)}>
            {t('cases.field.regionUse', { region: regionName(match, language) })}
          </button>
        </p>
      ) : null}
      <datalist id={listId}>
        {REGION_CODES.map((code) => (
          <option key={code} value={regionName(code, language)} />
        ))}
      </datalist>
    </div>
  );
}

/** The code of a listed region or city picked by its name in the interface's language. */
function listedCode(typed: string, language: ReportLanguage): RegionCode | null {
  const wanted = typed.trim().toLocaleLowerCase();
  return REGION_CODES.find((code) => regionName(code, language).toLocaleLowerCase() === wanted) ?? null;
}

/** One of a list of groups (a target, a legal basis, a participant): its fields and a button that removes it. */
export function RepeatGroup(props: {
  readonly group: string;
  readonly legend: string;
  readonly removeLabel: string;
  readonly onRemove: () => void;
  readonly children: ReactNode;
}) {
  return (
    <fieldset className="repeat" data-group={props.group}>
      <legend>{props.legend}</legend>
      {props.children}
      <button type="button" className="secondary" onClick={props.onRemove}>
        {props.removeLabel}
      </button>
    </fieldset>
  );
}

/**
 * A case number another case already carries, named with a link to that case: a second case for
 * one proceeding is likely a mistake, but the lawyer decides (it does not stop the save).
 */
export function DuplicateNumbers(props: { readonly numbers: readonly string[]; readonly caseTag: string | null }) {
  const { t } = useTranslation();
  const heads = useVaultStore((s) => s.cases);
  const found = casesWithNumbers(props.numbers, heads, props.caseTag);
  if (found.length === 0) return null;
  return (
    <div className="warning" role="status">
      {found.map((match) => (
        <p key={`${match.caseTag}-${match.number}`}>
          {t('cases.duplicateNumber', { number: match.number })}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => useCasesUi.setState({ openCase: match.caseTag, openEntry: null, creating: false })}
          >
            {match.title}
          </button>
        </p>
      ))}
    </div>
  );
}
