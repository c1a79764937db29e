export { CreateVaultView } from './CreateVaultView';
export { RecoveryKeyView } from './RecoveryKeyView';
export { UnlockView } from './UnlockView';
export { VaultMissingView } from './VaultMissingView';
export { newPassphraseProblem, PASSPHRASE_PROBLEMS } from './passphrase-strength';
export { VaultReplacedView } from './VaultReplacedView';
