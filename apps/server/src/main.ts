import { loadConfig } from './config/config.js';
import { openDatabase } from './platform/db/db-connection.js';
import { DataDirLockedError } from './platform/db/data-dir-lock.js';
import { initPlatform } from './platform/platform-init.js';
import { buildApp } from './app.js';

const VACUUM_EVERY_MS = 6 * 3600_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const { ctx, notices } = await initPlatform(config, database);
  const app = await buildApp(ctx);
  for (const line of notices) console.log(line);
  if (config.runJobs) ctx.jobs.start();
  const vacuum = database.kind === 'pglite' ? setInterval(() => void database.vacuum().catch(() => undefined), VACUUM_EVERY_MS) : null;
  vacuum?.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, '正在停止');
    if (vacuum) clearInterval(vacuum);
    await ctx.jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = database.kind === 'pglite' ? `内嵌数据库 ${config.dataDir}` : 'PostgreSQL';
  console.log(`工会工作平台已启动: http://localhost:${config.port} (${where}${ctx.runtime.demo ? ',演示模式' : ''})`);
}

main().catch((e: unknown) => {
  if (e instanceof DataDirLockedError) console.error(e.message);
  else console.error('启动失败:', e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});
