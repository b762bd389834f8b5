import { asc, gt } from 'drizzle-orm';
import type { Db } from '../db/db-connection.js';
import { auditLog } from './audit.schema.js';
import { chainHash, GENESIS_HASH } from './audit-chain.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId: string | null;
  message: string;
}

/** Walks the chain in id order and reports the first row whose link or hash does not hold. */
export async function verifyAuditChain(db: Db, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (rows.length === 0) break;
    for (const r of rows) {
      if (r.prevHash !== prev) {
        return { ok: false, checked, firstBrokenId: String(r.id), message: `第 ${r.id} 条审计记录的前序哈希与上一条不符:日志链在此处断开(记录被删除或插入)` };
      }
      if (chainHash(r.prevHash, r) !== r.hash) {
        return { ok: false, checked, firstBrokenId: String(r.id), message: `第 ${r.id} 条审计记录的内容与其哈希不符:该记录被篡改` };
      }
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
  return { ok: true, checked, firstBrokenId: null, message: `审计日志链完整,共校验 ${checked} 条记录` };
}
