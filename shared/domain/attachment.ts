import { z } from 'zod';
import { isCivilDate } from './civil-date';

/** What is known about an attachment; stored encrypted, written after its last chunk. */
export const attachmentManifestSchema = z.object({
  id: z.string().min(1).max(64),
  caseTag: z.string().min(1).max(64),
  name: z.string().max(1000),
  type: z.string().max(200),
  size: z.number().int().nonnegative(),
  /** Hex SHA-256 of the plaintext. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chunkSize: z
    .number()
    .int()
    .positive()
    .max(64 * 1024 * 1024),
  chunkCount: z.number().int().positive(),
  noncePrefix: z.string(),
  addedAt: z.string(),
  /** The timeline entry it belongs to, or null for a document of the whole case. */
  entryId: z.string().nullable(),
  /** The document's own date (of the claim, the ruling, the letter), as the person gives it; '' when none. */
  date: z
    .string()
    .refine((value) => value === '' || isCivilDate(value), 'invalid-date')
    .default(''),
  /** What the document is, in the person's words. */
  description: z.string().max(2000, 'too-long').default(''),
});

/** What a person may say about a document after adding it. */
export const attachmentDetailsSchema = attachmentManifestSchema.pick({ date: true, description: true });
export type AttachmentDetails = z.infer<typeof attachmentDetailsSchema>;
export type AttachmentManifest = z.infer<typeof attachmentManifestSchema>;
