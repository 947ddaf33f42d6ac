import { completeItalian } from '../i18n/italian';

// The pages get their module's Italian words with their own code (src/i18n/italian.ts); a unit
// test renders a component alone, with every word already there.
await completeItalian();
