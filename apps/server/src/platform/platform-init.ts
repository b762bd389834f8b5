import pino from 'pino';
import type { AppConfig } from '../config/config.js';
import { databaseIsEmpty, type Database } from './db/db-connection.js';
import { getSetting, setSetting } from './db/settings.repository.js';
import { FieldCrypto } from './crypto/field-crypto.js';
import { loadDataKey } from './crypto/data-key.js';
import { JobRunner } from './jobs/job-runner.js';
import type { AppContext } from './app-context.js';
import { ensureBuiltinRoles, ensureCityTree, ensurePlatformAccounts } from '../seed/bootstrap.js';
import { seedDemo } from '../seed/demo-seed.js';
import { retireDemoPasswords } from '../seed/demo-retire.js';
import '../modules/module-seeds.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../seed/demo-orgs.data.js';
import { randomPassword } from './auth/password.js';
import { registerJobHandlers } from '../modules/module-jobs.js';
import { registerWorkflowJobs } from './workflow/workflow-jobs.js';
import { registerTrackingJobs } from './tracking/tracking-sweep.js';
import { registerEnrolmentJobs } from './enrolment/enrolment-jobs.js';

export interface InitResult {
  ctx: Omit<AppContext, 'log'>;
  /** lines to print once at start (passwords, demo accounts, key file) */
  notices: string[];
}

/**
 * Everything between an open database and a running server: the data key, the demo decision,
 * built-in roles, the city tree, the platform accounts and (in demo mode) the demo data.
 */
export async function initPlatform(config: AppConfig, database: Database): Promise<InitResult> {
  const notices: string[] = [];
  const { db } = database;
  const key = loadDataKey({ dataKey: config.dataKey, keyFile: config.keyFile, dataDir: config.dataDir });
  const crypto = new FieldCrypto(key.key);
  const storedCheck = await getSetting<string>(db, 'crypto.keyCheck');
  if (storedCheck && !crypto.sameKeyCheck(storedCheck)) {
    throw new Error('数据密钥与数据库不匹配:请设置正确的 GONGHUI_DATA_KEY 或 GONGHUI_KEY_FILE(密钥丢失则加密字段无法恢复)');
  }
  if (key.origin === 'generated') {
    notices.push(`已生成数据密钥 ${key.file}(权限 0600)。请妥善备份:没有它,备份中的身份证号等加密字段无法恢复。`);
  }

  const empty = await databaseIsEmpty(db);
  const wasDemo = await getSetting<boolean>(db, 'runtime.demo');
  let demo = config.demo ?? wasDemo;
  if (demo === null) demo = empty && database.kind === 'pglite';
  await setSetting(db, 'runtime.demo', demo);
  if (!storedCheck) await setSetting(db, 'crypto.keyCheck', crypto.keyCheck());
  const mfa = config.mfa ?? !demo;
  if (!mfa && !demo) notices.push('警告:GONGHUI_MFA=off 关闭了双因素认证,仅供演示使用,生产环境请勿关闭。');

  await ensureBuiltinRoles(db);
  const cityId = await ensureCityTree(db, config.city);
  const password = config.adminPassword ?? (demo ? DEMO_PASSWORD : randomPassword());
  const created = await ensurePlatformAccounts(db, cityId, password, !config.adminPassword && !demo);
  if (!demo && wasDemo === true) notices.push(...(await retireDemoPasswords(db, password)));
  if (created.length && !config.adminPassword && !demo) {
    notices.push(`已创建平台管理账号 ${created.join('、')},初始密码(只显示这一次,首次登录须修改):${password}`);
  }
  if (demo && (await seedDemo(db, crypto))) {
    notices.push('演示模式:已写入演示数据。演示账号(密码均为 ' + DEMO_PASSWORD + '):');
    for (const a of [{ username: 'sysadmin', note: '系统管理员' }, { username: 'secadmin', note: '安全管理员' }, { username: 'auditor', note: '审计管理员' }, ...DEMO_ACCOUNTS]) {
      notices.push(`  ${a.username.padEnd(12)} ${a.note}`);
    }
    if (config.adminPassword) notices.push('  (sysadmin / secadmin / auditor 使用 GONGHUI_ADMIN_PASSWORD)');
  }

  const jobLog = pino({ level: config.logLevel });
  const jobs = new JobRunner(db, jobLog);
  registerWorkflowJobs(jobs);
  registerEnrolmentJobs(jobs);
  registerTrackingJobs(jobs);
  registerJobHandlers(jobs, { crypto });
  return { ctx: { db, dbKind: database.kind, config, crypto, runtime: { demo, mfa }, jobs }, notices };
}
