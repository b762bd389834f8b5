import { ApiError, toProblem } from './api-error';

export { ApiError, isApiError, errorMessage } from './api-error';

/**
 * The one way the web app talks to the server: base `/api`, same-origin cookies, JSON in and out,
 * the CSRF token (kept in memory only, never in storage) on state-changing requests, and
 * problem+json errors turned into {@link ApiError}. 401 and 403 are reported to handlers the app
 * shell registers (clear the session and go to the login page; show a message).
 */

const BASE = '/api';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

export interface RequestOptions {
  method?: HttpMethod;
  body?: unknown;
  query?: QueryParams;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  /** false for the login call and the session probe: a 401 there is an answer, not an expiry. */
  authRedirect?: boolean;
  /** false to handle a 403 yourself instead of the global message. */
  forbiddenMessage?: boolean;
}

export interface ApiEventHandlers {
  onUnauthorized: (error: ApiError) => void;
  onForbidden: (error: ApiError) => void;
}

let csrfToken: string | null = null;
let lastAuthenticatedAt = Date.now();
let handlers: ApiEventHandlers | null = null;

/** Remembers the token of a fresh session answer (which also restarts the server's idle timer). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  if (token) lastAuthenticatedAt = Date.now();
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** Time of the last request the server accepted as logged in (its idle timer restarts then). */
export function lastAuthenticatedRequestAt(): number {
  return lastAuthenticatedAt;
}

export function markAuthenticatedActivity(): void {
  lastAuthenticatedAt = Date.now();
}

export function setApiEventHandlers(next: ApiEventHandlers | null): void {
  handlers = next;
}

export function buildQuery(query: QueryParams | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const v of value) params.append(key, String(v));
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  if (!text) return undefined;
  if (type.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }
  return text;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...options.headers };
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    // multipart: the browser sets the content type with its boundary
    body = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(`${BASE}${path}${buildQuery(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(toProblem(0, undefined));
  }

  const data = await readBody(response);
  if (response.ok) {
    if (csrfToken) markAuthenticatedActivity();
    return data as T;
  }
  throw failure(response.status, data, options);
}

/** Turns a failed answer into an ApiError, telling the app shell about 401 and 403 first. */
function failure(status: number, data: unknown, options: Pick<RequestOptions, 'authRedirect' | 'forbiddenMessage'>): ApiError {
  const error = new ApiError(toProblem(status, data));
  if (status === 401 && options.authRedirect !== false) {
    csrfToken = null;
    handlers?.onUnauthorized(error);
  } else if (status === 403 && options.forbiddenMessage !== false) {
    if (csrfToken) markAuthenticatedActivity();
    handlers?.onForbidden(error);
  } else if (status !== 401 && csrfToken) {
    markAuthenticatedActivity();
  }
  return error;
}

export interface DownloadedFile {
  blob: Blob;
  /** from Content-Disposition (RFC 5987 `filename*` preferred), else null */
  filename: string | null;
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() ?? null;
}

/** GETs a file (xlsx, csv …) as a Blob with the session cookie; failures become {@link ApiError}. */
export async function apiDownload(path: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, { credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(toProblem(0, undefined));
  }
  if (!response.ok) throw failure(response.status, await readBody(response), {});
  if (csrfToken) markAuthenticatedActivity();
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('content-disposition')) };
}

export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<RequestOptions, 'method' | 'query'>) =>
    apiRequest<T>(path, { ...options, method: 'GET', query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  delete: <T>(path: string, options?: Omit<RequestOptions, 'method'>) => apiRequest<T>(path, { ...options, method: 'DELETE' }),
  /** multipart/form-data POST (file uploads) */
  upload: <T>(path: string, form: FormData, options?: Omit<RequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body: form }),
};
