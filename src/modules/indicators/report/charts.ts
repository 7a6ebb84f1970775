/**
 * The report's charts: ECharts rendered on the server to SVG (SSR, no DOM), then rasterised to PNG by resvg.
 * CJK labels need a CJK font: the Noto CJK fonts that .ci/run installs (fonts-noto-cjk) or any other
 * CJK font found in the usual places. Without one, the chart is kept and its text dropped (a chart
 * without labels beats a failed report, and beats boxes of missing glyphs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Dashboard } from '../../../shared/api/indicators.js';
import { formatNumber } from '../../../shared/indicators-format.js';

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

export interface ChartImage {
  key: 'series' | 'quintiles' | 'counties';
  title: string;
  png: Buffer;
  width: number;
  height: number;
  /** false when no CJK font was found and the labels were dropped */
  labelled: boolean;
}

const FONT_DIRS = ['/usr/share/fonts', '/usr/local/share/fonts', '/System/Library/Fonts', '/Library/Fonts', 'C:\\Windows\\Fonts'];
const CJK_FILE = /(NotoSansCJK|NotoSerifCJK|NotoSansSC|SourceHanSans|wqy|msyh|simhei|simsun|PingFang|DroidSansFallback)/i;

let fontCache: { files: string[]; family: string } | null | undefined;

/** CJK font files on this machine (searched once), sans first. */
export function cjkFonts(): { files: string[]; family: string } | null {
  if (fontCache !== undefined) return fontCache;
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (CJK_FILE.test(e.name) && /\.(ttc|ttf|otf)$/i.test(e.name) && !/Bold|Light|Thin|Black|Medium/i.test(e.name)) found.push(p);
    }
  };
  for (const d of FONT_DIRS) walk(d, 0);
  found.sort((a, b) => Number(/Serif|simsun/i.test(a)) - Number(/Serif|simsun/i.test(b)));
  const first = found[0];
  fontCache = first
    ? { files: [first], family: /NotoSansCJK/i.test(first) ? 'Noto Sans CJK SC' : /NotoSerifCJK/i.test(first) ? 'Noto Serif CJK SC' : /wqy/i.test(first) ? 'WenQuanYi Zen Hei' : /msyh/i.test(first) ? 'Microsoft YaHei' : /simhei/i.test(first) ? 'SimHei' : 'sans-serif' }
    : null;
  return fontCache;
}

/** Forget the rasterised charts (benchmarks measure the cold path). */
export function clearChartCache(): void {
  pngCache.clear();
}

/** Test hook: pretend there is no CJK font (null) or search again (undefined). */
export function setFontsForTest(v: { files: string[]; family: string } | null | undefined): void {
  fontCache = v;
  pngCache.clear();
}

