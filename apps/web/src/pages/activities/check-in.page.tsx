import { useCallback, useRef, useState, type ChangeEvent } from 'react';
import { Button, Card, Col, Divider, Flex, Form, Input, Row, Typography, type InputRef } from 'antd';
import { PictureOutlined, ScanOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CheckInResult } from '@gonghui/contracts';
import { activityApi, activityKeys } from '../../api/activity.api';
import { errorMessage } from '../../api/api-client';
import { PageTitle } from '../../components/page-title.component';
import { cameraAvailable, CheckInCamera } from './check-in-camera.component';
import { CheckInHistory, type ScanRecord } from './check-in-history.component';
import { CheckInOutcomeView, type CheckInOutcome } from './check-in-result.component';

const HISTORY_SIZE = 50;

/** 扫码签到: the member's QR code read by a handheld scanner (typed in), from a photo, or by the camera. */
export function CheckInPage() {
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null);
  const [history, setHistory] = useState<ScanRecord[]>([]);
  const [decoding, setDecoding] = useState(false);
  const inputRef = useRef<InputRef>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const remember = useCallback((ok: boolean, text: string) => {
    seq.current += 1;
    const record: ScanRecord = { key: seq.current, at: new Date().toISOString(), ok, text };
    setHistory((h) => [record, ...h].slice(0, HISTORY_SIZE));
  }, []);

  const fail = useCallback(
    (message: string) => {
      setOutcome({ ok: false, message });
      remember(false, message);
    },
    [remember],
  );

  const checkIn = useMutation({
    mutationFn: (scanned: string) => activityApi.checkIn(scanned),
    onSuccess: (r: CheckInResult) => {
      setOutcome({ ok: true, result: r });
      remember(true, `${r.memberName}(${r.orgName})· ${r.offeringTitle}`);
      setCode('');
      void queryClient.invalidateQueries({ queryKey: activityKeys.all });
    },
    onError: (error) => fail(errorMessage(error)),
    onSettled: () => inputRef.current?.focus(),
  });

  const submit = useCallback(
    (raw: string) => {
      const value = raw.trim();
      if (!value) {
        fail('请扫描或输入签到码');
        return;
      }
      if (checkIn.isPending) return;
      checkIn.mutate(value);
    },
    [checkIn, fail],
  );

  const onImage = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same picture may be chosen again
    if (!file) return;
    setDecoding(true);
    try {
      // jsQR (≈45 KB) is downloaded only when a picture or the camera is used
      const { decodeQrImage } = await import('./qr-decode');
      const found = await decodeQrImage(file);
      if (found) submit(found);
      else fail('图片中没有识别到二维码,请上传清晰、完整的签到二维码图片');
    } catch (error) {
      fail(errorMessage(error));
    } finally {
      setDecoding(false);
    }
  };

  return (
    <>
      <PageTitle title="扫码签到" />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small">
            <Typography.Paragraph type="secondary">
              会员在手机端「我的报名」中出示签到二维码。可用扫码枪扫描(自动填入并提交),也可手工输入签到码、上传二维码图片,或打开摄像头扫码。只有报名成功的会员可以签到,每人只能签到一次。
            </Typography.Paragraph>
            <Form layout="vertical" onFinish={() => submit(code)}>
              <Form.Item label="签到码" htmlFor="check-in-code">
                <Flex gap={8}>
                  <Input
                    id="check-in-code"
                    ref={inputRef}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    placeholder="扫描或输入签到码"
                    maxLength={100}
                    autoFocus
                    autoComplete="off"
                    allowClear
                    data-testid="check-in-code"
                  />
                  <Button type="primary" htmlType="submit" icon={<ScanOutlined />} loading={checkIn.isPending} data-testid="check-in-submit">
                    签到
                  </Button>
                </Flex>
              </Form.Item>
            </Form>
            <Divider plain style={{ margin: '8px 0 16px' }}>
              或
            </Divider>
            <Flex gap={8} wrap align="flex-start">
              <input ref={fileRef} type="file" accept="image/*" hidden onChange={(e) => void onImage(e)} data-testid="check-in-image" aria-label="上传二维码图片" />
              <Button icon={<PictureOutlined />} loading={decoding} onClick={() => fileRef.current?.click()}>
                上传二维码图片
              </Button>
              {cameraAvailable() ? (
                <div style={{ flex: '1 1 240px' }}>
                  <CheckInCamera onCode={submit} paused={checkIn.isPending} />
                </div>
              ) : null}
            </Flex>
            <CheckInOutcomeView outcome={outcome} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <CheckInHistory records={history} />
        </Col>
      </Row>
    </>
  );
}
