import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={<span data-testid="page-title">无权访问</span>}
      subTitle="您没有访问此页面的权限。如需开通,请联系本单位管理员。"
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
