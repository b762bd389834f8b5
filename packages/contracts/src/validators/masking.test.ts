import { describe, expect, it } from 'vitest';
import { maskBankAccount, maskIdCard, maskName, maskPhone } from './masking.js';

describe('server-side masking', () => {
  it('keeps the first 4 and last 4 characters of a 身份证号', () => {
    expect(maskIdCard('33010219900101123X')).toBe('3301**********123X');
    expect(maskIdCard('330102900101123')).toBe('3301*******1123');
    expect(maskIdCard('12345678')).toBe('********');
  });

  it('shows a phone as 138****5678', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('057188')).toBe('******');
  });

  it('shows only the last 4 digits of a bank account', () => {
    expect(maskBankAccount('6222021202041234567')).toBe('***************4567');
    expect(maskBankAccount('1234')).toBe('1234');
  });

  it('masks the middle of a name: 张建国 → 张*国, 李四 → 李*', () => {
    expect(maskName('张建国')).toBe('张*国');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });

  it('never returns the full value of anything long enough to identify', () => {
    const id = '33010219900101123X';
    const phone = '13812345678';
    const bank = '6222021202041234567';
    expect(maskIdCard(id)).not.toContain(id.slice(4, 14));
    expect(maskPhone(phone)).not.toContain(phone.slice(3, 7));
    expect(maskBankAccount(bank)).not.toContain(bank.slice(0, 6));
  });
});
