/**
 * The source channels a city starts with, as data: seeded once into reg_channels, then edited by
 * an administrator (name, department, sensitivity, column mapping). Header aliases cover the
 * column names the agencies' systems commonly export; a channel whose files differ gets its
 * mapping edited, not new code.
 */
import type { ChannelMappingInput } from './mapping.js';

export interface ChannelSeed {
  code: string;
  name: string;
  department: string;
  description: string;
  sensitive: boolean;
  mapping: ChannelMappingInput;
}

const ID = ['公民身份号码', '身份证号码', '身份证号', '证件号码', '身份证件号码', '纳税人识别号', '证件号', '权利人证件号码', '户主身份证号', '身份证'];
const NAME = ['姓名', '纳税人姓名', '权利人', '权利人姓名', '户主姓名', '参保人姓名', '职工姓名', '客户姓名', '成员姓名'];
const SEX = ['性别'];
const BIRTH = ['出生日期', '出生年月日', '出生年月'];
const PHONE = ['联系电话', '手机号码', '电话', '手机号'];
const ADDRESS = ['家庭住址', '住址', '地址', '居住地址', '联系地址', '户籍地址', '现住址', '坐落', '房屋坐落'];
const REGION = ['行政区划代码', '区划代码', '所属区划代码', '村(社区)代码', '统计用区划代码', '地区代码', '区划'];

const person = { idNumber: ID, name: NAME, sex: SEX, birthDate: BIRTH, phone: PHONE, address: ADDRESS, regionCode: REGION };

