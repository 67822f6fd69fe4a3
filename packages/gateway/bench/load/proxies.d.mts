/** Types of proxies.mjs, for the gateway's integration tests. */
export interface TcpProxy {
  url: string;
  port: number;
  setDelay(ms: number): void;
  setDown(value: boolean): void;
  close(): Promise<void>;
}
export function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy>;

export interface HttpBalancer {
  url: string;
  statuses(): Record<string, number>;
  close(): Promise<void>;
}
export function httpBalancer(
  replicas: string[],
  options?: { checkMs?: number; healthPath?: string | null },
): Promise<HttpBalancer>;
