/**
 * What the app says when something fails, and counted nouns, in each language. Errors raised in
 * shared/, db/ and vault/ carry a code and a `reason` (see shared/crypto/errors.ts); the sentence
 * for `errors.<code>.<reason>` (else `errors.<code>.default`) is chosen in failure-text.ts.
 * `{{operation}}` is one of `operation.*`, `{{what}}` one of `kind.*`, `{{table}}` one of `table.*`.
 */
export const failuresEn = {
  'wrong-passphrase': {
    default: 'That passphrase does not open this vault. Nothing was changed.',
    'package-code-shape': 'A one-time code has 16 letters and digits (like 7G2K-…). Nothing was changed.',
    'package-code': 'That one-time code does not open this package. Nothing was changed.',
    'device-forgot': 'This device no longer remembers the vault key. Use the passphrase.',
  },
  'wrong-recovery-key': { default: 'That recovery key does not open this vault. Nothing was changed.' },
  integrity: {
    default:
      'A stored record ({{table}} {{rowId}}) failed its integrity check: it was changed, damaged or moved on disk.',
    'document-part': 'Part {{part}} of {{parts}} of the file “{{file}}” is missing, changed or damaged.',
    'damaged-page-write':
      'The record {{table}} {{rowId}} is damaged, so the cases stored with it cannot be changed. Restore a backup.',
    'merge-into-damaged':
      'The case “{{title}}” belongs with stored records that are damaged, so it cannot be merged. Nothing was written.',
    'restore-unknown-table': 'The backup holds records this Qorgau does not know. Nothing was written.',
    'restore-no-header': 'The backup holds no vault. Nothing was written.',
    'backup-not-a-backup': 'This file is not a Qorgau backup. Nothing was changed.',
    'backup-unsupported-version':
      'This backup is in an older format ({{version}}) that this Qorgau no longer reads. Nothing was changed.',
    'backup-truncated': 'The file is cut short: its end is missing. Nothing was changed.',
    'backup-corrupt': 'The file was altered or damaged. Nothing was changed.',
    'backup-too-large': 'The file claims sizes no backup has: it is damaged or not a backup. Nothing was changed.',
    'backup-is-package': 'This file is a case package, not a backup of a vault: import it from the Cases screen.',
    'backup-is-backup':
      'This file is a backup of a whole vault, not a case package: restore or merge it from Settings.',
    'package-not-one-case': 'A case package holds exactly one case; this file does not. Nothing was changed.',
    'page-rolled-back':
      'A stored page of cases ({{rowId}}) is not the one the vault last wrote: it was rolled back or replaced. Its cases are shown as they were then and cannot be changed; no document is tidied away. Restore a backup.',
    'page-missing':
      'A stored page of cases ({{rowId}}) is missing: its cases are not shown, and their documents are kept. Restore a backup.',
    'page-extra':
      'A page of cases ({{rowId}}) is stored that the vault never wrote there: it was put in from elsewhere. It cannot be changed; restore a backup.',
    'layout-changed': 'The layout of the vault’s pages is not the one it last wrote: the vault was tampered with.',
    'manifest-missing':
      'The vault’s list of its own pages is missing, so nothing can be checked or changed: it was tampered with. Restore a backup.',
    'store-rolled-back':
      'The whole vault is older than the one this device last saved: its storage was put back from an earlier copy. Recent work may be missing; nothing is tidied away. Restore your latest backup.',
    'epoch-key-missing':
      'The key this vault needs is not among this device’s files: the vault was copied here from elsewhere, or the app’s data folder was replaced. Restore a backup.',
    'names-missing':
      'The key that names the vault’s stored rows is missing, so its documents cannot be found: the vault was tampered with. Restore a backup.',
    'names-unreadable':
      'The key that names the vault’s stored rows does not open: the vault was tampered with or damaged. Restore a backup.',
    'rotate-damaged':
      'While a stored page is damaged or rolled back, no case can be deleted: its keys could not all be renewed. Restore a backup first. Nothing was changed.',
  },
  'kdf-policy': {
    default: 'The vault asks for a weakened key derivation, so it may have been tampered with. It was not opened.',
  },
  'unsupported-format': { default: 'This is not in a format Qorgau reads. Nothing was changed.' },
  'format-too-new': {
    default: '{{what}} was made by a newer Qorgau (format {{version}}). Update Qorgau to open it; nothing was changed.',
  },
  'vault-missing': {
    default: 'The vault that was on this device is gone: its storage was wiped or reset. Restore it from a backup.',
  },
  'vault-exists': {
    default: 'A vault already exists on this device.',
    restore: 'This device already has a vault, so the backup was not restored. Nothing was written.',
  },
  'quota-exceeded': {
    default:
      'There is no room left on the device ({{operation}}). Free disk space, then try again; nothing was saved half.',
  },
  locked: { default: 'The vault is locked: unlock it first.' },
  cancelled: {
    default: 'Cancelled; nothing was kept.',
    'import-cancelled': 'The import of “{{name}}” was cancelled; nothing was kept.',
  },
  storage: {
    default: 'The device storage refused this ({{operation}}). Nothing was saved half.',
    'changed-meanwhile': 'The vault changed meanwhile (in another window?); nothing was written. Try again.',
    busy: 'Another window keeps changing the same cases; nothing was written. Try again.',
    'deleted-during-backup':
      'A document was deleted while the backup was being written, so it would be incomplete; nothing was kept. Back up again.',
    'entry-missing': 'This timeline entry is no longer in the case.',
    'no-keystore': 'This edition cannot remember the vault on the device.',
    'quick-has-documents':
      'This quick development has documents; attaching would leave them behind. Make it a case instead, or move its documents first.',
    'not-quick': 'Only a quick development can be attached to a case or made one.',
    'case-not-open': 'The case is not open.',
    'device-read': 'The document “{{name}}” could not be read from this device.',
    'import-file-changed': '“{{name}}” changed while it was read; nothing was kept.',
    'import-not-whole': '“{{name}}” could not be encrypted whole; nothing was kept.',
    'import-host': 'The app could not read “{{name}}”; nothing was kept.',
    'import-changed-meanwhile':
      'The vault changed while the import was being prepared; nothing was written. Try again.',
    'epoch-changed':
      'Another window deleted a case, which renewed the vault’s keys; nothing was written here. Lock the vault and unlock it again.',
  },
  platform: { default: 'The app could not finish this. Nothing was saved half.' },
  unexpected: { default: 'Something went wrong; nothing was saved half. If it happens again, restart Qorgau.' },
  operation: {
    'read-header': 'reading the vault header',
    create: 'creating the vault',
    'change-passphrase': 'changing the passphrase',
    open: 'opening the vault',
    'open-case': 'opening the case',
    save: 'saving',
    reorganise: 'reorganising the vault',
    backup: 'backing up the vault',
    restore: 'restoring the backup',
    'read-settings': 'reading the settings',
    'save-settings': 'saving the settings',
    import: 'importing a document',
    'open-document': 'opening a document',
    tidy: 'tidying the vault',
    delete: 'deleting the case',
  },
  table: {
    pages: 'page',
    searchPages: 'search page',
    caseKeys: 'case key',
    chunks: 'document part',
    attachments: 'document',
    cases: 'case',
    entries: 'timeline entry',
    meta: 'vault record',
    settings: 'settings',
  },
  kind: {
    'case-file': 'This case',
    page: 'A page of this vault',
    'search-page': 'The search data of this vault',
    settings: 'The settings of this vault',
    'vault-header': 'This vault',
    backup: 'This backup',
    'case-package': 'This case package',
    'device-document': 'A document of this vault',
    'form-drafts': 'A form kept while the vault was locked',
    manifest: 'The list of this vault’s pages',
  },
};
export type FailuresCatalog = typeof failuresEn;

