import { evaluate } from '../../src/index.js';

const history = {
  recordsFrom: '2025-06-30', // the history is complete from here: no deadline before it is judged
  staff: [{ id: 'S1', role: 'social-worker', startDate: '2018-01-08', qualifiedDate: '2017-07-01' }],
  events: [
    { id: 'E1', type: 'one-to-one', date: '2025-06-30', superviseeId: 'S1', recordedAt: '2025-06-30' },
    { id: 'E2', type: 'one-to-one', date: '2025-08-04', superviseeId: 'S1', recordedAt: '2025-08-05' },
  ],
};
const report = evaluate('york', history, { asOf: '2025-09-15' });
for (const b of report.breaches) console.log(b.ruleId, b.kind, b.explanation);
