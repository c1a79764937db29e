import type { IpcHandler } from './handle';

/** `notify:show`: a native notification through Electron's Notification (injected for tests). */
export function notifyHandler(notifications: {
  isSupported(): boolean;
  show(title: string, body: string): void;
}): IpcHandler<'notify:show'> {
  return ({ title, body }) => {
    if (!notifications.isSupported()) return Promise.resolve({ shown: false });
    notifications.show(title, body);
    return Promise.resolve({ shown: true });
  };
}
