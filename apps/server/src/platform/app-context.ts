import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config/config.js';
import type { Db, DbKind } from './db/db-connection.js';
import type { FieldCrypto } from './crypto/field-crypto.js';
import type { JobRunner } from './jobs/job-runner.js';

/** What the platform's services share: the database, configuration, keys and the job runner. */
export interface AppContext {
  db: Db;
  dbKind: DbKind;
  config: AppConfig;
  crypto: FieldCrypto;
  /** decided at start from env and the stored settings */
  runtime: { demo: boolean; mfa: boolean };
  jobs: JobRunner;
  log: FastifyBaseLogger;
}
