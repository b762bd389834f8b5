import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface KeySource {
  key: Buffer;
  /** where it came from, for the start-up message */
  origin: 'env' | 'file' | 'generated';
  file: string | null;
}

function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32) throw new Error(`${where} 中的数据密钥应为32字节(64位十六进制或 base64)`);
  return key;
}

/**
 * The data key: GONGHUI_DATA_KEY, else the key file (GONGHUI_KEY_FILE or <data dir>/gonghui.key),
 * generated with mode 0600 on first start. The key never goes into the database.
 */
export function loadDataKey(opts: { dataKey: string | null; keyFile: string | null; dataDir: string }): KeySource {
  if (opts.dataKey) return { key: parseKey(opts.dataKey, 'GONGHUI_DATA_KEY'), origin: 'env', file: null };
  const file = opts.keyFile ?? join(opts.dataDir, 'gonghui.key');
  if (existsSync(file)) return { key: parseKey(readFileSync(file, 'utf8'), file), origin: 'file', file };
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, origin: 'generated', file };
}
