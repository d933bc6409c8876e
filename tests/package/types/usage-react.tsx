// The React component's props as a React + wagmi app uses them.
import { useRef } from 'react';
import { AiCreditsWidget } from 'ai-credits-widget/react';
import type { AiCreditsWidgetElement, EIP1193Provider } from 'ai-credits-widget';

export function Credits({ provider }: { provider: EIP1193Provider | null }) {
  const ref = useRef<AiCreditsWidgetElement>(null);
  return (
    <AiCreditsWidget
      ref={ref}
      provider={provider}
      chainId={42220}
      theme="dark"
      locale="en"
      config={{ tokenAddress: '0x62B8…', backendUrl: 'https://credits.example' }}
      className="credits"
      style={{ width: 400, height: 560 }}
      onStateChange={(e) => console.log(e.detail.state, ref.current?.snapshot()?.items.length)}
      onPaySuccess={(e) => console.log(e.detail.credits)}
      onPayError={(e) => console.log(e.detail.message)}
      onStreamChange={(e) => console.log(e.detail.flowRateWeiPerSecond)}
    />
  );
}
