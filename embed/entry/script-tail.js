// script-tail.js — the classic script publishes window.AiCreditsWidget and defines the element.
// Merged into an existing object: the iframe bridge script (ai-credits-bridge.js) may have
// defined window.AiCreditsWidget.bridge first.
if (!window.AiCreditsWidget || !window.AiCreditsWidget.mount) {
  window.AiCreditsWidget = Object.assign(window.AiCreditsWidget || {}, { mount, version: VERSION });
}
defineElement();
