import { useEffect, useState, type FormEvent } from 'react';
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
} from '../../../../shared/domain/case';
import { randomId } from '../../../../shared/crypto/bytes';
import { maxLengthAt, type FieldErrors } from '../../../../shared/domain/validation';
import { withLinkScheme, withLinkSchemes } from '../../../../shared/security/external-url';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import { DateField, CheckboxField, SelectField, TextAreaField, TextField, linesOf } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';
import { DuplicateNumbers, RegionField, RepeatGroup } from './CaseFormParts';
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
  /** A field of a listed group: its message and its limit. */
  const checked = (key: Listed, index: number, field: string) => ({
    error: errors[`${key}.${index}.${field}`],
    limit: limit(`${key}.0.${field}`),
  });

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

  /** The case's lists of groups (targets, legal bases, participants): change one, remove one, add one. */
  type Listed = 'targets' | 'legalBasis' | 'participants';
  const update = <K extends Listed>(key: K, index: number, patch: Partial<CaseFields[K][number]>) =>
    set(key, fields[key].map((item, i) => (i === index ? { ...item, ...patch } : item)) as CaseFields[K]);
  const remove = (key: Listed, index: number) =>
    set(key, fields[key].filter((_, i) => i !== index) as CaseFields[typeof key]);
  /** Adds a group; its first field takes the focus (`group` is its data-group). */
  const add = <K extends Listed>(key: K, item: CaseFields[K][number], group: string) => {
    setAdded(group);
    set(key, [...fields[key], item] as CaseFields[K]);
  };

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
          <RepeatGroup
            key={target.id}
            group={target.id}
            legend={t('cases.field.target', { number: index + 1 })}
            removeLabel={t('cases.field.removeTarget', { number: index + 1 })}
            onRemove={() => remove('targets', index)}
          >
            <div className="field-row">
              <TextField
                label={t('cases.field.targetName')}
                value={target.name}
                onChange={(v) => update('targets', index, { name: v })}
                {...checked('targets', index, 'name')}
              />
              <SelectField
                label={t('cases.field.targetRole')}
                value={target.role}
                onChange={(v) => update('targets', index, { role: v })}
                options={options(TARGET_ROLES, 'cases.role')}
              />
            </div>
            <div className="field-row">
              <TextField
                label={t('cases.field.targetOutlet')}
                value={target.outlet}
                onChange={(v) => update('targets', index, { outlet: v })}
                {...checked('targets', index, 'outlet')}
              />
              <SelectField
                label={t('cases.field.targetGender')}
                value={target.gender}
                onChange={(v) => update('targets', index, { gender: v })}
                options={options(GENDERS, 'cases.gender')}
              />
            </div>
            <RegionField
              value={target.region}
              onChange={(v) => update('targets', index, { region: v })}
              error={errors[`targets.${index}.region`]}
            />
            <CheckboxField
              label={t('cases.field.targetAnonymity')}
              checked={target.anonymityRequired}
              onChange={(v) => update('targets', index, { anonymityRequired: v })}
            />
          </RepeatGroup>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const id = randomId();
            add(
              'targets',
              { id, name: '', role: 'journalist', outlet: '', gender: 'unknown', region: '', anonymityRequired: false },
              id,
            );
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
          <RepeatGroup
            key={index}
            group={`basis-${index}`}
            legend={t('cases.field.legalBasis', { number: index + 1 })}
            removeLabel={t('cases.field.removeLegalBasis', { number: index + 1 })}
            onRemove={() => remove('legalBasis', index)}
          >
            <div className="field-row">
              <SelectField
                label={t('cases.field.legalCode')}
                value={basis.code}
                onChange={(v) => update('legalBasis', index, { code: v })}
                options={options(LEGAL_CODES, 'cases.legalCode')}
              />
              <TextField
                label={t('cases.field.article')}
                value={basis.article}
                onChange={(v) => update('legalBasis', index, { article: v })}
                {...checked('legalBasis', index, 'article')}
              />
              <TextField
                label={t('cases.field.part')}
                value={basis.part}
                onChange={(v) => update('legalBasis', index, { part: v })}
                {...checked('legalBasis', index, 'part')}
              />
            </div>
          </RepeatGroup>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() =>
            add('legalBasis', { code: 'criminal-code', article: '', part: '' }, `basis-${fields.legalBasis.length}`)
          }
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
          <RepeatGroup
            key={participant.id}
            group={participant.id}
            legend={t('cases.field.participant', { number: index + 1 })}
            removeLabel={t('cases.field.removeParticipant', { number: index + 1 })}
            onRemove={() => remove('participants', index)}
          >
            <div className="field-row">
              <TextField
                label={t('cases.field.participantName')}
                value={participant.name}
                onChange={(v) => update('participants', index, { name: v })}
                {...checked('participants', index, 'name')}
              />
              <SelectField
                label={t('cases.field.participantRole')}
                value={participant.role}
                onChange={(v) => update('participants', index, { role: v })}
                options={options(PARTICIPANT_ROLES, 'cases.participantRole')}
              />
            </div>
            <div className="field-row">
              <TextField
                label={t('cases.field.participantOrganisation')}
                value={participant.organisation}
                onChange={(v) => update('participants', index, { organisation: v })}
                {...checked('participants', index, 'organisation')}
              />
              <TextField
                label={t('cases.field.participantContacts')}
                value={participant.contacts}
                onChange={(v) => update('participants', index, { contacts: v })}
                {...checked('participants', index, 'contacts')}
              />
            </div>
          </RepeatGroup>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const id = randomId();
            add('participants', { id, name: '', role: 'judge', organisation: '', contacts: '' }, id);
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
