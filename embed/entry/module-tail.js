// module-tail.js — importing the ES module defines <ai-credits-widget> (in a browser) and
// exports what the classic script puts on window.AiCreditsWidget. No globals.
if (typeof customElements !== 'undefined') defineElement();

export { mount, AiCreditsWidgetElement, VERSION as version };
