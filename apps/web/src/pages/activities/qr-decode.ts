import jsQR from 'jsqr';

/** Largest side an image is scaled to before decoding (phone photos are 4000px; the code needs far less). */
const MAX_SIDE = 1600;

function pixelsOf(source: CanvasImageSource, width: number, height: number, canvas: HTMLCanvasElement): ImageData | null {
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, width, height);
  return ctx.getImageData(0, 0, width, height);
}

function decodeAt(source: CanvasImageSource, srcWidth: number, srcHeight: number, maxSide: number, canvas: HTMLCanvasElement, thorough: boolean): string | null {
  if (srcWidth === 0 || srcHeight === 0) return null;
  const scale = Math.min(1, maxSide / Math.max(srcWidth, srcHeight));
  const width = Math.max(1, Math.round(srcWidth * scale));
  const height = Math.max(1, Math.round(srcHeight * scale));
  const image = pixelsOf(source, width, height, canvas);
  if (!image) return null;
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: thorough ? 'attemptBoth' : 'dontInvert' });
  return found?.data ? found.data : null;
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(file);
  return new Promise<HTMLImageElement>((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('无法读取该图片,请换一张 JPG 或 PNG 图片'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

/** Reads a QR code from an uploaded picture in the browser (drawn to a canvas, decoded by jsQR); null when none is found. */
export async function decodeQrImage(file: Blob): Promise<string | null> {
  const img = await loadImage(file);
  const canvas = document.createElement('canvas');
  const w = img.naturalWidth;
  const h = img.naturalHeight;
  // first at a moderate size; a blurry or small code sometimes reads better smaller, so try that too
  return decodeAt(img, w, h, MAX_SIDE, canvas, true) ?? (Math.max(w, h) > 800 ? decodeAt(img, w, h, 800, canvas, true) : null);
}

/** Reads a QR code from the current frame of a playing video (camera scanning); null when none is in view. */
export function decodeQrFrame(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  if (video.readyState < video.HAVE_CURRENT_DATA) return null;
  return decodeAt(video, video.videoWidth, video.videoHeight, 720, canvas, false);
}
