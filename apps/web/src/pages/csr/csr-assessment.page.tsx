import { useMemo } from 'react';
import { Empty } from 'antd';
import { useParams } from 'react-router';
import { CSR_KIND_LABELS } from '@gonghui/contracts';
import { csrAssessmentApi, csrKeys, csrKindOf } from '../../api/csr.api';
import { AssessmentPage } from '../union-homes/assessment.page';
import { AssessmentUseContext, type AssessmentUse } from '../union-homes/assessment-use';

/** A CSR evaluation or 和谐劳动关系企业 application: the shared assessment screen on this kind's routes. */
export function CsrAssessmentPage() {
  const { segment = '' } = useParams();
  const kind = csrKindOf(segment);
  const use = useMemo<AssessmentUse | null>(
    () => (kind ? { api: csrAssessmentApi(kind), keyOf: csrKeys.assessment, allKey: csrKeys.all, title: kind === 'csr' ? '企业社会责任评价' : `${CSR_KIND_LABELS[kind]}创建` } : null),
    [kind],
  );
  if (!use) return <Empty description="页面不存在" />;
  return (
    <AssessmentUseContext.Provider value={use}>
      <AssessmentPage />
    </AssessmentUseContext.Provider>
  );
}
