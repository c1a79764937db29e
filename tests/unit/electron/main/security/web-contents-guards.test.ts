import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  guardWebContents,
  refuseDownloads,
  type GuardableWebContents,
} from '../../../../../electron/main/security/web-contents-guards';

type Listener = (event: { preventDefault(): void; url: string }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents = {
    on: (event: string, listener: Listener) => void listeners.set(event, listener),
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
  } as unknown as GuardableWebContents;
  const navigate = (event: 'will-navigate' | 'will-redirect', url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)?.({ preventDefault, url });
    return preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => openHandler?.({ url });
  return { contents, navigate, open };
}

function guarded() {
  const fake = fakeContents();
  const openExternal = vi.fn();
  guardWebContents(fake.contents, { appOrigin: 'qorgau://app', openExternal, log: { warn: () => undefined } });
  return { ...fake, openExternal };
}

describe('guardWebContents', () => {
  it('lets the window move within the app', () => {
    expect(guarded().navigate('will-navigate', 'qorgau://app/index.html#cases')).toBe(false);
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'qorgau://other/index.html', 'javascript:alert(1)'])(
    'cancels navigation and redirects to %s',
    (url) => {
      const { navigate } = guarded();
      expect(navigate('will-navigate', url)).toBe(true);
      expect(navigate('will-redirect', url)).toBe(true);
    },
  );

  it('never opens a window; a checked web link goes to the system browser', () => {
    const { open, openExternal } = guarded();
    expect(open('https://adilsoz.kz/news')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://adilsoz.kz/news');
  });

  it.each(['qorgau://app/index.html', 'file:///etc/passwd', 'javascript:alert(1)', 'https://u:p@evil.example/'])(
    'refuses to open %s anywhere',
    (url) => {
      const { open, openExternal } = guarded();
      expect(open(url)).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('denyAllPermissions', () => {
  it('denies every permission request and check', () => {
    const captured: {
      request?: (c: unknown, p: string, cb: (granted: boolean) => void) => void;
      check?: (c: unknown, p: string) => boolean;
    } = {};
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => void (captured.request = handler),
      setPermissionCheckHandler: (handler) => void (captured.check = handler),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      captured.request?.(null, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(captured.check?.(null, permission)).toBe(false);
    }
  });
});

describe('refuseDownloads', () => {
  it('cancels every download the window would start', () => {
    let listener: ((event: { preventDefault(): void }) => void) | null = null;
    const warn = vi.fn();
    refuseDownloads({ on: (_event, l) => (listener = l) }, { warn });
    const preventDefault = vi.fn();
    listener!({ preventDefault });
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledWith('refused a download');
  });
});
