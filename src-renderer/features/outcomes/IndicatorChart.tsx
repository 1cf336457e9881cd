/**
 * A simple line chart of an indicator's observations over time, drawn as inline SVG (no chart
 * library). It is one image to assistive technology, named by its <title> and described by its
 * <desc> (a summary of the values from the catalogue), and followed by a visually hidden table
 * of the same values. Time runs in the reading direction: left to right, or right to left in
 * Arabic, where the plot is mirrored with a transform while the labels stay readable.
 */
import { useId } from 'react';
import { isRtl, useFormat, useT } from '../../i18n/i18n.js';
import type { IndicatorDetail } from '../../../shared/domain/outcomes.js';

const W = 520;
const H = 240;
const PAD = { start: 64, end: 20, top: 20, bottom: 44 };

function dayMs(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`);
}

export function IndicatorChart({ indicator }: { indicator: IndicatorDetail }) {
  const t = useT();
  const f = useFormat();
  const rtl = isRtl(f.locale);
  const id = useId();
  const obs = indicator.observations;
  if (obs.length === 0) return <p className="empty">{t('outcomes.chart.noData')}</p>;

  const num = (v: number) => f.number(v, { maximumFractionDigits: 2 });
  const plotW = W - PAD.start - PAD.end;
  const plotH = H - PAD.top - PAD.bottom;
  const times = obs.map((o) => dayMs(o.observedOn));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const values = obs.map((o) => o.value);
  let vMin = Math.min(...values, indicator.baseline, indicator.target);
  let vMax = Math.max(...values, indicator.baseline, indicator.target);
  if (vMin === vMax) {
    vMin -= 1;
    vMax += 1;
  }
  // Coordinates in left-to-right terms; the plot group is mirrored in right-to-left languages,
  // and labels (which must not be mirrored) are placed at the mirrored x instead.
  const x = (ms: number) => (t1 === t0 ? PAD.start + plotW / 2 : PAD.start + ((ms - t0) / (t1 - t0)) * plotW);
  const y = (v: number) => PAD.top + (1 - (v - vMin) / (vMax - vMin)) * plotH;
  const labelX = (px: number) => (rtl ? W - px : px);
  const axisY = H - PAD.bottom;
  const ticks = [vMin, (vMin + vMax) / 2, vMax];
  const points = obs.map((o, i) => `${x(times[i]!).toFixed(1)},${y(o.value).toFixed(1)}`).join(' ');

  const latest = obs[obs.length - 1]!;
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  const unit = indicator.unit;
  const title = unit
    ? t('outcomes.chart.titleUnit', { name: indicator.name, unit })
    : t('outcomes.chart.title', { name: indicator.name });
  const summary = {
    first: f.day(obs[0]!.observedOn),
    latest: num(latest.value),
    baseline: num(indicator.baseline),
    target: num(indicator.target),
  };
  const desc =
    obs.length === 1
      ? t('outcomes.chart.descOne', summary)
      : t('outcomes.chart.desc', {
          ...summary,
          count: obs.length,
          last: f.day(latest.observedOn),
          min: num(Math.min(...values)),
          max: num(Math.max(...values)),
        });

  return (
    <figure className="indicator-chart">
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${W} ${H}`}
        direction={rtl ? 'rtl' : 'ltr'}
        className="chart"
        focusable="false"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{desc}</desc>
        <g transform={rtl ? `translate(${W} 0) scale(-1 1)` : undefined} data-testid="chart-plot">
          {ticks.map((v, i) => (
            <line key={i} className="chart-grid" x1={PAD.start} x2={W - PAD.end} y1={y(v)} y2={y(v)} />
          ))}
          <line className="chart-axis" x1={PAD.start} x2={PAD.start} y1={PAD.top} y2={axisY} />
          <line className="chart-axis" x1={PAD.start} x2={W - PAD.end} y1={axisY} y2={axisY} />
          <line
            className="chart-baseline"
            x1={PAD.start}
            x2={W - PAD.end}
            y1={y(indicator.baseline)}
            y2={y(indicator.baseline)}
          />
          <line
            className="chart-target"
            x1={PAD.start}
            x2={W - PAD.end}
            y1={y(indicator.target)}
            y2={y(indicator.target)}
          />
          {obs.length > 1 && <polyline className="chart-line" points={points} />}
          {obs.map((o, i) => (
            <circle key={o.id} className="chart-point" cx={x(times[i]!)} cy={y(o.value)} r={4} />
          ))}
        </g>
        {ticks.map((v, i) => (
          <text
            key={i}
            className="chart-label"
            x={labelX(PAD.start - 8)}
            y={y(v)}
            dominantBaseline="middle"
            textAnchor="end"
          >
            {num(v)}
          </text>
        ))}
        {t1 === t0 ? (
          <text className="chart-label" x={labelX(x(t0))} y={axisY + 18} textAnchor="middle">
            {f.day(obs[0]!.observedOn)}
          </text>
        ) : (
          <>
            <text className="chart-label" x={labelX(x(t0))} y={axisY + 18} textAnchor="start">
              {f.day(obs[0]!.observedOn)}
            </text>
            <text className="chart-label" x={labelX(x(t1))} y={axisY + 18} textAnchor="end">
              {f.day(latest.observedOn)}
            </text>
          </>
        )}
        <text
          className="chart-label chart-label-target"
          x={labelX(W - PAD.end)}
          y={y(indicator.target) - 6}
          textAnchor="end"
        >
          {t('outcomes.chart.targetLabel', { value: num(indicator.target) })}
        </text>
        <text
          className="chart-label chart-label-baseline"
          x={labelX(PAD.start + 6)}
          y={y(indicator.baseline) - 6}
          textAnchor="start"
        >
          {t('outcomes.chart.baselineLabel', { value: num(indicator.baseline) })}
        </text>
        <text className="chart-label chart-axis-title" x={labelX(PAD.start + plotW / 2)} y={H - 6} textAnchor="middle">
          {t('outcomes.chart.timeAxis')}
        </text>
      </svg>
      <table className="visually-hidden">
        <caption>{t('outcomes.chart.tableCaption', { name: indicator.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outcomes.observation.on')}</th>
            <th scope="col">
              {unit ? t('outcomes.observation.valueUnit', { unit }) : t('outcomes.observation.value')}
            </th>
            <th scope="col">{t('outcomes.observation.note')}</th>
          </tr>
        </thead>
        <tbody>
          {obs.map((o) => (
            <tr key={o.id}>
              <td>{f.day(o.observedOn)}</td>
              <td>{num(o.value)}</td>
              <td>
                <bdi>{o.note}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
