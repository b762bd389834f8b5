import { Alert, Button, Card, Result, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { activityApi, activityKeys } from '../../api/activity.api';
import { ApiError, errorMessage } from '../../api/api-client';
import { PageTitle } from '../../components/page-title.component';
import { ActivityActions } from './activity-actions.component';
import { ActivityEnrolments } from './activity-enrolments.component';
import { ActivityFigures } from './activity-figures.component';
import { ActivityInfo } from './activity-info.component';
import { ActivityLottery } from './activity-lottery.component';
import { ActivityQuotas } from './activity-quotas.component';

/** 活动详情: facts and rules, figures, the lottery result, quotas and the roster; actions by the server's abilities. */
export function ActivityDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery({ queryKey: activityKeys.detail(id), queryFn: () => activityApi.get(id), enabled: !!id });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/activities')}>
      返回活动列表
    </Button>
  );

  if (detail.isPending) return <Skeleton active />;
  if (detail.isError) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 422)) {
      return <Result status="404" title="活动不存在或不在您的数据范围内" extra={back} />;
    }
    return <Alert type="error" showIcon title={errorMessage(detail.error)} action={back} />;
  }
  const a = detail.data;

  return (
    <>
      <PageTitle
        title={a.title}
        extra={
          <>
            {back}
            <ActivityActions activity={a} />
          </>
        }
      />
      {a.status === 'draft' ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="草稿:会员还看不到该活动,核对无误后请点击「发布」。" /> : null}
      {a.status === 'cancelled' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="活动已取消,全部报名已随之取消。" /> : null}
      {a.mode === 'lottery' && a.status === 'published' && !a.lottery && a.phase === 'closed' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`报名已截止,${a.pendingLottery} 人待抽签。${a.abilities.canDraw ? '请点击「抽签」。' : '待主办单位抽签。'}`} />
      ) : null}
      <ActivityInfo activity={a} />
      <ActivityFigures activity={a} />
      {a.lottery ? <ActivityLottery activity={a} lottery={a.lottery} /> : null}
      <Card size="small" title="名额分配" style={{ marginBottom: 16 }}>
        <ActivityQuotas quotas={a.quotas} />
      </Card>
      <Card size="small" title="报名名单">
        <ActivityEnrolments activity={a} />
      </Card>
    </>
  );
}
