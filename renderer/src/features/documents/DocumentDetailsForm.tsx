import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { attachmentDetailsSchema, type AttachmentManifest } from '../../../../shared/domain/attachment';
import { maxLengthAt } from '../../../../shared/domain/validation';
import { ErrorSummary, useFormCheck } from '../../components/ErrorSummary';
import { DateField, TextAreaField } from '../../components/form-fields';
import { useVaultStore } from '../../stores/vault-store';

/** A document's own date and its description, given after it was added (the history records them). */
export function DocumentDetailsForm(props: {
  readonly caseTag: string;
  readonly manifest: AttachmentManifest;
  readonly onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const busy = useVaultStore((s) => s.busy);
  const describeAttachment = useVaultStore((s) => s.describeAttachment);
  const [details, setDetails] = useState({ date: props.manifest.date, description: props.manifest.description });
  const { errors, formRef, invalid, check } = useFormCheck(attachmentDetailsSchema, () => details);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const valid = check(details);
    if (valid !== null && (await describeAttachment(props.caseTag, props.manifest.id, valid))) props.onDone(true);
  };
  return (
    <form
      ref={formRef}
      className="document-details"
      onSubmit={(event) => void submit(event)}
      noValidate
      autoComplete="off"
      aria-label={t('documents.detailsNamed', { name: props.manifest.name })}
    >
      <ErrorSummary invalid={invalid} title={t('cases.fixErrors')} />
      <DateField
        label={t('documents.date')}
        value={details.date}
        onChange={(date) => setDetails({ ...details, date })}
        error={errors.date}
        autoFocus
      />
      <TextAreaField
        label={t('documents.description')}
        value={details.description}
        onChange={(description) => setDetails({ ...details, description })}
        rows={2}
        error={errors.description}
        limit={maxLengthAt(attachmentDetailsSchema, 'description')}
      />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('documents.saveDetails')}
        </button>
        <button type="button" className="secondary" onClick={() => props.onDone(false)}>
          {t('timeline.cancel')}
        </button>
      </div>
    </form>
  );
}
