export { BackupSettings, backupIsDue } from './BackupSettings';
export { CasePackageImport, MergeBackup, ShareCasePackage } from './MergeAndPackages';
export { RestoreBackup } from './RestoreBackup';
