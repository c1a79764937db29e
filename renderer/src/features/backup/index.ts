export { BackupSettings, backupIsDue } from './BackupSettings';
export { RestoreBackup } from './RestoreBackup';
