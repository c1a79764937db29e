import { useTranslation } from 'react-i18next';
import type { AgendaItem } from '../../../../shared/agenda/agenda';
import { formatCivilDate, uiLanguageOf } from '../../../../shared/app/date-format';
import { useVaultStore } from '../../stores/vault-store';
import { useCasesUi } from '../cases';

/**
 * Hearings and deadlines as rows a lawyer reads at a glance: the day (with its weekday) and time,
 * what it is, where, and the case (a link to it); a deadline can be marked done where it stands,
 * which its case's history records. Used by the Today view and the Agenda.
 */
export function AgendaItems(props: {
  readonly items: readonly AgendaItem[];
  readonly onOpenCase: () => void;
  /** Same-year dates are written without the year. */
  readonly year: string;
  /** A deadline was marked done here (its title): the view announces it. */
  readonly onDone: (what: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = uiLanguageOf(i18n.language);
  const saveDeadline = useVaultStore((s) => s.saveDeadline);
  const busy = useVaultStore((s) => s.busy);
  return (
    <ul className="agenda-list">
      {props.items.map((item) => (
        <li key={item.key} className="agenda-row">
          <span className="agenda-when">
            <time dateTime={item.date}>
              {formatCivilDate(item.date, language, { weekday: true, year: !item.date.startsWith(props.year) })}
            </time>
            {item.time ? <span className="agenda-time">{item.time}</span> : null}
          </span>
          <span className="agenda-what">
            <span className={`badge ${item.kind}`}>
              {t(item.kind === 'hearing' ? 'agenda.hearing' : 'agenda.deadline')}
            </span>{' '}
            {item.title}
            {item.kind === 'hearing' && item.place && item.place !== item.title ? (
              <span className="muted"> · {item.place}</span>
            ) : null}
            <br />
            <button
              type="button"
              className="link-button agenda-case"
              onClick={() => {
                useCasesUi.setState({ openCase: item.caseTag, openEntry: null, creating: false });
                props.onOpenCase();
              }}
            >
              {item.caseTitle}
            </button>
          </span>
          {item.deadline ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={t('agenda.markDoneNamed', { what: item.title })}
              onClick={() =>
                void saveDeadline(item.caseTag, { ...item.deadline!, done: true }).then((ok) => {
                  if (ok) props.onDone(item.title);
                })
              }
            >
              {t('agenda.markDone')}
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Says, for screen readers too, which deadline was just marked done. */
export function DoneAnnouncement({ what }: { readonly what: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="visually-hidden" role="status">
      {what === null ? '' : t('agenda.markedDone', { what })}
    </p>
  );
}
