/** Test helpers for this folder: providers around a component (router, locale, antd). */
import { render } from '@testing-library/react';
import { App as AntApp, ConfigProvider } from 'antd';
import type { ReactElement } from 'react';
import { MemoryRouter } from 'react-router';
import { I18nProvider } from '../../i18n';

export function renderPage(ui: ReactElement, path = '/indicators') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <I18nProvider initial="zh-CN">
        <ConfigProvider>
          <AntApp>{ui}</AntApp>
        </ConfigProvider>
      </I18nProvider>
    </MemoryRouter>,
  );
}
