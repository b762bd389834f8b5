import { createCipheriv, createDecipheriv, randomBytes, randomUUID, type CipherGCM } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A temporary, encrypted copy of an incoming upload. The upload is read (and checked) into the
 * spool first, so the database transaction that stores it lasts only as long as the database
 * writes: never as long as a slow client or a producer that itself queries the database (PGlite
 * has one connection, which a transaction holds exclusively). The key lives only in memory, so a
 * crash leaves nothing readable behind in the temp folder.
 */
export class FileSpool {
  private readonly key = randomBytes(32);
  private readonly iv = randomBytes(12);
  private readonly cipher: CipherGCM;
  private tag: Buffer | null = null;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
  ) {
    this.cipher = createCipheriv('aes-256-gcm', this.key, this.iv);
  }

  static async create(): Promise<FileSpool> {
    const path = join(tmpdir(), `gonghui-upload-${randomUUID()}.part`);
    const handle = await open(path, 'wx', 0o600);
    return new FileSpool(path, handle);
  }

  async write(chunk: Buffer): Promise<void> {
    const data = this.cipher.update(chunk);
    if (data.length > 0) await this.handle.write(data);
  }

  async finish(): Promise<void> {
    const rest = this.cipher.final();
    if (rest.length > 0) await this.handle.write(rest);
    this.tag = this.cipher.getAuthTag();
    await this.handle.close();
  }

  /** the plaintext again, in pieces of about `pieceBytes`; throws at the end if the file was altered */
  async *read(pieceBytes: number): AsyncGenerator<Buffer> {
    if (!this.tag) throw new Error('spool not finished');
    const decipher = createDecipheriv('aes-256-gcm', this.key, this.iv);
    decipher.setAuthTag(this.tag);
    for await (const chunk of createReadStream(this.path, { highWaterMark: pieceBytes })) {
      yield decipher.update(chunk as Buffer);
    }
    const rest = decipher.final();
    if (rest.length > 0) yield rest;
  }

  async dispose(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
