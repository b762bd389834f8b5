import { z } from 'zod';
import { attachmentSchema } from './attachment.schema.js';
import { timelineEntrySchema } from './workflow.schema.js';

/** 宣传 categories (configurable: add a code and its label here; the server and the UI read this list). */
export const NEWS_CATEGORIES = [
  { code: 'work', label: '工作动态' },
  { code: 'grassroots', label: '基层风采' },
  { code: 'model_worker', label: '劳模故事' },
  { code: 'craftsman', label: '工匠风采' },
  { code: 'rights', label: '维权在线' },
  { code: 'policy', label: '政策解读' },
] as const;
export const NEWS_CATEGORY_CODES = NEWS_CATEGORIES.map((c) => c.code) as [string, ...string[]];
export const newsCategoryLabel = (code: string): string => NEWS_CATEGORIES.find((c) => c.code === code)?.label ?? code;

/** 草稿 → 待审核 → 已发布 / 退回(原因) → 已撤回 (withdrawn before publishing, or taken down after). */
export const NEWS_STATUSES = ['draft', 'in_review', 'returned', 'published', 'withdrawn'] as const;
export type NewsStatus = (typeof NEWS_STATUSES)[number];
export const NEWS_STATUS_LABELS: Record<NewsStatus, string> = { draft: '草稿', in_review: '待审核', returned: '退回', published: '已发布', withdrawn: '已撤回' };

export const NEWS_SCOPES = ['public', 'members'] as const;
export type NewsScope = (typeof NEWS_SCOPES)[number];
export const NEWS_SCOPE_LABELS: Record<NewsScope, string> = { public: '公开(所有人可见)', members: '仅本单位及下级工会会员' };

/** 封面图: one JPG or PNG. */
export const NEWS_COVER_TYPES = ['cover'] as const;
export const NEWS_COVER_ACCEPT = '.jpg,.jpeg,.png';

const fields = {
  title: z.string({ error: '请填写标题' }).trim().min(4, { error: '标题至少4个字' }).max(60, { error: '标题不能超过60个字' }),
  category: z.enum(NEWS_CATEGORY_CODES, { error: '请选择栏目' }),
  summary: z.string().trim().max(200, { error: '摘要不能超过200个字' }),
  body: z.string({ error: '请填写正文' }).trim().min(20, { error: '正文至少20个字' }).max(20000, { error: '正文不能超过20000个字' }),
  author: z.string({ error: '请填写作者' }).trim().min(2, { error: '作者至少2个字' }).max(30, { error: '作者不能超过30个字' }),
  publishScope: z.enum(NEWS_SCOPES, { error: '请选择发布范围' }),
  pinned: z.boolean(),
};

export const newsCreateBodySchema = z.object({ ...fields, summary: fields.summary.default(''), pinned: fields.pinned.default(false) });
export type NewsCreateBody = z.infer<typeof newsCreateBodySchema>;
export const newsUpdateBodySchema = z.object(fields).partial();

/** submit / withdraw (writer), approve = 发布 / return = 退回 with a reason (reviewer), take_down = 撤下已发布 with a reason. */
export const NEWS_ACTIONS = ['submit', 'withdraw', 'approve', 'return', 'take_down'] as const;
export const newsActionBodySchema = z.object({
  action: z.enum(NEWS_ACTIONS, { error: '操作不正确' }),
  opinion: z.string().trim().max(500, { error: '意见不能超过500个字' }).optional(),
});

export const newsListQuerySchema = z.object({
  box: z.enum(['all', 'inbox'], { error: 'box 应为 all 或 inbox' }).default('all'),
  category: z.enum(NEWS_CATEGORY_CODES, { error: '栏目不正确' }).optional(),
  status: z.enum(NEWS_STATUSES, { error: '状态不正确' }).optional(),
  orgId: z.uuid({ error: '单位编号格式不正确' }).optional(),
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
  q: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type NewsListQuery = z.infer<typeof newsListQuerySchema>;

export const newsFeedQuerySchema = z.object({
  category: z.enum(NEWS_CATEGORY_CODES, { error: '栏目不正确' }).optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(10),
});
export type NewsFeedQuery = z.infer<typeof newsFeedQuerySchema>;

export const newsAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  canApprove: z.boolean(),
  canReturn: z.boolean(),
  canTakeDown: z.boolean(),
  canUpload: z.boolean(),
});

const listFields = {
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  summary: z.string(),
  author: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  publishScope: z.enum(NEWS_SCOPES),
  pinned: z.boolean(),
  status: z.enum(NEWS_STATUSES),
  statusLabel: z.string(),
  publishedAt: z.string().nullable(),
  viewCount: z.number().int(),
  coverFileId: z.string().nullable(),
  updatedAt: z.string(),
};

export const newsListItemSchema = z.object({ ...listFields, reviewerOrgName: z.string().nullable() });
export type NewsListItem = z.infer<typeof newsListItemSchema>;

export const newsArticleSchema = z.object({
  ...listFields,
  body: z.string(),
  cover: z.array(attachmentSchema),
  reviewerOrgName: z.string().nullable(),
  returnReason: z.string().nullable(),
  takeDownReason: z.string().nullable(),
  createdByName: z.string().nullable(),
  timeline: z.array(timelineEntrySchema),
  abilities: newsAbilitiesSchema,
});
export type NewsArticle = z.infer<typeof newsArticleSchema>;

/** What readers see (public page and members' feed): no workflow, no abilities. */
export const newsFeedItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  summary: z.string(),
  author: z.string(),
  orgName: z.string(),
  pinned: z.boolean(),
  publishedAt: z.string(),
  viewCount: z.number().int(),
  coverUrl: z.string().nullable(),
});
export type NewsFeedItem = z.infer<typeof newsFeedItemSchema>;
export const newsReadSchema = newsFeedItemSchema.extend({ body: z.string(), membersOnly: z.boolean() });
export type NewsRead = z.infer<typeof newsReadSchema>;
