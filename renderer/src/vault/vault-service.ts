import { CaseCommands } from './case-commands';
import { VaultImports } from './vault-imports';
import { VaultSession, type VaultServiceDeps } from './vault-session';

export { type ImportSummary, type PreparedImport } from './vault-imports';
export { type DeviceKeystoreStatus, type OpenedVault, type VaultServiceDeps } from './vault-session';

/**
 * The vault's use cases, by job: the session (create, unlock, lock, passphrase, device keystore),
 * case commands (cases, timelines, deadlines, documents, settings) and imports (backups, case
 * packages). The store uses these parts; none of them hands out a key.
 */
export class VaultService {
  readonly session: VaultSession;
  readonly cases: CaseCommands;
  readonly imports: VaultImports;

  constructor(deps: VaultServiceDeps) {
    this.session = new VaultSession(deps);
    this.cases = new CaseCommands(this.session, deps.repository);
    this.imports = new VaultImports(this.session, deps);
  }
}
