import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { auditApi } from '../../api/audit.api';
import { errorMessage, isApiError } from '../../api/api-client';

/** 校验日志链: asks the server to recompute the hash chain and reports the first broken link. */
export function AuditVerifyButton() {
  const { modal, message } = App.useApp();
  const verify = useMutation({
    mutationFn: auditApi.verify,
    onSuccess: (answer) => {
      const content = (
        <div data-testid="audit-verify-result">
          <p>{answer.message}</p>
          {answer.message.includes(String(answer.checked)) ? null : <p>已校验 {answer.checked} 条记录。</p>}
          {answer.firstBrokenId ? <p>首个断裂的记录编号:{answer.firstBrokenId}</p> : null}
        </div>
      );
      if (answer.ok) modal.success({ title: '日志链完整', content, okText: '知道了' });
      else modal.error({ title: '日志链校验未通过', content, okText: '知道了' });
    },
    onError: (error) => {
      if (!(isApiError(error) && error.status === 403)) void message.error(errorMessage(error));
    },
  });
  return (
    <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      校验日志链
    </Button>
  );
}
