import { render } from 'preact';
import { App } from './ui/App';
import { UpdatePrompt } from './ui/common/UpdatePrompt';
import { dropOldCaches } from './app/offline/onDemand';
import { offline } from './app/services';
import { startServiceWorker } from './ui/swUpdate';
import './ui/styles.css';

render(
  <>
    <App />
    <UpdatePrompt />
  </>,
  document.getElementById('app')!,
);
// The first install's precache is complete: the shell works offline now.
startServiceWorker(() => void offline.refresh());
void dropOldCaches().then(() => offline.refresh());
