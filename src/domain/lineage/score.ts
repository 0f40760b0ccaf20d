import { diceOf, type Grams, gramsOf } from './similarity.ts';

/** What a goal says, for comparing it with another year's goals. */
export interface ItemText {
  id: number;
  no: number;
  text: string;
  unit: string | null;
}

export interface GoalText {
  id: number;
  no: number;
  title: string;
  items: ItemText[];
}

/** The title decides most: items get reworded and reordered far more often than goals are renamed. */
export const TITLE_WEIGHT = 0.6;
/**
 * Goal pairs below this are not suggested. Reworded goals in the seed and demo score ≥ 0.23 with their
 * successor; unrelated pairs sharing a stock phrase (まちづくりの推進) reach 0.4, but one-to-one
 * assignment hands each goal its best partner first, so they lose.
 */
export const GOAL_THRESHOLD = 0.2;
/** Item pairs (inside a matched goal pair) below this are not suggested. */
export const ITEM_THRESHOLD = 0.3;
/** A goal left without a successor is "absorbed" by an item whose text covers it at least this well. */
export const ABSORB_THRESHOLD = 0.3;

export interface PreparedItem {
  item: ItemText;
  grams: Grams;
}

export interface PreparedGoal {
  goal: GoalText;
  index: number;
  title: Grams;
  whole: Grams;
  items: PreparedItem[];
}

export function prepare(goals: GoalText[]): PreparedGoal[] {
  return goals.map((goal, index) => ({
    goal,
    index,
    title: gramsOf(goal.title),
    whole: gramsOf([goal.title, ...goal.items.map(itemWording)].join('\n')),
    items: goal.items.map((item) => ({ item, grams: gramsOf(itemWording(item)) })),
  }));
}

/** A sub-unit's name is part of what an item is about (豊殿地域自治センター's work stays theirs). */
function itemWording(item: ItemText): string {
  return `${item.unit ?? ''}${item.text}`;
}

/**
 * Mean over both sides of each item's best Dice against the other goal's items. Every goal pair of
 * two years is scored, so each Dice is computed once and serves both sides.
 */
function itemOverlap(a: PreparedGoal, b: PreparedGoal): number {
  const bestOfA = new Array<number>(a.items.length).fill(0);
  const bestOfB = new Array<number>(b.items.length).fill(0);
  for (let i = 0; i < a.items.length; i += 1) {
    const gramsA = (a.items[i] as PreparedItem).grams;
    for (let j = 0; j < b.items.length; j += 1) {
      const score = diceOf(gramsA, (b.items[j] as PreparedItem).grams);
      if (score > (bestOfA[i] as number)) bestOfA[i] = score;
      if (score > (bestOfB[j] as number)) bestOfB[j] = score;
    }
  }
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  return (mean(bestOfA) + mean(bestOfB)) / 2;
}

export function goalScore(a: PreparedGoal, b: PreparedGoal): number {
  const title = diceOf(a.title, b.title);
  if (a.items.length === 0 || b.items.length === 0) return title;
  return TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * itemOverlap(a, b);
}
