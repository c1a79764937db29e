import { createRowNames } from '../crypto/row-names';
import { randomBytes } from '../crypto/bytes';
import { VaultError, WrongPassphraseError } from '../crypto/errors';
import type { Argon2id, KdfCost } from '../crypto/kdf';
import { formatRecoveryKey, parseRecoveryKey } from '../crypto/recovery-key';
import { createCaseKeys, createPageKey, createVaultKeys, unlockWithPassphrase } from '../crypto/vault-keys';
import {
  BackupError,
  createBackupWriter,
  expectContents,
  readBackupFrames,
  readBackupHeader,
  sealBackupFrames,
  type BackupFrame,
} from './backup-format';
import {
  MIN_PAGE_BITS,
  openVaultRows,
  packCase,
  packPage,
  pageIdOf,
  resealDocuments,
  sealPage,
  type ChunkSource,
  type OpenedRows,
} from '../vault-format/vault-rows';
import type { CaseFile } from '../domain/case-file';
import { withholdFields, type WithheldField } from '../domain/withheld';

/**
 * A case package: one case with its timeline, deadlines, history and documents, to hand to a
 * colleague. It is a backup file of a throwaway vault that holds only that case, sealed under a
 * one-time code (80 random bits, stretched with Argon2id like a passphrase) and with no recovery
 * key. The code travels by another channel than the file.
 *
 * The case keeps its random id, so importing a package creates the case in a vault that lacks
 * it and merges into the same case where it exists.
 */
const CODE_BYTES = 10;

/** Four groups of four letters and digits ("7G2K-…"), the look-alikes I, L and O read as 1, 1, 0. */
export function generatePackageCode(): string {
  const bytes = randomBytes(CODE_BYTES);
  try {
    return formatRecoveryKey(bytes);
  } finally {
    bytes.fill(0);
  }
}

/** The code as the key derivation sees it, however it was typed; null when it cannot be a code. */
export function canonicalPackageCode(typed: string): string | null {
  const bytes = parseRecoveryKey(typed, CODE_BYTES);
  if (bytes === null) return null;
  try {
    return formatRecoveryKey(bytes);
  } finally {
    bytes.fill(0);
  }
}

/**
 * Writes the package. Privileged notes are left out unless `includePrivileged` (the lawyer's
 * explicit choice): the field is emptied and its past values dropped from the case history, and
 * the header says so, so the receiver's merge keeps its own notes rather than taking the blank.
 */
export async function writeCasePackage(options: {
  readonly snapshot: CaseFile;
  readonly chunks: ChunkSource;
  readonly argon2id: Argon2id;
  readonly cost?: KdfCost;
  readonly includePrivileged?: boolean;
}): Promise<{ parts: Uint8Array[]; code: string }> {
  const code = generatePackageCode();
  const { header, keys } = await createVaultKeys({
    passphrase: code,
    argon2id: options.argon2id,
    withRecoveryKey: false,
    ...(options.cost ? { cost: options.cost } : {}),
  });
  const withheld: WithheldField[] = options.includePrivileged === true ? [] : ['privilegedNotes'];
  const snapshot = withholdFields(options.snapshot, withheld);
  const { wrapped, caseKeys } = await createCaseKeys(keys, snapshot.caseTag);
  // The package names its rows under a name key of its own, as a vault does (see row-names.ts).
  const { row: namesRow, names } = await createRowNames(keys);
  const documents = await resealDocuments(
    keys.vaultId,
    caseKeys,
    names,
    snapshot.caseTag,
    snapshot.attachments,
    options.chunks,
  );
  // One case: the smallest layout, which a package records by having no layout row.
  const pageId = pageIdOf(snapshot.caseTag, MIN_PAGE_BITS);
  const page = await createPageKey(keys, pageId);
  const payload = await packPage([packCase({ ...snapshot, attachments: documents.manifests })]);
  const sealed = await sealPage(keys.vaultId, page.key, 'pages', pageId, payload);
  const frames: BackupFrame[] = [
    { table: 'meta', rows: [namesRow] },
    { table: 'sealedKeys', rows: [{ ref: await names.caseRef(snapshot.caseTag), iv: wrapped.iv, ct: wrapped.ct }] },
    { table: 'pages', rows: [{ id: pageId, wrap: page.wrapped, iv: sealed.iv, ct: sealed.ct }] },
    ...documents.chunkRows.map((row) => ({ table: 'parts', rows: [row] })),
  ];
  const writer = await createBackupWriter(header, keys.backup, 'case', withheld);
  return { parts: await sealBackupFrames(writer, frames), code };
}

/**
 * Opens a case package with its code: the whole file is verified and every row decrypted before
 * anything is returned, so an import can be all or nothing.
 */
export async function readCasePackage(
  bytes: Uint8Array,
  typedCode: string,
  argon2id: Argon2id,
  kdfFloor?: KdfCost,
): Promise<OpenedRows & { readonly snapshot: CaseFile; readonly withheld: readonly WithheldField[] }> {
  const { header } = readBackupHeader(bytes);
  expectContents(header, 'case');
  const code = canonicalPackageCode(typedCode);
  if (code === null)
    throw new VaultError(
      'wrong-passphrase',
      'import the case package: a one-time code has 16 letters and digits (like 7G2K-…). Nothing was changed.',
      { reason: 'package-code-shape' },
    );
  let keys;
  try {
    keys = await unlockWithPassphrase(header.vault, code, argon2id, kdfFloor ? { kdfFloor } : {});
  } catch (error) {
    if (!(error instanceof WrongPassphraseError)) throw error;
    throw new VaultError(
      'wrong-passphrase',
      'import the case package: that one-time code does not open it. Nothing was changed.',
      { reason: 'package-code' },
    );
  }
  const opened = await openVaultRows(await readBackupFrames(bytes, keys.backup), keys);
  const [snapshot, ...rest] = opened.cases;
  if (snapshot === undefined || rest.length > 0)
    throw new BackupError('corrupt', `a case package holds exactly one case; this one holds ${opened.cases.length}.`, {
      reason: 'package-not-one-case',
    });
  return { ...opened, snapshot, withheld: header.withheld };
}
