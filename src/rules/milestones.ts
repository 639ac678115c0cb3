import { fromDayNumber } from '../calendar/index.js';
import { conditionSpans } from '../engine/conditions.js';
import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy } from '../engine/durations.js';
import { emitter } from '../engine/emit.js';
import { contains } from '../engine/spans.js';
import type { RuleOf } from '../policy/schema.js';

/**
 * Events due at fixed offsets from an anchor (probation reviews at 3 and 6 months). Each is met
 * by the first qualifying event after the one that met the previous milestone.
 */
export function evaluateMilestones(rule: RuleOf<'milestones'>, ctx: EvalContext): void {
  const emit = emitter(rule, ctx);
  const reason =
    rule.anchor === 'start' ? 'started' : rule.anchor === 'roleStart' ? 'started-in-role' : 'asye-began';
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'staff') continue;
    const anchor =
      rule.anchor === 'start' ? view.start : rule.anchor === 'roleStart' ? view.roleStart : view.asye?.[0];
    if (
      anchor === undefined ||
      anchor < ctx.recordsFrom ||
      !inForce(ctx, anchor) ||
      !contains(conditionSpans(rule.when, view, ctx), anchor)
    )
      continue;
    const subject = subjectOf(view, ctx);
    const events = view.events.filter(
      (ev) =>
        ev.held &&
        ev.day >= anchor &&
        ev.day <= Math.min(view.end, ctx.asOf) &&
        rule.counts.includes(ev.type),
    );
    let used = 0;
    for (const offset of rule.at) {
      const met = events[used];
      if (met) used++;
      judgeDeadline(
        {
          emit,
          subject,
          due: advanceBy(offset, ctx.calendar)(anchor),
          basis: {
            kind: 'within',
            from: { reason, on: fromDayNumber(anchor), staffId: view.id },
            within: offset,
            milestone: true,
          },
          metOn: met ? met.day : null,
          windowEnd: view.end,
          closedBy: { reason: 'left', staffId: view.id },
          lastMetOn: lastOf(view, rule.counts, ctx.asOf),
        },
        ctx,
      );
    }
  }
}
