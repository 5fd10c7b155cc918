/** `host:port` as written in a config: a name or IPv4 address, or an IPv6 address in brackets. */
const HOST_PORT = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** The host (brackets removed) and port of `text`, or null when it is not written as host:port. The port may be out of range. */
export function parseHostPort(text: string): { host: string; port: number } | null {
  const match = HOST_PORT.exec(text);
  return match ? { host: (match[1] as string).replace(/^\[|\]$/g, ''), port: Number(match[2]) } : null;
}

export function validPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}
