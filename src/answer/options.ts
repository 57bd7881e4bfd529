/**
 * Every tunable of the answer engine, in one place, with why it has its value. Values are chosen by
 * `npm run tune -- <option> <values…>`, which prints every dev-set metric for each value; change a
 * default only with such a sweep behind it.
 */
export interface EngineOptions {
  /** Below this answerability (share of the question's weight the best passage covers), the story does not answer. */
  minCoverage: number;
}

/** The defaults, each chosen by a sweep over all dev sets (see README, "Tuning"). */
export const DEFAULT_OPTIONS: Readonly<EngineOptions> = {
  minCoverage: 0.5,
};

/** Options with overrides applied; unknown keys are ignored. */
export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return { ...DEFAULT_OPTIONS, ...overrides };
}
