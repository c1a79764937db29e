import { useEffect, useRef } from 'react';
import type { FormDraft } from '../vault/form-drafts';

export type { CaseFormState, EntryFormState, FormDraft, QuickFormState } from '../vault/form-drafts';

/**
 * The forms open now, each able to say what it holds unsaved: read at the moment the vault locks,
 * so the lock can keep them (sealed, see vault/form-drafts.ts) for the next unlock. Nothing is
 * held here but the functions; the drafts exist only while a lock reads them.
 */
const openForms = new Set<() => FormDraft | null>();

/** What every open form holds unsaved, now. */
export function formsToKeep(): FormDraft[] {
  return [...openForms].flatMap((form) => form() ?? []);
}

/** While the calling form is mounted, a lock keeps `draft` (null: nothing unsaved). */
export function useKeptOnLock(draft: FormDraft | null): void {
  const current = useRef(draft);
  useEffect(() => {
    current.current = draft;
  });
  useEffect(() => {
    const read = () => current.current;
    openForms.add(read);
    return () => {
      openForms.delete(read);
    };
  }, []);
}
