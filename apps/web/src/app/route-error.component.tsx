import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Shown when a page fails to render or its code cannot be loaded (e.g. after a new release). */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? '页面不存在' : '页面加载失败'}
      subTitle={notFound ? '您访问的页面不存在。' : '可能是系统已更新或网络不稳定,请刷新页面后重试。'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
