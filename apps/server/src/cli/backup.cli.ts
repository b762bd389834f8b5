import { backupTo } from '../platform/db/backup.js';
import { fileArg, openCliDatabase } from './cli-database.js';

const file = fileArg('用法: npm run db:backup -- 备份文件.jsonl.gz');
const { database, where, keyHint } = await openCliDatabase();
try {
  const started = Date.now();
  const tables = await backupTo(database.db, database.kind, file);
  const rows = tables.reduce((s, t) => s + t.rows, 0);
  console.log(`已备份 ${where}: ${tables.length} 张表, ${rows} 行 → ${file} (${((Date.now() - started) / 1000).toFixed(1)} 秒)`);
  console.log(`注意:备份不含数据密钥。没有密钥(${keyHint}),备份中加密的身份证号、银行卡号无法解密;请把密钥另行安全保存。`);
} finally {
  await database.close();
}
