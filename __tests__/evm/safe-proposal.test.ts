import { batchChecksum, safeProposal } from '../../src/adapters/evm/safe-proposal.js';

describe('Safe Transaction Builder proposal', () => {
  const call = { to: '0x5FbDB2315678afecb367f032d93F642f64180aa3', data: '0x4f1ef286', value: 0n } as const;

  it('writes one raw-data transaction in the batch file format', () => {
    const proposal = safeProposal(call, {
      chainId: 11155111,
      name: 'cutover: upgrade vault',
      description: 'Upgrade to VaultV2',
      createdAt: new Date('2025-01-02T03:04:05.678Z'),
      safe: '0xDF8a1Ce35c9a6ACE153B4e0767942f1E2291a1Aa'
    });
    expect(proposal).toEqual({
      version: '1.0',
      chainId: '11155111',
      createdAt: Date.parse('2025-01-02T03:04:05.678Z'),
      meta: {
        name: 'cutover: upgrade vault',
        description: 'Upgrade to VaultV2',
        txBuilderVersion: expect.stringMatching(/^\d+\.\d+\.\d+$/),
        createdFromSafeAddress: '0xDF8a1Ce35c9a6ACE153B4e0767942f1E2291a1Aa',
        createdFromOwnerAddress: '',
        checksum: expect.stringMatching(/^0x[0-9a-f]{64}$/)
      },
      transactions: [{ to: call.to, value: '0', data: '0x4f1ef286', contractMethod: null, contractInputsValues: null }]
    });
    // The builder checks the file without its checksum; the name is left out so renaming keeps it valid.
    const { checksum, ...meta } = proposal.meta;
    expect(batchChecksum({ ...proposal, meta })).toBe(checksum);
    expect(batchChecksum({ ...proposal, meta: { ...meta, name: 'renamed' } })).toBe(checksum);
    expect(batchChecksum({ ...proposal, meta: { ...meta, description: 'edited' } })).not.toBe(checksum);
    expect(JSON.parse(JSON.stringify(proposal))).toEqual(proposal);
  });

  it('leaves the Safe empty when none is given', () => {
    const proposal = safeProposal(call, { chainId: 1, name: 'n', description: '', createdAt: new Date(0) });
    expect(proposal.meta.createdFromSafeAddress).toBe('');
  });

  it('computes the checksum the Transaction Builder computes', () => {
    // The Transaction Builder's own test vector (safe-react-apps, apps/tx-builder/src/lib/checksum.test.js).
    const owner = '0x49d4450977E2c95362C13D3a31a09311E0Ea26A6';
    const batch = {
      version: '1.0',
      chainId: '4',
      createdAt: 1646321521061,
      meta: { name: 'test batch file', txBuilderVersion: '1.4.0', checksum: '', createdFromSafeAddress: '0xDF8a1Ce35c9a6ACE153B4e0767942f1E2291a1Aa', createdFromOwnerAddress: owner },
      transactions: [
        {
          to: owner,
          value: '0',
          contractMethod: { inputs: [{ internalType: 'address', name: 'paramAddress', type: 'address' }], name: 'testAddress', payable: false },
          contractInputsValues: { paramAddress: owner }
        },
        {
          to: owner,
          value: '0',
          contractMethod: { inputs: [{ internalType: 'bool', name: 'paramBool', type: 'bool' }], name: 'testBool', payable: false },
          contractInputsValues: { paramAddress: '', paramBool: 'false' }
        },
        { to: owner, value: '2000000000000000000', data: '0x42f4579000000000000000000000000049d4450977e2c95362c13d3a31a09311e0ea26a6' }
      ]
    };
    expect(batchChecksum(batch)).toBe('0x4ecbfd364aa6759983915644e73f8bd411e85a2dc306f252a387c2728c4db64c');
  });
});
