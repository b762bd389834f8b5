import { maskBankAccount, maskIdCard, maskPhone, parseIdCard } from '@gonghui/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { hmacIdCard, hmacPhone, nameSearchFields } from './member-search.js';
import type { members } from './member.schema.js';

type MemberInsert = typeof members.$inferInsert;

/** The stored form of a member's identity: encrypted, keyed-hashed, masked, and the derived fields. */
export function identityColumns(crypto: FieldCrypto, input: { name: string; idCard: string }): Pick<MemberInsert, 'name' | 'namePinyin' | 'nameInitials' | 'nameGrams' | 'idCardEnc' | 'idCardHmac' | 'idCardMasked' | 'gender' | 'birthDate'> {
  const parsed = parseIdCard(input.idCard);
  if (!parsed.ok) throw new Error(parsed.message);
  const id = parsed.id;
  return {
    name: input.name,
    ...nameSearchFields(input.name),
    idCardEnc: crypto.encrypt(id.value),
    idCardHmac: hmacIdCard(crypto, id.value),
    idCardMasked: maskIdCard(id.value),
    gender: id.gender,
    birthDate: id.birthDate,
  };
}

export function phoneColumns(crypto: FieldCrypto, phone: string | null): Pick<MemberInsert, 'phoneEnc' | 'phoneHmac' | 'phoneMasked' | 'phoneTail'> {
  if (!phone) return { phoneEnc: null, phoneHmac: null, phoneMasked: null, phoneTail: null };
  return { phoneEnc: crypto.encrypt(phone), phoneHmac: hmacPhone(crypto, phone), phoneMasked: maskPhone(phone), phoneTail: phone.slice(-4) };
}

export function bankColumns(crypto: FieldCrypto, account: string | null): Pick<MemberInsert, 'bankAccountEnc' | 'bankAccountMasked'> {
  if (!account) return { bankAccountEnc: null, bankAccountMasked: null };
  return { bankAccountEnc: crypto.encrypt(account), bankAccountMasked: maskBankAccount(account) };
}
