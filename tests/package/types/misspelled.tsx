// Each line below must be a type error: tsc fails ("Unused '@ts-expect-error' directive") when
// the declarations stop catching a misspelled attribute, property, event or state name.
import { AiCreditsWidget } from 'ai-credits-widget/react';
import type { WidgetState } from 'ai-credits-widget';

const el = document.createElement('ai-credits-widget');
// @ts-expect-error: the property is chainId
el.chainID = '42220';
// @ts-expect-error: the property is backendUrl
el.backendURL = 'https://credits.example';
// @ts-expect-error: an unknown event's listener gets a plain Event, which has no detail
el.addEventListener('pay-sucess', (e) => console.log(e.detail.credits));
// @ts-expect-error: pay-success carries credits, not amount
el.addEventListener('pay-success', (e) => console.log(e.detail.amount));
// @ts-expect-error: not one of the 17 state names
const state: WidgetState = 'payment_confirm';
// @ts-expect-error: the config key is backendUrl
el.config = { backendURL: 'https://credits.example' };
// @ts-expect-error: a provider needs request()
el.provider = { send: () => null };

export const misspelledProp = <AiCreditsWidget
  // @ts-expect-error: the callback is onPaySuccess
  onPaySucess={() => {}} />;
export const misspelledAttr = <AiCreditsWidget
  // @ts-expect-error: the prop is chainId
  chainID={42220} />;
export const wrongTheme = <AiCreditsWidget
  // @ts-expect-error: theme is light, dark or auto
  theme="blue" />;
console.log(state);
