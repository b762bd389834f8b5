import ExcelJS from 'exceljs';
import type { RegisteredRoute } from '../platform/http/fastify-augment.js';
import type { TestApp } from './test-app.js';

/** Export routes of the registry: GET downloads (.xlsx/.csv, /export) and POST …/export jobs; import templates and error reports left out. */
export function exportRoutes(t: TestApp): { downloads: RegisteredRoute[]; jobs: RegisteredRoute[] } {
  const api = t.app.routeRegistry.filter((r) => r.url.startsWith('/api/') && !/\/import/.test(r.url));
  return {
    downloads: api.filter((r) => r.method === 'GET' && /(\.(xlsx|csv)$|\/export)/.test(r.url)),
    jobs: api.filter((r) => r.method === 'POST' && /\/export$/.test(r.url)),
  };
}

/** Every text cell of every sheet of an xlsx (numbers as numbers), or every field of a csv. */
export async function exportedCells(bytes: Buffer, contentType: string): Promise<(string | number)[]> {
  if (/csv/.test(contentType)) return bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).flatMap((line) => line.split(',')).map((f) => f.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: (string | number)[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (typeof v === 'string' || typeof v === 'number') out.push(v);
        else if (v && typeof v === 'object' && 'richText' in v) out.push(v.richText.map((p) => p.text).join(''));
        else if (v !== null && v !== undefined) out.push(String(v));
      });
    });
  }
  return out;
}
