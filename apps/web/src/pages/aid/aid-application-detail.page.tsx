import { useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import type { AidApplication } from '@gonghui/contracts';
import { aidApi } from '../../api/aid.api';
import { ApiError, errorMessage } from '../../api/api-client';
import { queryKeys } from '../../api/query-keys';
import { PageTitle } from '../../components/page-title.component';
import { ReviewTimeline } from '../../components/review-timeline.component';
import { AidActionModal } from './aid-action-modal.component';
import { EvidencePanel } from './aid-evidence-panel.component';
import { attachmentLinkOf } from './aid-evidence-rules';
import { AidActions, type AidDialog } from './aid-actions.component';
import { AidEditModal } from './aid-edit-modal.component';
import { AidApplicationInfo, AidWorkflowInfo, HomeVisitInfo, PayoutInfo } from './aid-info.component';
import { pendingText } from './aid-labels';
import { DisburseModal } from './disburse-modal.component';
import { HomeVisitModal } from './home-visit-modal.component';
import { useAidChanged } from './use-aid-changed.hook';
import { useAidSettings } from './use-aid-settings.hook';

function Hints({ app }: { app: AidApplication }) {
  const needsVisit = app.abilities.canApprove && app.workflow.stepKey === 'district_review' && !app.homeVisit;
  return (
    <>
      {app.doubleAidWarnings.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="double-aid-warning"
          title="重复救助提示:该职工或其家庭本年度已获得以下帮扶,请核实后再审核"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {app.doubleAidWarnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {needsVisit ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="复审前须先登记入户调查(并由申请人签署收入核查授权书),之后才能同意。" /> : null}
      {app.status === 'returned' && app.abilities.canEdit ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title="该申请已退回:请按办理记录中的意见修改后重新提交。" /> : null}
    </>
  );
}

/** 帮扶申请详情: the case, its workflow state and timeline, and the actions its abilities allow. */
export function AidApplicationDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<AidDialog | null>(null);
  const detail = useQuery({ queryKey: queryKeys.aidApplication(id), queryFn: () => aidApi.get(id), staleTime: 0 });
  const settings = useAidSettings();
  const changed = useAidChanged();
  const app = detail.data;
  const close = () => setDialog(null);

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/aid/applications')}>
      返回列表
    </Button>
  );
  if (detail.isPending) {
    return (
      <>
        <PageTitle title="帮扶申请详情" extra={back} />
        <Skeleton active paragraph={{ rows: 10 }} />
      </>
    );
  }
  if (detail.isError || !app) {
    return (
      <>
        <PageTitle title="帮扶申请详情" extra={back} />
        {detail.error instanceof ApiError && detail.error.status === 404 ? (
          <Empty description="帮扶申请不存在或无权查看" />
        ) : (
          <Alert type="error" showIcon title={errorMessage(detail.error)} />
        )}
      </>
    );
  }

  return (
    <>
      <PageTitle title={`帮扶申请:${app.memberName}`} extra={back} />
      <Hints app={app} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <AidActions app={app} onOpen={setDialog} />
        {Object.values(app.abilities).every((v) => !v) ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>当前没有需要您办理的操作</span> : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <AidWorkflowInfo app={app} />
          <AidApplicationInfo app={app} />
          <Card size="small" title="证明材料" style={{ marginBottom: 16 }}>
            <EvidencePanel app={app} api={aidApi.evidence} onChanged={changed} />
          </Card>
          <HomeVisitInfo app={app} />
          <PayoutInfo app={app} />
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="办理记录">
            <ReviewTimeline entries={app.timeline} pending={pendingText(app)} attachmentLink={attachmentLinkOf(app, aidApi.evidence)} />
          </Card>
        </Col>
      </Row>
      <AidActionModal app={app} action={dialog?.kind === 'action' ? dialog.action : null} settings={settings.data} onClose={close} />
      <AidEditModal app={app} open={dialog?.kind === 'edit'} onClose={close} />
      <HomeVisitModal app={app} open={dialog?.kind === 'visit'} onClose={close} />
      <DisburseModal app={app} open={dialog?.kind === 'disburse'} onClose={close} />
    </>
  );
}
