import { App, Button, Flex, Image, Popconfirm, Typography, Upload } from 'antd';
import { DeleteOutlined, PictureOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { ATTACHMENT_MAX_BYTES, NEWS_COVER_ACCEPT, type NewsArticle } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { newsApi } from '../../api/news.api';

/** 封面图: one JPG or PNG through the platform's attachment routes (the server checks the bytes). */
export function NewsCover({ article, onChange }: { article: NewsArticle; onChange: (next: NewsArticle) => void }) {
  const { message } = App.useApp();
  const cover = article.cover[0];
  const editable = article.abilities.canUpload;
  const upload = useMutation({ mutationFn: (f: File) => newsApi.cover.upload(article.id, 'cover', f), onSuccess: (n) => { onChange(n); void message.success('封面已上传'); }, onError: (e) => void message.error(errorMessage(e)) });
  const remove = useMutation({ mutationFn: (fileId: string) => newsApi.cover.remove(article.id, fileId), onSuccess: onChange, onError: (e) => void message.error(errorMessage(e)) });
  const pick = (f: File) => {
    if (f.size > ATTACHMENT_MAX_BYTES) void message.error('封面图不能超过 10 MB');
    else upload.mutate(f);
    return Upload.LIST_IGNORE;
  };
  return (
    <Flex gap={12} align="center" wrap data-testid="news-cover">
      {cover ? <Image src={newsApi.cover.href(article.id, cover.fileId)} alt="封面图" width={200} style={{ borderRadius: 6 }} /> : <Typography.Text type="secondary">暂无封面图</Typography.Text>}
      {editable && !cover ? (
        <Upload accept={NEWS_COVER_ACCEPT} showUploadList={false} beforeUpload={pick}>
          <Button icon={<PictureOutlined />} loading={upload.isPending}>上传封面图</Button>
        </Upload>
      ) : null}
      {editable && cover ? (
        <Popconfirm title="删除封面图?" okText="删除" cancelText="取消" onConfirm={() => remove.mutate(cover.fileId)}>
          <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>删除封面</Button>
        </Popconfirm>
      ) : null}
      {editable ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>JPG 或 PNG,不超过 10 MB,建议横图 16:9</Typography.Text> : null}
    </Flex>
  );
}
