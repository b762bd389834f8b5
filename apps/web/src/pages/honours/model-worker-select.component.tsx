import type { ModelWorkerListItem } from '@gonghui/contracts';
import { modelWorkerApi, modelWorkerKeys } from '../../api/model-worker.api';
import { SearchSelect, type SearchSelectProps } from '../../components/search-select.component';

const query = (q: string) => ({ q: q || undefined, alive: 'alive' as const, pageSize: 20 });
const SOURCE = {
  queryKey: (q: string) => modelWorkerKeys.list({ ...query(q), purpose: 'select' }),
  fetch: (q: string) => modelWorkerApi.list(query(q)),
  option: (w: ModelWorkerListItem) => ({ value: w.id, label: `${w.name}(${w.age}岁,${w.districtName}${w.flags.care ? ',关爱对象' : ''})` }),
  placeholder: '输入姓名查找劳模名册中的劳模',
  notFound: '没有匹配的在世劳模',
};

/** Picks a living 劳模 of the user's scope by name (GET /api/honours/model-workers?q=); an antd Form control. */
export function ModelWorkerSelect(props: SearchSelectProps) {
  return <SearchSelect {...props} source={SOURCE} />;
}
