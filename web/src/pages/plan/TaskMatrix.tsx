/**
 * 任务矩阵: measures (rows, grouped by 重点任务) × units (columns), ● lead / ○ cooperating, rows tinted by
 * status. 58 rows × ~35 units: the header row and the first three columns stay put while the rest scrolls.
 */
import { Empty, Segmented, Select, Space, Typography } from 'antd';
import { Fragment, useMemo, useState, type CSSProperties } from 'react';
import type { TaskColour, TaskSummary } from './api';
import { filterTasks, groupTasks, roleOf, unitColumns, type UnitColumn } from './matrix';
import { usePlanI18n, type PlanT } from './messages';
import { COLOURS, COLOUR_STYLE, colourKey, countColours } from './status';
import { ColourLegend, ProgressVsPlanned, StatusTag } from './StatusBits';

const W = { seq: 52, measure: 330, progress: 232, unit: 30 };
const LEFT = { seq: 0, measure: W.seq, progress: W.seq + W.measure };
const BORDER = '1px solid #e8e8e8';

const cell: CSSProperties = { borderBottom: BORDER, borderRight: BORDER, padding: '4px 6px', fontSize: 13 };
const stickyLeft = (left: number, width: number, bg: string): CSSProperties => ({
  ...cell,
  position: 'sticky',
  left,
  width,
  minWidth: width,
  maxWidth: width,
  background: bg,
  overflow: 'hidden',
  whiteSpace: 'nowrap',
  zIndex: 1,
});
const headCell: CSSProperties = { ...cell, position: 'sticky', top: 0, background: '#fafafa', zIndex: 2, fontWeight: 600, verticalAlign: 'bottom' };

