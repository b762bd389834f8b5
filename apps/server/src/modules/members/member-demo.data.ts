/** Names and places for realistic demo members (Hangzhou). */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '沈', '钱', '蒋', '俞', '金', '方', '叶', '汪', '单', '欧阳', '诸葛', '楼', '应', '裘'];
export const GIVEN_MALE = ['建国', '建华', '志强', '伟', '杰', '磊', '军', '勇', '涛', '明', '超', '斌', '浩然', '宇轩', '子豪', '国平', '海峰', '晓东', '立新', '文斌', '俊杰', '鹏', '鑫', '家豪', '振华'];
export const GIVEN_FEMALE = ['丽', '芳', '敏', '静', '燕', '娟', '艳', '霞', '婷', '雪', '海燕', '丽华', '晓红', '秀英', '玉兰', '佳怡', '欣怡', '梦琪', '雨涵', '思雨', '美玲', '春梅', '慧', '洁', '娜娜'];
/** Issuing places of 身份证 numbers: Hangzhou districts (old and new codes) and the provinces many migrant workers come from. */
export const REGION_CODES = ['330102', '330103', '330104', '330105', '330106', '330108', '330109', '330110', '330122', '330127', '330182', '340102', '342201', '362101', '412701', '511302', '522101', '430521', '330521', '331003'];
export const SKILL = ['初级工', '中级工', '高级工', '技师', '高级技师'] as const;
export const EDU = ['初中及以下', '高中/中专', '大专', '本科', '硕士'] as const;

/** Uncovered enterprises: the organising targets (未建会企业) per district division code. */
export const UNORGANISED: Record<string, { name: string; employees: number; industry: string; platform?: boolean }[]> = {
  '330102': [
    { name: '杭州湖滨餐饮管理有限公司', employees: 86, industry: '住宿和餐饮业' },
    { name: '杭州清河坊文创商贸有限公司', employees: 32, industry: '批发和零售业' },
    { name: '杭州望江物业服务有限公司', employees: 140, industry: '房地产业' },
    { name: '杭州南宋御街小吃店', employees: 12, industry: '住宿和餐饮业' },
    { name: '杭州闪送同城配送有限公司', employees: 260, industry: '交通运输、仓储和邮政业', platform: true },
  ],
  '330106': [
    { name: '杭州西溪网络科技有限公司', employees: 58, industry: '信息传输、软件和信息技术服务业' },
    { name: '杭州文三路电子商行', employees: 18, industry: '批发和零售业' },
    { name: '杭州之江网约车服务有限公司', employees: 410, industry: '交通运输、仓储和邮政业', platform: true },
  ],
  '330108': [{ name: '杭州长河智能装备有限公司', employees: 95, industry: '制造业' }],
  '330109': [{ name: '杭州萧山纺织印染有限公司', employees: 220, industry: '制造业' }],
  '330110': [{ name: '杭州仓前跨境电商有限公司', employees: 64, industry: '批发和零售业' }],
};
