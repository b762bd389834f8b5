import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { queryRows, type Db, type DbKind } from './db-connection.js';

/**
 * A logical backup that works the same on PGlite and PostgreSQL (and across them): gzipped
 * JSON lines, one header, then per table a header and its rows as row_to_json text, read from
 * one REPEATABLE READ snapshot through a cursor (never the whole table in memory).
 */
interface TableInfo {
  name: string;
  columns: string[];
  pk: string[];
}

const FETCH = 2000;
const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export async function listTables(db: Db): Promise<TableInfo[]> {
  const rows = await queryRows<{ name: string; columns: string[] | string; pk: string[] | string | null }>(
    db,
    sql`SELECT c.relname AS name,
          (SELECT json_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
            WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
          (SELECT json_agg(a.attname ORDER BY array_position(i.indkey::int2[], a.attnum)) FROM pg_index i
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
            WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const arr = (v: string[] | string | null): string[] => (v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
  return rows.map((r) => ({ name: r.name, columns: arr(r.columns), pk: arr(r.pk) }));
}

async function sequenceValues(db: Db): Promise<{ name: string; value: string | null }[]> {
  return queryRows<{ name: string; value: string | null }>(db, sql`SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public'`);
}

async function migrationTags(db: Db): Promise<string[]> {
  const rows = await queryRows<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`);
  return rows.map((r) => r.hash);
}

export interface TableSummary {
  table: string;
  rows: number;
  checksum: string;
}

/** Row count and md5 over the rows in key order, per table: what a restore must reproduce. */
export async function summarise(db: Db): Promise<TableSummary[]> {
  const out: TableSummary[] = [];
  for (const t of await listTables(db)) {
    const order = t.pk.length ? sql.join(t.pk.map(ident), sql`, `) : sql.raw('1');
    const [r] = await queryRows<{ n: number; md5: string | null }>(
      db,
      sql`SELECT count(*)::int AS n, md5(string_agg(row_to_json(x)::text, E'\n' ORDER BY ${order})) AS md5 FROM ${ident(t.name)} x`,
    );
    out.push({ table: t.name, rows: r?.n ?? 0, checksum: r?.md5 ?? '' });
  }
  return out;
}

export async function backupTo(db: Db, kind: DbKind, file: string): Promise<TableSummary[]> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  const counts: TableSummary[] = [];
  await db.transaction(
    async (tx) => {
      const tables = await listTables(tx);
      await write(JSON.stringify({ format: 'gonghui-backup', version: 1, createdAt: new Date().toISOString(), source: kind, migrations: await migrationTags(tx), sequences: await sequenceValues(tx), tables: tables.map((t) => t.name) }));
      for (const t of tables) {
        const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM ${ident(t.name)}`);
        await write(JSON.stringify({ table: t.name, columns: t.columns, rows: n }));
        const order = t.pk.length ? sql.join(t.pk.map(ident), sql`, `) : sql.raw('1');
        await tx.execute(sql`DECLARE gh_backup NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${ident(t.name)} x ORDER BY ${order}`);
        for (;;) {
          const rows = await queryRows<{ j: string }>(tx, sql.raw(`FETCH ${FETCH} FROM gh_backup`));
          for (const r of rows) await write(r.j);
          if (rows.length < FETCH) break;
        }
        await tx.execute(sql`CLOSE gh_backup`);
        counts.push({ table: t.name, rows: n, checksum: '' });
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  gzip.end();
  await once(out, 'finish');
  return counts;
}

interface FileHeader {
  format: string;
  version: number;
  migrations: string[];
  sequences: { name: string; value: string | null }[];
}

/**
 * Restores a backup into a database that has the schema (migrations applied) and no data.
 * Foreign-key and audit triggers are suspended for the load (session_replication_role), so it
 * needs the database owner or a superuser; sequences get their backed-up values.
 */
export async function restoreFrom(db: Db, file: string): Promise<TableSummary[]> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iter = lines[Symbol.asyncIterator]();
  const first = await iter.next();
  const header = first.done ? null : (JSON.parse(first.value) as FileHeader);
  if (!header || header.format !== 'gonghui-backup') throw new Error('这不是工会工作平台的备份文件');
  const present = await migrationTags(db);
  const unknown = header.migrations.filter((m) => !present.includes(m));
  if (unknown.length) throw new Error('备份来自更新版本的程序(含本程序没有的数据库迁移),请先升级程序再恢复');
  const tables = new Map((await listTables(db)).map((t) => [t.name, t]));
  const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM orgs`);
  if (n > 0) throw new Error('目标数据库不是空库:请恢复到一个新建的空数据库(或新的数据目录)');
  const counts: TableSummary[] = [];
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    let current: { name: string; columns: string[] } | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const cols = sql.join(current.columns.map(ident), sql`, `);
      await tx.execute(sql`INSERT INTO ${ident(current.name)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(current.name)}, ${'[' + batch.join(',') + ']'}::json)`);
      batch = [];
    };
    for (let next = await iter.next(); !next.done; next = await iter.next()) {
      const line = next.value;
      if (line.startsWith('{"table":')) {
        await flush();
        const h = JSON.parse(line) as { table: string; columns: string[]; rows: number };
        const target = tables.get(h.table);
        if (!target) throw new Error(`备份中的表 ${h.table} 在本程序的数据库中不存在`);
        current = { name: h.table, columns: h.columns.filter((c) => target.columns.includes(c)) };
        // rows a migration put there (reference data such as the cockpit's source list) give way to the backup's
        await tx.execute(sql`DELETE FROM ${ident(h.table)}`);
        counts.push({ table: h.table, rows: h.rows, checksum: '' });
        continue;
      }
      batch.push(line);
      if (batch.length >= 1000) await flush();
    }
    await flush();
    for (const q of header.sequences) {
      if (q.value !== null) await tx.execute(sql`SELECT setval(${q.name}::regclass, ${q.value}::bigint, true)`);
    }
  });
  return counts;
}
