import { ConsentField } from '../../components/consent-field.component';

const DOCUMENT = '《医疗互助个人健康信息使用授权》';
const CONSENT_TEXT =
  '为审核医疗互助申请,工会需要收集、使用会员的诊断、病历、医疗费用发票等健康信息及银行账户,并可能向医院、医保部门核实。' +
  '上述信息仅用于本次申请的核算、审核、公示(姓名脱敏)、发放和档案管理,不作其他用途。' +
  '根据《个人信息保护法》第二十九条,处理敏感个人信息须取得会员的单独同意。';

/**
 * The claimant's separate consent to the use of their health data (security.md 16), required when a claim
 * is filed: staff confirm the member's signed form; on H5 the member reads the text and agrees.
 */
export function ClaimConsentField({ staff = false }: { staff?: boolean }) {
  return staff ? (
    <ConsentField
      document={DOCUMENT}
      label={`已取得申请人签字的${DOCUMENT}`}
      message={`代为申请须取得申请人签字的${DOCUMENT}`}
      extra="申请涉及诊断、病历、医疗费用等健康信息,须由会员本人书面单独同意(个人信息保护法第二十九条),授权书由工会留存。"
      testId="ma-consent"
    />
  ) : (
    <ConsentField document={DOCUMENT} text={CONSENT_TEXT} label={`我已阅读并单独同意${DOCUMENT}`} message={`请阅读并同意${DOCUMENT}`} testId="ma-consent" />
  );
}
