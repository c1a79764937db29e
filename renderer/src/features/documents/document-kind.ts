/**
 * What kind of document a file is, as a person names it ("PDF document", "Word document"),
 * from its media type or, when the type says nothing, its name's extension. The key is under
 * `documents.kind.*`; `other` comes with the extension to name ("ODT file").
 */
type NamedKind =
  'pdf' | 'word' | 'spreadsheet' | 'presentation' | 'image' | 'audio' | 'video' | 'text' | 'archive' | 'email';

export type DocumentKind =
  | {
      readonly kind:
        'pdf' | 'word' | 'spreadsheet' | 'presentation' | 'image' | 'audio' | 'video' | 'text' | 'archive' | 'email';
    }
  | { readonly kind: 'other'; readonly extension: string };

const BY_EXTENSION: Readonly<Record<string, NamedKind>> = {
  pdf: 'pdf',
  doc: 'word',
  docx: 'word',
  odt: 'word',
  rtf: 'word',
  xls: 'spreadsheet',
  xlsx: 'spreadsheet',
  ods: 'spreadsheet',
  csv: 'spreadsheet',
  ppt: 'presentation',
  pptx: 'presentation',
  odp: 'presentation',
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  gif: 'image',
  webp: 'image',
  heic: 'image',
  tif: 'image',
  tiff: 'image',
  mp3: 'audio',
  m4a: 'audio',
  ogg: 'audio',
  wav: 'audio',
  opus: 'audio',
  mp4: 'video',
  mov: 'video',
  webm: 'video',
  txt: 'text',
  md: 'text',
  zip: 'archive',
  rar: 'archive',
  '7z': 'archive',
  eml: 'email',
  msg: 'email',
};

export function documentKind(type: string, name: string): DocumentKind {
  const media = type.toLowerCase();
  if (media === 'application/pdf') return { kind: 'pdf' };
  if (media.includes('wordprocessingml') || media === 'application/msword' || media.includes('opendocument.text'))
    return { kind: 'word' };
  if (media.includes('spreadsheetml') || media === 'application/vnd.ms-excel' || media === 'text/csv')
    return { kind: 'spreadsheet' };
  if (media.includes('presentationml') || media === 'application/vnd.ms-powerpoint') return { kind: 'presentation' };
  for (const [prefix, kind] of [
    ['image/', 'image'],
    ['audio/', 'audio'],
    ['video/', 'video'],
  ] as const)
    if (media.startsWith(prefix)) return { kind };
  if (media === 'message/rfc822') return { kind: 'email' };
  const extension = /\.([a-z0-9]{1,8})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const known = BY_EXTENSION[extension];
  if (known !== undefined) return { kind: known };
  if (media === 'text/plain') return { kind: 'text' };
  return { kind: 'other', extension: extension.toUpperCase() };
}
