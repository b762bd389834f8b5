/** 杭州 / 杭州市 → 杭州市总工会 (the federation's name from system info's cityName). */
export function federationName(cityName: string | undefined): string {
  if (!cityName) return '工会工作平台';
  return `${cityName.endsWith('市') ? cityName : `${cityName}市`}总工会`;
}
