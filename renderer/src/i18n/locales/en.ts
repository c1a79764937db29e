/** The English catalog: the source of every UI string. Other catalogs must match its shape. */
export const en = {
  app: {
    name: 'Qorgau',
    tagline: 'Encrypted case files on legal pressure against journalists and media',
    version: 'Version {{version}}',
    edition: {
      desktop: 'Desktop edition',
      web: 'Web edition',
    },
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Sections',
    cases: 'Cases',
    settings: 'Settings',
  },
  language: {
    label: 'Language',
    en: 'English',
    ru: 'Русский',
    kk: 'Қазақша',
  },
  vault: {
    starting: 'Opening the vault…',
    lockNow: 'Lock now',
    lockShortcut: 'Lock now (Ctrl+Shift+L)',
    show: 'Show',
    hide: 'Hide',
    showPassphrase: 'Show {{field}}',
    hidePassphrase: 'Hide {{field}}',
    create: {
      title: 'Create your vault',
      intro:
        'Everything you record in Qorgau is encrypted with a key that only your passphrase opens. Choose a long passphrase — several unrelated words work well. Nobody can reset it for you.',
      passphrase: 'Passphrase',
      confirm: 'Repeat the passphrase',
      hint: 'At least four unrelated words, or a long sentence only you would write.',
      strength: 'Passphrase strength',
      score: {
        '0': 'Very weak',
        '1': 'Weak',
        '2': 'Fair — still too easy to guess',
        '3': 'Strong',
        '4': 'Very strong',
      },
      tooWeak:
        'This passphrase is too easy to guess: someone holding this laptop could find it. Add more unrelated words.',
      mismatch: 'The two passphrases differ. Type the same passphrase twice.',
      submit: 'Create the vault',
      working: 'Creating the vault…',
    },
    recovery: {
      title: 'Your recovery key',
      intro:
        'If you forget your passphrase, this key is the only other way into the vault. It is shown once, now. Write it down and keep it somewhere safe, away from this device.',
      keyLabel: 'Recovery key',
      warning:
        'A written or printed copy of this key can be found and seized too — whoever holds it can open every case. Keep it where a search of your home or office would not find it.',
      stored: 'I have stored the recovery key somewhere safe',
      continue: 'Continue to my cases',
    },
    unlock: {
      title: 'Unlock the vault',
      passphrase: 'Passphrase',
      recoveryKey: 'Recovery key',
      submit: 'Unlock',
      working: 'Unlocking…',
      useRecoveryKey: 'Use the recovery key instead',
      usePassphrase: 'Use the passphrase instead',
      wrongPassphrase: 'That passphrase does not open this vault. Nothing was changed; try again.',
      wrongRecoveryKey: 'That recovery key does not open this vault. Check it for typing mistakes and try again.',
      onDevice: 'Unlock with this device’s keystore',
    },
    missing: {
      title: 'The vault on this device is gone',
      body: 'This device held a Qorgau vault, and its storage is now empty: it was wiped or reset outside the app (a full disk, a browser or system reset, an update). Your cases are not shown because they are not here, not because they were deleted in Qorgau.',
      restore:
        'Restore your most recent backup file into Qorgau to get your cases back. Do not start a new vault before you have tried: keep this screen until your backup is at hand.',
      understood: 'I have no backup to restore, and I understand the lost cases cannot be recovered without one',
      startOver: 'Start a new, empty vault',
    },
  },
  cases: {
    title: 'Cases',
    emptyTitle: 'No cases yet',
    emptyBody:
      'Each legal proceeding — a lawsuit, a criminal or administrative case, a pre-trial claim, a summons, a detention — gets its own case file here, with its hearings, deadlines and documents.',
    privacyNote: 'Case files stay on this device. Nothing is sent anywhere.',
    new: 'New case',
    listLabel: 'Case files',
    integrityTitle: 'Some records could not be opened',
    kind: {
      'civil-lawsuit': 'Civil lawsuit',
      'pre-trial-claim': 'Pre-trial claim',
      'criminal-case': 'Criminal case',
      'administrative-case': 'Administrative case',
      'interrogation-summons': 'Interrogation or summons',
      'detention-arrest': 'Detention or arrest',
      'search-seizure': 'Search or seizure',
      other: 'Other',
    },
    form: {
      heading: 'New case',
      kind: 'Kind of proceeding',
      title: 'Title',
      titleRequired: 'Give the case a title, for example who brought what against whom.',
      summary: 'Public summary',
      privilegedNotes: 'Privileged notes',
      privilegedHint: 'Never exported: these notes stay in this vault and never reach a report or a shared file.',
      save: 'Save the case',
      cancel: 'Cancel',
    },
  },
  settings: {
    title: 'Settings',
    save: 'Save',
    saved: 'Saved.',
    autoLock: {
      heading: 'Automatic lock',
      label: 'Lock after this many idle minutes',
      hint: 'The vault locks itself when nobody has used the app for this long. Lock it at once with Ctrl+Shift+L.',
      invalid: 'Enter a whole number of minutes from 1 to 240.',
    },
    storage: {
      heading: 'Storage on this device',
      granted: 'Persistent: the browser engine has agreed not to clear the vault to free space.',
      denied: 'Not persistent: under storage pressure the browser engine may clear the vault. Keep backups.',
      unknown: 'Not yet known.',
    },
    device: {
      heading: 'Remember on this device',
      protects:
        'Off by default. When on, the operating system’s keystore (Keychain, Windows Data Protection, GNOME Keyring or KWallet) holds the vault key, and the vault opens on this device without the passphrase. That protects the vault if someone copies the app’s files from this computer while it is switched off or from another account.',
      doesNotProtect:
        'It does not protect against anyone who can sign in to your account on this computer, or who seizes it while you are signed in: they can open every case without the passphrase. Leave it off if this laptop may be seized.',
      unavailable: 'Not available here: {{reason}}',
      on: 'On: this device remembers the vault key.',
      off: 'Off. Enter your passphrase to turn it on.',
      remember: 'Remember on this device',
      forget: 'Forget on this device',
    },
    passphrase: {
      heading: 'Change the passphrase',
      hint: 'Your cases stay as they are; only the lock on the vault key changes. The recovery key keeps working.',
      current: 'Current passphrase',
      new: 'New passphrase',
      confirm: 'Repeat the new passphrase',
      submit: 'Change the passphrase',
      working: 'Changing…',
      changed: 'The passphrase was changed. Use the new one from now on.',
      wrongCurrent: 'The current passphrase is not right. Nothing was changed.',
    },
  },
};

export type Catalog = typeof en;
