// Horizontal (stacked) bar charts drawn with Vega-Lite at build time and inlined as SVG: the
// browser gets no script. The SVG is one image (role="img") named by its <title> and described
// by its <desc>, in the visitor's language; Vega's own ARIA on marks and guides is off, because
// the data table after each chart carries the numbers. Colour is never the only cue: each series
// has a symbol, shown in the legend and inside every segment wide enough to hold it, and each
// bar ends with its total.
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { AccreditationStatus, DecisionOutcome } from './api.ts';

export interface ChartSeries {
  /** Shown in the legend after the symbol. */
  label: string;
  /** A short text symbol (✓, ✕ …) drawn in the segments and the legend. */
  symbol: string;
  /** Fill colour: at least 4.5:1 against white, so that a white symbol on it reads too. */
  colour: string;
}

export interface BarChart {
  /** Prefix of the ids of the <title> (`<id>-title`) and <desc> (`<id>-desc`). */
  id: string;
  title: string;
  desc: string;
  /** Title of the category axis (regions, years, statuses). */
  categoryTitle: string;
  /** Title of the value axis (organizations, decisions). */
  valueTitle: string;
  /** Title of the legend; there is a legend only with more than one series. */
  legendTitle: string;
  series: ChartSeries[];
  /** One bar per category, with one value per series, drawn in this order. */
  bars: { label: string; values: number[] }[];
}

/** Colours of the statuses and outcomes, the same as --ok, --info, --warn, --bad, --neutral in site.css. */
export const STATUS_COLOURS: Record<AccreditationStatus, string> = {
  ACCREDITED: '#00703c',
  IN_PROGRESS: '#1d4f91',
  EXPIRED: '#8a4b00',
  REFUSED: '#b10e1e',
  NOT_ACCREDITED: '#505a5f',
};
export const OUTCOME_COLOURS: Record<DecisionOutcome, string> = { ACCREDITED: STATUS_COLOURS.ACCREDITED, REFUSED: STATUS_COLOURS.REFUSED };
/** The colour of a chart with one series. */
export const BRAND_COLOUR = '#00565e';

const PLOT_WIDTH = 400;
const BAR_STEP = 26;
/** Narrowest segment (px) that gets its symbol drawn inside. */
const SYMBOL_MIN_WIDTH = 16;
const TEXT = '#0b0c0c';
const RULE = '#505a5f';

/**
 * Vega measures text with node-canvas when it is installed and otherwise guesses 0.8 em per
 * character, which is far too wide for sans-serif and cuts labels short. Without canvas, this
 * closer guess (average advance widths of common sans-serif faces, a little generous) is used.
 */
interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: string | number;
}
const textMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;
textMetrics.width = (item, text) => {
  const value = String(text ?? item.text ?? '');
  const em = [...value].reduce((sum, char) => sum + (/[\s.,:;!|il'’]/.test(char) ? 0.32 : /[A-ZА-ЯЁӘҒҚҢӨҰҮҺІmwшщжыюМШЩЖЮ]/.test(char) ? 0.78 : 0.62), 0);
  const bold = item.fontWeight === 'bold' || Number(item.fontWeight) >= 600 ? 1.08 : 1;
  return em * (item.fontSize ?? 11) * bold;
};

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface Segment {
  bar: string;
  series: string;
  symbol: string;
  start: number;
  end: number;
  mid: number;
}

/** The Vega-Lite specification of a chart (exported for tests and for reading). */
export function barChartSpec(chart: BarChart): TopLevelSpec {
  const max = Math.max(1, ...chart.bars.map((bar) => bar.values.reduce((sum, value) => sum + value, 0)));
  const seriesName = (index: number) => {
    const item = chart.series[index]!;
    return chart.series.length > 1 ? `${item.symbol} ${item.label}` : item.label;
  };
  const segments: Segment[] = chart.bars.flatMap((bar) => {
    let start = 0;
    return bar.values.flatMap((value, index) => {
      const segment = { bar: bar.label, series: seriesName(index), start, end: start + value, mid: start + value / 2 };
      start += value;
      const wide = (value / max) * PLOT_WIDTH >= SYMBOL_MIN_WIDTH && chart.series.length > 1;
      return value > 0 ? [{ ...segment, symbol: wide ? chart.series[index]!.symbol : '' }] : [];
    });
  });
  const totals = chart.bars.map((bar) => ({ bar: bar.label, total: bar.values.reduce((sum, value) => sum + value, 0) }));
  const categories = chart.bars.map((bar) => bar.label);
  const y = { field: 'bar', type: 'nominal' as const, title: chart.categoryTitle, scale: { domain: categories } };
  const x = (field: string) => ({
    field,
    type: 'quantitative' as const,
    title: chart.valueTitle,
    scale: { domain: [0, max], nice: false },
    axis: { format: 'd', tickMinStep: 1 },
  });

  return {
    width: PLOT_WIDTH,
    height: { step: BAR_STEP },
    background: 'transparent',
    padding: 4,
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', aria: false, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          y,
          x: x('start'),
          x2: { field: 'end' },
          color:
            chart.series.length > 1
              ? {
                  field: 'series',
                  type: 'nominal',
                  title: chart.legendTitle,
                  scale: { domain: chart.series.map((_, index) => seriesName(index)), range: chart.series.map((item) => item.colour) },
                  legend: { orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: 400 },
                }
              : { value: chart.series[0]?.colour ?? BRAND_COLOUR },
        },
      },
      {
        data: { values: segments.filter((segment) => segment.symbol) },
        mark: { type: 'text', aria: false, fill: '#ffffff', fontWeight: 'bold', baseline: 'middle' },
        encoding: { y, x: x('mid'), text: { field: 'symbol' } },
      },
      {
        data: { values: totals },
        mark: { type: 'text', aria: false, align: 'left', dx: 4, fill: TEXT, fontWeight: 'bold', baseline: 'middle' },
        encoding: { y, x: x('total'), text: { field: 'total', type: 'quantitative', format: 'd' } },
      },
    ],
    config: {
      aria: false,
      font: 'sans-serif',
      // Whole pixels: shorter SVG, crisp edges.
      scale: { round: true },
      view: { stroke: null },
      axis: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 13, titleFontSize: 13, domainColor: RULE, tickColor: RULE, gridColor: '#d6d6d6' },
      axisY: { labelLimit: 260, grid: false },
      legend: { labelColor: TEXT, titleColor: TEXT, labelFontSize: 13, titleFontSize: 13, symbolType: 'square', symbolSize: 160, symbolStrokeWidth: 0 },
      text: { fontSize: 13 },
    },
  };
}

/**
 * Vega's SVG without what a static image does not use: class names, pointer events, default
 * opacity, empty background and foreground paths of groups, and the font set once on the root.
 */
function compact(svg: string): string {
  return svg
    .replace(/<path class="(background|foreground)" aria-hidden="true" d="(M0,0h0v0h0Z)?"[^>]*\/>/g, '')
    .replace(/ (class|pointer-events|aria-roledescription|role)="[^"]*"/g, '')
    .replace(/ opacity="1"/g, '')
    .replace(/ font-family="sans-serif"/g, '')
    .replace(/ font-size="13px"/g, '')
    .replace('<svg ', '<svg font-family="sans-serif" font-size="13" ');
}

/** The chart as an SVG string to inline in the page: role="img", with <title> and <desc> first. */
export async function renderBarChart(chart: BarChart): Promise<string> {
  const view = new vega.View(vega.parse(compile(barChartSpec(chart)).spec), { renderer: 'none' });
  try {
    const svg = compact(await view.toSVG());
    const open = svg.indexOf('>') + 1;
    const root = svg
      .slice(0, open)
      .replace(/ class="marks"/, '')
      .replace('>', ` role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc">`);
    return (
      root +
      `<title id="${chart.id}-title">${escapeXml(chart.title)}</title><desc id="${chart.id}-desc">${escapeXml(chart.desc)}</desc>` +
      svg.slice(open)
    );
  } finally {
    view.finalize();
  }
}
