import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CASE_KINDS,
  GENDERS,
  INITIATOR_TYPES,
  LEGAL_CODES,
  PARTICIPANT_ROLES,
  PROCEDURAL_STATUSES,
  STAGES,
  STATE_INITIATORS,
  TARGET_ROLES,
  VERIFICATION_STATUSES,
  caseFieldsSchema,
  type CaseFields,
  type LegalBasis,
  type Participant,
  type Target,
} from '../../../../shared/domain/case';
import { randomId } from '../../../../shared/crypto/bytes';
import { REGION_CODES, type RegionCode } from '../../../../shared/domain/regions';
import { placeRegion, regionName } from '../../../../shared/domain/places';
import { uiLanguageOf } from '../../../../shared/app/date-format';
import type { ReportLanguage } from '../../../../shared/domain/texts-by-language';
import { maxLengthAt, type FieldErrors } from '../../../../shared/domain/validation';
import { withLinkScheme, withLinkSchemes } from '../../../../shared/security/external-url';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import { DateField, CheckboxField, SelectField, TextAreaField, TextField, linesOf } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { casesWithNumbers } from '../../../../shared/domain/case-numbers';
import { useCasesUi } from './cases-ui-store';
import { RestoredNotice } from '../../components/RestoredNotice';
import { useKeptOnLock, type CaseFormState } from '../../stores/kept-forms';

/**
 * The whole case record as a form. Validation runs over every field at once and puts each
 * message at its field; nothing is saved unless everything is valid.
 */
