import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { MutualAidPeriod } from '@gonghui/contracts';
import { mutualAidApi, mutualAidKeys } from '../../api/mutual-aid.api';

/** The periods and the one chosen (from the address, else the period in force, else the newest), with its select. */
export function usePeriodChoice(chosen: string | null, onChange: (id: string) => void, allowAll = false) {
  const list = useQuery({ queryKey: mutualAidKeys.periods, queryFn: mutualAidApi.periods, staleTime: 60_000 });
  const periods: MutualAidPeriod[] = list.data?.items ?? [];
  const fallback = allowAll ? undefined : (periods.find((p) => p.stage === 'active') ?? periods[0])?.id;
  const periodId = chosen && periods.some((p) => p.id === chosen) ? chosen : fallback;
  const periodSelect = (
    <Select
      aria-label="年度"
      loading={list.isPending}
      value={periodId}
      allowClear={allowAll}
      placeholder={allowAll ? '全部年度' : '选择年度'}
      onChange={(v: string | undefined) => onChange(v ?? '')}
      options={periods.map((p) => ({ value: p.id, label: p.name }))}
      style={{ width: 220 }}
    />
  );
  return { periods, periodId, periodSelect };
}
