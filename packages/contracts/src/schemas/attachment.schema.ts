import { z } from 'zod';

/**
 * Attachments kept on a business record (证明材料 of an aid application, 结婚证 of a wedding
 * sign-up ...): JPG, PNG or PDF checked by their bytes on the server, at most 10 MB each. The list
 * lives on the record and is written by the attachment routes only.
 */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.pdf';
/** Notice attachments and course documents also take Word and Excel files. */
export const DOCUMENT_ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

/** One attachment of a record. */
export const attachmentSchema = z.object({
  fileId: z.string(),
  type: z.string(),
  name: z.string().optional(),
  mime: z.string().optional(),
  size: z.number().int().optional(),
  uploadedAt: z.string().optional(),
  uploadedBy: z.string().optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** `/:id/<list>/:fileId` */
export const attachmentParamSchema = z.object({ id: z.uuid({ error: '编号格式不正确' }), fileId: z.uuid({ error: '材料编号格式不正确' }) });
