import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { probeServer } from '@/app/probe-server';
import { watchForNewVersion } from '@/app/reload-when-outdated';
import '@/app/styles/tokens.css';
import '@/app/styles/base.css';
import '@/app/styles/layout.css';
import '@/app/styles/components.css';

// Before the first answer, so a learner whose browser blocks saving is told at once. In chunks of
// their own, which keeps the first page within its budget.
void Promise.all([import('@/stores/browser-storage'), import('@/stores/persistent-storage')]).then(
  ([{ checkSaving }, { requestPersistentStorage }]) => {
    if (checkSaving() === 'ok') void requestPersistentStorage();
  },
);
if (!import.meta.env.DEV) watchForNewVersion();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void probeServer();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
