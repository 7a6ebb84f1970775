/** Full-page backdrop for the steps before the shell: sign-in, two-factor enrolment, forced password change. */
import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { LocaleSwitch } from './LocaleSwitch';

export function CenteredPage({ children }: { children: ReactNode }) {
  return (
    <Layout
      style={{
        minHeight: '100vh',
        background: 'linear-gradient(160deg, #0f2b57 0%, #1d4f91 55%, #2f6db5 100%)',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LocaleSwitch />
      </div>
      {children}
    </Layout>
  );
}
