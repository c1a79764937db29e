import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './app/App';
import { workerFileHasher } from './db/file-hash';
import { exposedGarbageCollector, VaultRepository } from './db/vault-repository';
import { initI18n } from './i18n';
import { detectPlatform, PlatformProvider } from './platform';
import { installExternalLinkGuard } from './platform/external-links';
import { connectVaultService } from './stores/vault-store';
import { createWorkerArgon2id } from './vault/argon2-client';
import { localStorageMarker } from './vault/vault-marker';
import { VaultService } from './vault/vault-service';
import './app/app.css';

// The CSP forbids eval: zod must not probe `new Function` (each probe is a CSP violation report).
z.config({ jitless: true });
const platform = detectPlatform();
initI18n();
installExternalLinkGuard(document, platform);
connectVaultService(
  new VaultService({
    repository: VaultRepository.open({
      hashFile: workerFileHasher(
        () => new Worker(new URL('./db/file-hash-worker.ts', import.meta.url), { type: 'module', name: 'sha256' }),
      ),
      collectGarbage: exposedGarbageCollector(),
      deviceDocuments: platform.deviceDocuments,
    }),
    argon2id: createWorkerArgon2id(),
    marker: localStorageMarker(),
    deviceKeystore: platform.deviceKeystore,
    vaultAnchor: platform.vaultAnchor,
  }),
);

const container = document.getElementById('root');
if (container === null) throw new Error('main: the #root element is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <PlatformProvider platform={platform}>
      <App platform={platform} />
    </PlatformProvider>
  </StrictMode>,
);
