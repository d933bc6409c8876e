// Shared setup of the chain tests: a fresh anvil on a free port + full deployment.
import { Interface, AbiCoder, id } from 'ethers';
import { startAnvil } from '../../chain/lib/anvil.mjs';
import { compileContract } from '../../chain/lib/compile.mjs';
import { deployAll, HOST_ABI, TOKEN_ABI, FORWARDER_ABI, G } from '../../chain/lib/deploy.mjs';
import { rpcClient, RpcError } from '../../chain/lib/rpc.mjs';

export { G };
export const vaultIface = new Interface(compileContract().abi);
export const hostIface = new Interface(HOST_ABI);
export const tokenIface = new Interface(TOKEN_ABI);
export const forwarderIface = new Interface(FORWARDER_ABI);
export const coder = AbiCoder.defaultAbiCoder();
export const DEPOSITED_TOPIC = id('Deposited(address,address,uint256,uint256)');

export async function setupChain() {
  const node = await startAnvil();
  try {
    const d = await deployAll({ rpcUrl: node.url });
    const rpc = rpcClient(node.url);
    return { node, d, rpc, ...chainHelpers(rpc, d) };
  } catch (e) {
    await node.stop();
    throw e;
  }
}

export function chainHelpers(rpc, d) {
  const read = async (to, iface, fn, args = []) => {
    const res = await rpc.call('eth_call', [{ to, data: iface.encodeFunctionData(fn, args) }, 'latest']);
    const out = iface.decodeFunctionResult(fn, res);
    return out.length === 1 ? out[0] : out;
  };
  const write = (from, to, iface, fn, args = []) =>
    rpc.send({ from, to, data: iface.encodeFunctionData(fn, args) });
  const balanceOf = (who) => read(d.token, tokenIface, 'balanceOf', [who]);

  /** eth_call a tx expected to revert; returns the decoded custom error of the vault (or the raw data). */
  async function revertOf(tx) {
    try {
      await rpc.call('eth_call', [tx, 'latest']);
    } catch (e) {
      if (!(e instanceof RpcError)) throw e;
      const data = typeof e.data === 'string' ? e.data : e.data?.data;
      if (data && data.length >= 10) {
        const parsed = vaultIface.parseError(data);
        if (parsed) return { name: parsed.name, args: parsed.args, data };
      }
      return { name: null, data, message: e.message };
    }
    throw new Error('expected a revert, the call succeeded');
  }

  return { read, write, balanceOf, revertOf };
}
