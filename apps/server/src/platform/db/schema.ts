/** The one Drizzle schema: every table of the platform and its modules. */
export * from '../org/org.schema.js';
export * from '../auth/auth.schema.js';
export * from '../access/access.schema.js';
export * from '../audit/audit.schema.js';
export * from '../jobs/job.schema.js';
export * from './settings.schema.js';
export * from '../files/file.schema.js';
export * from '../import-export/import.schema.js';
export * from '../../modules/enterprises/enterprise.schema.js';
export * from '../../modules/members/member.schema.js';
export * from '../../modules/coverage/coverage.schema.js';
