import { Alert, Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { memberActivityApi, memberActivityKeys } from '../api/activity-member.api';
import { ApiError, errorMessage } from '../api/api-client';

/** 签到二维码 (H5): the member shows it to the staff at the door; only a confirmed place has one. */
export function MobileCheckInCodePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const code = useQuery({ queryKey: memberActivityKeys.checkInCode(id), queryFn: () => memberActivityApi.checkInCode(id), staleTime: 0, retry: false });
  const back = (
    <Button block style={{ marginTop: 12 }} onClick={() => void navigate(`/m/activities/${id}`)}>
      返回活动详情
    </Button>
  );
  const title = (
    <Typography.Title level={5} style={{ margin: '4px 4px 12px' }} data-testid="page-title">
      签到二维码
    </Typography.Title>
  );

  if (code.isPending) return <>{title}<Skeleton active /></>;
  if (code.isError) {
    return (
      <>
        {title}
        {code.error instanceof ApiError && code.error.status === 404 ? (
          <Empty description="报名成功后才有签到二维码" />
        ) : (
          <Alert type="error" showIcon title={errorMessage(code.error)} />
        )}
        {back}
      </>
    );
  }
  const c = code.data;
  return (
    <>
      {title}
      <Card size="small" style={{ textAlign: 'center' }}>
        <Typography.Text strong style={{ display: 'block', fontSize: 16 }} data-testid="check-in-title">
          {c.title}
        </Typography.Text>
        <Typography.Text style={{ display: 'block', fontSize: 15, marginTop: 4 }} data-testid="check-in-member">
          {c.memberName}
        </Typography.Text>
        {/* the server draws this SVG with the qrcode library from the code alone: no user text in it */}
        <div
          data-testid="check-in-qr"
          style={{ width: '100%', maxWidth: 300, aspectRatio: '1 / 1', margin: '12px auto', lineHeight: 0 }}
          dangerouslySetInnerHTML={{ __html: c.qrSvg }}
        />
        <Typography.Paragraph strong style={{ margin: 0 }}>
          请向工作人员出示此二维码
        </Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 11, wordBreak: 'break-all' }} data-testid="check-in-code-text">
          {c.code}
        </Typography.Text>
      </Card>
      {back}
    </>
  );
}
