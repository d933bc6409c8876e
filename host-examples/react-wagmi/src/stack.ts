// Where the local chain and the credits backend are: the demo server (scripts/demo.sh) and the
// tests serve them as /stack.json. A real dApp has these as constants.
export interface Stack {
  rpcUrl: string;
  backendUrl: string;
  deployment: { chainId: number; token: string; accounts: string[] };
}

export async function loadStack(): Promise<Stack | null> {
  try {
    const res = await fetch('/stack.json');
    return res.ok ? ((await res.json()) as Stack) : null;
  } catch {
    return null;
  }
}
