const NUMBER = /\d+(?:[.,]\d+)*/g;

/** Every number token in a text exactly as it is written ("4,000", "2.500", "1977"), in order. */
export function numbersAsWritten(text: string): string[] {
  return [...text.matchAll(NUMBER)].map(([token]) => token);
}

/**
 * Every number a text states, read both ways a thousands separator can go ("4,000" is 4000,
 * "2.500" may be 2500, "€34,420 billion" may be 34.42 or 34420): a checker that asks whether
 * a value appears in a quote must accept any reading a reader could make.
 */
export function findNumbers(text: string): number[] {
  const found = new Set<number>();
  for (const token of numbersAsWritten(text)) {
    found.add(Number(token.replaceAll(',', '')));
    found.add(Number(token.replaceAll('.', '').replace(',', '.')));
  }
  return [...found].filter(Number.isFinite);
}

export function statesNumber(text: string, value: number): boolean {
  return findNumbers(text).some((number) => Math.abs(number - value) < 1e-9);
}
