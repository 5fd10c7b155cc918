/** The upgradeable proxies cutover releases; kept apart from the chain code so that the config schema loads without it. */
export const PROXY_KINDS = ['uups', 'transparent', 'beacon'] as const;

/** How a proxy finds its implementation, and so who upgrades it: the implementation itself, a ProxyAdmin, or a beacon. */
export type ProxyKind = (typeof PROXY_KINDS)[number];