export const failuresRu: FailuresCatalog = {
  'wrong-passphrase': {
    default: 'Эта парольная фраза не открывает хранилище. Ничего не изменено.',
    'package-code-shape': 'Одноразовый код состоит из 16 букв и цифр (например, 7G2K-…). Ничего не изменено.',
    'package-code': 'Этот одноразовый код не открывает пакет. Ничего не изменено.',
    'device-forgot': 'Это устройство больше не помнит ключ хранилища. Введите парольную фразу.',
  },
  'wrong-recovery-key': { default: 'Этот ключ восстановления не открывает хранилище. Ничего не изменено.' },
  integrity: {
    default:
      'Сохранённая запись ({{table}} {{rowId}}) не прошла проверку целостности: её изменили, повредили или переместили на диске.',
    'document-part': 'Часть {{part}} из {{parts}} файла «{{file}}» отсутствует, изменена или повреждена.',
    'damaged-page-write':
      'Запись ({{table}} {{rowId}}) повреждена, поэтому дела, хранящиеся в ней, нельзя изменить. Восстановите резервную копию.',
    'merge-into-damaged':
      'Дело «{{title}}» хранится вместе с повреждёнными записями, поэтому его нельзя объединить. Ничего не записано.',
    'restore-unknown-table': 'В копии есть записи, которых эта версия Qorgau не знает. Ничего не записано.',
    'restore-no-header': 'В копии нет хранилища. Ничего не записано.',
    'backup-not-a-backup': 'Этот файл не является резервной копией Qorgau. Ничего не изменено.',
    'backup-unsupported-version':
      'Эта копия в старом формате ({{version}}), который эта версия Qorgau больше не читает. Ничего не изменено.',
    'backup-truncated': 'Файл обрезан: его конец отсутствует. Ничего не изменено.',
    'backup-corrupt': 'Файл изменён или повреждён. Ничего не изменено.',
    'backup-too-large':
      'В файле указаны размеры, которых не бывает у резервной копии: он повреждён или это не копия. Ничего не изменено.',
    'backup-is-package': 'Этот файл — пакет дела, а не резервная копия хранилища: импортируйте его на экране «Дела».',
    'backup-is-backup':
      'Этот файл — резервная копия всего хранилища, а не пакет дела: восстановите или объедините его в настройках.',
    'package-not-one-case': 'Пакет дела содержит ровно одно дело; в этом файле не так. Ничего не изменено.',
    'page-rolled-back':
      'Сохранённая страница дел ({{rowId}}) — не та, что хранилище записало последней: её откатили или подменили. Её дела показаны в прежнем виде и не могут быть изменены; документы не удаляются. Восстановите резервную копию.',
    'page-missing':
      'Сохранённая страница дел ({{rowId}}) пропала: её дела не показаны, их документы сохранены. Восстановите резервную копию.',
    'page-extra':
      'Хранится страница дел ({{rowId}}), которую хранилище туда не записывало: её подложили. Её нельзя изменить; восстановите резервную копию.',
    'layout-changed': 'Разметка страниц хранилища не та, что оно записало последней: хранилище подменяли.',
    'manifest-missing':
      'Пропал перечень страниц хранилища, поэтому ничего нельзя ни проверить, ни изменить: хранилище подменяли. Восстановите резервную копию.',
    'store-rolled-back':
      'Всё хранилище старше того, что это устройство сохранило последним: его подменили более ранней копией. Последней работы может не быть; ничего не удаляется. Восстановите последнюю резервную копию.',
    'epoch-key-missing':
      'Ключа, нужного хранилищу, нет среди файлов этого устройства: хранилище скопировали сюда с другого или заменили папку данных приложения. Восстановите резервную копию.',
    'names-missing':
      'Пропал ключ, которым названы записи хранилища, поэтому его документы не найти: хранилище подменяли. Восстановите резервную копию.',
    'names-unreadable':
      'Ключ, которым названы записи хранилища, не открывается: хранилище подменили или повредили. Восстановите резервную копию.',
    'rotate-damaged':
      'Пока сохранённая страница повреждена или откачена, удалить дело нельзя: не все его ключи можно обновить. Сначала восстановите резервную копию. Ничего не изменено.',
  },
  'kdf-policy': {
    default: 'Хранилище требует ослабленной защиты ключа — возможно, его подменили. Оно не было открыто.',
  },
  'unsupported-format': { default: 'Это не тот формат, который читает Qorgau. Ничего не изменено.' },
  'format-too-new': {
    default:
      '{{what}}: создано более новой версией Qorgau (формат {{version}}). Обновите Qorgau, чтобы открыть; ничего не изменено.',
  },
  'vault-missing': {
    default:
      'Хранилища, которое было на этом устройстве, больше нет: его данные стёрты или сброшены. Восстановите его из резервной копии.',
  },
  'vault-exists': {
    default: 'На этом устройстве уже есть хранилище.',
    restore: 'На этом устройстве уже есть хранилище, поэтому копия не восстановлена. Ничего не записано.',
  },
  'quota-exceeded': {
    default:
      'На устройстве не осталось места ({{operation}}). Освободите место на диске и повторите; ничего не сохранено наполовину.',
  },
  locked: { default: 'Хранилище заблокировано: сначала разблокируйте его.' },
  cancelled: {
    default: 'Отменено; ничего не сохранено.',
    'import-cancelled': 'Импорт «{{name}}» отменён; ничего не сохранено.',
  },
  storage: {
    default: 'Хранилище устройства отказало ({{operation}}). Ничего не сохранено наполовину.',
    'changed-meanwhile': 'Хранилище тем временем изменилось (в другом окне?); ничего не записано. Повторите.',
    busy: 'Другое окно продолжает менять те же дела; ничего не записано. Повторите.',
    'deleted-during-backup':
      'Во время создания копии был удалён документ, и копия была бы неполной; ничего не сохранено. Создайте копию снова.',
    'entry-missing': 'Этой записи хронологии больше нет в деле.',
    'no-keystore': 'Эта версия не может запомнить хранилище на устройстве.',
    'quick-has-documents':
      'К этому быстрому событию приложены документы, при присоединении они остались бы без дела. Сделайте его делом или сначала перенесите документы.',
    'not-quick': 'Присоединить к делу или сделать делом можно только быстрое событие.',
    'case-not-open': 'Дело не открыто.',
    'device-read': 'Документ «{{name}}» не удалось прочитать с этого устройства.',
    'import-file-changed': '«{{name}}» изменился во время чтения; ничего не сохранено.',
    'import-not-whole': '«{{name}}» не удалось зашифровать целиком; ничего не сохранено.',
    'import-host': 'Приложение не смогло прочитать «{{name}}»; ничего не сохранено.',
    'import-changed-meanwhile': 'Хранилище изменилось, пока готовился импорт; ничего не записано. Повторите.',
    'epoch-changed':
      'В другом окне удалили дело, и ключи хранилища обновились; здесь ничего не записано. Заблокируйте хранилище и откройте его снова.',
  },
  platform: { default: 'Приложение не смогло это завершить. Ничего не сохранено наполовину.' },
  unexpected: {
    default: 'Что-то пошло не так; ничего не сохранено наполовину. Если это повторится, перезапустите Qorgau.',
  },
  operation: {
    'read-header': 'чтение заголовка хранилища',
    create: 'создание хранилища',
    'change-passphrase': 'смена парольной фразы',
    open: 'открытие хранилища',
    'open-case': 'открытие дела',
    save: 'сохранение',
    reorganise: 'перестройка хранилища',
    backup: 'резервное копирование',
    restore: 'восстановление копии',
    'read-settings': 'чтение настроек',
    'save-settings': 'сохранение настроек',
    import: 'импорт документа',
    'open-document': 'открытие документа',
    tidy: 'уборка хранилища',
    delete: 'удаление дела',
  },
  table: {
    pages: 'страница',
    searchPages: 'страница поиска',
    caseKeys: 'ключ дела',
    chunks: 'часть документа',
    attachments: 'документ',
    cases: 'дело',
    entries: 'запись хронологии',
    meta: 'запись хранилища',
    settings: 'настройки',
  },
  kind: {
    'case-file': 'Это дело',
    page: 'Страница хранилища',
    'search-page': 'Данные поиска хранилища',
    settings: 'Настройки хранилища',
    'vault-header': 'Это хранилище',
    backup: 'Эта резервная копия',
    'case-package': 'Этот пакет дела',
    'device-document': 'Документ хранилища',
    'form-drafts': 'Форма, сохранённая на время блокировки',
    manifest: 'Перечень страниц этого хранилища',
  },
};

