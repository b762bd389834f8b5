import { Alert, Card, Descriptions, Space } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { planApi, planKeys } from '../../api/work-plan.api';
import { PageTitle } from '../../components/page-title.component';
import { TrackingPanel } from '../../components/tracking-panel.component';

/** A key task: each owner org's progress timeline (the owner reports, the issuing union closes). */
export function WorkPlanTaskPage() {
  const { id = '' } = useParams();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: planKeys.task(id), queryFn: () => planApi.task(id) });
  if (q.isError) return <Alert type="error" message={errorMessage(q.error)} />;
  const t = q.data;
  if (!t) return <Card loading />;
  return (
    <>
      <PageTitle title={t.title} />
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="工作计划"><Link to={`/work-plans/${t.planId}`}>{t.planYear}年 {t.planTitle}</Link></Descriptions.Item>
        <Descriptions.Item label="指导原则">{t.principleTitle}</Descriptions.Item>
        {t.description ? <Descriptions.Item label="任务要求">{t.description}</Descriptions.Item> : null}
      </Descriptions>
      <Space direction="vertical" style={{ width: '100%' }}>
        {t.owners.map((o) => (
          <TrackingPanel key={o.id} id={o.id} api={planApi.tracking} queryKey={planKeys.tracking(o.id)} title={o.ownerOrgName} onChanged={() => void qc.invalidateQueries({ queryKey: planKeys.all })} />
        ))}
      </Space>
    </>
  );
}