export function TaskMatrix({ tasks, onOpen }: { tasks: TaskSummary[]; onOpen: (id: number) => void }) {
  const { t } = usePlanI18n();
  const [colour, setColour] = useState<TaskColour | 'all'>('all');
  const [unit, setUnit] = useState<string | undefined>();
  const columns = useMemo(() => unitColumns(tasks), [tasks]);
  const counts = useMemo(() => countColours(tasks), [tasks]);
  const shown = useMemo(() => filterTasks(tasks, { colour: colour === 'all' ? undefined : colour, unit }), [tasks, colour, unit]);
  const groups = useMemo(() => groupTasks(shown), [shown]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap size="large">
        <Space>
          <span>{t('matrix.filter.colour')}</span>
          <Segmented<TaskColour | 'all'>
            data-testid="matrix-colour-filter"
            value={colour}
            onChange={setColour}
            options={[
              { value: 'all', label: `${t('colour.all')} ${tasks.length}` },
              ...COLOURS.map((c) => ({
                value: c,
                label: (
                  <span>
                    <span style={{ color: COLOUR_STYLE[c].strong }}>■</span> {t(colourKey(c))} {counts[c]}
                  </span>
                ),
              })),
            ]}
          />
        </Space>
        <Space>
          <span>{t('matrix.filter.dept')}</span>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('matrix.filter.dept')}
            placeholder={t('matrix.filter.dept.placeholder')}
            style={{ width: 240 }}
            value={unit}
            onChange={setUnit}
            options={columns.map((c) => ({ value: c.key, label: c.name }))}
          />
        </Space>
        <Typography.Text type="secondary" data-testid="matrix-shown">
          {t('matrix.shown', { n: shown.length, total: tasks.length })}
        </Typography.Text>
      </Space>
      <ColourLegend />
      {shown.length === 0 ? (
        <Empty description={t('matrix.empty')} />
      ) : (
        <div style={{ overflow: 'auto', maxHeight: 'calc(100vh - 330px)', minHeight: 320, border: BORDER }} data-testid="task-matrix">
          <table style={{ borderCollapse: 'separate', borderSpacing: 0, tableLayout: 'fixed' }}>
            <thead>
              <tr>
                <th style={{ ...headCell, ...stickyLeft(LEFT.seq, W.seq, '#fafafa'), zIndex: 3, top: 0 }}>{t('matrix.seq')}</th>
                <th style={{ ...headCell, ...stickyLeft(LEFT.measure, W.measure, '#fafafa'), zIndex: 3, top: 0, textAlign: 'left' }}>{t('matrix.measure')}</th>
                <th style={{ ...headCell, ...stickyLeft(LEFT.progress, W.progress, '#fafafa'), zIndex: 3, top: 0, textAlign: 'left' }}>{t('matrix.progress')}</th>
                {columns.map((c) => (
                  <UnitHeader key={c.key} c={c} selected={c.key === unit} t={t} />
                ))}
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <Fragment key={`${g.section}|${g.group}|${g.tasks[0].id}`}>
                  <tr>
                    <td colSpan={3} style={{ ...stickyLeft(0, W.seq + W.measure + W.progress, '#f0f5ff'), fontWeight: 600, color: '#1d4f91' }}>
                      {g.group}
                      {g.group !== g.section && <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>　{g.section}</Typography.Text>}
                    </td>
                    <td colSpan={columns.length} style={{ ...cell, background: '#f0f5ff' }} />
                  </tr>
                  {g.tasks.map((task) => (
                    <MatrixRow key={task.id} task={task} columns={columns} unit={unit} onOpen={onOpen} t={t} />
                  ))}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Space>
  );
}

function UnitHeader({ c, selected, t }: { c: UnitColumn; selected: boolean; t: PlanT }) {
  return (
    <th
      title={c.unmapped ? `${c.name}（${t('matrix.unmapped')}）` : c.name}
      style={{ ...headCell, width: W.unit, minWidth: W.unit, maxWidth: W.unit, padding: '6px 0', background: selected ? '#e6f4ff' : '#fafafa' }}
    >
      <div
        style={{
          writingMode: 'vertical-rl',
          margin: '0 auto',
          height: 150,
          overflow: 'hidden',
          fontSize: 12,
          fontWeight: 500,
          lineHeight: `${W.unit - 4}px`,
          color: c.unmapped ? '#cf1322' : undefined,
          textAlign: 'left',
        }}
      >
        {c.name}
        {c.unmapped && ' ?'}
      </div>
    </th>
  );
}

function MatrixRow({ task, columns, unit, onOpen, t }: { task: TaskSummary; columns: UnitColumn[]; unit?: string; onOpen: (id: number) => void; t: PlanT }) {
  const style = COLOUR_STYLE[task.status.colour];
  return (
    <tr data-testid={`matrix-row-${task.seq}`} data-colour={task.status.colour}>
      <td style={{ ...stickyLeft(LEFT.seq, W.seq, style.tint), textAlign: 'center', borderLeft: `4px solid ${style.strong}` }}>{task.seq}</td>
      <td style={stickyLeft(LEFT.measure, W.measure, style.tint)}>
        <Typography.Link onClick={() => onOpen(task.id)} title={task.title} style={{ display: 'block', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {task.ref}
          </Typography.Text>{' '}
          {task.title}
        </Typography.Link>
      </td>
      <td style={stickyLeft(LEFT.progress, W.progress, style.tint)}>
        <Space size={6}>
          <StatusTag status={task.status} />
          <ProgressVsPlanned progress={task.progress} status={task.status} width={56} />
        </Space>
      </td>
      {columns.map((c) => {
        const role = roleOf(task, c.key);
        return (
          <td
            key={c.key}
            title={role ? `${c.name}：${t(`role.${role}`)}` : undefined}
            style={{ ...cell, padding: 0, textAlign: 'center', width: W.unit, background: c.key === unit ? '#e6f4ff' : style.tint, color: role === 'cooperating' ? '#595959' : '#1d1d1d', fontSize: 14 }}
          >
            {role === 'cooperating' ? '○' : role ? '●' : ''}
          </td>
        );
      })}
    </tr>
  );
}