export const failuresKk: FailuresCatalog = {
  'wrong-passphrase': {
    default: 'Бұл құпия сөз тіркесі қойманы ашпайды. Ештеңе өзгертілген жоқ.',
    'package-code-shape': 'Бір реттік код 16 әріп пен цифрдан тұрады (мысалы, 7G2K-…). Ештеңе өзгертілген жоқ.',
    'package-code': 'Бұл бір реттік код пакетті ашпайды. Ештеңе өзгертілген жоқ.',
    'device-forgot': 'Бұл құрылғы қойма кілтін енді есте сақтамайды. Құпия сөз тіркесін енгізіңіз.',
  },
  'wrong-recovery-key': { default: 'Бұл қалпына келтіру кілті қойманы ашпайды. Ештеңе өзгертілген жоқ.' },
  integrity: {
    default:
      'Сақталған жазба ({{table}} {{rowId}}) тұтастық тексеруінен өтпеді: ол дискіде өзгертілген, зақымдалған немесе жылжытылған.',
    'document-part': '«{{file}}» файлының {{parts}} бөлігінің {{part}}-і жоқ, өзгертілген немесе зақымдалған.',
    'damaged-page-write':
      'Жазба ({{table}} {{rowId}}) зақымдалған, сондықтан онда сақталған істерді өзгерту мүмкін емес. Сақтық көшірмені қалпына келтіріңіз.',
    'merge-into-damaged':
      '«{{title}}» ісі зақымдалған жазбалармен бірге сақталған, сондықтан оны біріктіру мүмкін емес. Ештеңе жазылған жоқ.',
    'restore-unknown-table': 'Көшірмеде Qorgau-дың бұл нұсқасы білмейтін жазбалар бар. Ештеңе жазылған жоқ.',
    'restore-no-header': 'Көшірмеде қойма жоқ. Ештеңе жазылған жоқ.',
    'backup-not-a-backup': 'Бұл файл Qorgau сақтық көшірмесі емес. Ештеңе өзгертілген жоқ.',
    'backup-unsupported-version':
      'Бұл көшірме Qorgau-дың бұл нұсқасы енді оқымайтын ескі пішімде ({{version}}). Ештеңе өзгертілген жоқ.',
    'backup-truncated': 'Файл қысқартылған: оның соңы жоқ. Ештеңе өзгертілген жоқ.',
    'backup-corrupt': 'Файл өзгертілген немесе зақымдалған. Ештеңе өзгертілген жоқ.',
    'backup-too-large':
      'Файлда сақтық көшірмеде болмайтын өлшемдер көрсетілген: ол зақымдалған немесе көшірме емес. Ештеңе өзгертілген жоқ.',
    'backup-is-package': 'Бұл файл — қойманың сақтық көшірмесі емес, іс пакеті: оны «Істер» экранында импорттаңыз.',
    'backup-is-backup':
      'Бұл файл — іс пакеті емес, бүкіл қойманың сақтық көшірмесі: оны баптауларда қалпына келтіріңіз немесе біріктіріңіз.',
    'package-not-one-case': 'Іс пакетінде дәл бір іс болады; бұл файлда олай емес. Ештеңе өзгертілген жоқ.',
    'page-rolled-back':
      'Сақталған істер беті ({{rowId}}) қойма соңғы жазған бет емес: оны кері қайтарған не ауыстырған. Оның істері сол кездегі күйінде көрсетіледі және өзгертілмейді; құжаттар жойылмайды. Сақтық көшірмені қалпына келтіріңіз.',
    'page-missing':
      'Сақталған істер беті ({{rowId}}) жоқ: оның істері көрсетілмейді, құжаттары сақталады. Сақтық көшірмені қалпына келтіріңіз.',
    'page-extra':
      'Қойма ол жерге жазбаған істер беті ({{rowId}}) сақтаулы: оны сырттан қосқан. Оны өзгертуге болмайды; сақтық көшірмені қалпына келтіріңіз.',
    'layout-changed': 'Қойма беттерінің орналасуы ол соңғы жазған орналасу емес: қойманы ауыстырған.',
    'manifest-missing':
      'Қойманың өз беттерінің тізімі жоқ, сондықтан ештеңені тексеруге де, өзгертуге де болмайды: қойманы ауыстырған. Сақтық көшірмені қалпына келтіріңіз.',
    'store-rolled-back':
      'Бүкіл қойма осы құрылғы соңғы сақтаған қоймадан ескі: оны ертерек көшірмемен ауыстырған. Соңғы жұмыс болмауы мүмкін; ештеңе жойылмайды. Соңғы сақтық көшірмені қалпына келтіріңіз.',
    'epoch-key-missing':
      'Қоймаға керек кілт осы құрылғының файлдарында жоқ: қойманы мұнда басқа жерден көшірген не қолданбаның деректер қалтасын ауыстырған. Сақтық көшірмені қалпына келтіріңіз.',
    'names-missing':
      'Қойма жазбаларын атайтын кілт жоқ, сондықтан оның құжаттарын табу мүмкін емес: қойманы ауыстырған. Сақтық көшірмені қалпына келтіріңіз.',
    'names-unreadable':
      'Қойма жазбаларын атайтын кілт ашылмайды: қойманы ауыстырған не зақымдаған. Сақтық көшірмені қалпына келтіріңіз.',
    'rotate-damaged':
      'Сақталған бет зақымдалған не кері қайтарылған кезде істі жоюға болмайды: оның барлық кілтін жаңарту мүмкін емес. Алдымен сақтық көшірмені қалпына келтіріңіз. Ештеңе өзгертілген жоқ.',
  },
  'kdf-policy': {
    default: 'Қойма кілттің әлсіреген қорғанысын талап етеді — оны ауыстырған болуы мүмкін. Ол ашылған жоқ.',
  },
  'unsupported-format': { default: 'Бұл Qorgau оқитын пішім емес. Ештеңе өзгертілген жоқ.' },
  'format-too-new': {
    default:
      '{{what}}: Qorgau-дың жаңарақ нұсқасымен жасалған (пішім {{version}}). Ашу үшін Qorgau-ды жаңартыңыз; ештеңе өзгертілген жоқ.',
  },
  'vault-missing': {
    default:
      'Бұл құрылғыдағы қойма жоқ болды: оның деректері өшірілген немесе тасталған. Оны сақтық көшірмеден қалпына келтіріңіз.',
  },
  'vault-exists': {
    default: 'Бұл құрылғыда қойма бар.',
    restore: 'Бұл құрылғыда қойма бар, сондықтан көшірме қалпына келтірілмеді. Ештеңе жазылған жоқ.',
  },
  'quota-exceeded': {
    default: 'Құрылғыда орын қалмады ({{operation}}). Дискіде орын босатып, қайталаңыз; ештеңе жартылай сақталған жоқ.',
  },
  locked: { default: 'Қойма құлыптаулы: алдымен оны ашыңыз.' },
  cancelled: {
    default: 'Бас тартылды; ештеңе сақталған жоқ.',
    'import-cancelled': '«{{name}}» импорты тоқтатылды; ештеңе сақталған жоқ.',
  },
  storage: {
    default: 'Құрылғы жады бас тартты ({{operation}}). Ештеңе жартылай сақталған жоқ.',
    'changed-meanwhile': 'Қойма осы уақытта өзгерді (басқа терезеде ме?); ештеңе жазылған жоқ. Қайталаңыз.',
    busy: 'Басқа терезе сол істерді өзгертуді жалғастыруда; ештеңе жазылған жоқ. Қайталаңыз.',
    'deleted-during-backup':
      'Көшірме жазылып жатқанда құжат жойылды, көшірме толық болмас еді; ештеңе сақталған жоқ. Көшірмені қайта жасаңыз.',
    'entry-missing': 'Бұл хронология жазбасы істе енді жоқ.',
    'no-keystore': 'Бұл нұсқа қойманы құрылғыда есте сақтай алмайды.',
    'quick-has-documents':
      'Бұл жылдам оқиғаға құжаттар тіркелген, қосқанда олар іссіз қалар еді. Оны іс етіңіз немесе алдымен құжаттарын көшіріңіз.',
    'not-quick': 'Іске тек жылдам оқиғаны қосуға немесе іс етуге болады.',
    'case-not-open': 'Іс ашылмаған.',
    'device-read': '«{{name}}» құжатын бұл құрылғыдан оқу мүмкін болмады.',
    'import-file-changed': '«{{name}}» оқылып жатқанда өзгерді; ештеңе сақталған жоқ.',
    'import-not-whole': '«{{name}}» толық шифрланбады; ештеңе сақталған жоқ.',
    'import-host': 'Қолданба «{{name}}» файлын оқи алмады; ештеңе сақталған жоқ.',
    'import-changed-meanwhile': 'Импорт дайындалып жатқанда қойма өзгерді; ештеңе жазылған жоқ. Қайталаңыз.',
    'epoch-changed':
      'Басқа терезеде іс жойылып, қойма кілттері жаңарды; мұнда ештеңе жазылған жоқ. Қойманы құлыптап, қайта ашыңыз.',
  },
  platform: { default: 'Қолданба мұны аяқтай алмады. Ештеңе жартылай сақталған жоқ.' },
  unexpected: {
    default: 'Бірдеңе дұрыс болмады; ештеңе жартылай сақталған жоқ. Қайталанса, Qorgau-ды қайта іске қосыңыз.',
  },
  operation: {
    'read-header': 'қойма тақырыбын оқу',
    create: 'қойма жасау',
    'change-passphrase': 'құпия сөз тіркесін өзгерту',
    open: 'қойманы ашу',
    'open-case': 'істі ашу',
    save: 'сақтау',
    reorganise: 'қойманы қайта құру',
    backup: 'сақтық көшірме жасау',
    restore: 'көшірмені қалпына келтіру',
    'read-settings': 'баптауларды оқу',
    'save-settings': 'баптауларды сақтау',
    import: 'құжатты импорттау',
    'open-document': 'құжатты ашу',
    tidy: 'қойманы тазалау',
    delete: 'істі жою',
  },
  table: {
    pages: 'бет',
    searchPages: 'іздеу беті',
    caseKeys: 'іс кілті',
    chunks: 'құжат бөлігі',
    attachments: 'құжат',
    cases: 'іс',
    entries: 'хронология жазбасы',
    meta: 'қойма жазбасы',
    settings: 'баптаулар',
  },
  kind: {
    'case-file': 'Бұл іс',
    page: 'Қойманың беті',
    'search-page': 'Қойманың іздеу деректері',
    settings: 'Қойма баптаулары',
    'vault-header': 'Бұл қойма',
    backup: 'Бұл сақтық көшірме',
    'case-package': 'Бұл іс пакеті',
    'device-document': 'Қойма құжаты',
    'form-drafts': 'Қойма құлыптаулы кезде сақталған форма',
    manifest: 'Осы қойма беттерінің тізімі',
  },
};

