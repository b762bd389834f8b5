import { restoreFrom } from '../platform/db/backup.js';
import { fileArg, openCliDatabase } from './cli-database.js';

const file = fileArg('用法: npm run db:restore -- 备份文件.jsonl.gz (恢复到空的数据目录或空的 PostgreSQL 数据库)');
const { database, where, keyHint } = await openCliDatabase();
try {
  const tables = await restoreFrom(database.db, file);
  await database.vacuum();
  console.log(`已恢复到 ${where}: ${tables.length} 张表, ${tables.reduce((s, t) => s + t.rows, 0)} 行`);
  console.log(`启动前请确认使用与备份时相同的数据密钥(${keyHint})。`);
} catch (e) {
  console.error('恢复失败,目标数据库未改变:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await database.close();
}
