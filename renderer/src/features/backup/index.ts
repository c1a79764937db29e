export { BackupSettings, backupIsDue, useBackupNow } from './BackupSettings';
export { CasePackageImport, MergeBackup, ShareCasePackage } from './MergeAndPackages';
export { RestoreBackup } from './RestoreBackup';
