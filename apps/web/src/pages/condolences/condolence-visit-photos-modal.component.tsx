import { useState } from 'react';
import { Alert, App, Modal, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONDOLENCE_PHOTO_MAX_FILES, type CondolenceVisit } from '@gonghui/contracts';
import { errorMessage } from '../../api/api-client';
import { condolenceApi, condolenceKeys } from '../../api/condolence.api';
import { AttachmentList } from '../../components/attachment-list.component';
import { AttachmentUpload } from '../../components/attachment-upload.component';

/** 慰问照片 of one visit: open, add (JPG, PNG or PDF) and remove, as the visit's abilities allow. */
export function CondolenceVisitPhotosModal({ visit, onClose }: { visit: CondolenceVisit | null; onClose: () => void }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [current, setCurrent] = useState<CondolenceVisit | null>(null);
  const shown = current && visit && current.id === visit.id ? current : visit;
  const done = (next: CondolenceVisit) => {
    setCurrent(next);
    void client.invalidateQueries({ queryKey: condolenceKeys.all });
  };
  const upload = useMutation({ mutationFn: (file: File) => condolenceApi.photos.upload(visit?.id ?? '', 'photo', file), onSuccess: (v) => (done(v), void message.success('照片已上传')) });
  const remove = useMutation({ mutationFn: (fileId: string) => condolenceApi.photos.remove(visit?.id ?? '', fileId), onSuccess: done });
  const error = upload.error ?? remove.error;
  if (!shown) return null;
  const canEdit = shown.abilities.canEditPhotos;
  return (
    <Modal open title={`慰问照片:${shown.personName}(${shown.visitedOn})`} footer={null} onCancel={onClose}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon title={errorMessage(error)} /> : null}
        <AttachmentList items={shown.photos} labelOf={() => '照片'} href={(fileId) => condolenceApi.photos.href(shown.id, fileId)} onRemove={canEdit ? (id) => remove.mutate(id) : undefined} removing={remove.isPending ? (remove.variables ?? null) : null} />
        {canEdit && shown.photos.length < CONDOLENCE_PHOTO_MAX_FILES ? (
          <AttachmentUpload options={[{ value: 'photo' as const, label: '慰问照片' }]} initialType="photo" busy={upload.isPending} onPick={(_t, f) => upload.mutate(f)} />
        ) : null}
      </Space>
    </Modal>
  );
}
