import { fromDayNumber } from '../calendar/index.js';
import { type EvalContext, inForce, lastOf, subjectOf, subjectsOf } from '../engine/context.js';
import { judgeDeadline } from '../engine/deadline.js';
import { advanceBy, retreatBy } from '../engine/durations.js';
import { emitter } from '../engine/emit.js';
import { firstBetween } from '../engine/lower-bound.js';
import type { RuleOf } from '../policy/schema.js';

/**
 * A discussion due a lead time before a date fixed by an episode: the first case review date
 * between `reviewFrom` and `reviewTo` after the episode starts, or else the start plus `after`.
 * Only discussions from `opensAfter` the start count; the episode ending first means not judged.
 */
export function evaluateAheadOfDate(rule: RuleOf<'ahead-of-date'>, ctx: EvalContext): void {
  const after = advanceBy(rule.target.after, ctx.calendar);
  const reviewFrom = advanceBy(rule.target.reviewFrom, ctx.calendar);
  const reviewTo = advanceBy(rule.target.reviewTo, ctx.calendar);
  const back = retreatBy(rule.lead, ctx.calendar);
  const opens = advanceBy(rule.opensAfter, ctx.calendar);
  const emit = emitter(rule, ctx);
  for (const view of subjectsOf(rule, ctx)) {
    if (view.kind !== 'case') continue;
    const subject = subjectOf(view, ctx);
    const closed = view.open[0]?.[1] ?? Infinity;
    for (const episode of view.episodes) {
      if (episode.type !== rule.episode) continue;
      const start = episode.from;
      const end = Math.min(episode.to, closed);
      const review = view.reviews.find((r) => r > reviewFrom(start) && r <= reviewTo(start));
      const target = review ?? after(start);
      const due = back(target);
      const windowOpens = opens(start);
      if (windowOpens < ctx.recordsFrom) continue;
      if (!inForce(ctx, start)) continue; // the version in force when the episode began sets it
      // The first held discussion from the window's opening (events are in day order).
      const met = firstBetween(
        view.events,
        windowOpens,
        Math.min(end, ctx.asOf),
        (ev) => ev.held && rule.counts.includes(ev.type),
      );
      judgeDeadline(
        {
          emit,
          subject,
          due,
          basis: {
            kind: 'before-date',
            from: { reason: 'episode-began', on: fromDayNumber(start), episode: episode.type },
            lead: rule.lead,
            target:
              review === undefined
                ? { on: fromDayNumber(target), after: rule.target.after }
                : { on: fromDayNumber(target), review: true },
            countsFrom: fromDayNumber(windowOpens),
          },
          metOn: met ? met.day : null,
          windowEnd: end,
          closedBy:
            end === closed
              ? { reason: 'case-closed', caseId: view.id }
              : { reason: 'episode-ended', episode: episode.type },
          lastMetOn: lastOf(view, rule.counts, ctx.asOf),
        },
        ctx,
      );
    }
  }
}
