import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Field encryption (AES-256-GCM) and keyed hashes (HMAC-SHA256) for 身份证, bank accounts and
 * second-factor secrets (security.md 15). Two sub-keys are derived from the master key with HKDF.
 */
const IV_BYTES = 12;
/** IVs are cut from one CSPRNG draw of this many: one randomFillSync per 1,024 encryptions instead of one each */
const IV_POOL_BYTES = IV_BYTES * 1024;

export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;
  private ivPool = Buffer.alloc(0);
  private ivOffset = 0;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('数据密钥应为32字节(256位)');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gonghui field encryption v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'gonghui field hmac v1', 32));
  }

  /** A fresh random 96-bit IV (never reused: each pool byte is handed out once). */
  private nextIv(): Buffer {
    if (this.ivOffset + IV_BYTES > this.ivPool.length) {
      this.ivPool = randomBytes(IV_POOL_BYTES);
      this.ivOffset = 0;
    }
    const iv = this.ivPool.subarray(this.ivOffset, this.ivOffset + IV_BYTES);
    this.ivOffset += IV_BYTES;
    return iv;
  }

  encrypt(plain: string): string {
    const iv = this.nextIv();
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return 'v1:' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  decrypt(stored: string): string {
    if (!stored.startsWith('v1:')) throw new Error('无法识别的密文格式');
    const raw = Buffer.from(stored.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for exact lookup and uniqueness without storing the value in clear. */
  hmac(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('hex');
  }

  /** A value that identifies the key without revealing it, stored to catch a wrong key at start. */
  keyCheck(): string {
    return this.hmac('gonghui-key-check');
  }

  sameKeyCheck(stored: string): boolean {
    const a = Buffer.from(this.keyCheck());
    const b = Buffer.from(stored);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}
