import { api } from './api-client';

/** Attachments of one kind of record on one side (staff or the worker's H5): upload, delete, and the address that opens a file. */
export interface AttachmentApi<T, K extends string = string> {
  upload: (id: string, type: K, file: File) => Promise<T>;
  remove: (id: string, fileId: string) => Promise<T>;
  /** the file in the browser (same-origin GET with the session cookie), for a link or a new tab */
  href: (id: string, fileId: string) => string;
}

/** The routes `{base}/:id/{segment}` and `{base}/:id/{segment}/:fileId` of platform/files attachment.routes. */
export function attachmentApi<T, K extends string = string>(base: string, segment: string): AttachmentApi<T, K> {
  const list = (id: string) => `${base}/${encodeURIComponent(id)}/${segment}`;
  const file = (id: string, fileId: string) => `${list(id)}/${encodeURIComponent(fileId)}`;
  return {
    upload: (id, type, f) => {
      const form = new FormData();
      // the type comes before the file so the server has it when the file arrives
      form.append('type', type);
      form.append('file', f, f.name);
      return api.upload<T>(list(id), form);
    },
    remove: (id, fileId) => api.delete<T>(file(id, fileId)),
    href: (id, fileId) => `/api${file(id, fileId)}`,
  };
}
