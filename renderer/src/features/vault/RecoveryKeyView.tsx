import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canonicalGroup } from '../../../../shared/crypto/recovery-key';

/** How many of the key's groups the user types back, chosen at random, to show it was written down. */
const GROUPS_TO_CONFIRM = 2;

/** Two different group positions of a key of `count` groups, drawn with the system's random. */
function groupsToAsk(count: number): number[] {
  const picked = new Set<number>();
  const random = new Uint32Array(1);
  while (picked.size < Math.min(GROUPS_TO_CONFIRM, count)) {
    crypto.getRandomValues(random);
    picked.add(random[0]! % count);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * Shows a recovery key once, with what it protects and how it can betray, and lets the user go
 * on only after typing back two of its groups: the key cannot be lost by a click past it. The
 * vault's "Lock now" is hidden meanwhile (locking here would lose it).
 */
export function RecoveryKeyView(props: {
  readonly recoveryKey: string;
  readonly onConfirmed: () => void;
  /** Where it is shown from: the first run, or Settings (a new key). */
  readonly heading?: 'first' | 'new';
}) {
  const { t } = useTranslation();
  const groups = props.recoveryKey.split('-');
  const [asked] = useState(() => groupsToAsk(groups.length));
  const [typed, setTyped] = useState<Record<number, string>>({});
  const confirmed = asked.every((index) => canonicalGroup(typed[index] ?? '') === groups[index]);
  const baseId = useId();
  return (
    <section className="vault-card" aria-labelledby={`${baseId}-title`}>
      <h1 id={`${baseId}-title`}>{t(props.heading === 'new' ? 'vault.recovery.newTitle' : 'vault.recovery.title')}</h1>
      <p>{t('vault.recovery.intro')}</p>
      <p className="recovery-key" aria-label={t('vault.recovery.keyLabel')}>
        <code>
          {groups.map((group, index) => (
            // Whole groups on a line: a key wrapped inside a group is easy to copy wrongly.
            <span key={index} className="recovery-key-group">
              {index < groups.length - 1 ? `${group}-` : group}
            </span>
          ))}
        </code>
      </p>
      <p className="warning" role="note">
        {t('vault.recovery.warning')}
      </p>
      <p>{t('vault.recovery.confirmIntro')}</p>
      <div className="recovery-confirm">
        {asked.map((index) => (
          <div className="field" key={index}>
            <label htmlFor={`${baseId}-group-${index}`}>
              {t('vault.recovery.group', { position: index + 1, count: groups.length })}
            </label>
            <input
              id={`${baseId}-group-${index}`}
              className="recovery-group"
              value={typed[index] ?? ''}
              onChange={(event) => setTyped({ ...typed, [index]: event.target.value })}
              autoComplete="off"
              spellCheck={false}
              autoCapitalize="characters"
              maxLength={6}
            />
          </div>
        ))}
      </div>
      <button type="button" disabled={!confirmed} onClick={props.onConfirmed}>
        {t('vault.recovery.continue')}
      </button>
    </section>
  );
}
