import { originOf } from '../../../shared/security/origin';
import {
  ipcContract,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
} from '../../../shared/ipc/contract';

/** The slice of Electron's `ipcMain` this wrapper needs; injected so tests run without Electron. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
};

/** The slice of `IpcMainInvokeEvent` the sender check reads. */
export type IpcInvokeEventLike = {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
};

export type IpcHandler<C extends IpcChannel> = (request: IpcRequest<C>) => Promise<IpcResponse<C>>;

export type IpcLogger = { warn(message: string): void };

/**
 * The only way main answers IPC. Before a handler runs, the sender must be the app's own
 * top-level frame (origin equal to `trustedOrigin`: a navigated-away window, an iframe or a
 * foreign page gets nothing) and the payload must match the contract's schema. Errors come back
 * as values; the log line names the channel and the reason, never the payload.
 */
export function registerIpcHandler<C extends IpcChannel>(
  ipcMain: IpcMainLike,
  channel: C,
  handler: IpcHandler<C>,
  options: { readonly trustedOrigin: string; readonly log: IpcLogger },
): void {
  const schema = ipcContract[channel];
  ipcMain.handle(channel, async (event, ...args): Promise<IpcResult<IpcResponse<C>>> => {
    if (!isTrustedSender(event, options.trustedOrigin)) {
      options.log.warn(`ipc ${channel}: refused a call from an untrusted sender`);
      return failure('forbidden-sender', 'This call is only accepted from the Qorgau window.');
    }
    const parsed = schema.request.safeParse(args.length === 0 ? null : args[0]);
    if (!parsed.success || args.length > 1) {
      options.log.warn(`ipc ${channel}: refused a malformed request`);
      const where = parsed.success
        ? 'extra arguments'
        : parsed.error.issues.map((i) => i.path.join('.') || '(request)').join(', ');
      return failure('invalid-request', `Malformed request for ${channel}: ${where}.`);
    }
    try {
      const value = await handler(parsed.data as IpcRequest<C>);
      return { ok: true, value: schema.response.parse(value) as IpcResponse<C> };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log.warn(`ipc ${channel}: handler failed: ${message}`);
      return failure('handler-failed', message);
    }
  });
}

/** True only for the app's own top-level frame, served from the app origin. */
export function isTrustedSender(event: IpcInvokeEventLike, trustedOrigin: string): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return originOf(frame.url) === trustedOrigin;
}

function failure(code: 'forbidden-sender' | 'invalid-request' | 'handler-failed', message: string) {
  return { ok: false as const, error: { code, message } };
}
