import type { Topic } from '../domain/question';
import type { Matches } from './filter-questions';
import type { Picker } from './question-conflicts';
import type { Random } from './random';
import { createIndexSampler } from './sample-indexes';

function positionAt(matches: Matches, at: number): number {
  return matches.positions ? (matches.positions[at] ?? -1) : at;
}

/** Up to `wanted` random positions among `candidates` (an index into `matches`), skipping `isSkipped` ones. */
export function sample(
  candidates: Int32Array | null,
  size: number,
  wanted: number,
  isSkipped: (position: number) => boolean,
  picker: Picker,
  random: Random,
): number[] {
  const sampler = createIndexSampler(size, random);
  const drawn: number[] = [];
  while (drawn.length < wanted) {
    const at = sampler.next();
    if (at < 0) break;
    const position = candidates ? (candidates[at] ?? -1) : at;
    if (!isSkipped(position) && picker.isFree(position)) {
      drawn.push(position);
      picker.take(position);
    }
  }
  return drawn;
}

/** Round-robin over the topics (in a random order), each turn taking a random unused question of that topic. */
export function sampleSpreadByTopic(
  matches: Matches,
  topics: readonly Topic[],
  wanted: number,
  isExcluded: (position: number) => boolean,
  picker: Picker,
  random: Random,
): number[] {
  const { topicBits } = matches.index;
  const taken = new Set<number>();
  const turns = random.shuffle(topics).map((topic) => {
    const bit = matches.index.topicBit.get(topic) ?? 0;
    const ofTopic: number[] = [];
    for (let at = 0; at < matches.count; at += 1) {
      const position = positionAt(matches, at);
      if (((topicBits[position] ?? 0) & bit) !== 0) ofTopic.push(position);
    }
    return { positions: ofTopic, sampler: createIndexSampler(ofTopic.length, random), isDone: false };
  });
  const drawn: number[] = [];
  while (drawn.length < wanted && turns.some((turn) => !turn.isDone)) {
    for (const turn of turns) {
      if (turn.isDone || drawn.length >= wanted) continue;
      let position = turn.positions[turn.sampler.next()];
      while (
        position !== undefined &&
        (taken.has(position) || isExcluded(position) || !picker.isFree(position))
      ) {
        position = turn.positions[turn.sampler.next()];
      }
      if (position === undefined) {
        turn.isDone = true;
        continue;
      }
      taken.add(position);
      picker.take(position);
      drawn.push(position);
    }
  }
  return drawn;
}