/**
 * Counted nouns, for sentences with more than one count (`backup.summary`). Russian needs one,
 * few and many (1 дело, 2 дела, 5 дел); Kazakh nouns do not change after a numeral. Each
 * language lists the plural forms its rules use (Intl.PluralRules), so a catalog may hold forms
 * English does not have: the extra keys are allowed because these objects are not literals where
 * the Catalog type checks them.
 */
export const countsEn = {
  cases_one: '{{count}} case',
  cases_other: '{{count}} cases',
  entries_one: '{{count}} timeline entry',
  entries_other: '{{count}} timeline entries',
  documents_one: '{{count}} document',
  documents_other: '{{count}} documents',
};

export const countsRu = {
  cases_one: '{{count}} дело',
  cases_few: '{{count}} дела',
  cases_many: '{{count}} дел',
  cases_other: '{{count}} дела',
  entries_one: '{{count}} событие',
  entries_few: '{{count}} события',
  entries_many: '{{count}} событий',
  entries_other: '{{count}} события',
  documents_one: '{{count}} документ',
  documents_few: '{{count}} документа',
  documents_many: '{{count}} документов',
  documents_other: '{{count}} документа',
};

export const countsKk = {
  cases_one: '{{count}} іс',
  cases_other: '{{count}} іс',
  entries_one: '{{count}} оқиға',
  entries_other: '{{count}} оқиға',
  documents_one: '{{count}} құжат',
  documents_other: '{{count}} құжат',
};
