import { Flex, Spin } from 'antd';

export function FullPageSpin({ description = '加载中…' }: { description?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" description={description} />
    </Flex>
  );
}
