import type { NewsArticle, NewsFeedItem, NewsListItem, NewsRead, Page, newsActionBodySchema, newsCreateBodySchema, newsFeedQuerySchema, newsListQuerySchema, newsUpdateBodySchema } from '@gonghui/contracts';
import { api, buildQuery } from './api-client';
import { attachmentApi } from './attachment.api';
import { fileApi } from './file.api';

type Input<S extends { _input: unknown }> = S['_input'];
type Output<S extends { _output: unknown }> = S['_output'];

export type NewsListQuery = Partial<Output<typeof newsListQuerySchema>>;
export type NewsFilter = Omit<NewsListQuery, 'page' | 'pageSize' | 'box'>;
export type NewsCreateBody = Input<typeof newsCreateBodySchema>;
export type NewsUpdateBody = Input<typeof newsUpdateBodySchema>;
export type NewsAction = Input<typeof newsActionBodySchema>['action'];
export type NewsFeedQuery = Partial<Output<typeof newsFeedQuerySchema>>;

/** Query keys of the news screens (one prefix: a change refreshes lists and details). */
export const newsKeys = {
  all: ['news'] as const,
  list: (query: object) => ['news', 'list', query] as const,
  detail: (id: string) => ['news', 'detail', id] as const,
  publicFeed: (query: object) => ['news', 'public', query] as const,
  publicRead: (id: string) => ['news', 'public-read', id] as const,
  memberFeed: (query: object) => ['news', 'member', query] as const,
  memberRead: (id: string) => ['news', 'member-read', id] as const,
};

const path = (id: string, rest = ''): string => `/news/${encodeURIComponent(id)}${rest}`;

/** 宣传稿件 (staff). */
export const newsApi = {
  list: (query: NewsListQuery): Promise<Page<NewsListItem>> => api.get<Page<NewsListItem>>('/news', { ...query }),
  get: (id: string): Promise<NewsArticle> => api.get<NewsArticle>(path(id)),
  create: (body: NewsCreateBody): Promise<NewsArticle> => api.post<NewsArticle>('/news', body),
  update: (id: string, body: NewsUpdateBody): Promise<NewsArticle> => api.put<NewsArticle>(path(id), body),
  act: (id: string, action: NewsAction, opinion?: string): Promise<NewsArticle> => api.post<NewsArticle>(path(id, '/actions'), { action, opinion }),
  export: (query: NewsFilter): Promise<void> => fileApi.download(`/news/export.xlsx${buildQuery({ ...query })}`, '宣传稿件.xlsx'),
  cover: attachmentApi<NewsArticle, 'cover'>('/news', 'cover'),
};

/** The public news page (no login). */
export const publicNewsApi = {
  list: (query: NewsFeedQuery): Promise<Page<NewsFeedItem>> => api.get<Page<NewsFeedItem>>('/public/news', { ...query }, { authRedirect: false }),
  read: (id: string): Promise<NewsRead> => api.get<NewsRead>(`/public/news/${encodeURIComponent(id)}`, undefined, { authRedirect: false }),
};

/** The members' news feed (H5 `/m`). */
export const memberNewsApi = {
  list: (query: NewsFeedQuery): Promise<Page<NewsFeedItem>> => api.get<Page<NewsFeedItem>>('/m/news', { ...query }),
  read: (id: string): Promise<NewsRead> => api.get<NewsRead>(`/m/news/${encodeURIComponent(id)}`),
};
