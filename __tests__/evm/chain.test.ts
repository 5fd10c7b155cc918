import { BadInputError, ReleaseError } from '../../src/shared/errors.js';
import { freePort } from '../../src/shared/io/ports.js';
import { connectChain } from '../../src/adapters/evm/chain.js';
import { ANVIL_KEYS, describeWithAnvil, startAnvil, type LocalAnvil } from '../support/evm.js';

const FIELDS = { rpc: 'router.rpc', chainId: 'router.chain-id', privateKey: 'router.private-key' };

describeWithAnvil('connectChain', () => {
  let anvil: LocalAnvil;
  beforeAll(async () => {
    anvil = await startAnvil({ chainId: 1337 });
  });
  afterAll(async () => {
    await anvil?.stop();
  });

  it('connects with a signer, or read-only without a key', async () => {
    const chain = await connectChain({ rpcUrl: anvil.url, chainId: 1337, privateKey: ANVIL_KEYS[0] }, FIELDS);
    expect(chain.chainId).toBe(1337);
    expect(chain.account).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
    expect(chain.wallet?.account?.address).toBe(chain.account);
    expect(chain.client.pollingInterval).toBe(50);
    expect(await chain.client.getBlockNumber({ cacheTime: 0 })).toBe(0n);
    const readOnly = await connectChain({ rpcUrl: anvil.url, chainId: 1337 }, FIELDS);
    expect(readOnly.wallet).toBeNull();
    expect(readOnly.account).toBeNull();
  });

  it('refuses a chain id the endpoint does not serve, naming the field, both ids and the fix', async () => {
    const error = await connectChain({ rpcUrl: anvil.url, chainId: 1 }, FIELDS).catch(e => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/^router\.chain-id: expected chain 1, but the RPC endpoint of router\.rpc serves chain 1337\. .*set router\.chain-id to 1337/);
    expect(error.message).not.toContain(anvil.url);
  });

  it('names the field of an unreachable endpoint without showing its URL, which may carry a key', async () => {
    const url = `http://user:secret@127.0.0.1:${await freePort()}/v3/apikey123`;
    const error = await connectChain({ rpcUrl: url, chainId: 1337 }, FIELDS).catch(e => e);
    expect(error).toBeInstanceOf(ReleaseError);
    expect(error.message).toMatch(/^router\.rpc: the RPC endpoint does not answer eth_chainId \(HTTP request failed, ECONNREFUSED\)/);
    expect(error.message).not.toMatch(/apikey123|secret|127\.0\.0\.1/);
    expect(error.cause).toBeUndefined();
  });

  it('refuses a malformed private key without echoing it', async () => {
    const key = '0x1234abcd';
    const error = await connectChain({ rpcUrl: anvil.url, chainId: 1337, privateKey: key }, FIELDS).catch(e => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error.message).toMatch(/^router\.private-key: not a valid private key/);
    expect(error.message).not.toContain('1234abcd');
  });
});
