/** 中文 / English switch; when signed in the choice is also saved on the server. */
import { Segmented } from 'antd';
import type { Locale } from '../api/types';
import { useI18n } from '../i18n';
import { useSession } from '../session/SessionContext';

export function LocaleSwitch() {
  const { locale } = useI18n();
  const { changeLocale } = useSession();
  return (
    <Segmented<Locale>
      size="small"
      aria-label="Language / 语言"
      value={locale}
      onChange={changeLocale}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en-US' },
      ]}
    />
  );
}
