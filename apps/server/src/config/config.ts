import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CityDivision {
  code: string;
  name: string;
}
export interface CityConfig {
  cityName: string;
  divisionCode: string;
  federationName: string;
  districtSuffix: string;
  districts: CityDivision[];
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  adminPassword: string | null;
  /** GONGHUI_DEMO: true / false, or null = decide on first start (embedded + empty → demo) */
  demo: boolean | null;
  /** GONGHUI_MFA: 'off' turns second factors off; null = default (on, except in demo) */
  mfa: boolean | null;
  dataKey: string | null;
  keyFile: string | null;
  trustProxy: boolean;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** how long (ms, at most 5 s; 0 = off) a resolved session may be reused in this process: see platform/auth/session-cache.ts */
  sessionCacheMs: number;
  passwordMaxAgeDays: number;
  ipFailedLoginLimit: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** the most an uploaded xlsx may unpack to (zip-bomb limit) */
  uploadUnzippedLimitBytes: number;
  runJobs: boolean;
  webDist: string;
  city: CityConfig;
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负数字,当前为 "${raw}"`);
  return n;
}

function boolEnv(raw: string | undefined): boolean | null {
  if (raw === undefined || raw === '') return null;
  return !['0', 'false', 'off', 'no'].includes(raw.toLowerCase());
}

export function loadCity(file: string): CityConfig {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as CityConfig;
  if (!parsed.cityName || !Array.isArray(parsed.districts) || parsed.districts.length === 0) {
    throw new Error(`城市配置文件 ${file} 缺少 cityName 或 districts`);
  }
  return parsed;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = resolve(env.GONGHUI_DATA_DIR || resolve(PROJECT_ROOT, 'data'));
  const cityFile = env.GONGHUI_CITY_FILE || resolve(PROJECT_ROOT, 'config/city.hangzhou.json');
  return {
    port: intEnv(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    adminPassword: env.GONGHUI_ADMIN_PASSWORD || null,
    demo: boolEnv(env.GONGHUI_DEMO),
    mfa: boolEnv(env.GONGHUI_MFA),
    dataKey: env.GONGHUI_DATA_KEY || null,
    keyFile: env.GONGHUI_KEY_FILE || null,
    trustProxy: boolEnv(env.GONGHUI_TRUST_PROXY) ?? false,
    logLevel: env.GONGHUI_LOG_LEVEL || 'info',
    sessionIdleMinutes: intEnv(env, 'GONGHUI_SESSION_IDLE_MINUTES', 30),
    sessionAbsoluteHours: intEnv(env, 'GONGHUI_SESSION_ABSOLUTE_HOURS', 12),
    sessionCacheMs: Math.min(intEnv(env, 'GONGHUI_SESSION_CACHE_MS', 2000), 5000),
    passwordMaxAgeDays: intEnv(env, 'GONGHUI_PASSWORD_MAX_AGE_DAYS', 90),
    ipFailedLoginLimit: intEnv(env, 'GONGHUI_IP_FAILED_LOGIN_LIMIT', 50),
    bodyLimitBytes: intEnv(env, 'GONGHUI_BODY_LIMIT_BYTES', 1024 * 1024),
    uploadLimitBytes: intEnv(env, 'GONGHUI_UPLOAD_LIMIT_BYTES', 50 * 1024 * 1024),
    uploadUnzippedLimitBytes: intEnv(env, 'GONGHUI_UPLOAD_UNZIPPED_LIMIT_BYTES', 200 * 1024 * 1024),
    runJobs: boolEnv(env.GONGHUI_RUN_JOBS) ?? true,
    webDist: resolve(PROJECT_ROOT, 'apps/web/dist'),
    city: loadCity(cityFile),
  };
}
