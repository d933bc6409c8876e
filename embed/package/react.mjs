'use client';
// ai-credits-widget/react — <AiCreditsWidget> over the <ai-credits-widget> custom element, for
// React 18 and 19. Attributes are rendered (so the element starts with them); `provider` and
// `config` are set as properties through a ref, and the widget's events call the on… props.
// Unmounting removes the element, which frees its wasm instance and every listener it added.
import { createElement, forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef } from 'react';
import './ai-credits-widget.mjs';

const EVENT_PROPS = {
  'state-change': 'onStateChange',
  'pay-success': 'onPaySuccess',
  'pay-error': 'onPayError',
  'stream-change': 'onStreamChange',
};

// Runs before paint on the client; a server has neither (and needs neither).
const useClientLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

const attribute = (value) => (value === null || value === undefined ? undefined : String(value));

export const AiCreditsWidget = forwardRef(function AiCreditsWidget(props, ref) {
  const {
    provider = null, config = null, chainId, theme, locale, wasmUrl, walletRdns,
    onStateChange, onPaySuccess, onPayError, onStreamChange, ...rest
  } = props;
  const element = useRef(null);
  useImperativeHandle(ref, () => element.current, []);

  // The latest committed callbacks, read when an event arrives: new functions on every render
  // re-bind nothing.
  const callbacks = useRef({});
  useClientLayoutEffect(() => {
    callbacks.current = { onStateChange, onPaySuccess, onPayError, onStreamChange };
  });
  useClientLayoutEffect(() => {
    const el = element.current;
    const listeners = Object.entries(EVENT_PROPS).map(([type, prop]) => {
      const listener = (event) => {
        const fn = callbacks.current[prop];
        if (typeof fn === 'function') fn(event);
      };
      el.addEventListener(type, listener);
      return [type, listener];
    });
    return () => {
      for (const [type, listener] of listeners) el.removeEventListener(type, listener);
    };
  }, []);

  useClientLayoutEffect(() => {
    element.current.provider = provider || null;
  }, [provider]);

  // A config equal to the last one (an inline object re-created by every render) changes
  // nothing: setting `config` re-creates the widget.
  const configKey = config ? JSON.stringify(config) : '';
  useClientLayoutEffect(() => {
    element.current.config = config ? { ...config } : null;
  }, [configKey]);

  return createElement('ai-credits-widget', {
    ...rest,
    ref: element,
    'chain-id': attribute(chainId),
    theme: attribute(theme),
    locale: attribute(locale),
    'wasm-url': attribute(wasmUrl),
    'wallet-rdns': attribute(walletRdns),
  });
});
