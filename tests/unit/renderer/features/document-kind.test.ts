import { describe, expect, it } from 'vitest';
import { documentKind } from '../../../../renderer/src/features/documents/document-kind';

describe('a document’s kind as a person names it', () => {
  it.each([
    ['application/pdf', 'Иск.pdf', { kind: 'pdf' }],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Отзыв.docx', { kind: 'word' }],
    ['', 'Решение.DOC', { kind: 'word' }],
    ['application/octet-stream', 'Протокол.odt', { kind: 'word' }],
    ['image/jpeg', 'IMG_0001.JPG', { kind: 'image' }],
    ['audio/ogg', 'Допрос.opus', { kind: 'audio' }],
    ['text/plain', 'заметки', { kind: 'text' }],
    ['message/rfc822', 'письмо', { kind: 'email' }],
    ['application/octet-stream', 'Материалы.sig', { kind: 'other', extension: 'SIG' }],
    ['', 'без расширения', { kind: 'other', extension: '' }],
  ])('%j named %j is %j', (type, name, kind) => {
    expect(documentKind(type, name)).toEqual(kind);
  });
});
