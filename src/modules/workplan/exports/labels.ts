import type { TaskColour } from '../../../shared/api/workplan.js';

export const COLOUR_LABEL: Record<TaskColour, string> = { green: '正常', yellow: '滞后', red: '严重滞后', done: '已办结' };
export const REASON_LABEL: Record<string, string> = {
  done: '已办结销号', on_track: '按序时推进', behind: '落后序时进度', far_behind: '落后序时进度 30 个百分点以上', overdue: '已逾期', unstarted: '3 个月未启动',
};
/** ARGB fills for Excel, matching the web app's status colours. */
export const COLOUR_FILL: Record<TaskColour, string> = { green: 'FFD9F7BE', yellow: 'FFFFF1B8', red: 'FFFFCCC7', done: 'FFD6E4FF' };
