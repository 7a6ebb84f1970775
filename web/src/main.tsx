import 'antd/dist/reset.css';
// antd's component styles as one static file (with zeroRuntime in App.tsx): no style generation at run time
import 'antd/dist/antd.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { settleBoot } from './api/boot';
import { App } from './App';
import { preloadPage } from './routes';
import { loadInitialSession } from './session/SessionContext';

// The page's own code and the session are fetched side by side (boot.js has already asked for the
// session), and React first renders once both are here: no spinner frame, no suspended page; the page's
// data asked for early is read first, so the page's first frame can show it.
void Promise.all([loadInitialSession(), preloadPage(location.pathname)]).then(async ([initial]) => {
  await settleBoot(initial?.status === 'authenticated'); // signed out: after signing in, the page asks again
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App initial={initial} />
    </StrictMode>,
  );
});
