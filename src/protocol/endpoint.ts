/** What both a Worker (or its global scope) and a MessagePort offer. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener?(type: 'message', listener: (event: MessageEvent) => void): void;
  /** MessagePort needs start() when listened to with addEventListener. */
  start?(): void;
}