function svgOf(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterising CJK text costs ~0.5 s a chart (resvg shapes each label with the 19 MB Noto CJK face), so the
 * last few PNGs are kept by their SVG: downloading the same report twice, or its .docx after a preview, is quick. */
const pngCache = new Map<string, Promise<{ png: Buffer; labelled: boolean }>>();
const PNG_CACHE_SIZE = 24;

export function rasterise(svg: string | (() => string), width: number, cacheKey?: string): Promise<{ png: Buffer; labelled: boolean }> {
  const fonts = cjkFonts();
  const key = `${fonts?.files.join('|') ?? ''}\n${width}\n${cacheKey ?? (typeof svg === 'string' ? svg : svg())}`;
  const hit = pngCache.get(key);
  if (hit) return hit;
  const out = rasteriseUncached(typeof svg === 'string' ? svg : svg(), width, fonts);
  pngCache.set(key, out);
  out.catch(() => pngCache.delete(key));
  if (pngCache.size > PNG_CACHE_SIZE) pngCache.delete(pngCache.keys().next().value!);
  return out;
}

/** On the libuv thread pool (renderAsync), so the server keeps answering while charts are drawn. */
async function rasteriseUncached(svg: string, width: number, fonts: { files: string[]; family: string } | null): Promise<{ png: Buffer; labelled: boolean }> {
  const source = fonts ? svg : svg.replace(/<text\b[^>]*>[\s\S]*?<\/text>/g, '');
  const options: ResvgRenderOptions = {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: fonts ? { loadSystemFonts: false, fontFiles: fonts.files, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family } : { loadSystemFonts: false },
  };
  const img = await renderAsync(source, options);
  return { png: img.asPng(), labelled: !!fonts };
}

const W = 800;
const H = 420;
const SCALE = 2; // PNG at twice the layout size: sharp in print
const TEXT = { fontFamily: 'sans-serif', fontSize: 13 };
const wan = (v: number) => formatNumber(v, 0);

async function render(key: ChartImage['key'], title: string, option: echarts.EChartsCoreOption): Promise<ChartImage> {
  const full = { textStyle: TEXT, title: { text: title, left: 'center', textStyle: { fontSize: 15, fontWeight: 'normal' } }, ...option };
  // the SVG carries fresh element ids on every render: cache by the option (its data) instead
  const { png, labelled } = await rasterise(() => svgOf(full, W, H), W * SCALE, JSON.stringify(full));
  return { key, title, png, width: W, height: H, labelled };
}

const SERIES_NAME: Record<string, string> = { 'income.pc.urban': '城镇居民', 'income.pc.rural': '农村居民' };

export function seriesChart(d: Dashboard): Promise<ChartImage> | null {
  const lines = d.series.filter((s) => /income/.test(s.code) && !/ratio/.test(s.code) && s.points.some((p) => p.value !== null));
  if (lines.length === 0) return null;
  const years = [...new Set(lines.flatMap((s) => s.points.map((p) => Number(p.period.slice(0, 4)))))].sort((a, b) => a - b);
  const name = (code: string) => SERIES_NAME[code] ?? d.definitions.find((x) => x.code === code)?.name.zh ?? code;
  const series = [
    ...lines.map((s) => ({ type: 'line', name: name(s.code), symbolSize: 5, data: years.map((y) => s.points.find((p) => p.period === String(y))?.value ?? null) })),
    ...d.doublingPath.map((p) => ({ type: 'line', name: `${name(p.code)}翻番路径`, lineStyle: { type: 'dashed' }, symbol: 'none', data: years.map((y) => p.points.find((x) => x.year === y)?.value ?? null) })),
  ];
  return render('series', '城乡居民人均可支配收入与翻番路径（元）', {
    legend: { bottom: 0 },
    grid: { left: 70, right: 30, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: years.map(String) },
    yAxis: { type: 'value', axisLabel: { formatter: wan } },
    series,
  });
}

export function quintileChart(d: Dashboard): Promise<ChartImage> | null {
  const q = d.quintiles;
  if (!q || q.means.length === 0) return null;
  return render('quintiles', '居民五等份收入分组人均可支配收入（元）', {
    grid: { left: 70, right: 30, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: ['低收入组', '中间偏下收入组', '中间收入组', '中间偏上收入组', '高收入组'] },
    yAxis: { type: 'value', axisLabel: { formatter: wan } },
    series: [{ type: 'bar', data: q.means, barWidth: '45%', itemStyle: { color: '#1d4f91' }, label: { show: true, position: 'top', formatter: (p: { value: number }) => wan(p.value) } }],
  });
}

export function countyChart(d: Dashboard): Promise<ChartImage> | null {
  if (!d.counties.some((c) => c.urban.value !== null || c.rural.value !== null)) return null;
  const names = d.counties.map((c) => c.name);
  return render('counties', '各县（市）区城乡居民人均可支配收入（元）', {
    legend: { bottom: 0 },
    grid: { left: 70, right: 30, top: 50, bottom: 60 },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', axisLabel: { formatter: wan } },
    series: [
      { type: 'bar', name: '城镇居民', data: d.counties.map((c) => (c.urban.suppressed ? null : c.urban.value)), itemStyle: { color: '#1d4f91' } },
      { type: 'bar', name: '农村居民', data: d.counties.map((c) => (c.rural.suppressed ? null : c.rural.value)), itemStyle: { color: '#6aa84f' } },
    ],
  });
}

/** The three charts, rasterised in parallel on the thread pool. */
export async function reportCharts(d: Dashboard): Promise<ChartImage[]> {
  return Promise.all([seriesChart(d), quintileChart(d), countyChart(d)].filter((c): c is Promise<ChartImage> => c !== null));
}
