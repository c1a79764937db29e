import { describe, expect, it } from 'vitest';
import { emptyCaseFields } from '../../../../shared/domain/case';
import { emptyEntryFields } from '../../../../shared/domain/entry';
import type { FormDraft } from '../../../../renderer/src/vault/form-drafts';
import { PASSPHRASE, dumpDatabase, findCanaries, makeCase, makeRepository, makeService } from '../../../fixtures/vault';

/**
 * Forms left unsaved when the vault locks come back at the next unlock (issue 18, item 7): kept
 * sealed while the vault is locked, read once, and gone with the key epoch when a case is deleted.
 */
const CANARY = 'UNSAVED-DRAFT-CANARY Нұрлан Сәрсенов';

const caseDraft = (caseTag: string | null): FormDraft => ({
  kind: 'case',
  caseTag,
  form: {
    fields: { ...emptyCaseFields('criminal-case'), title: CANARY },
    caseNumbers: '2-1/2026',
    sources: '',
    tags: 'accreditation',
    claimed: '1 500 000',
    awarded: '',
  },
});

describe('forms kept across a lock', () => {
  it('an unsaved form is kept sealed while locked and comes back once, at the next unlock', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const view = await service.cases.createCase(makeCase({ title: 'Дело' }));
    const entry: FormDraft = {
      kind: 'entry',
      caseTag: view.caseTag,
      entryId: null,
      form: { fields: { ...emptyEntryFields('2026-12-07'), notes: CANARY }, sources: 'https://example.org/a' },
    };
    await service.session.lockKeeping([caseDraft(view.caseTag), entry]);
    expect(service.session.unlocked).toBe(false);
    // Locked: what the disk holds names nothing of the form.
    expect(findCanaries(await dumpDatabase(repository), [CANARY])).toEqual([]);

    await service.session.unlock(PASSPHRASE);
    expect(await service.session.takeDrafts()).toEqual([caseDraft(view.caseTag), entry]);
    // Read once: the row is gone.
    expect(await service.session.takeDrafts()).toEqual([]);
    service.session.lock();
    await service.session.unlock(PASSPHRASE);
    expect(await service.session.takeDrafts()).toEqual([]);
  });

  it('a lock with nothing unsaved keeps nothing, and still locks', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    await service.session.lockKeeping([]);
    expect(service.session.unlocked).toBe(false);
    expect(await repository.db.settings.count()).toBe(0);
  });

  it('a form kept before a case is deleted (a new key epoch) does not open after it', async () => {
    const repository = makeRepository();
    const service = makeService(repository);
    await service.session.create(PASSPHRASE);
    const doomed = await service.cases.createCase(makeCase({ title: 'Удалить' }));
    await service.session.lockKeeping([caseDraft(null)]);
    // Another window (here: the same vault, unlocked again without reading the kept form) deletes a case.
    const other = makeService(repository);
    await other.session.unlock(PASSPHRASE);
    await other.cases.deleteCase(doomed.caseTag);
    await service.session.unlock(PASSPHRASE);
    expect(await service.session.takeDrafts()).toEqual([]);
  });

  it('an unlock right after the lock waits for the forms to be stored, and finds them', async () => {
    const service = makeService(makeRepository());
    await service.session.create(PASSPHRASE);
    const locking = service.session.lockKeeping([caseDraft(null)]);
    await service.session.unlock(PASSPHRASE);
    await locking;
    expect(service.session.unlocked).toBe(true);
    expect(await service.session.takeDrafts()).toEqual([caseDraft(null)]);
  });
});
