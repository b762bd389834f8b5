/**
 * A bundled list of common passwords (lowercase) that meet the length rule but must still be refused.
 * Drawn from widely published leaked-password rankings, plus patterns common in Chinese offices.
 */
const LIST = [
  '1234567890', '0123456789', '12345678910', '123456789a', 'a123456789', 'a1234567890', 'aa123456789',
  'qwertyuiop', 'qwerty12345', 'qwerty123456', '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'zaq12wsxcde3',
  'zxcvbnm123', 'asdfghjkl1', 'asdfghjkl123', 'qazwsxedc123', 'password12', 'password123', 'password1!',
  'password@123', 'password#123', 'p@ssw0rd123', 'p@ssword123', 'passw0rd123', 'passw0rd!23', 'p@ssw0rd!23',
  'admin@12345', 'admin@123456', 'admin123456', 'admin1234567', 'administrator', 'administrator1',
  'abc@123456', 'abc123456789', 'abcd@123456', 'abcd1234567', 'abc12345678', 'iloveyou123', 'iloveyou1!',
  'woaini1314', 'woaini520!', 'woaini1314!', 'qq123456789', 'qq1234567890', 'huawei@123', 'huawei@1234',
  'hangzhou@123', 'hangzhou123', 'zhejiang@123', 'gonghui@123', 'gonghui@1234', 'gonghui123!', 'china@12345',
  'welcome@123', 'welcome123!', 'welcome1234', 'changeme123', 'changeme!23', 'letmein1234', 'sunshine123',
  'football123', 'baseball123', 'monkey12345', 'dragon12345', 'master12345', 'superman123', 'trustno1234',
  'test@123456', 'test1234567', 'testtest123', 'root@123456', 'root1234567', 'user@123456', 'guest@12345',
  'aa123456@', 'qwe@1234567', 'qwe123456789', 'qweasd12345', 'qweasdzxc123', '1234qwer!@#$', '1234qwerasdf',
  'q1w2e3r4t5y6', 'a1b2c3d4e5f6', 'abcdefg12345', 'aaaaaa111111', '11111111111a', '88888888a!',
  'a123456789!', 'a12345678!', 'aa12345678!', 'abc123!@#456', 'p@55w0rd123', 'summer2024!', 'spring2025!',
  'winter2025!', 'autumn2026!', 'hello@12345', 'hello123456', 'welcome2026!', 'password2026', 'password2025',
];

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST);
