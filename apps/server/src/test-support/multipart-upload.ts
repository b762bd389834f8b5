import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import type { TestApp } from './test-app.js';
import type { TestClient } from './test-client.js';

/** A file part of a multipart/form-data body. */
export interface UploadFile {
  filename: string;
  content: Buffer;
  /** what the browser claims; the server must not trust it (default application/octet-stream) */
  contentType?: string;
}

/** A raw answer: status, headers and the body as bytes (downloads) with a JSON view of it. */
export interface RawResponse {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  json<T = Record<string, unknown>>(): T;
}

/** The background-job view of GET /api/jobs/:id. */
export interface JobView<R = unknown> {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: { done: number; total: number };
  result?: R;
  error: string | null;
}

const quoted = (s: string): string => s.replace(/["\\\r\n]/g, '_');

/**
 * Serialises a multipart/form-data body by hand (RFC 7578): the text fields, then the file under
 * the field name `file`, as a browser's FormData would send it.
 */
export function multipartBody(fields: Record<string, string>, file: UploadFile | null, boundary = `----gh-test-${randomUUID()}`): { payload: Buffer; contentType: string } {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`, 'utf8'));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        'utf8',
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A request with the client's session cookie and CSRF token, answering raw bytes. */
export async function rawRequest(
  t: TestApp,
  client: TestClient,
  method: 'GET' | 'POST',
  url: string,
  opts: { payload?: Buffer; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (client.cookies.size) headers.cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (client.csrf && method !== 'GET') headers['x-csrf-token'] = client.csrf;
  const res = await t.app.inject({ method, url, headers, ...(opts.payload ? { payload: opts.payload } : {}) });
  const body = res.rawPayload;
  return { status: res.statusCode, headers: res.headers, body, json: <T>() => JSON.parse(body.toString('utf8')) as T };
}

/** Uploads an import file (multipart) to `url` with the given flags, e.g. `{ dryRun: 'true' }`. */
export function uploadFile(t: TestApp, client: TestClient, url: string, file: UploadFile | null, fields: Record<string, string> = {}): Promise<RawResponse> {
  const { payload, contentType } = multipartBody(fields, file);
  return rawRequest(t, client, 'POST', url, { payload, headers: { 'content-type': contentType } });
}

/** Runs the queued jobs (as a worker would) and reads the job back as `client` sees it. */
export async function finishJob<R>(t: TestApp, client: TestClient, jobId: string): Promise<JobView<R>> {
  await t.ctx.jobs.drain();
  const r = await client.get<JobView<R>>(`/jobs/${jobId}`);
  if (r.status !== 200) throw new Error(`GET /jobs/${jobId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Uploads, expects 202 { jobId }, runs the job and returns it. */
export async function importVia<R>(t: TestApp, client: TestClient, url: string, file: UploadFile, fields: Record<string, string> = {}): Promise<JobView<R>> {
  const r = await uploadFile(t, client, url, file, fields);
  if (r.status !== 202) throw new Error(`upload ${file.filename}: ${r.status} ${r.body.toString('utf8')}`);
  return finishJob<R>(t, client, r.json<{ jobId: string }>().jobId);
}
