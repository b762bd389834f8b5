import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Radio, Result, Space, Tag, Typography } from 'antd';
import { RATING_DIMENSIONS, RATING_DIMENSION_LABELS, RATING_LEVELS, RATING_LEVEL_LABELS, RATING_UNIT_CATEGORY_LABELS, type RatingDimension, type RatingSheet } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import type { RatingAnswerBody } from '../api/rating.api';

type Draft = Partial<Record<RatingDimension, number>> & { comment?: string; replyRequested?: boolean; contact?: string };

interface Props {
  sheet: RatingSheet;
  submit: (answers: RatingAnswerBody[]) => Promise<unknown>;
}

/** The rating sheet: every unit on the three dimensions × five levels, an optional comment and reply request. */
export function MobileRatingSheet({ sheet, submit }: Props) {
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(sheet.submitted);
  const set = (unitId: string, patch: Draft) => setDrafts((d) => ({ ...d, [unitId]: { ...d[unitId], ...patch } }));
  const missing = sheet.units.filter((u) => RATING_DIMENSIONS.some((d) => !drafts[u.id]?.[d]));
  if (done) return <Result status="success" title="感谢您的参与" subTitle={`您已完成${sheet.title}的测评。`} data-testid="rating-done" />;
  const onSubmit = async () => {
    if (missing.length) {
      setError(`还有 ${missing.length} 个单位未评完:${missing.slice(0, 3).map((u) => u.name).join('、')}${missing.length > 3 ? '…' : ''}`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submit(sheet.units.map((u) => ({ unitId: u.id, attitude: drafts[u.id]!.attitude!, integrity: drafts[u.id]!.integrity!, effect: drafts[u.id]!.effect!, comment: drafts[u.id]?.comment, replyRequested: !!drafts[u.id]?.replyRequested, contact: drafts[u.id]?.contact })));
      setDone(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size={12}>
      <Alert type="info" showIcon message={`${sheet.title}(${sheet.groupName})`} description={`请对以下 ${sheet.units.length} 个单位逐一评价,${sheet.endsOn} 截止。每人只能提交一次。`} />
      {sheet.units.map((u, i) => (
        <Card key={u.id} size="small" title={`${i + 1}. ${u.name}`} extra={<Tag>{RATING_UNIT_CATEGORY_LABELS[u.category]}</Tag>} data-testid={`rating-unit-${i}`}>
          {RATING_DIMENSIONS.map((d) => (
            <div key={d} style={{ marginBottom: 8 }}>
              <Typography.Text type="secondary">{RATING_DIMENSION_LABELS[d]}</Typography.Text>
              <Radio.Group size="small" value={drafts[u.id]?.[d]} onChange={(e) => set(u.id, { [d]: e.target.value as number })} data-testid={`rating-${i}-${d}`} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
                {RATING_LEVELS.map((l) => (
                  <Radio.Button key={l} value={l}>{RATING_LEVEL_LABELS[l]}</Radio.Button>
                ))}
              </Radio.Group>
            </div>
          ))}
          <Input.TextArea rows={2} maxLength={500} placeholder="意见建议(选填)" value={drafts[u.id]?.comment} onChange={(e) => set(u.id, { comment: e.target.value })} />
          <Checkbox style={{ marginTop: 6 }} checked={!!drafts[u.id]?.replyRequested} onChange={(e) => set(u.id, { replyRequested: e.target.checked })}>需要该单位回复</Checkbox>
          {drafts[u.id]?.replyRequested ? <Input style={{ marginTop: 6 }} maxLength={40} placeholder="联系电话或邮箱(仅用于答复)" value={drafts[u.id]?.contact} onChange={(e) => set(u.id, { contact: e.target.value })} /> : null}
        </Card>
      ))}
      {error ? <Alert type="error" showIcon message={error} data-testid="rating-error" /> : null}
      <Button type="primary" block size="large" loading={busy} onClick={() => void onSubmit()} data-testid="rating-submit">提交测评</Button>
    </Space>
  );
}
