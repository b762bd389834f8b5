import { verifyAuditChain } from '../platform/audit/audit-verify.js';
import { openCliDatabase } from './cli-database.js';

const { database } = await openCliDatabase();
try {
  const result = await verifyAuditChain(database.db);
  console.log(result.message);
  if (!result.ok) process.exitCode = 1;
} finally {
  await database.close();
}
