import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';

interface PageTitleProps {
  title: string;
  extra?: ReactNode;
}

/** The page heading (found by browser tests as `page-title`); also names the browser tab. */
export function PageTitle({ title, extra }: PageTitleProps) {
  useEffect(() => {
    document.title = `${title} - 工会工作平台`;
  }, [title]);
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
        {title}
      </Typography.Title>
      {extra ? <Flex gap={8} wrap>{extra}</Flex> : null}
    </Flex>
  );
}
