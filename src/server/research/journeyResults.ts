import type { Journey } from '../../schemas/index.ts';
import { SOMEONE_ELSE } from '../../forms/journeyMap.ts';
import type { StoredResponse } from './results.ts';

/** One stage of a stored map, as src/forms/journeyMap.ts validates and stores it. */
export interface StoredStage {
  name: string;
  happened: string;
  who: string[];
  feeling: number;
  helped: string;
  wouldHaveHelped: string;
}

/** A stored journey map as the research pages read it. */
export interface StoredMap {
  id: number;
  /** Its number within the activity (map 1, 2, 3), as researchers cite it. */
  number: number;
  receivedOn: string;
  role: string;
  stages: StoredStage[];
}

/** Feelings summarised: how many, average and spread. Null fields when there are none. */
export interface FeelingStats {
  count: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation: these maps are described, not sampled. */
  sd: number | null;
}

export interface RoleResult {
  role: string;
  label: string;
  /** Maps by people of this role with at least one stage in the group. */
  maps: number;
  feeling: FeelingStats;
}

/** A "what would have helped" answer, with what a code form needs to tag it. */
export interface WouldHaveHelped {
  responseId: number;
  responseNumber: number;
  stageIndex: number;
  /** answer_codes.question_id: `stages.<i>.wouldHaveHelped`. */
  questionId: string;
  stageName: string;
  role: string;
  text: string;
}

export interface GroupResult {
  name: string;
  /** A suggested stage of the activity (else a researcher's group or an ungrouped free name). */
  suggested: boolean;
  /** True for a free stage name no researcher has grouped yet. */
  ungrouped: boolean;
  /** The distinct stage names (as first written) that fell into this group. */
  stageNames: string[];
  /** Maps with at least one stage in the group. */
  maps: number;
  /** Stages in the group (a map naming the same stage twice counts twice). */
  stages: number;
  feeling: FeelingStats;
  /** Per participant role, in the activity's order; roles with no stage here are left out. */
  byRole: RoleResult[];
  /** How many stages listed each involved role, in the activity's order (zero counts kept). */
  who: { value: string; label: string; count: number }[];
  wouldHaveHelped: WouldHaveHelped[];
}

export interface CombinedJourneys {
  /** Maps combined. */
  total: number;
  groups: GroupResult[];
  /** Participant roles with at least one map, in the activity's order. */
  roles: { value: string; label: string; maps: number }[];
  /** Free stage names (not suggested ones), each once, with their current group if any. */
  freeNames: { name: string; group: string | null; uses: number }[];
}

/** A stage name as names are compared: trimmed, without case. */
export const stageKey = (name: string) => name.trim().toLocaleLowerCase('en-GB');

const round1 = (n: number) => Math.round(n * 10) / 10;

export function feelingStats(values: number[]): FeelingStats {
  if (values.length === 0) return { count: 0, mean: null, min: null, max: null, sd: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return {
    count: values.length,
    mean: round1(mean),
    min: Math.min(...values),
    max: Math.max(...values),
    // One map has no spread to measure: "0" would read as "everyone agreed".
    sd: values.length < 2 ? null : round1(Math.sqrt(variance)),
  };
}

/** A stored journey response as a map; fields missing from old or odd rows read as empty. */
export function toStoredMap(response: StoredResponse): StoredMap {
  const answers = response.answers as { role?: unknown; stages?: unknown };
  const stages = Array.isArray(answers.stages) ? answers.stages : [];
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: response.id,
    number: response.number,
    receivedOn: response.receivedOn,
    role: str(answers.role),
    stages: stages.map((raw) => {
      const s = (raw ?? {}) as Record<string, unknown>;
      return {
        name: str(s.name),
        happened: str(s.happened),
        who: Array.isArray(s.who) ? s.who.map(String) : [],
        feeling: Number(s.feeling),
        helped: str(s.helped),
        wouldHaveHelped: str(s.wouldHaveHelped),
      };
    }),
  };
}

/**
 * Decides which group a stage name belongs to: a suggested stage when the name is one (trimmed,
 * without case), else the group a researcher put it in (a suggested stage's own spelling when
 * the group names one), else the name itself, ungrouped. `groups` maps stageKey(name) → group.
 */
export function stageGrouper(journey: Journey, groups: Map<string, string>) {
  const suggested = new Map(journey.suggestedStages.map((s) => [stageKey(s.name), s.name]));
  return (name: string): { group: string; suggested: boolean; ungrouped: boolean } => {
    const own = suggested.get(stageKey(name));
    if (own) return { group: own, suggested: true, ungrouped: false };
    const chosen = groups.get(stageKey(name));
    if (chosen) {
      const target = suggested.get(stageKey(chosen));
      return { group: target ?? chosen.trim(), suggested: Boolean(target), ungrouped: false };
    }
    return { group: name.trim(), suggested: false, ungrouped: true };
  };
}

/**
 * The activity's maps combined stage group by stage group. Groups come in the activity's
 * suggested order (only those some map used), then researchers' groups and ungrouped names in
 * order of first use.
 */