export const DEFAULT_CHANNELS: ChannelSeed[] = [
  {
    code: 'tax',
    name: '个人所得税扣缴明细',
    department: '国家税务总局辽阳市税务局',
    description: '扣缴义务人按月报送的个人所得税全员全额扣缴申报明细（CSV，常见为 GB18030 编码）',
    sensitive: true,
    mapping: {
      record: 'income',
      unit: 'yuan',
      fields: {
        ...person,
        residence: ['是否居民个人', '纳税人类型', '居民/非居民', '居民个人'],
        period: ['税款所属期', '所属期', '所属月份', '所得期间', '所得期间起', '税款所属期起', '所属期起', '申报月份'],
        item: ['所得项目', '所得项目名称', '所得类型', '收入类型'],
        amount: ['收入额', '本期收入', '收入', '收入额(元)', '本期收入额'],
        employerCode: ['扣缴义务人纳税人识别号', '扣缴义务人识别号', '扣缴义务人统一社会信用代码', '统一社会信用代码'],
      },
      incomeColumns: [{ column: ['已扣缴税额', '本期已扣缴税额', '应扣缴税额', '本期应预扣预缴税额', '扣缴税额', '税额'], item: 'iit' }],
      values: {
        item: {
          工资薪金所得: 'wage', 工资薪金: 'wage', 正常工资薪金: 'wage', 正常工资薪金所得: 'wage', 全年一次性奖金收入: 'bonus', 全年一次性奖金: 'bonus',
          劳务报酬所得: 'labour_service', 劳务报酬: 'labour_service', 经营所得: 'business', 利息股息红利所得: 'dividends', 利息所得: 'interest',
          股息红利所得: 'dividends', 财产租赁所得: 'rent', 退休金: 'pension', 离退休工资: 'pension',
        },
        residence: { 是: 'resident', 否: 'non_resident', 居民: 'resident', 非居民: 'non_resident' },
      },
    },
  },
  {
    code: 'social_insurance',
    name: '社会保险缴费明细',
    department: '辽阳市社会保险事业服务中心',
    description: '职工社会保险按月缴费明细（XLSX，多行表头）；个人缴费计入转移性支出',
    sensitive: true,
    mapping: {
      record: 'social_insurance',
      unit: 'yuan',
      // one sheet per month is common
      sheet: '*',
      fields: {
        ...person,
        period: ['费款所属期', '缴费所属期', '所属期', '缴费年月', '所属年月', '费款所属期(年月)'],
        base: ['缴费基数', '月缴费基数', '个人缴费基数'],
        employerCode: ['统一社会信用代码', '单位统一社会信用代码', '单位编码'],
        scheme: ['险种', '险种类型'],
        personal: ['个人缴费', '个人缴纳', '个人缴费金额'],
        employer: ['单位缴费', '单位缴纳', '单位缴费金额'],
      },
      schemeColumns: [
        { scheme: 'pension', personal: ['养老保险个人缴费', '养老保险/个人缴费', '养老保险/个人缴纳', '养老保险/个人', '基本养老保险/个人缴费', '养老个人'], employer: ['养老保险单位缴费', '养老保险/单位缴费', '养老保险/单位缴纳', '养老保险/单位', '基本养老保险/单位缴费', '养老单位'] },
        { scheme: 'medical', personal: ['医疗保险个人缴费', '医疗保险/个人缴费', '医疗保险/个人缴纳', '医疗保险/个人', '基本医疗保险/个人缴费', '医疗个人'], employer: ['医疗保险单位缴费', '医疗保险/单位缴费', '医疗保险/单位缴纳', '医疗保险/单位', '基本医疗保险/单位缴费', '医疗单位'] },
        { scheme: 'unemployment', personal: ['失业保险个人缴费', '失业保险/个人缴费', '失业保险/个人缴纳', '失业保险/个人', '失业个人'], employer: ['失业保险单位缴费', '失业保险/单位缴费', '失业保险/单位缴纳', '失业保险/单位', '失业单位'] },
        { scheme: 'housing_fund', personal: ['住房公积金/个人缴存', '住房公积金/个人缴费', '住房公积金/个人', '公积金个人'], employer: ['住房公积金/单位缴存', '住房公积金/单位缴费', '住房公积金/单位', '公积金单位'] },
      ],
      values: {
        scheme: { 养老保险: 'pension', 基本养老保险: 'pension', 企业职工基本养老保险: 'pension', 医疗保险: 'medical', 基本医疗保险: 'medical', 职工基本医疗保险: 'medical', 失业保险: 'unemployment', 工伤保险: 'injury', 生育保险: 'maternity', 住房公积金: 'housing_fund' },
      },
      alsoIncome: 'social_insurance',
    },
  },
  {
    code: 'civil_affairs',
    name: '城乡低保花名册',
    department: '辽阳市民政局',
    description: '城乡最低生活保障对象花名册（XLSX，合并单元格表头）；低保金计入转移性收入',
    sensitive: true,
    mapping: {
      record: 'dibao',
      unit: 'yuan',
      fields: {
        ...person,
        countyName: ['县（市、区）', '县区', '区县', '县(市、区)'],
        townshipName: ['乡镇（街道）', '乡镇街道', '乡镇', '街道'],
        villageName: ['村（社区）', '村社区', '村(居)委会', '社区'],
        householdNo: ['户编号', '低保证号', '家庭编号', '户号', '保障证号'],
        relation: ['与户主关系', '关系'],
        period: ['发放年月', '保障年月', '所属期', '发放月份', '享受年月'],
        year: ['年度', '保障年度'],
        householdSize: ['家庭人口', '保障人口', '家庭人数', '保障人数', '共同生活家庭成员人数'],
        standard: ['保障标准', '低保标准', '月保障标准', '低保标准(元/人/月)'],
        benefit: ['月保障金', '低保金', '月低保金', '保障金额', '月发放金额', '发放金额', '月保障金额'],
      },
      alsoIncome: 'dibao',
      // the roster repeats the household's benefit on every member's row
      householdAmounts: true,
    },
  },
  {
    code: 'real_estate',
    name: '不动产登记信息',
    department: '辽阳市自然资源局（不动产登记中心）',
    description: '不动产登记簿中住宅产权信息（CSV）',
    sensitive: true,
    mapping: {
      record: 'property',
      unit: 'yuan',
      fields: {
        ...person,
        propertyRef: ['不动产权证号', '不动产单元号', '产权证号', '房产证号', '不动产权证书号'],
        area: ['建筑面积', '建筑面积(平方米)', '面积', '房屋面积'],
        value: ['评估价值', '成交价格', '房屋价值', '登记价格', '计税价格', '交易价格', '价格'],
        acquiredOn: ['登记日期', '登记时间', '取得日期', '登簿日期'],
        disposedOn: ['注销日期', '转移日期'],
        kind: ['财产类别'],
      },
      defaults: { kind: 'dwelling' },
    },
  },
  {
    code: 'housing_fund',
    name: '住房公积金缴存明细',
    department: '辽阳市住房公积金管理中心',
    description: '住房公积金按月缴存明细；个人缴存计入转移性支出',
    sensitive: true,
    mapping: {
      record: 'social_insurance',
      unit: 'yuan',
      fields: {
        ...person,
        period: ['缴存年月', '汇缴年月', '所属期'],
        base: ['缴存基数', '缴存工资基数'],
        personal: ['个人月缴存额', '个人缴存额', '个人缴存'],
        employer: ['单位月缴存额', '单位缴存额', '单位缴存'],
        employerCode: ['统一社会信用代码', '单位统一社会信用代码'],
      },
      defaults: { scheme: 'housing_fund' },
      alsoIncome: 'social_insurance',
    },
  },
  {
    code: 'bank',
    name: '金融机构存款及理财信息',
    department: '中国人民银行辽阳市分行（经授权的金融机构）',
    description: '依法查询的个人存款、理财与证券资产余额',
    sensitive: true,
    mapping: {
      record: 'property',
      unit: 'yuan',
      fields: {
        ...person,
        account: ['账号', '银行账号', '账户', '卡号'],
        kind: ['资产类别', '产品类别', '账户类别'],
        value: ['余额', '账户余额', '资产余额', '市值'],
        acquiredOn: ['开户日期'],
        disposedOn: ['销户日期'],
      },
      values: { kind: { 存款: 'deposit', 储蓄存款: 'deposit', 活期: 'deposit', 定期: 'deposit', 理财: 'security', 证券: 'security', 基金: 'security', 股票: 'security', 债券: 'security' } },
      defaults: { kind: 'deposit' },
    },
  },
  {
    code: 'survey',
    name: '住户收支调查',
    department: '国家统计局辽阳调查队',
    description: '住户收支调查样本户的收入记账汇总（按人、按项目）',
    sensitive: true,
    mapping: {
      record: 'income',
      unit: 'yuan',
      fields: {
        ...person,
        householdNo: ['住户编码', '户编码', '样本户编码'],
        period: ['记账年月', '所属期', '年月'],
        year: ['调查年度', '年度'],
        item: ['收入项目', '项目', '指标'],
        amount: ['金额', '收入金额', '数值'],
      },
      values: {
        item: {
          工资性收入: 'wage', 经营净收入: 'business', 利息收入: 'interest', 红利收入: 'dividends', 出租房屋收入: 'rent', 自有住房折算净租金: 'imputed_rent',
          养老金或离退休金: 'pension', 最低生活保障金: 'dibao', 政策性生活补贴: 'subsidies', 其他转移性收入: 'other_transfers', 个人所得税: 'iit', 社会保障支出: 'social_insurance',
        },
      },
    },
  },
  {
    code: 'population',
    name: '常住人口与家庭户信息',
    department: '辽阳市公安局（人口基础信息库）',
    description: '人口与家庭户基础信息：户号、与户主关系、居住地区划；住户的成员关系由此而来',
    sensitive: true,
    mapping: {
      record: 'person',
      unit: 'yuan',
      fields: {
        ...person,
        householdNo: ['户号', '户编号', '家庭户号', '住户编码'],
        relation: ['与户主关系', '关系'],
      },
    },
  },
];
