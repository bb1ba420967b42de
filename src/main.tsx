import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app/app';
import { probeServer } from '@/app/probe-server';
import '@/app/styles/tokens.css';
import '@/app/styles/base.css';
import '@/app/styles/layout.css';
import '@/app/styles/components.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
void probeServer();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
