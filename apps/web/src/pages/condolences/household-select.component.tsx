import type { HouseholdListItem } from '@gonghui/contracts';
import { householdApi, householdKeys } from '../../api/household.api';
import { SearchSelect, type SearchSelectProps } from '../../components/search-select.component';

const query = (q: string) => ({ q: q || undefined, status: 'current' as const, pageSize: 20 });
const SOURCE = {
  queryKey: (q: string) => householdKeys.list({ ...query(q), purpose: 'select' }),
  fetch: (q: string) => householdApi.list(query(q)),
  option: (h: HouseholdListItem) => ({ value: h.id, label: `${h.headName}(${h.orgName})` }),
  placeholder: '输入户主姓名查找困难职工档案',
  notFound: '没有找到困难职工档案',
};

/** Picks an open 困难职工 household of the user's scope by the head's name, 拼音 or 身份证号; an antd Form control. */
export function HouseholdSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} source={SOURCE} />;
}
