// bridge-script-tail.js — the classic bridge script publishes window.AiCreditsWidget.bridge.
const api = window.AiCreditsWidget || (window.AiCreditsWidget = {});
if (!api.bridge) api.bridge = bridge;
