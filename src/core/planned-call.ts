/**
 * A switch as one transaction, decoded from the very data that goes out, for a
 * reviewer to read before approving. Values are text: addresses checksummed,
 * integers in decimal, bytes as hex.
 */
export interface PlannedCall {
  to: string;
  /** who sends it: the signer's address, or the Safe in propose mode */
  from: string | null;
  mode: 'send' | 'propose';
  /** e.g. upgradeToAndCall */
  function: string;
  args: { name: string; type: string; value: string }[];
  /** the initializer inside it, decoded, when there is one */
  initializer: { signature: string; args: { name: string; type: string; value: string }[] } | null;
  data: string;
}
