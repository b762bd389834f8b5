import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<span data-testid="page-title">页面不存在</span>}
      subTitle="您访问的页面不存在或已被移除。"
      extra={
        <Button type="primary" onClick={() => void navigate(home)}>
          返回首页
        </Button>
      }
    />
  );
}
