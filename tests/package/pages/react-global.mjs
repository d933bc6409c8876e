// `import … from 'react'` for the page without a bundler: React 18's browser build sets window.React.
const R = window.React;
export default R;
export const {
  createElement, forwardRef, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState,
} = R;
