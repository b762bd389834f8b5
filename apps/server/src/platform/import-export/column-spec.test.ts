import { describe, expect, it } from 'vitest';
import { columnLetter, mapHeader, normalizeHeader, rowToRecord, type ColumnSpec } from './column-spec.js';

const specs: ColumnSpec[] = [
  { key: 'name', label: '姓名', required: true },
  { key: 'idNo', label: '身份证号', required: true, aliases: ['身份证', '公民身份号码'] },
  { key: 'phone', label: '手机号', required: false, aliases: ['联系电话'] },
];

describe('header mapping', () => {
  it('finds columns by label or alias, in any order, ignoring unknown columns and template markers', () => {
    const m = mapHeader(['备注', '*身份证', ' 姓 名（必填）', '联系电话'], specs);
    expect(m).toEqual({ ok: true, index: { idNo: 1, name: 2, phone: 3 } });
  });

  it('leaves optional columns out when absent, and rows become records with "" for them', () => {
    const m = mapHeader(['姓名', '公民身份号码'], specs);
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    expect(rowToRecord(['张三'], m.index, specs)).toEqual({ name: '张三', idNo: '', phone: '' });
  });

  it('names row 1 and each missing required column', () => {
    expect(mapHeader(['手机号', '备注'], specs)).toEqual({
      ok: false,
      errors: [
        { row: 1, column: '姓名', message: '缺少必填列“姓名”,请使用导入模板的表头' },
        { row: 1, column: '身份证号', message: '缺少必填列“身份证号”,请使用导入模板的表头' },
      ],
    });
  });

  it('refuses a column given twice, naming both places', () => {
    const m = mapHeader(['姓名', '身份证号', '手机号', '联系电话'], specs);
    expect(m).toEqual({ ok: false, errors: [{ row: 1, column: '手机号', message: '列“手机号”重复出现(第 C、D 列),请只保留一列' }] });
  });

  it('treats garbage as a header with every required column missing', () => {
    const m = mapHeader(['\u0001\u0002', 'PK', '������'], specs, 3);
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.errors.map((e) => [e.row, e.column])).toEqual([[3, '姓名'], [3, '身份证号']]);
  });

  it('normalises full-width forms and names columns like Excel', () => {
    expect(normalizeHeader('ＩＤ　号*')).toBe('id号');
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
