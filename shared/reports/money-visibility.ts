/**
 * Money in reports is every field named `…Cents` (the project's one spelling for amounts). A person
 * without the financial permissions gets the same report with those fields absent (not zero, which
 * would read as "no revenue"), and the changes keyed by them gone as well.
 */
export type WithoutMoney<T> = T extends readonly (infer U)[]
  ? WithoutMoney<U>[]
  : T extends object
    ? { [K in keyof T as K extends `${string}Cents` ? never : K]: WithoutMoney<T[K]> }
    : T;

const isMoneyKey = (key: string): boolean => key.endsWith("Cents");

export function withoutMoney<T>(value: T): WithoutMoney<T> {
  if (Array.isArray(value)) return value.map((v) => withoutMoney(v)) as WithoutMoney<T>;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isMoneyKey(k)) out[k] = withoutMoney(v);
    return out as WithoutMoney<T>;
  }
  return value as WithoutMoney<T>;
}

/** True when anything in `value` is money: the test that an engineer's report carries none. */
export function hasMoney(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasMoney);
  if (value !== null && typeof value === "object") return Object.entries(value).some(([k, v]) => isMoneyKey(k) || hasMoney(v));
  return false;
}

/** A report as the procedures return it: its money fields present only when `money` is true. */
export type MoneyOptional<T> = T extends readonly (infer U)[]
  ? MoneyOptional<U>[]
  : T extends object
    ? { [K in keyof T as K extends `${string}Cents` ? never : K]: MoneyOptional<T[K]> } & { [K in keyof T as K extends `${string}Cents` ? K : never]?: T[K] }
    : T;

/** The report as it may be shown: whole, or without its money. */
export function shownReport<T>(report: T, money: boolean): MoneyOptional<T> {
  return (money ? report : withoutMoney(report)) as MoneyOptional<T>;
}
