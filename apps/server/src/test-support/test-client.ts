import type { FastifyInstance } from 'fastify';
import { totpCode } from './totp-code.js';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

type Json = Record<string, unknown> | unknown[];

/** Like one browser: a cookie jar, the CSRF token, and the TOTP secret once enrolled. */
export class TestClient {
  cookies = new Map<string, string>();
  csrf: string | null = null;
  mfaSecret: string | null = null;

  constructor(private readonly app: FastifyInstance) {}

  async req<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: Json, opts: { csrf?: boolean; headers?: Record<string, string> } = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (opts.csrf !== false && this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    const res = await this.app.inject({ method, url: url.startsWith('/api') ? url : `/api${url}`, headers, ...(body !== undefined ? { payload: body } : {}) });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    let parsed: unknown = null;
    try {
      parsed = res.body ? JSON.parse(res.body) : null;
    } catch {
      parsed = res.body;
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers };
  }

  get<T = Record<string, unknown>>(url: string) {
    return this.req<T>('GET', url);
  }
  post<T = Record<string, unknown>>(url: string, body: Json = {}, opts?: { csrf?: boolean }) {
    return this.req<T>('POST', url, body, opts);
  }
  patch<T = Record<string, unknown>>(url: string, body: Json) {
    return this.req<T>('PATCH', url, body);
  }
  put<T = Record<string, unknown>>(url: string, body: Json) {
    return this.req<T>('PUT', url, body);
  }
  del<T = Record<string, unknown>>(url: string) {
    return this.req<T>('DELETE', url);
  }

  /** Logs in; enrols TOTP when the server asks, like the acceptance harness. */
  async login(username: string, password: string, otp?: string): Promise<TestResponse> {
    const code = otp ?? (this.mfaSecret ? totpCode(this.mfaSecret) : undefined);
    const r = await this.post('/auth/login', { username, password, ...(code ? { otp: code } : {}) }, { csrf: false });
    if (r.status !== 200) return r;
    this.csrf = (r.body as { csrfToken: string }).csrfToken;
    if ((r.body as { mfaSetupRequired: boolean }).mfaSetupRequired) {
      const s = await this.post<{ secret: string }>('/auth/mfa/setup');
      if (s.status !== 200) return s;
      this.mfaSecret = s.body.secret;
      const c = await this.post('/auth/mfa/confirm', { otp: totpCode(this.mfaSecret) });
      if (c.status !== 200) return c;
      return this.get('/auth/me');
    }
    return r;
  }
}
