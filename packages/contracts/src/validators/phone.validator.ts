/** Mainland mobile numbers: 1[3-9] followed by 9 digits. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

export function isValidMobile(input: string): boolean {
  return MOBILE_PATTERN.test(input.trim());
}
