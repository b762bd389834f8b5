import { OWNERSHIPS, type Enterprise } from '@gonghui/contracts';
import type { ImportColumn } from '../../components/import-dialog.component';

export const OWNERSHIP_OPTIONS = OWNERSHIPS.map((value) => ({ value, label: value }));

export type EnterpriseTab = 'all' | 'ununionised' | 'review';
export const ENTERPRISE_TABS: readonly { key: EnterpriseTab; label: string }[] = [
  { key: 'all', label: '全部企业' },
  { key: 'ununionised', label: '未建会企业' },
  { key: 'review', label: '待核实信用代码' },
];

export function isEnterpriseTab(value: string | null): value is EnterpriseTab {
  return value === 'all' || value === 'ununionised' || value === 'review';
}

export type EnterpriseKindFlag = 'nonPublic' | 'socialOrganisation' | 'platformCompany';
export const ENTERPRISE_FLAGS: readonly { key: EnterpriseKindFlag; label: string; short: string; color: string }[] = [
  { key: 'nonPublic', label: '非公有制企业', short: '非公', color: 'cyan' },
  { key: 'socialOrganisation', label: '社会组织', short: '社会组织', color: 'purple' },
  { key: 'platformCompany', label: '平台企业(新就业形态)', short: '平台企业', color: 'magenta' },
];

export const ENTERPRISE_STATUS_LABELS: Record<string, string> = { active: '正常', closed: '已注销/关闭' };

export const REVIEW_LABELS: Record<NonNullable<Enterprise['creditCodeReviewStatus']>, { text: string; color: string }> = {
  pending: { text: '待核实', color: 'orange' },
  confirmed: { text: '已核实', color: 'green' },
  rejected: { text: '核实不符', color: 'red' },
};

export const ENTERPRISE_IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: '企业名称', required: true, note: '与营业执照一致' },
  { name: '统一社会信用代码', required: true, note: '18位;校验位不符的代码不能批量导入,请逐个登记并说明理由' },
  { name: '行政区划代码', required: true, note: '6位数字,如 330106' },
  { name: '职工人数', required: true, note: '整数' },
  { name: '工会组织编码', note: '已建会的,填覆盖该企业的基层工会(含联合工会)编码;未建会留空' },
  { name: '地址', note: '' },
  { name: '行业', note: '国民经济行业门类,如 制造业' },
  { name: '所有制', note: OWNERSHIPS.join('、') },
  { name: '非公企业', note: '填“是”或“否”' },
  { name: '社会组织', note: '填“是”或“否”' },
  { name: '平台企业', note: '新就业形态平台企业,填“是”或“否”' },
];
