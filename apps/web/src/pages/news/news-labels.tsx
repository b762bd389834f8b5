import { Tag } from 'antd';
import { NEWS_CATEGORIES, NEWS_SCOPE_LABELS, NEWS_STATUSES, NEWS_STATUS_LABELS, type NewsScope, type NewsStatus } from '@gonghui/contracts';

export const CATEGORY_OPTIONS = NEWS_CATEGORIES.map((c) => ({ value: c.code, label: c.label }));
export const STATUS_OPTIONS = NEWS_STATUSES.map((s) => ({ value: s, label: NEWS_STATUS_LABELS[s] }));
export const SCOPE_OPTIONS = (Object.keys(NEWS_SCOPE_LABELS) as NewsScope[]).map((s) => ({ value: s, label: NEWS_SCOPE_LABELS[s] }));

const COLORS: Record<NewsStatus, string> = { draft: 'default', in_review: 'processing', returned: 'warning', published: 'success', withdrawn: 'default' };

export function NewsStatusTag({ status }: { status: NewsStatus }) {
  return <Tag color={COLORS[status]} data-testid="news-status">{NEWS_STATUS_LABELS[status]}</Tag>;
}

/** Who reviews an article (the help text of the list and the editor). */
export const REVIEW_RULE = '稿件由撰稿单位的上级工会审核后发布:基层工会的稿件由所在街道(乡镇)总工会审核,没有街道的由区县(市)总工会审核;街道的由区县(市)总工会审核;区县(市)的由市总工会审核;市总工会的稿件由市总工会本级审核。退回须写明原因,已发布的稿件可由撰稿单位或上级工会撤下(须写明原因)。';
