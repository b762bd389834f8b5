import type { LegalNoticeStatus } from '@gonghui/contracts';

export const LEGAL_STATUS_COLORS: Record<LegalNoticeStatus, string> = {
  draft: 'default',
  issued: 'blue',
  delivered: 'processing',
  overdue: 'red',
  unsatisfied: 'orange',
  closed: 'success',
  escalated: 'purple',
};

export const LEGAL_HELP =
  '工会劳动法律监督“一函两书”:发现用人单位违反劳动法律法规的,先向企业制发提示函;逾期未回复或整改不到位的,升级为意见书;仍不整改的,向劳动保障行政部门制发建议书提请立案查处。文书按模板起草,签发时按制发单位和年度编文号;送达后按工作日(含法定节假日与调休)计算回复期限,期限由市总、区县总工会在“期限设置”中配置(未设置时:意见书15个工作日、建议书5个工作日、提示函10个工作日);逾期未回复的,系统每小时检查并提醒制发单位升级。';
