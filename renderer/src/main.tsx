import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { detectPlatform } from './platform';
import { installExternalLinkGuard } from './platform/external-links';
import './app/app.css';

const platform = detectPlatform();
initI18n();
installExternalLinkGuard(document, platform);

const container = document.getElementById('root');
if (container === null) throw new Error('main: the #root element is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
