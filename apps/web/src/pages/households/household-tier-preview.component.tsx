import { useEffect, useState } from 'react';
import { Alert, Card, Descriptions, Form, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import type { TierResult } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { householdApi, householdKeys } from '../../api/household.api';
import { formatYuan } from '../../components/money';
import { previewableFacts, type HouseholdFactsValues } from './household-form-values';
import { TIER_COLORS } from './household-labels';

interface HouseholdTierPreviewProps {
  /** the head chosen (建档) or the record's head (修改, 复核) */
  headMemberId: string | undefined;
  householdId?: string;
  /** the latest result, for the caller's confirmation text */
  onResult?: (result: TierResult | null) => void;
}

/** The value, once it has stopped changing for `ms` (compared by its JSON). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const json = JSON.stringify(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(JSON.parse(json) as T), ms);
    return () => window.clearTimeout(timer);
  }, [json, ms]);
  return settled;
}

/**
 * 困难类型试算: asks the server (POST /aid/households/tier-preview) as the form is filled in, so the
 * officer sees the tier and the reason before saving. The rule lives on the server only.
 */
export function HouseholdTierPreview({ headMemberId, householdId, onResult }: HouseholdTierPreviewProps) {
  const form = Form.useFormInstance<HouseholdFactsValues>();
  const values = Form.useWatch((v: HouseholdFactsValues) => v, form);
  const facts = useSettled(previewableFacts(values), 400);
  const body = facts && headMemberId ? { ...facts, headMemberId, ...(householdId ? { householdId } : {}) } : null;
  const preview = useQuery({
    queryKey: [...householdKeys.all, 'tier-preview', body],
    queryFn: ({ signal }) => householdApi.previewTier(body!, signal),
    enabled: body !== null,
    retry: false,
    staleTime: 30_000,
  });
  const result = body ? (preview.data ?? null) : null;
  useEffect(() => onResult?.(result), [result, onResult]);

  let content;
  if (!headMemberId) content = <Typography.Text type="secondary">请先选择户主。</Typography.Text>;
  else if (!body) content = <Typography.Text type="secondary">填写家庭成员、满12个月的收入和致困原因后,系统自动试算困难类型。</Typography.Text>;
  else if (preview.isError) content = <Alert type="error" showIcon title={`无法试算:${errorMessage(preview.error)}`} />;
  else if (!result) content = <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  else {
    content = (
      <>
        {result.eligible && result.tier ? (
          <Tag color={TIER_COLORS[result.tier]} style={{ fontSize: 14, padding: '2px 10px' }} data-testid="tier-preview-tag">
            {result.tierLabel}
          </Tag>
        ) : (
          <Tag data-testid="tier-preview-tag">不符合建档标准</Tag>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          style={{ marginTop: 8 }}
          items={[
            { key: 'pc', label: '人均月收入', children: formatYuan(result.perCapitaMonthlyFen) },
            { key: 'line', label: '低保标准', children: `${formatYuan(result.lineMonthlyFen)}/人·月(${result.lineYear} 年)` },
            { key: 'ratio', label: '为低保标准的', children: `${result.ratio.toFixed(2)} 倍` },
          ]}
        />
        <Alert type={result.eligible ? 'success' : 'warning'} showIcon title={result.reason} description={`标准来源:${result.lineSource}`} data-testid="tier-preview-reason" />
      </>
    );
  }
  return (
    <Card size="small" title="困难类型试算(由系统按低保标准认定,保存时以服务器认定为准)" style={{ marginTop: 8 }} data-testid="tier-preview">
      {content}
    </Card>
  );
}
