import type { Writable } from 'node:stream';
import { NEWS_SCOPE_LABELS, NEWS_STATUS_LABELS, newsCategoryLabel, type NewsListQuery, type NewsStatus } from '@gonghui/contracts';
import type { AuthContext } from '../../platform/auth/session.service.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import type { Db } from '../../platform/db/db-connection.js';
import { writeXlsx, type CellValue } from '../../platform/import-export/xlsx-writer.js';
import { countNews, newsRows } from './news-article.repository.js';
import { newsWhere } from './news-article.service.js';

const COLUMNS = [
  { header: '标题', key: 'title', width: 40 },
  { header: '栏目', key: 'category', width: 12 },
  { header: '来源单位', key: 'org', width: 30 },
  { header: '作者', key: 'author', width: 14 },
  { header: '发布范围', key: 'scope', width: 22 },
  { header: '置顶', key: 'pinned', width: 6 },
  { header: '状态', key: 'status', width: 10 },
  { header: '发布时间', key: 'publishedAt', width: 20 },
  { header: '阅读量', key: 'views', width: 10 },
];
const PAGE = 1000;

/** Shanghai wall time of an ISO instant, for the sheet. */
const shanghai = (iso: string | null): string => (iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

/** The filtered article list with view counts as xlsx (the caller's scope), audited with its filters and row count. */
export async function exportNews(db: Db, auth: AuthContext, actor: Actor, q: NewsListQuery): Promise<{ fileName: string; write: (out: Writable) => Promise<number> }> {
  const where = newsWhere(auth, q);
  const total = await countNews(db, where);
  await recordAudit(db, actor, { action: 'data.export', objectType: 'news_article', objectId: 'list', detail: { category: q.category ?? null, status: q.status ?? null, orgId: q.orgId ?? null, from: q.from ?? null, to: q.to ?? null, q: q.q ?? null, rows: total } });
  async function* rows(): AsyncGenerator<Record<string, CellValue>> {
    for (let offset = 0; ; offset += PAGE) {
      const page = await newsRows(db, where, PAGE, offset);
      for (const r of page) {
        yield {
          title: r.title, category: newsCategoryLabel(r.category), org: r.org_name, author: r.author, scope: NEWS_SCOPE_LABELS[r.publish_scope], pinned: r.pinned ? '是' : '',
          status: NEWS_STATUS_LABELS[r.status as NewsStatus], publishedAt: shanghai(r.published_at), views: r.view_count,
        };
      }
      if (page.length < PAGE) return;
    }
  }
  return { fileName: '宣传稿件.xlsx', write: (out) => writeXlsx(out, { name: '宣传稿件', columns: COLUMNS, rows: rows() }) };
}
