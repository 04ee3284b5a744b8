import { render } from 'preact';
import { App } from './ui/App';
import { UpdatePrompt } from './ui/common/UpdatePrompt';
import { startServiceWorker } from './ui/swUpdate';
import './ui/styles.css';

render(
  <>
    <App />
    <UpdatePrompt />
  </>,
  document.getElementById('app')!,
);
startServiceWorker();
