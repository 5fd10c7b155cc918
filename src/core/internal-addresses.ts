import { COLORS, type Color } from './color.js';

/**
 * A message for a page others read (the job summary) without the addresses the colors run at
 * inside the network: ` (blue at 10.0.0.5:8080, green at …)` goes, and any other mention of an
 * address becomes `<color>'s upstream`. Public addresses (a preview URL, a contract) are not given.
 */
export function withoutInternalAddresses(message: string, addresses: Partial<Record<Color, readonly string[]>>): string {
  let shown = message.replace(/ \(blue at [^,()]*, green at [^()]*\)/g, '');
  for (const color of COLORS) {
    for (const address of addresses[color] ?? []) {
      if (address) shown = shown.split(address).join(`${color}'s upstream`);
    }
  }
  return shown;
}
