/**
 * The published figures the demo city is calibrated to, transcribed from data/published-statistics.csv
 * (published.test.ts checks that this constant and the CSV agree). Money in 元 per person per year.
 */
export const PUBLISHED = {
  /** 城镇/农村常住居民人均可支配收入, 辽阳市统计公报 2018 and 2023 figures. */
  disposableIncome: {
    urban: { 2018: 32222, 2023: 39378 },
    rural: { 2018: 14873, 2023: 21381 },
    all: { 2023: 32671 },
  },
  /** growth on 2017 published with the 2018 figures */
  growth2018: { urban: 0.067, rural: 0.068 },
  /** 农村贫困人口 (2010 prices, 2,300 元 line), 2018 */
  ruralPoor2018: 1650,
  /** 最低生活保障人数 2018 */
  dibao2018: { total: 72000, urban: 23000, rural: 49000 },
  /** 第七次全国人口普查 常住人口 */
  population2020: 1604580,
  population2010: 1858768,
  /** 城镇化率 2018 (%) */
  urbanisation2018: 62.41,
  /** 户籍人口年龄结构 2018 (persons) */
  hukouAges2018: { '0-17': 214000, '18-34': 336000, '35-59': 754000, '60+': 450000 },
  /** 地区生产总值 2023 (亿元) by county */
  countyGdp2023: {
    '211004': 233.3, // 宏伟区
    '211081': 163.4, // 灯塔市
    '211002': 161.44, // 白塔区
    '211021': 154.3, // 辽阳县
    '211005': 77.03, // 弓长岭区
    '211003': 66.57, // 文圣区
    '211011': 54.0, // 太子河区
  } as Record<string, number>,
  /** 全国居民人均可支配收入五等份 (low … high), 国家统计局 */
  nationalQuintiles: {
    2015: [5221, 11894, 19320, 29438, 54544],
    2018: [6440, 14361, 23189, 36471, 70640],
    2023: [9215, 20442, 32195, 50220, 95055],
  } as Record<number, [number, number, number, number, number]>,
  nationalMean: { 2015: 21966, 2018: 28228, 2023: 39218 } as Record<number, number>,
  /** 农村贫困标准 nominal (2010 prices 2,300 元) as given in the CSV note */
  povertyLineNominal: { 2014: 2800, 2015: 2855, 2016: 2952, 2019: 3218, 2020: 4000 } as Record<number, number>,
} as const;

/**
 * National quintile group means divided by the national per-capita mean (the shape the demo
 * follows). The groups are of equal households, so the five means average more than the mean.
 */
export function nationalQuintileRatios(year: 2015 | 2018 | 2023): number[] {
  return PUBLISHED.nationalQuintiles[year].map((v) => v / PUBLISHED.nationalMean[year]);
}
