import type { Duration, Policy, Rule } from '../../src/policy/schema.js';

const dur = (d: Duration | { fromArrangement: string }): string => {
  if ('fromArrangement' in d) return `the ${d.fromArrangement.replace(/-/g, ' ')}'s interval`;
  const [unit, n] = Object.entries(d).find(([, v]) => v !== undefined) as [string, number];
  const names: Record<string, string> = {
    days: 'day',
    weeks: 'week',
    months: 'month',
    workingDays: 'working day',
  };
  return `${n} ${names[unit]}${n === 1 ? '' : 's'}`;
};

/** What a rule asks, in a table cell. */
export function timing(rule: Rule): string {
  switch (rule.kind) {
    case 'interval': {
      const steps = rule.schedule.map((e) => (e.label ? `${dur(e.interval)} (${e.label})` : dur(e.interval)));
      return steps.join('; ') + (rule.breachAfter ? `; breach after ${dur(rule.breachAfter)}` : '');
    }
    case 'first-within':
      return rule.triggers
        .map((t) =>
          t.within ? `${dur(t.within)} after ${t.on}` : `by the first ${t.byFirst?.join('/')} after ${t.on}`,
        )
        .join('; ');
    case 'recording': {
      const d = rule.deadline;
      return 'workingDays' in d
        ? `${d.workingDays} working day(s)`
        : 'hours' in d
          ? `${d.hours} hours`
          : 'same day';
    }
    case 'rearrange':
    case 'follow-up':
      return `within ${dur(rule.within)}`;
    case 'count-per-period':
      return `${rule.minimum} per ${'between' in rule.period ? 'review period' : `year from ${rule.period.yearFrom}`}${rule.proRata ? ' (pro rata)' : ''}`;
    case 'minutes-per-period':
      return `${rule.minimumMinutes} minutes per ${rule.period}`;
    case 'session-length':
      return `${rule.minimumMinutes} minutes a session`;
    case 'per-shifts':
      return `every ${rule.everyShifts} shifts worked`;
    case 'ahead-of-date':
      return `${dur(rule.lead)} before ${rule.episode} start + ${dur(rule.target.after)} (or the review)`;
    case 'milestones':
      return rule.at.map(dur).join(' and ') + ` after ${rule.anchor}`;
    case 'exception':
      return `${rule.modifies} becomes ${dur(rule.interval)}`;
    case 'retention':
      return `keep ${dur(rule.keepFor)}`;
    case 'untimed':
      return rule.appliesInstead?.length ? `untimed: ${rule.appliesInstead.join(', ')} applies` : 'untimed';
  }
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** The README table of one policy's rules. */
export function rulesTable(policy: Policy): string {
  const rows = policy.rules.map(
    (r) =>
      `| ${r.id} | ${cell(r.name)} (${r.activity}) | ${cell(timing(r))} | ${r.strength} | ${cell(r.note ?? '')} | ${cell(r.citation.section)} |`,
  );
  return [
    `**${policy.name}**, ${policy.council} (\`${policy.id}\`, version ${policy.version}, effective ${policy.effectiveFrom}, source \`${policy.source}\`)`,
    '',
    '| id | requirement | interval | strength | interpretation | section |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
