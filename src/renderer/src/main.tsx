import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveEvents } from './api/live-events';
import { createQueryClient } from './api/queries';
import { Shell } from './app/Shell';
import { ErrorBoundary } from './components/ErrorBoundary';
import './styles.css';

const queryClient = createQueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('No #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <LiveEvents />
        <Shell />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
