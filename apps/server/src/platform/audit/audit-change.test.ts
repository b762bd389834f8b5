import { describe, expect, it } from 'vitest';
import { changeDetail } from './audit-change.js';
import { redactDetail } from './audit.service.js';

describe('changeDetail: the before/after of an edit for its audit row', () => {
  it('keeps only the changed keys, compared as stable JSON, Dates as ISO strings', () => {
    const before = { name: '张建国', tags: { a: 1, b: 2 }, on: new Date('2026-01-02T03:04:05Z'), note: null, same: [1, 2] };
    const after = { name: '张建民', tags: { b: 2, a: 1 }, on: new Date('2026-02-02T00:00:00Z'), note: '新备注', same: [1, 2], skipped: undefined };
    expect(changeDetail(before, after)).toEqual({
      before: { name: '张建国', on: '2026-01-02T03:04:05.000Z', note: null },
      after: { name: '张建民', on: '2026-02-02T00:00:00.000Z', note: '新备注' },
    });
  });

  it('limits the comparison to the keys given, a missing old value counting as null', () => {
    expect(changeDetail({ a: 1, b: 1 }, { a: 2, b: 2, c: 3 }, ['a', 'c'])).toEqual({ before: { a: 1, c: null }, after: { a: 2, c: 3 } });
    expect(changeDetail({ a: 1 }, { a: 1 })).toEqual({ before: {}, after: {} });
  });
});

describe('redactDetail masks personal numbers at any depth, before/after included', () => {
  it('masks idCard, phone and bank account under before/after, from/to and suffixed names', () => {
    const idCard = '330106198001011234';
    const out = redactDetail({
      ...changeDetail({ phone: '13812345678', idCard: null }, { phone: '13987654321', idCard }),
      contactPhone: { from: '13811112222', to: '13833334444' },
      nested: { deeper: { memberIdCard: idCard, callerPhone: '057187654321', phones: ['13800001111'], bankAccount: '6222020200112233445' } },
    });
    const text = JSON.stringify(out);
    for (const full of [idCard, '13812345678', '13987654321', '13811112222', '13833334444', '057187654321', '13800001111', '6222020200112233445']) {
      expect(text).not.toContain(full);
    }
    expect(out).toMatchObject({ before: { phone: '138****5678' }, after: { phone: '139****4321', idCard: '3301**********1234' }, contactPhone: { from: '138****2222' } });
  });
});
