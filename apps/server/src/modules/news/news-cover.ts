import type { FastifyInstance, FastifyReply } from 'fastify';
import { NEWS_COVER_TYPES, newsArticleSchema } from '@gonghui/contracts';
import type { AttachmentAccess, AttachmentHost } from '../../platform/files/attachment-list.js';
import { findAttachment } from '../../platform/files/attachment-list.js';
import { registerAttachmentRoutes, sendAttachment } from '../../platform/files/attachment.routes.js';
import { conflict } from '../../platform/http/app-error.js';
import { authOf } from '../../platform/http/request-helpers.js';
import { getNews } from './news-article.service.js';
import { readableArticle, type NewsReader } from './news-feed.service.js';

/** 封面图: one JPG or PNG (checked by its bytes) per article. */
export const NEWS_COVER_HOST: AttachmentHost = {
  table: 'news_articles',
  column: 'cover',
  objectType: 'news_article',
  purpose: 'news.cover',
  maxFiles: 1,
  label: '封面图',
  types: NEWS_COVER_TYPES,
  touch: true,
  kinds: ['jpeg', 'png'],
};

/** Staff: upload, view and remove the cover while the article is a draft or returned. */
export function registerNewsCoverRoutes(app: FastifyInstance, tags: string[]): void {
  const db = app.ctx.db;
  registerAttachmentRoutes(app, {
    host: NEWS_COVER_HOST,
    base: '/api/news',
    segment: 'cover',
    tags,
    view: 'news:article:list',
    change: 'news:article:write',
    who: '撰稿单位(草稿、退回时)',
    access: async (req, id): Promise<AttachmentAccess> => {
      const auth = authOf(req);
      const a = await getNews(db, auth, id);
      const check = () => {
        if (!a.abilities.canUpload) throw conflict('待审核、已发布或已撤回的稿件不能修改封面', 'ILLEGAL_TRANSITION');
      };
      return { orgId: a.orgId, list: a.cover, uploadedBy: `${auth.user.name}(${auth.user.orgName})`, checkUpload: check, checkDelete: check };
    },
    result: (req, id) => getNews(db, authOf(req), id),
    resultSchema: newsArticleSchema,
  });
}

/** A reader's view of a published article's cover (404 when the article is not readable to them). */
export async function sendReadableCover(app: FastifyInstance, reply: FastifyReply, reader: NewsReader, id: string, fileId: string): Promise<FastifyReply> {
  const db = app.ctx.db;
  const row = await readableArticle(db, reader, id);
  const access: AttachmentAccess = { orgId: row.org_id, list: row.cover, uploadedBy: '', checkUpload: () => undefined, checkDelete: () => undefined };
  return sendAttachment(app, reply, await findAttachment(db, NEWS_COVER_HOST, access, fileId));
}
