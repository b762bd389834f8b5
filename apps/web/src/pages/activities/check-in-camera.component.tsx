import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Space, Typography } from 'antd';
import { CameraOutlined, StopOutlined } from '@ant-design/icons';
import type { decodeQrFrame } from './qr-decode';

/** The same code seen again within this time is the same scan, not a new one. */
const REPEAT_MS = 4000;

export function cameraAvailable(): boolean {
  return typeof navigator !== 'undefined' && !!navigator.mediaDevices && typeof navigator.mediaDevices.getUserMedia === 'function';
}

function cameraError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return '未获得摄像头权限,请在浏览器设置中允许本网站使用摄像头';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到可用的摄像头';
  if (name === 'NotReadableError') return '摄像头被其他程序占用';
  return '无法打开摄像头(须通过 HTTPS 访问),可改用上传二维码图片或输入签到码';
}

interface CheckInCameraProps {
  /** called with each newly seen code */
  onCode: (code: string) => void;
  /** while true, frames are not decoded (a scan is being submitted) */
  paused: boolean;
}

/** 摄像头扫码: the rear camera's frames decoded in the browser with jsQR, until closed. */
export function CheckInCamera({ onCode, paused }: CheckInCameraProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const decodeRef = useRef<typeof decodeQrFrame | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const last = useRef<{ code: string; at: number } | null>(null);
  const onCodeRef = useRef(onCode);
  const pausedRef = useRef(paused);

  useEffect(() => {
    onCodeRef.current = onCode;
    pausedRef.current = paused;
  }, [onCode, paused]);

  useEffect(() => {
    const video = videoRef.current;
    if (!stream || !video) return;
    video.srcObject = stream;
    void video.play().catch(() => undefined);
    let frame = 0;
    const tick = () => {
      const decode = decodeRef.current;
      if (decode && !pausedRef.current) {
        canvasRef.current ??= document.createElement('canvas');
        const code = decode(video, canvasRef.current);
        const now = Date.now();
        if (code && !(last.current && last.current.code === code && now - last.current.at < REPEAT_MS)) {
          last.current = { code, at: now };
          onCodeRef.current(code);
        } else if (code && last.current) {
          last.current.at = now;
        }
      }
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frame);
      stream.getTracks().forEach((t) => t.stop());
      video.srcObject = null;
    };
  }, [stream]);

  const start = async () => {
    setFailure(null);
    setStarting(true);
    try {
      decodeRef.current ??= (await import('./qr-decode')).decodeQrFrame;
      setStream(await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }));
    } catch (error) {
      setFailure(cameraError(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {stream ? (
        <Button icon={<StopOutlined />} onClick={() => setStream(null)} data-testid="check-in-camera-stop">
          关闭摄像头
        </Button>
      ) : (
        <Button icon={<CameraOutlined />} loading={starting} onClick={() => void start()} data-testid="check-in-camera">
          打开摄像头
        </Button>
      )}
      {failure ? <Alert type="warning" showIcon title={failure} /> : null}
      <video ref={videoRef} muted playsInline style={{ display: stream ? 'block' : 'none', width: '100%', maxWidth: 480, borderRadius: 8, background: '#000' }} />
      {stream ? <Typography.Text type="secondary">将会员手机上的签到二维码对准摄像头,识别后自动签到。</Typography.Text> : null}
    </Space>
  );
}
