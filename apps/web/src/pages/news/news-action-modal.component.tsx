import type { NewsArticle } from '@gonghui/contracts';
import { newsApi, type NewsAction } from '../../api/news.api';
import { OpinionActionModal, type OpinionActionText } from '../../components/opinion-action-modal.component';

const TEXT: Record<NewsAction, OpinionActionText> = {
  submit: { title: '提交审核', ok: '提交', required: false, note: '提交后由上级工会审核,审核期间不能修改。' },
  approve: { title: '审核发布', ok: '发布', required: false, note: '发布后立即出现在新闻公开页(公开稿件)和会员手机端。' },
  return: { title: '退回修改', ok: '退回', required: true },
  withdraw: { title: '撤回稿件', ok: '撤回', required: false, danger: true, note: '撤回后稿件不再审核,也不能再提交。' },
  take_down: { title: '撤下已发布稿件', ok: '撤下', required: true, danger: true, note: '撤下后公开页和会员手机端都不再显示该稿件。' },
};

interface Props {
  article: NewsArticle;
  action: NewsAction | null;
  onClose: () => void;
  onDone: (next: NewsArticle) => void;
}

/** A review action with its opinion (a reason is required for 退回 and 撤下: the writer sees it). */
export function NewsActionModal({ article, action, onClose, onDone }: Props) {
  return <OpinionActionModal record={article} action={action} texts={TEXT} audience="撰稿单位" name="news-action-form" maxLength={500} run={(a, opinion) => newsApi.act(article.id, a, opinion)} onClose={onClose} onDone={onDone} />;
}
