// Liaoyang's administrative divisions (GB/T 2260 county codes, 9-digit township codes),
// copied from the project's shared data (liaoyang-divisions.csv); the product never reads ../shared.
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';
export interface Division { code: string; name: string; level: DivisionLevel; parentCode: string | null }

export const LIAOYANG_PROVINCE: Division = { code: '210000', name: '辽宁省', level: 'province', parentCode: null };

export const LIAOYANG_DIVISIONS: readonly Division[] = [
  { code: '211000', name: '辽阳市', level: 'prefecture', parentCode: '210000' },
  { code: '211002', name: '白塔区', level: 'county', parentCode: '211000' },
  { code: '211003', name: '文圣区', level: 'county', parentCode: '211000' },
  { code: '211004', name: '宏伟区', level: 'county', parentCode: '211000' },
  { code: '211005', name: '弓长岭区', level: 'county', parentCode: '211000' },
  { code: '211011', name: '太子河区', level: 'county', parentCode: '211000' },
  { code: '211021', name: '辽阳县', level: 'county', parentCode: '211000' },
  { code: '211081', name: '灯塔市', level: 'county', parentCode: '211000' },
  { code: '211002016', name: '文圣街道', level: 'township', parentCode: '211002' },
  { code: '211002017', name: '武圣街道', level: 'township', parentCode: '211002' },
  { code: '211002018', name: '南门街道', level: 'township', parentCode: '211002' },
  { code: '211002019', name: '襄平街道', level: 'township', parentCode: '211002' },
  { code: '211003004', name: '庆阳街道', level: 'township', parentCode: '211003' },
  { code: '211003008', name: '东京陵街道', level: 'township', parentCode: '211003' },
  { code: '211003101', name: '小屯镇', level: 'township', parentCode: '211003' },
  { code: '211003102', name: '罗大台镇', level: 'township', parentCode: '211003' },
  { code: '211004001', name: '工农街道', level: 'township', parentCode: '211004' },
  { code: '211004004', name: '长征街道', level: 'township', parentCode: '211004' },
  { code: '211004101', name: '曙光镇', level: 'township', parentCode: '211004' },
  { code: '211004102', name: '兰家镇', level: 'township', parentCode: '211004' },
  { code: '211005001', name: '苏家街道', level: 'township', parentCode: '211005' },
  { code: '211005003', name: '安平街道', level: 'township', parentCode: '211005' },
  { code: '211005101', name: '汤河镇', level: 'township', parentCode: '211005' },
  { code: '211005201', name: '安平乡', level: 'township', parentCode: '211005' },
  { code: '211011003', name: '铁西街道', level: 'township', parentCode: '211011' },
  { code: '211011101', name: '祁家镇', level: 'township', parentCode: '211011' },
  { code: '211011102', name: '沙岭镇', level: 'township', parentCode: '211011' },
  { code: '211011103', name: '王家镇', level: 'township', parentCode: '211011' },
  { code: '211011204', name: '东宁卫乡', level: 'township', parentCode: '211011' },
  { code: '211021100', name: '首山镇', level: 'township', parentCode: '211021' },
  { code: '211021101', name: '刘二堡镇', level: 'township', parentCode: '211021' },
  { code: '211021103', name: '小北河镇', level: 'township', parentCode: '211021' },
  { code: '211021104', name: '黄泥洼镇', level: 'township', parentCode: '211021' },
  { code: '211021106', name: '唐马寨镇', level: 'township', parentCode: '211021' },
  { code: '211021107', name: '穆家镇', level: 'township', parentCode: '211021' },
  { code: '211021108', name: '柳壕镇', level: 'township', parentCode: '211021' },
  { code: '211021110', name: '河栏镇', level: 'township', parentCode: '211021' },
  { code: '211021111', name: '隆昌镇', level: 'township', parentCode: '211021' },
  { code: '211021112', name: '八会镇', level: 'township', parentCode: '211021' },
  { code: '211021113', name: '寒岭镇', level: 'township', parentCode: '211021' },
  { code: '211021114', name: '兴隆镇', level: 'township', parentCode: '211021' },
  { code: '211021201', name: '下达河乡', level: 'township', parentCode: '211021' },
  { code: '211021202', name: '吉洞峪满族乡', level: 'township', parentCode: '211021' },
  { code: '211021206', name: '甜水满族乡', level: 'township', parentCode: '211021' },
  { code: '211081001', name: '烟台街道', level: 'township', parentCode: '211081' },
  { code: '211081002', name: '万宝桥街道', level: 'township', parentCode: '211081' },
  { code: '211081003', name: '古城街道', level: 'township', parentCode: '211081' },
  { code: '211081101', name: '佟二堡镇', level: 'township', parentCode: '211081' },
  { code: '211081102', name: '铧子镇', level: 'township', parentCode: '211081' },
  { code: '211081103', name: '张台子镇', level: 'township', parentCode: '211081' },
  { code: '211081104', name: '西大窑镇', level: 'township', parentCode: '211081' },
  { code: '211081105', name: '沈旦堡镇', level: 'township', parentCode: '211081' },
  { code: '211081106', name: '西马峰镇', level: 'township', parentCode: '211081' },
  { code: '211081107', name: '柳条寨镇', level: 'township', parentCode: '211081' },
  { code: '211081108', name: '柳河子镇', level: 'township', parentCode: '211081' },
  { code: '211081111', name: '大河南镇', level: 'township', parentCode: '211081' },
  { code: '211081114', name: '五星镇', level: 'township', parentCode: '211081' },
  { code: '211081205', name: '鸡冠山乡', level: 'township', parentCode: '211081' },
];
