/** The supervisor's decision on a consolidated report: 通过, or 退回 with a comment (required). */
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { errorText } from '../../i18n';
import { planApi } from './api';
import { usePlanI18n } from './messages';

export function ReviewPanel({ reportId, onReviewed }: { reportId: number; onReviewed: () => void }) {
  const { t, locale } = usePlanI18n();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState<'approve' | 'return' | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function decide(decision: 'approve' | 'return') {
    if (decision === 'return' && !comment.trim()) {
      setError(t('review.comment.required'));
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      await planApi.review(reportId, decision, comment.trim());
      message.success(t(decision === 'approve' ? 'review.approved' : 'review.returned'));
      setComment('');
      onReviewed();
    } catch (e) {
      setError(errorText(locale, e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={`review-${reportId}`}>
      <Input.TextArea
        rows={2}
        maxLength={2000}
        aria-label={t('review.comment')}
        placeholder={t('review.comment.placeholder')}
        value={comment}
        status={error && !comment.trim() ? 'error' : undefined}
        onChange={(e) => setComment(e.target.value)}
      />
      {error && <Alert type="error" showIcon title={error} />}
      <Space>
        <Button type="primary" icon={<CheckOutlined />} loading={busy === 'approve'} disabled={busy !== null} onClick={() => void decide('approve')}>
          {t('review.approve')}
        </Button>
        <Button danger icon={<RollbackOutlined />} loading={busy === 'return'} disabled={busy !== null} onClick={() => void decide('return')}>
          {t('review.return')}
        </Button>
      </Space>
    </Space>
  );
}