export function CaseForm(props: {
  readonly initial: CaseFields;
  readonly heading: string;
  /** The case the form edits (null: a new case): what a lock keeps its unsaved changes for. */
  readonly caseTag: string | null;
  /** What the form held when the vault locked, unsaved (see vault/form-drafts.ts). */
  readonly restored?: CaseFormState | undefined;
  readonly onSave: (fields: CaseFields) => Promise<boolean>;
  readonly onCancel: () => void;
}) {
  const { t } = useTranslation();
  const busy = useVaultStore((s) => s.busy);
  const [start] = useState(() => ({ ...formStateOf(props.initial), ...props.restored }));
  const [fields, setFields] = useState<CaseFields>({ ...props.initial, ...start.fields });
  // Lists edited as text keep the person's line breaks and commas until they save.
  const [caseNumbers, setCaseNumbers] = useState(start.caseNumbers);
  const [sources, setSources] = useState(start.sources);
  const [tags, setTags] = useState(start.tags);
  const [claimed, setClaimed] = useState(start.claimed);
  const [awarded, setAwarded] = useState(start.awarded);
  const now: CaseFormState = { fields, caseNumbers, sources, tags, claimed, awarded };
  const unsaved = JSON.stringify(now) !== JSON.stringify(formStateOf(props.initial));
  useKeptOnLock(unsaved ? { kind: 'case', caseTag: props.caseTag, form: now } : null);

  const set = <K extends keyof CaseFields>(key: K, value: CaseFields[K]) =>
    setFields((current) => ({ ...current, [key]: value }));
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'cases.kind.other') }));

  const candidate = (typed: CaseFields, typedSources: string) => ({
    ...typed,
    caseNumbers: linesOf(caseNumbers),
    verification: { ...typed.verification, sources: linesOf(typedSources) },
    tags: tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
    claimedKzt: parseAmount(claimed),
    awardedKzt: parseAmount(awarded),
  });
  const { errors, formRef, invalid, check } = useFormCheck(caseFieldsSchema, () => candidate(fields, sources));
  // A group just added ("Add a target"): its first field takes the focus.
  const [added, setAdded] = useState<string | null>(null);
  useEffect(() => {
    if (added === null) return;
    formRef.current
      ?.querySelector<HTMLElement>(`[data-group="${added}"] input, [data-group="${added}"] select`)
      ?.focus();
  }, [added, formRef]);
  const limit = (path: string) => maxLengthAt(caseFieldsSchema, path);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Links typed without https:// are completed (and shown so) before the check.
    const completed = {
      ...fields,
      publication: { ...fields.publication, url: withLinkScheme(fields.publication.url) },
    };
    const completedSources = withLinkSchemes(sources);
    setFields(completed);
    setSources(completedSources);
    const valid = check(candidate(completed, completedSources));
    if (valid !== null) await props.onSave(valid);
  };

  const updateTarget = (index: number, patch: Partial<Target>) =>
    set(
      'targets',
      fields.targets.map((target, i) => (i === index ? { ...target, ...patch } : target)),
    );
  const updateParticipant = (index: number, patch: Partial<Participant>) =>
    set(
      'participants',
      fields.participants.map((participant, i) => (i === index ? { ...participant, ...patch } : participant)),
    );
  const updateBasis = (index: number, patch: Partial<LegalBasis>) =>
    set(
      'legalBasis',
      fields.legalBasis.map((basis, i) => (i === index ? { ...basis, ...patch } : basis)),
    );

  return (
    <form
      ref={formRef}
      className="case-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      autoComplete="off"
      aria-labelledby="case-form-title"
    >
      <h1 id="case-form-title">{props.heading}</h1>
      {props.restored ? <RestoredNotice /> : null}
      <ErrorSummary invalid={invalid} title={t('cases.fixErrors')} />

      <fieldset>
        <legend>{t('cases.section.basics')}</legend>
        <SelectField
          label={t('cases.field.kind')}
          value={fields.kind}
          onChange={(v) => set('kind', v)}
          options={options(CASE_KINDS, 'cases.kind')}
        />
        <TextField
          label={t('cases.field.title')}
          value={fields.title}
          onChange={(v) => set('title', v)}
          error={errors.title}
          limit={limit('title')}
          autoFocus
        />
        <div className="field-row">
          <SelectField
            label={t('cases.field.stage')}
            value={fields.stage}
            onChange={(v) => set('stage', v)}
            options={options(STAGES, 'cases.stage')}
          />
          <SelectField
            label={t('cases.field.proceduralStatus')}
            value={fields.proceduralStatus}
            onChange={(v) => set('proceduralStatus', v)}
            options={options(PROCEDURAL_STATUSES, 'cases.proceduralStatus')}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.targets')}</legend>
        {fields.targets.map((target, index) => (
          <fieldset key={target.id} className="repeat" data-group={target.id}>
            <legend>{t('cases.field.target', { number: index + 1 })}</legend>
            <div className="field-row">
              <TextField
                label={t('cases.field.targetName')}
                value={target.name}
                onChange={(v) => updateTarget(index, { name: v })}
                error={errors[`targets.${index}.name`]}
                limit={limit('targets.0.name')}
              />
              <SelectField
                label={t('cases.field.targetRole')}
                value={target.role}
                onChange={(v) => updateTarget(index, { role: v })}
                options={options(TARGET_ROLES, 'cases.role')}
              />
            </div>
            <div className="field-row">
              <TextField
                label={t('cases.field.targetOutlet')}
                value={target.outlet}
                onChange={(v) => updateTarget(index, { outlet: v })}
                error={errors[`targets.${index}.outlet`]}
                limit={limit('targets.0.outlet')}
              />
              <SelectField
                label={t('cases.field.targetGender')}
                value={target.gender}
                onChange={(v) => updateTarget(index, { gender: v })}
                options={options(GENDERS, 'cases.gender')}
              />
            </div>
            <RegionField
              value={target.region}
              onChange={(v) => updateTarget(index, { region: v })}
              error={errors[`targets.${index}.region`]}
            />
            <CheckboxField
              label={t('cases.field.targetAnonymity')}
              checked={target.anonymityRequired}
              onChange={(v) => updateTarget(index, { anonymityRequired: v })}
            />
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'targets',
                  fields.targets.filter((_, i) => i !== index),
                )
              }
            >
              {t('cases.field.removeTarget', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const id = randomId();
            setAdded(id);
            set('targets', [
              ...fields.targets,
              {
                id,
                name: '',
                role: 'journalist',
                outlet: '',
                gender: 'unknown',
                region: '',
                anonymityRequired: false,
              },
            ]);
          }}
        >
          {t('cases.field.addTarget')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.initiator')}</legend>
        <div className="field-row">
          <TextField
            label={t('cases.field.initiatorName')}
            value={fields.initiator.name}
            onChange={(v) => set('initiator', { ...fields.initiator, name: v })}
            error={errors['initiator.name']}
            limit={limit('initiator.name')}
          />
          <SelectField
            label={t('cases.field.initiatorType')}
            value={fields.initiator.type}
            onChange={(v) =>
              set('initiator', { ...fields.initiator, type: v, stateActor: STATE_INITIATORS.includes(v) })
            }
            options={options(INITIATOR_TYPES, 'cases.initiatorType')}
          />
        </div>
        <CheckboxField
          label={t('cases.field.stateActor')}
          checked={fields.initiator.stateActor}
          onChange={(v) => set('initiator', { ...fields.initiator, stateActor: v })}
        />
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.publication')}</legend>
        <TextField
          label={t('cases.field.publicationTitle')}
          value={fields.publication.title}
          onChange={(v) => set('publication', { ...fields.publication, title: v })}
          error={errors['publication.title']}
          limit={limit('publication.title')}
        />
        <div className="field-row">
          <DateField
            label={t('cases.field.publicationDate')}
            value={fields.publication.date}
            onChange={(v) => set('publication', { ...fields.publication, date: v })}
            error={errors['publication.date']}
          />
          <TextField
            label={t('cases.field.publicationUrl')}
            type="url"
            value={fields.publication.url}
            onChange={(v) => set('publication', { ...fields.publication, url: v })}
            onBlur={() => set('publication', { ...fields.publication, url: withLinkScheme(fields.publication.url) })}
            error={errors['publication.url']}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.legal')}</legend>
        {fields.legalBasis.map((basis, index) => (
          <fieldset key={index} className="repeat" data-group={`basis-${index}`}>
            <legend>{t('cases.field.legalBasis', { number: index + 1 })}</legend>
            <div className="field-row">
              <SelectField
                label={t('cases.field.legalCode')}
                value={basis.code}
                onChange={(v) => updateBasis(index, { code: v })}
                options={options(LEGAL_CODES, 'cases.legalCode')}
              />
              <TextField
                label={t('cases.field.article')}
                value={basis.article}
                onChange={(v) => updateBasis(index, { article: v })}
                error={errors[`legalBasis.${index}.article`]}
                limit={limit('legalBasis.0.article')}
              />
              <TextField
                label={t('cases.field.part')}
                value={basis.part}
                onChange={(v) => updateBasis(index, { part: v })}
                error={errors[`legalBasis.${index}.part`]}
                limit={limit('legalBasis.0.part')}
              />
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'legalBasis',
                  fields.legalBasis.filter((_, i) => i !== index),
                )
              }
            >
              {t('cases.field.removeLegalBasis', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setAdded(`basis-${fields.legalBasis.length}`);
            set('legalBasis', [...fields.legalBasis, { code: 'criminal-code', article: '', part: '' }]);
          }}
        >
          {t('cases.field.addLegalBasis')}
        </button>
        <TextField
          label={t('cases.field.court')}
          value={fields.court}
          onChange={(v) => set('court', v)}
          error={errors.court}
          limit={limit('court')}
        />
        <TextAreaField
          label={t('cases.field.caseNumbers')}
          hint={t('cases.field.caseNumbersHint')}
          value={caseNumbers}
          onChange={setCaseNumbers}
          rows={2}
          error={firstError(errors, 'caseNumbers')}
        />
        <DuplicateNumbers numbers={linesOf(caseNumbers)} caseTag={props.caseTag} />
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.participants')}</legend>
        {fields.participants.map((participant, index) => (
          <fieldset key={participant.id} className="repeat" data-group={participant.id}>
            <legend>{t('cases.field.participant', { number: index + 1 })}</legend>
            <div className="field-row">
              <TextField
                label={t('cases.field.participantName')}
                value={participant.name}
                onChange={(v) => updateParticipant(index, { name: v })}
                error={errors[`participants.${index}.name`]}
                limit={limit('participants.0.name')}
              />
              <SelectField
                label={t('cases.field.participantRole')}
                value={participant.role}
                onChange={(v) => updateParticipant(index, { role: v })}
                options={options(PARTICIPANT_ROLES, 'cases.participantRole')}
              />
            </div>
            <div className="field-row">
              <TextField
                label={t('cases.field.participantOrganisation')}
                value={participant.organisation}
                onChange={(v) => updateParticipant(index, { organisation: v })}
                error={errors[`participants.${index}.organisation`]}
                limit={limit('participants.0.organisation')}
              />
              <TextField
                label={t('cases.field.participantContacts')}
                value={participant.contacts}
                onChange={(v) => updateParticipant(index, { contacts: v })}
                error={errors[`participants.${index}.contacts`]}
                limit={limit('participants.0.contacts')}
              />
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                set(
                  'participants',
                  fields.participants.filter((_, i) => i !== index),
                )
              }
            >
              {t('cases.field.removeParticipant', { number: index + 1 })}
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const id = randomId();
            setAdded(id);
            set('participants', [
              ...fields.participants,
              { id, name: '', role: 'judge', organisation: '', contacts: '' },
            ]);
          }}
        >
          {t('cases.field.addParticipant')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.money')}</legend>
        <div className="field-row">
          <TextField
            label={t('cases.field.claimedKzt')}
            value={claimed}
            onChange={setClaimed}
            inputMode="numeric"
            error={errors.claimedKzt}
          />
          <TextField
            label={t('cases.field.awardedKzt')}
            value={awarded}
            onChange={setAwarded}
            inputMode="numeric"
            error={errors.awardedKzt}
          />
        </div>
        <TextAreaField
          label={t('cases.field.outcome')}
          value={fields.outcome}
          onChange={(v) => set('outcome', v)}
          rows={2}
          error={errors.outcome}
          limit={limit('outcome')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.verification')}</legend>
        <SelectField
          label={t('cases.field.verificationStatus')}
          value={fields.verification.status}
          onChange={(v) => set('verification', { ...fields.verification, status: v })}
          options={options(VERIFICATION_STATUSES, 'cases.verification')}
        />
        <TextAreaField
          label={t('cases.field.sources')}
          hint={t('cases.field.sourcesHint')}
          value={sources}
          onChange={setSources}
          onBlur={() => setSources(withLinkSchemes(sources))}
          error={firstError(errors, 'verification.sources')}
        />
      </fieldset>

      <fieldset>
        <legend>{t('cases.section.notes')}</legend>
        <TextAreaField
          label={t('cases.field.summary')}
          value={fields.summary}
          onChange={(v) => set('summary', v)}
          rows={4}
          error={errors.summary}
          limit={limit('summary')}
        />
        <TextAreaField
          className="privileged"
          label={t('cases.field.privilegedNotes')}
          hint={t('cases.field.privilegedHint')}
          value={fields.privilegedNotes}
          onChange={(v) => set('privilegedNotes', v)}
          rows={4}
          error={errors.privilegedNotes}
          limit={limit('privilegedNotes')}
        />
        <TextField
          label={t('cases.field.tags')}
          hint={t('cases.field.tagsHint')}
          value={tags}
          onChange={setTags}
          error={firstError(errors, 'tags')}
        />
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('cases.save')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('cases.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * A region from the list of Kazakhstan's regions and cities, or any place typed in. A typed place
 * that is a listed one under another name or spelling ("Алма-Ата", "Uralsk") is named with a
 * button to take the listed one, so filters and counts see one place.
 */
function RegionField(props: {
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

/** What the form holds for a case's fields, before any change. */
function formStateOf(initial: CaseFields): CaseFormState {
  return {
    fields: initial,
    caseNumbers: initial.caseNumbers.join('\n'),
    sources: initial.verification.sources.join('\n'),
    tags: initial.tags.join(', '),
    claimed: amountText(initial.claimedKzt),
    awarded: amountText(initial.awardedKzt),
  };
}

function amountText(amount: number | null): string {
  return amount === null ? '' : String(amount);
}

/** An empty field is no amount; anything else must be a whole number (spaces allowed: 1 500 000). */
function parseAmount(text: string): number | null {
  const clean = text.replace(/[\s\u00a0]/g, '');
  if (clean === '') return null;
  return /^\d+$/.test(clean) ? Number(clean) : Number.NaN;
}

function firstError(errors: FieldErrors, prefix: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === prefix || k.startsWith(`${prefix}.`));
  return key === undefined ? undefined : errors[key];
}

/**
 * A case number another case already carries, named with a link to that case: a second case for
 * one proceeding is likely a mistake, but the lawyer decides (it does not stop the save).
 */
function DuplicateNumbers(props: { readonly numbers: readonly string[]; readonly caseTag: string | null }) {
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
