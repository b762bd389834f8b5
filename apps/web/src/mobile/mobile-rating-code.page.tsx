import { useState } from 'react';
import { Alert, Button, Card, Input, Typography } from 'antd';
import type { RatingSheet } from '@gonghui/contracts';
import { errorMessage } from '../api/api-client';
import { ratingApi } from '../api/rating.api';
import { MobileRatingSheet } from './mobile-rating-sheet.component';

/** The public rating page reached from the SMS (no login): enter the one-time code, then rate each unit. */
export function MobileRatingCodePage() {
  const [code, setCode] = useState('');
  const [sheet, setSheet] = useState<RatingSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const enter = async () => {
    setBusy(true);
    setError(null);
    try {
      setSheet(await ratingApi.enterCode(code));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={4} style={{ textAlign: 'center', color: '#c8161d' }}>满意不满意单位评选</Typography.Title>
      {sheet ? (
        <MobileRatingSheet sheet={sheet} submit={(answers) => ratingApi.submitByCode(code, answers)} />
      ) : (
        <Card>
          <Typography.Paragraph>请输入短信中收到的测评码(10位,不区分大小写)。测评码仅限使用一次。</Typography.Paragraph>
          <Input size="large" placeholder="例如 ABCD-EFG-HJK" value={code} maxLength={20} onChange={(e) => setCode(e.target.value)} onPressEnter={() => void enter()} data-testid="rating-code-input" />
          {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon message={error} data-testid="rating-code-error" /> : null}
          <Button style={{ marginTop: 12 }} type="primary" block size="large" loading={busy} disabled={code.trim().length < 6} onClick={() => void enter()} data-testid="rating-code-enter">开始测评</Button>
        </Card>
      )}
    </div>
  );
}
