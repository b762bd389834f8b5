import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { formatTime } from '../../app/time';

export interface ScanRecord {
  key: number;
  at: string;
  ok: boolean;
  /** member and activity on success; the reason otherwise */
  text: string;
}

/** 本次签到记录: this session's scans, newest first (kept in the page only). */
export function CheckInHistory({ records }: { records: readonly ScanRecord[] }) {
  const ok = records.filter((r) => r.ok).length;
  const failed = records.length - ok;
  return (
    <Card size="small" title={`本次签到记录(成功 ${ok} 人${failed > 0 ? `,未成功 ${failed} 次` : ''})`} data-testid="check-in-history">
      {records.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未签到" />
      ) : (
        <Flex vertical gap={6} style={{ maxHeight: 360, overflowY: 'auto' }}>
          {records.map((r) => (
            <Flex key={r.key} gap={8} align="baseline" data-testid="check-in-history-item">
              <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                {formatTime(r.at, 'HH:mm:ss')}
              </Typography.Text>
              <Tag color={r.ok ? 'green' : 'red'}>{r.ok ? '成功' : '未签到'}</Tag>
              <span>{r.text}</span>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
