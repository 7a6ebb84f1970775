/**
 * The electronic diary (电子记账), built for a phone: pick the day, find the item by name or pinyin
 * initials (or tap a recent one), type the amount as people write it, save. Saved entries go to the
 * phone's outbox first and are uploaded at once when online, or when the connection comes back.
 */
import { CloudSyncOutlined, LeftOutlined, LogoutOutlined, RightOutlined, WifiOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { formatFen, parseAmount } from '../../../../src/shared/api/survey-amount';
import { errorText } from '../../i18n';
import { useSession } from '../../session/SessionContext';
import { surveyApi, type DiaryMonth, type Entry, type Household, type Item } from './api';
import { recentItems, rememberItem, searchable, searchItems, type SearchableItem } from './itemSearch';
import { useSurveyI18n } from './messages';
import { MonthPanel } from './MonthPanel';
import { newEntryId, Outbox, syncOutbox, type LocalEntry } from './offline';

const todayIso = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
const shift = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function cached<T>(key: string): T | undefined {
  try {
    const v = localStorage.getItem(key);
    return v ? (JSON.parse(v) as T) : undefined;
  } catch {
    return undefined;
  }
}
function remember(key: string, v: unknown) {
  try {
    localStorage.setItem(key, JSON.stringify(v));
  } catch {
    // storage full: the page still works online
  }
}

interface Row {
  id: string;
  itemCode: string;
  amountFen: number | null;
  amount: string;
  note: string | null;
  version: number;
  local?: LocalEntry;
}

export interface DiaryProps {
  household: Household;
  /** The household's own phone page: full screen, with its own header and sign-out. */
  fullScreen?: boolean;
  initialDate?: string;
  onDate?: (date: string) => void;
}

export function Diary({ household, fullScreen, initialDate, onDate }: DiaryProps) {
  const { t, locale } = useSurveyI18n();
  const { message } = App.useApp();
  const session = useSession();
  const [date, setDateState] = useState(initialDate ?? todayIso());
  const month = date.slice(0, 7);
  const year = Number(date.slice(0, 4));
  const box = useMemo(() => new Outbox(household.id), [household.id]);
  const [tick, setTick] = useState(0);
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  const [items, setItems] = useState<SearchableItem[]>(() => searchable(cached<Item[]>(`zs.survey.items.${year}`) ?? []));
  const [view, setView] = useState<DiaryMonth | undefined>(() => cached<DiaryMonth>(`zs.survey.month.${household.id}.${month}`));
  const [error, setError] = useState<string | null>(null);
  const [recent, setRecent] = useState<string[]>(() => recentItems());
  const [query, setQuery] = useState('');
  const [itemCode, setItemCode] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState<Row | null>(null);
  const amountRef = useRef<HTMLInputElement>(null);

  const setDate = (d: string) => {
    setDateState(d);
    onDate?.(d);
  };

  useEffect(() => {
    let live = true;
    surveyApi
      .classification(year)
      .then((c) => {
        remember(`zs.survey.items.${year}`, c.items);
        if (live) setItems(searchable(c.items));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [year]);

  const loadMonth = useCallback(async () => {
    try {
      const m = await surveyApi.month(household.id, month);
      remember(`zs.survey.month.${household.id}.${month}`, m);
      box.prune(month, new Set(m.entries.map((e) => e.id)));
      setView(m);
      setTick((n) => n + 1);
      setError(null);
    } catch (e) {
      if ((e as { code?: string }).code === 'NETWORK_ERROR') setView(cached<DiaryMonth>(`zs.survey.month.${household.id}.${month}`));
      else setError(errorText(locale, e));
    }
  }, [box, household.id, month, locale]);

  const upload = useCallback(async () => {
    try {
      const ok = await syncOutbox(box, (entries) => surveyApi.sync(household.id, entries));
      setTick((n) => n + 1);
      if (ok) await loadMonth();
    } catch (e) {
      setError(errorText(locale, e));
    }
  }, [box, household.id, loadMonth, locale]);

  useEffect(() => {
    void loadMonth();
  }, [loadMonth]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void upload();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = setInterval(() => navigator.onLine && box.pending().length > 0 && void upload(), 30_000);
    if (navigator.onLine && box.pending().length > 0) void upload();
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      clearInterval(timer);
    };
  }, [box, upload]);

  const byCode = useMemo(() => new Map(items.map((i) => [i.code, i])), [items]);
  const local = useMemo(() => box.all(), [box, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  const pendingCount = local.filter((e) => e.state === 'pending').length;
  const locked = view ? view.status === 'submitted' || view.status === 'approved' || view.lockedBy !== null : false;

  const rows: Row[] = useMemo(() => {
    const out = new Map<string, Row>();
    for (const e of (view?.entries ?? []) as Entry[]) if (e.date === date) out.set(e.id, { id: e.id, itemCode: e.itemCode, amountFen: e.amountFen, amount: formatFen(e.amountFen), note: e.note, version: e.version });
    for (const l of local) {
      if (l.state === 'synced' && (out.has(l.id) || l.deleted)) continue;
      if (l.date !== date && out.has(l.id)) out.delete(l.id);
      if (l.date !== date) continue;
      if (l.deleted && l.state === 'pending') {
        out.delete(l.id);
        continue;
      }
      out.set(l.id, { id: l.id, itemCode: l.itemCode, amountFen: l.amountFen, amount: l.amount, note: l.note, version: l.baseVersion, local: l });
    }
    return [...out.values()];
  }, [view, local, date]);

  const parsed = amount.trim() ? parseAmount(amount) : null;
  // an item picked from the list, or typed out in full
  const chosen = itemCode ? byCode.get(itemCode) : items.find((i) => i.name === query.trim());

  function reset() {
    setItemCode(null);
    setQuery('');
    setAmount('');
    setNote('');
    setEditing(null);
  }

  function save(entry: Omit<LocalEntry, 'state' | 'clientTs'>) {
    box.put({ ...entry, state: 'pending', clientTs: new Date().toISOString() });
    setTick((n) => n + 1);
    if (navigator.onLine) void upload();
    else message.info(t('diary.saved.offline'));
  }

  function add() {
    if (!chosen || !parsed || !parsed.ok) return;
    save({ id: editing?.id ?? newEntryId(), date, itemCode: chosen.code, amount: amount.trim(), amountFen: parsed.fen, note: note.trim() || null, deleted: false, baseVersion: editing ? editing.version : 0 });
    setRecent(rememberItem(chosen.code));
    reset();
  }

  function remove(r: Row) {
    if (r.local && r.local.baseVersion === 0 && r.local.state !== 'synced') {
      box.remove(r.id);
      setTick((n) => n + 1);
      return;
    }
    save({ id: r.id, date, itemCode: r.itemCode, amount: r.amount, amountFen: r.amountFen, note: r.note, deleted: true, baseVersion: r.version });
  }

  function edit(r: Row) {
    setEditing(r);
    setItemCode(r.itemCode);
    setQuery(byCode.get(r.itemCode)?.name ?? r.itemCode);
    setAmount(r.amount);
    setNote(r.note ?? '');
  }

  let income = 0;
  let spending = 0;
  for (const r of rows) {
    const it = byCode.get(r.itemCode);
    if (!it || r.amountFen === null) continue;
    if (it.kind === 'income') income += r.amountFen;
    else if (it.kind === 'consumption') spending += r.amountFen;
  }
  const missing = (view?.missingDays ?? []).filter((d) => d < todayIso());

  const body = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="diary">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Tag icon={online ? <WifiOutlined /> : <CloudSyncOutlined />} color={online ? 'green' : 'orange'} data-testid="online-status">
          {online ? t('diary.online') : t('diary.offline')}
        </Tag>
        <span data-testid="sync-status">
          {pendingCount > 0 ? <Tag color="orange">{t('diary.pending', { n: pendingCount })}</Tag> : <Tag color="blue">{t('diary.synced')}</Tag>}
          {pendingCount > 0 && online && (
            <Button size="small" onClick={() => void upload()}>
              {t('diary.syncNow')}
            </Button>
          )}
        </span>
      </Space>
      {error && <Alert type="error" showIcon title={error} closable={{ onClose: () => setError(null) }} />}
      <div style={{ display: 'flex', gap: 6, width: '100%' }}>
        <Button icon={<LeftOutlined />} aria-label={t('diary.prevDay')} data-testid="diary-prev" onClick={() => setDate(shift(date, -1))} />
        <Input type="date" aria-label={t('diary.date')} data-testid="diary-date" value={date} max={todayIso()} onChange={(e) => e.target.value && setDate(e.target.value)} style={{ flex: '1 1 auto', minWidth: 0, textAlign: 'center' }} />
        <Button icon={<RightOutlined />} aria-label={t('diary.nextDay')} data-testid="diary-next" disabled={date >= todayIso()} onClick={() => setDate(shift(date, 1))} />
      </div>
      {missing.length > 0 && !locked && (
        <Alert type="warning" showIcon data-testid="missing-days" title={t('diary.reminder', { n: missing.length, days: missing.slice(0, 6).map((d) => Number(d.slice(8))).join('、') + (missing.length > 6 ? '…' : '') })} />
      )}
      {locked ? (
        <Alert type="info" showIcon title={t('diary.locked')} />
      ) : (
        <Card size="small" data-testid="entry-form">
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <AutoComplete
              style={{ width: '100%' }}
              value={query}
              options={searchItems(items, itemCode && chosen && query === chosen.name ? '' : query).map((i) => ({ value: i.code, label: <span data-testid={`item-${i.code}`}>{i.name} <Typography.Text type="secondary">{i.group}</Typography.Text></span> }))}
              onSearch={(v) => {
                setQuery(v);
                setItemCode(null);
              }}
              onSelect={(code: string) => {
                setItemCode(code);
                setQuery(byCode.get(code)?.name ?? code);
                setTimeout(() => amountRef.current?.focus(), 0);
              }}
            >
              <Input aria-label={t('diary.item')} placeholder={t('diary.item.placeholder')} data-testid="item-search" />
            </AutoComplete>
            {recent.length > 0 && (
              <Space size={4} wrap>
                <Typography.Text type="secondary">{t('diary.recent')}</Typography.Text>
                {recent.filter((c) => byCode.has(c)).map((c) => (
                  <Tag.CheckableTag key={c} checked={itemCode === c} data-testid={`recent-${c}`} onChange={() => { setItemCode(c); setQuery(byCode.get(c)!.name); amountRef.current?.focus(); }}>
                    {byCode.get(c)!.name}
                  </Tag.CheckableTag>
                ))}
              </Space>
            )}
            <Input ref={(el) => { amountRef.current = el?.input ?? null; }} aria-label={t('diary.amount')} placeholder={t('diary.amount.placeholder')} data-testid="amount" value={amount} onChange={(e) => setAmount(e.target.value)} onPressEnter={add} suffix="元" status={parsed && !parsed.ok ? 'error' : undefined} />
            {parsed && (
              <Typography.Text type={parsed.ok ? (parsed.fen < 0 ? 'warning' : 'secondary') : 'danger'} data-testid="amount-read">
                {parsed.ok ? `${t('diary.amount.read', { yuan: formatFen(parsed.fen) })}${parsed.fen < 0 ? `　${t('diary.amount.negative')}` : ''}` : parsed.message}
              </Typography.Text>
            )}
            <Input aria-label={t('diary.note')} placeholder={t('diary.note')} value={note} maxLength={200} onChange={(e) => setNote(e.target.value)} />
            <Space>
              <Button type="primary" size="large" data-testid="add-entry" disabled={!chosen || !parsed?.ok} onClick={add}>
                {editing ? t('diary.save') : t('diary.add')}
              </Button>
              {editing && <Button onClick={reset}>{t('diary.cancelEdit')}</Button>}
            </Space>
          </Space>
        </Card>
      )}
      <Typography.Text type="secondary" data-testid="day-total">
        {t('diary.dayTotal', { inc: formatFen(income), exp: formatFen(spending) })}
      </Typography.Text>
      <div data-testid="day-entries" style={{ border: '1px solid #f0f0f0', borderRadius: 6, background: '#fff' }}>
        {rows.length === 0 && <div style={{ padding: 12, color: '#999', textAlign: 'center' }}>{t('diary.dayEmpty')}</div>}
        {rows.map((r) => (
          <div key={r.id} data-testid="entry-row" data-state={r.local?.state ?? 'synced'} style={{ display: 'flex', alignItems: 'center', gap: 8, padding: '8px 12px', borderTop: '1px solid #f0f0f0' }}>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Space size={4} wrap>
                {byCode.get(r.itemCode)?.name ?? r.itemCode}
                {r.local && r.local.state !== 'synced' && <Tag color={r.local.state === 'pending' ? 'orange' : 'red'}>{t(`diary.state.${r.local.state}` as 'diary.state.pending')}</Tag>}
              </Space>
              {(r.note || r.local?.message) && <div style={{ fontSize: 12, color: '#888' }}>{[r.note, r.local?.message].filter(Boolean).join(' · ')}</div>}
            </div>
            <span style={{ whiteSpace: 'nowrap' }}>{r.amountFen === null ? r.amount : formatFen(r.amountFen)}</span>
            {!(locked && !r.local) && (
              <Space size={8}>
                <a onClick={() => edit(r)}>{t('diary.edit')}</a>
                {r.local && r.local.state !== 'pending' && r.local.state !== 'synced' ? (
                  <a onClick={() => { box.remove(r.id); setTick((n) => n + 1); }}>{t('diary.discard')}</a>
                ) : (
                  <a onClick={() => remove(r)}>{t('diary.delete')}</a>
                )}
              </Space>
            )}
          </div>
        ))}
      </div>
      {view && <MonthPanel household={household} view={view} items={byCode} onChanged={() => void loadMonth()} />}
    </Space>
  );

  if (!fullScreen) return body;
  return <PhoneScreen>{(
    <div data-testid="diary-phone" style={{ position: 'fixed', inset: 0, zIndex: 900, overflow: 'auto', background: '#f5f7fa', padding: '0 0 24px' }}>
      <div style={{ position: 'sticky', top: 0, zIndex: 2, background: '#1d4f91', color: '#fff', padding: '10px 14px', display: 'flex', alignItems: 'center', justifyContent: 'space-between' }}>
        <div>
          <div style={{ fontSize: 18, fontWeight: 700 }}>{t('diary.title')}</div>
          <div style={{ fontSize: 12, opacity: 0.85 }}>{t('diary.household', { code: household.code })}</div>
        </div>
        <Button ghost size="small" icon={<LogoutOutlined />} onClick={() => void session.logout()}>
          {t('diary.logout')}
        </Button>
      </div>
      <div style={{ padding: 12, maxWidth: 640, margin: '0 auto' }}>{body}</div>
    </div>
  )}</PhoneScreen>;
}

/**
 * The household's page is the whole screen: it is drawn outside the desktop shell, which is hidden
 * meanwhile (the shell's sider is wider than a phone and would make the browser zoom out).
 */
function PhoneScreen({ children }: { children: ReactNode }) {
  useEffect(() => {
    const shell = document.getElementById('root');
    const before = shell?.style.display ?? '';
    if (shell) shell.style.display = 'none';
    return () => {
      if (shell) shell.style.display = before;
    };
  }, []);
  return createPortal(children, document.body);
}
