import { understand } from './bot/src/conversation/understanding/understand.js';
for (const s of ['嗯嗯嗯这个那个','那个谁来着','啊这']) { const u = understand(s); console.log(s, u.kind, u.intent, u.candidates, u.confidence.toFixed(2)); }
