import { loadConfig } from '../config/config.js';
import { openDatabase, type Database } from '../platform/db/db-connection.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';

/** Opens the configured database for a command-line tool, with a clear message when it is busy. */
export async function openCliDatabase(): Promise<{ database: Database; where: string; keyHint: string }> {
  const config = loadConfig();
  try {
    const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
    const where = database.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    const keyHint = config.dataKey ? '环境变量 GONGHUI_DATA_KEY' : (config.keyFile ?? `${config.dataDir}/gonghui.key`);
    return { database, where, keyHint };
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      console.error(e.message);
      console.error('内嵌数据库的备份/恢复须在服务停止时进行。');
      process.exit(2);
    }
    throw e;
  }
}

export function fileArg(usage: string): string {
  const file = process.argv.slice(2).find((a) => !a.startsWith('-'));
  if (!file) {
    console.error(usage);
    process.exit(2);
  }
  return file;
}