export function combineJourneys(
  journey: Journey,
  maps: StoredMap[],
  groups: Map<string, string>,
): CombinedJourneys {
  const groupOf = stageGrouper(journey, groups);
  const roleLabel = new Map(journey.participantRoles.map((r) => [r.value, r.label]));
  const involved = [...journey.involvedRoles, { value: SOMEONE_ELSE, label: 'Someone else' }];
  interface Acc {
    name: string;
    suggested: boolean;
    ungrouped: boolean;
    names: Map<string, string>;
    maps: Set<number>;
    feelings: number[];
    byRole: Map<string, { maps: Set<number>; feelings: number[] }>;
    who: Map<string, number>;
    wouldHaveHelped: WouldHaveHelped[];
  }
  const acc = new Map<string, Acc>();
  const free = new Map<string, { name: string; group: string | null; uses: number }>();
  for (const map of maps) {
    map.stages.forEach((stage, i) => {
      if (stage.name.trim() === '') return;
      const { group, suggested, ungrouped } = groupOf(stage.name);
      if (!suggested || stageKey(stage.name) !== stageKey(group)) {
        const key = stageKey(stage.name);
        const entry = free.get(key) ?? {
          name: stage.name.trim(),
          group: ungrouped ? null : group,
          uses: 0,
        };
        entry.uses++;
        free.set(key, entry);
      }
      const key = stageKey(group);
      let a = acc.get(key);
      if (!a) {
        a = {
          name: group,
          suggested,
          ungrouped,
          names: new Map(),
          maps: new Set(),
          feelings: [],
          byRole: new Map(),
          who: new Map(),
          wouldHaveHelped: [],
        };
        acc.set(key, a);
      }
      if (!a.names.has(stageKey(stage.name))) a.names.set(stageKey(stage.name), stage.name.trim());
      a.maps.add(map.id);
      const role = a.byRole.get(map.role) ?? { maps: new Set<number>(), feelings: [] };
      role.maps.add(map.id);
      if (Number.isFinite(stage.feeling)) {
        a.feelings.push(stage.feeling);
        role.feelings.push(stage.feeling);
      }
      a.byRole.set(map.role, role);
      for (const who of new Set(stage.who)) a.who.set(who, (a.who.get(who) ?? 0) + 1);
      if (stage.wouldHaveHelped.trim() !== '') {
        a.wouldHaveHelped.push({
          responseId: map.id,
          responseNumber: map.number,
          stageIndex: i,
          questionId: `stages.${i}.wouldHaveHelped`,
          stageName: stage.name.trim(),
          role: map.role,
          text: stage.wouldHaveHelped,
        });
      }
    });
  }
  const order = new Map(journey.suggestedStages.map((s, i) => [stageKey(s.name), i]));
  const sorted = [...acc.entries()]
    .map(([key, a], seen) => ({ a, rank: order.get(key) ?? order.size + seen }))
    .sort((x, y) => x.rank - y.rank)
    .map(({ a }) => a);
  const roleOrder = journey.participantRoles.map((r) => r.value);
  const rolesSeen = new Map<string, Set<number>>();
  for (const map of maps) {
    rolesSeen.set(map.role, (rolesSeen.get(map.role) ?? new Set()).add(map.id));
  }
  const ordered = (roles: Iterable<string>) =>
    [...roles].sort(
      (x, y) =>
        (roleOrder.indexOf(x) + 1 || Infinity) - (roleOrder.indexOf(y) + 1 || Infinity) ||
        x.localeCompare(y),
    );
  return {
    total: maps.length,
    roles: ordered(rolesSeen.keys()).map((value) => ({
      value,
      label: roleLabel.get(value) ?? value,
      maps: rolesSeen.get(value)!.size,
    })),
    freeNames: [...free.values()],
    groups: sorted.map((a) => ({
      name: a.name,
      suggested: a.suggested,
      ungrouped: a.ungrouped,
      stageNames: [...a.names.values()],
      maps: a.maps.size,
      stages: a.feelings.length,
      feeling: feelingStats(a.feelings),
      byRole: ordered(a.byRole.keys()).map((role) => ({
        role,
        label: roleLabel.get(role) ?? role,
        maps: a.byRole.get(role)!.maps.size,
        feeling: feelingStats(a.byRole.get(role)!.feelings),
      })),
      who: [
        ...involved.map(({ value, label }) => ({ value, label, count: a.who.get(value) ?? 0 })),
        ...[...a.who.entries()]
          .filter(([value]) => !involved.some((r) => r.value === value))
          .map(([value, count]) => ({ value, label: value, count })),
      ],
      wouldHaveHelped: a.wouldHaveHelped,
    })),
  };
}

/** The export's columns, one row per stage. */
export const JOURNEY_EXPORT_HEADER = [
  'map_id',
  'received_on',
  'role',
  'stage_number',
  'stage_name',
  'stage_group',
  'feeling',
  'who',
  'happened',
  'helped',
  'would_have_helped',
];

/** One map as export rows: one per stage, `who` joined by "; ", feeling as its number 1 to 5. */
export function journeyExportRows(
  map: StoredMap,
  groupOf: ReturnType<typeof stageGrouper>,
): string[][] {
  return map.stages.map((stage, i) => [
    String(map.id),
    map.receivedOn,
    map.role,
    String(i + 1),
    stage.name,
    stage.name.trim() === '' ? '' : groupOf(stage.name).group,
    Number.isFinite(stage.feeling) ? String(stage.feeling) : '',
    stage.who.join('; '),
    stage.happened,
    stage.helped,
    stage.wouldHaveHelped,
  ]);
}
